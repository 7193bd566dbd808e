/*
 * A scriptable Siebel host for the end-to-end tests (tests/Integration.Tests/EndToEnd): loads the
 * published driver with dlopen (LoadLibraryW on Windows) exactly as Siebel's Communications Session Manager does (APIVersion,
 * RequestMediaTypeList, RequestCommandEventList, CreateISCDriverInstance, RequestService, ...),
 * reads one command per line on stdin and prints one line per driver callback on stdout. Unlike
 * tests/native/siebel_host_test.c it checks nothing itself: the C# harness decides what is right.
 *
 * Usage: siebel_e2e_host PATH/libSiebelCtiDriver.so   (siebel_e2e_host.exe PATH\SiebelCtiDriver.dll under Wine)
 *
 * Lines are fields separated by TAB; in a field, '\' 't' 'n' 'r' escapes ('\\', '\t', '\n', '\r')
 * stand for themselves. Strings are UTF-8 on both pipes and UTF-16 towards the driver.
 *
 * Commands (ID is the caller's number, echoed in the RESULT line; k=v fields become an
 * ISC_KVParamList, an empty string parameter is passed as NULL):
 *   ID driver k=v...                         CreateISCDriverInstance("Voice", "ENU", "", params)
 *   ID service SVC k=v...                    RequestService(driver, client interface of SVC, "", params)
 *   ID invoke SVC TRACK COMMAND STRPARAM k=v...   InvokeCommand
 *   ID makecall SVC TRACK k=v...             InvokeCommandEx(SC_CT_MAKECALL)
 *   ID accept|release|suspend|resume SVC WORKITEM   AcceptWorkItem, ReleaseWorkItem, ...
 *   ID release-service SVC                   ReleaseISCServiceInstance
 *   ID release-driver                        ReleaseISCDriverInstance
 * Output:
 *   HELLO APIVERSION COMMANDS EVENTS         once loaded (commands/events comma-separated)
 *   RESULT ID CODE                           the SCErrorCode an export returned
 *   EVENT SVC NAME TRACKING k=v...           HandleEvent
 *   TOOLBAR SVC ENABLED                      CacheCommandInformation: the enabled commands, comma-separated
 *   ERROR SVC TRACK MESSAGE                  HandleError (TRACK empty for NULL)
 *   INDICATE SVC ID DESCRIPTION MODE         IndicateNewWorkItem (MODE 1 inbound, 2 outbound)
 *   STARTED SVC ID DESCRIPTION ADDRESS       WorkItemStarted
 *   SUSPENDED SVC ID / RESUMED SVC ID / RELEASED SVC ID / CLEANALL SVC / STATUS SVC TEXT
 *   PROBLEM SVC TEXT                         the driver broke a rule of the ABI (overlapping
 *                                            callbacks of one service, inconsistent lists, callback
 *                                            after release): the harness fails the test
 *   FATAL TEXT                               the host cannot go on (exit 2)
 * At end of input every service and the driver are released and the host exits 0.
 */
#include <stdarg.h>
#include <stdatomic.h>

#include "../host_platform.h"
#include "../scapi_host.h"

#define MAX_SERVICES 1024
#define MAX_FIELDS 256

static APIVersion_fn APIVersion;
static CreateISCDriverInstance_fn CreateISCDriverInstance;
static RequestMediaTypeList_fn RequestMediaTypeList;
static RequestCommandEventList_fn RequestCommandEventList;
static FreeSCStrParamList_fn FreeSCStrParamList;
static ReleaseISCDriverInstance_fn ReleaseISCDriverInstance;
static RequestService_fn RequestService;
static ReleaseISCServiceInstance_fn ReleaseISCServiceInstance;
static InvokeCommand_fn InvokeCommand;
static InvokeCommandEx_fn InvokeCommandEx;
static WorkItem_fn AcceptWorkItem, ReleaseWorkItem, SuspendWorkItem, ResumeWorkItem;

struct service {
  char name[128];
  ISC_SERVICE_HANDLE handle;
  atomic_int in_callback;
  atomic_int released;
};

static struct service *services[MAX_SERVICES];
static int service_count;
static ISC_DRIVER_HANDLE driver;
static host_mutex out_lock = HOST_MUTEX_INIT;

/* ---- output lines ---- */

struct line { char *buf; size_t len, cap; };

static void put(struct line *l, const char *s, size_t n)
{
  if (l->len + n + 1 > l->cap) {
    l->cap = (l->len + n + 1) * 2;
    l->buf = (char *)realloc(l->buf, l->cap);
    if (l->buf == NULL) { fputs("FATAL\tout of memory\n", stdout); exit(2); }
  }
  memcpy(l->buf + l->len, s, n);
  l->len += n;
  l->buf[l->len] = 0;
}

static void put_escaped_char(struct line *l, char c)
{
  switch (c) {
  case '\\': put(l, "\\\\", 2); break;
  case '\t': put(l, "\\t", 2); break;
  case '\n': put(l, "\\n", 2); break;
  case '\r': put(l, "\\r", 2); break;
  default: put(l, &c, 1); break;
  }
}

static void field_ascii(struct line *l, const char *s)
{
  put(l, "\t", 1);
  for (; s != NULL && *s; s++) put_escaped_char(l, *s);
}

/* Appends a UTF-16 string as escaped UTF-8; unpaired surrogates become U+FFFD. */
static void append_u16(struct line *l, const ISC_CHAR *s)
{
  for (size_t i = 0; s != NULL && s[i]; i++) {
    uint32_t cp = s[i];
    if (cp >= 0xD800 && cp <= 0xDBFF && s[i + 1] >= 0xDC00 && s[i + 1] <= 0xDFFF) {
      cp = 0x10000 + ((cp - 0xD800) << 10) + (s[i + 1] - 0xDC00);
      i++;
    } else if (cp >= 0xD800 && cp <= 0xDFFF) {
      cp = 0xFFFD;
    }
    char b[4];
    if (cp < 0x80) { put_escaped_char(l, (char)cp); continue; }
    if (cp < 0x800) { b[0] = (char)(0xC0 | (cp >> 6)); b[1] = (char)(0x80 | (cp & 0x3F)); put(l, b, 2); continue; }
    if (cp < 0x10000) {
      b[0] = (char)(0xE0 | (cp >> 12)); b[1] = (char)(0x80 | ((cp >> 6) & 0x3F)); b[2] = (char)(0x80 | (cp & 0x3F));
      put(l, b, 3);
      continue;
    }
    b[0] = (char)(0xF0 | (cp >> 18)); b[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    b[2] = (char)(0x80 | ((cp >> 6) & 0x3F)); b[3] = (char)(0x80 | (cp & 0x3F));
    put(l, b, 4);
  }
}

static void field_u16(struct line *l, const ISC_CHAR *s)
{
  put(l, "\t", 1);
  append_u16(l, s);
}

static void field_long(struct line *l, long v)
{
  char b[32];
  snprintf(b, sizeof b, "%ld", v);
  field_ascii(l, b);
}

static void emit(struct line *l)
{
  host_mutex_lock(&out_lock);
  fwrite(l->buf, 1, l->len, stdout);
  fputc('\n', stdout);
  fflush(stdout);
  host_mutex_unlock(&out_lock);
  free(l->buf);
}

static struct line begin(const char *kind, const struct service *s)
{
  struct line l = { 0 };
  put(&l, kind, strlen(kind));
  if (s != NULL) field_ascii(&l, s->name);
  return l;
}

static void problem(const struct service *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void problem(const struct service *s, const char *fmt, ...)
{
  char text[512];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(text, sizeof text, fmt, ap);
  va_end(ap);
  struct line l = begin("PROBLEM", s);
  field_ascii(&l, text);
  emit(&l);
}

/* ---- client interface: every callback prints one line ---- */

static struct service *enter(ISC_CLIENT_HANDLE h, const char *what)
{
  struct service *s = h;
  if (atomic_load(&s->released)) problem(s, "%s after ReleaseISCServiceInstance returned", what);
  if (atomic_fetch_add(&s->in_callback, 1) != 0) problem(s, "%s overlaps another callback of the same service", what);
  return s;
}

static ISC_RESULT leave(struct service *s)
{
  atomic_fetch_sub(&s->in_callback, 1);
  return SC_EC_OK;
}

/* A callback reported as KIND SVC TEXT. */
static ISC_RESULT one_string(ISC_CLIENT_HANDLE h, const char *method, const char *kind, const ISC_STRING text)
{
  struct service *s = enter(h, method);
  struct line l = begin(kind, s);
  field_u16(&l, text);
  emit(&l);
  return leave(s);
}

static ISC_RESULT cb_BeginBatch(ISC_CLIENT_HANDLE h) { (void)h; return SC_EC_OK; }
static ISC_RESULT cb_EndBatch(ISC_CLIENT_HANDLE h) { (void)h; return SC_EC_OK; }

static ISC_RESULT cb_CacheCommandInformation(ISC_CLIENT_HANDLE h, const struct ISC_StrParamList *names,
  const struct ISC_StrParamList *descriptions, const struct ISC_LongParamList *statuses)
{
  struct service *s = enter(h, "CacheCommandInformation");
  if (names == NULL || descriptions == NULL || statuses == NULL || names->len != descriptions->len || names->len != statuses->len) {
    problem(s, "CacheCommandInformation with missing or unequal lists");
    return leave(s);
  }
  struct line l = begin("TOOLBAR", s);
  struct line enabled = { 0 };
  put(&enabled, "", 0);
  for (long i = 0; i < names->len; i++) {
    if (descriptions->dataItems[i] == NULL || descriptions->dataItems[i][0] == 0) problem(s, "command %ld has no description", i);
    if (statuses->dataItems[i] & SC_CF_DISABLED) continue;
    char name[128];
    u16ascii(names->dataItems[i], name, sizeof name);
    if (enabled.len > 0) put(&enabled, ",", 1);
    put(&enabled, name, strlen(name));
  }
  field_ascii(&l, enabled.buf);
  free(enabled.buf);
  emit(&l);
  return leave(s);
}

static ISC_RESULT cb_CleanAllWorkItem(ISC_CLIENT_HANDLE h)
{
  struct service *s = enter(h, "CleanAllWorkItem");
  struct line l = begin("CLEANALL", s);
  emit(&l);
  return leave(s);
}

static ISC_RESULT cb_HandleError(ISC_CLIENT_HANDLE h, const ISC_STRING track, const ISC_STRING error)
{
  struct service *s = enter(h, "HandleError");
  struct line l = begin("ERROR", s);
  field_u16(&l, track);
  field_u16(&l, error);
  emit(&l);
  return leave(s);
}

static ISC_RESULT cb_HandleEvent(ISC_CLIENT_HANDLE h, const ISC_STRING name, const struct ISC_KVParamList *fields,
  ISC_BOOLEAN notify, const ISC_STRING tracking)
{
  struct service *s = enter(h, "HandleEvent");
  (void)notify;
  struct line l = begin("EVENT", s);
  field_u16(&l, name);
  field_u16(&l, tracking);
  for (long i = 0; fields != NULL && i < fields->len; i++) {
    field_u16(&l, fields->dataItems[i].paramName);
    put(&l, "=", 1);
    append_u16(&l, fields->dataItems[i].paramValue);
  }
  emit(&l);
  return leave(s);
}

static ISC_RESULT cb_IndicateNewWorkItem(ISC_CLIENT_HANDLE h, const ISC_STRING t, const ISC_STRING old, const ISC_STRING d, enum SCWorkItemMode m)
{
  struct service *s = enter(h, "IndicateNewWorkItem");
  (void)old;
  struct line l = begin("INDICATE", s);
  field_u16(&l, t);
  field_u16(&l, d);
  field_long(&l, (long)m);
  emit(&l);
  return leave(s);
}

static ISC_RESULT cb_ShowStatusText(ISC_CLIENT_HANDLE h, const ISC_STRING text) { return one_string(h, "ShowStatusText", "STATUS", text); }

static ISC_RESULT cb_UpdateObjectInformation(ISC_CLIENT_HANDLE h, const ISC_STRING t, const ISC_STRING m, const struct ISC_KVParamList *d)
{
  (void)m; (void)d;
  return one_string(h, "UpdateObjectInformation", "OBJECT", t);
}

static ISC_RESULT cb_WorkItemReleased(ISC_CLIENT_HANDLE h, const ISC_STRING t, time_t stop)
{
  if (stop < 1700000000) problem(h, "WorkItemReleased with stop time %ld", (long)stop);
  return one_string(h, "WorkItemReleased", "RELEASED", t);
}

static ISC_RESULT cb_WorkItemResumed(ISC_CLIENT_HANDLE h, const ISC_STRING t) { return one_string(h, "WorkItemResumed", "RESUMED", t); }
static ISC_RESULT cb_WorkItemSuspended(ISC_CLIENT_HANDLE h, const ISC_STRING t) { return one_string(h, "WorkItemSuspended", "SUSPENDED", t); }

static ISC_RESULT cb_WorkItemStarted(ISC_CLIENT_HANDLE h, const ISC_STRING t, const ISC_STRING old, const ISC_STRING d, const ISC_STRING addr, time_t start)
{
  struct service *s = enter(h, "WorkItemStarted");
  (void)old;
  if (start < 1700000000) problem(s, "WorkItemStarted with start time %ld", (long)start);
  struct line l = begin("STARTED", s);
  field_u16(&l, t);
  field_u16(&l, d);
  field_u16(&l, addr);
  emit(&l);
  return leave(s);
}

/* ---- input lines ---- */

/* Splits line (modified in place) at TABs and unescapes each field; returns the field count. */
static int split(char *line, char **fields, int max)
{
  int n = 0;
  char *p = line;
  while (n < max) {
    fields[n++] = p;
    char *w = p;
    for (; *p && *p != '\t'; p++) {
      if (*p == '\\' && p[1]) {
        p++;
        *w++ = *p == 't' ? '\t' : *p == 'n' ? '\n' : *p == 'r' ? '\r' : *p;
      } else {
        *w++ = *p;
      }
    }
    int more = *p == '\t';
    *w = 0;
    if (!more) break;
    p++;
  }
  return n;
}

/* UTF-8 to a malloc'ed UTF-16 string (invalid bytes become U+FFFD); NULL for NULL. */
static ISC_STRING utf16(const char *s)
{
  if (s == NULL) return NULL;
  size_t n = strlen(s);
  ISC_STRING out = (ISC_STRING)malloc((2 * n + 1) * sizeof(ISC_CHAR));
  size_t o = 0;
  const unsigned char *p = (const unsigned char *)s;
  while (*p) {
    uint32_t cp;
    int extra;
    if (*p < 0x80) { cp = *p; extra = 0; }
    else if ((*p & 0xE0) == 0xC0) { cp = *p & 0x1F; extra = 1; }
    else if ((*p & 0xF0) == 0xE0) { cp = *p & 0x0F; extra = 2; }
    else if ((*p & 0xF8) == 0xF0) { cp = *p & 0x07; extra = 3; }
    else { cp = 0xFFFD; extra = 0; }
    p++;
    for (int i = 0; i < extra; i++) {
      if ((*p & 0xC0) != 0x80) { cp = 0xFFFD; break; }
      cp = (cp << 6) | (*p++ & 0x3F);
    }
    if (cp >= 0x10000) {
      cp -= 0x10000;
      out[o++] = (ISC_CHAR)(0xD800 + (cp >> 10));
      out[o++] = (ISC_CHAR)(0xDC00 + (cp & 0x3FF));
    } else {
      out[o++] = (ISC_CHAR)cp;
    }
  }
  out[o] = 0;
  return out;
}

struct kv16 { struct ISC_KVParamList list; };

/* Builds the key/value list of the k=v fields. */
static struct kv16 kv_of(char **fields, int count)
{
  struct kv16 kv = { { NULL, 0 } };
  if (count <= 0) return kv;
  kv.list.dataItems = (struct ISC_KeyValue *)calloc((size_t)count, sizeof(struct ISC_KeyValue));
  for (int i = 0; i < count; i++) {
    char *eq = strchr(fields[i], '=');
    if (eq != NULL) *eq = 0;
    kv.list.dataItems[kv.list.len].paramName = utf16(fields[i]);
    kv.list.dataItems[kv.list.len].paramValue = utf16(eq != NULL ? eq + 1 : "");
    kv.list.len++;
  }
  return kv;
}

static void kv16_free(struct kv16 *kv)
{
  for (long i = 0; i < kv->list.len; i++) {
    free(kv->list.dataItems[i].paramName);
    free(kv->list.dataItems[i].paramValue);
  }
  free(kv->list.dataItems);
}

static struct service *find(const char *name)
{
  for (int i = 0; i < service_count; i++)
    if (strcmp(services[i]->name, name) == 0) return services[i];
  return NULL;
}

static void fatal(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));
static void fatal(const char *fmt, ...)
{
  char text[1024];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(text, sizeof text, fmt, ap);
  va_end(ap);
  struct line l = begin("FATAL", NULL);
  field_ascii(&l, text);
  emit(&l);
  fprintf(stderr, "siebel_e2e_host: %s\n", text);
  exit(2);
}

static void *sym(host_lib lib, const char *name)
{
  void *p = host_lib_sym(lib, name);
  if (p == NULL) fatal("the driver does not export %s", name);
  return p;
}

static void result(const char *id, long code)
{
  struct line l = begin("RESULT", NULL);
  field_ascii(&l, id);
  field_long(&l, code);
  emit(&l);
}

static void release_service(struct service *s)
{
  if (s->handle == NULL) return;
  ISC_SERVICE_HANDLE h = s->handle;
  s->handle = NULL;
  ReleaseISCServiceInstance(h);
  atomic_store(&s->released, 1);
}

static long run(char **f, int n)
{
  const char *cmd = f[1];
  if (strcmp(cmd, "driver") == 0) {
    if (driver != NULL) return SC_EC_ERROR;
    struct kv16 kv = kv_of(f + 2, n - 2);
    ISC_STRING media = utf16("Voice"), lang = utf16("ENU"), conn = utf16("");
    long r = CreateISCDriverInstance(media, lang, conn, &kv.list, &driver);
    free(media); free(lang); free(conn);
    kv16_free(&kv);
    return r;
  }
  if (strcmp(cmd, "release-driver") == 0) {
    for (int i = 0; i < service_count; i++) atomic_store(&services[i]->released, services[i]->handle != NULL);
    long r = ReleaseISCDriverInstance(driver);
    for (int i = 0; i < service_count; i++) services[i]->handle = NULL;
    driver = NULL;
    return r;
  }
  if (n < 3) return SC_EC_ERROR;
  struct service *s = find(f[2]);
  if (strcmp(cmd, "service") == 0) {
    if (s != NULL || service_count == MAX_SERVICES || strlen(f[2]) >= sizeof s->name) return SC_EC_ERROR;
    s = (struct service *)calloc(1, sizeof *s);
    snprintf(s->name, sizeof s->name, "%s", f[2]);
    services[service_count++] = s;
    struct ISC_CLIENT_INTERFACE ci = {
      s, cb_BeginBatch, cb_CacheCommandInformation, cb_CleanAllWorkItem, cb_EndBatch, cb_HandleError, cb_HandleEvent,
      cb_IndicateNewWorkItem, cb_ShowStatusText, cb_UpdateObjectInformation, cb_WorkItemReleased, cb_WorkItemResumed,
      cb_WorkItemStarted, cb_WorkItemSuspended };
    struct kv16 kv = kv_of(f + 3, n - 3);
    ISC_STRING conn = utf16("");
    ISC_SERVICE_HANDLE handle = NULL;
    long r = RequestService(driver, ci, conn, &kv.list, &handle);
    s->handle = handle;
    free(conn);
    kv16_free(&kv);
    return r;
  }
  if (s == NULL) fatal("line %s names an unknown service '%s'", f[0], f[2]);
  if (strcmp(cmd, "invoke") == 0 && n >= 6) {
    ISC_STRING track = utf16(f[3]), name = utf16(f[4]), str = f[5][0] ? utf16(f[5]) : NULL;
    struct kv16 kv = kv_of(f + 6, n - 6);
    long r = InvokeCommand(s->handle, track, name, str, &kv.list);
    free(track); free(name); free(str);
    kv16_free(&kv);
    return r;
  }
  if (strcmp(cmd, "makecall") == 0 && n >= 4) {
    ISC_STRING track = utf16(f[3]);
    struct kv16 kv = kv_of(f + 4, n - 4);
    long r = InvokeCommandEx(s->handle, track, SC_CT_MAKECALL, &kv.list);
    free(track);
    kv16_free(&kv);
    return r;
  }
  WorkItem_fn fn = strcmp(cmd, "accept") == 0 ? AcceptWorkItem : strcmp(cmd, "release") == 0 ? ReleaseWorkItem
    : strcmp(cmd, "suspend") == 0 ? SuspendWorkItem : strcmp(cmd, "resume") == 0 ? ResumeWorkItem : NULL;
  if (fn != NULL && n >= 4) {
    ISC_STRING item = utf16(f[3]);
    long r = fn(s->handle, item);
    free(item);
    return r;
  }
  if (strcmp(cmd, "release-service") == 0) {
    ISC_SERVICE_HANDLE h = s->handle;
    s->handle = NULL;
    long r = ReleaseISCServiceInstance(h);
    atomic_store(&s->released, 1);
    return r;
  }
  fatal("line %s: unknown command '%s' or too few fields (%d)", f[0], cmd, n);
}

int main(int argc, char **argv)
{
  if (argc != 2) fatal("usage: siebel_e2e_host PATH/libSiebelCtiDriver.so");
  FILE *exists = fopen(argv[1], "rb");
  if (exists == NULL) fatal("the driver library %s does not exist: run scripts/publish-driver.sh", argv[1]);
  fclose(exists);
  host_binary_stdio();
  host_lib lib = host_lib_open(argv[1]);
  if (lib == NULL) fatal("loading the driver failed: %s", host_lib_error());
  APIVersion = (APIVersion_fn)sym(lib, "APIVersion");
  CreateISCDriverInstance = (CreateISCDriverInstance_fn)sym(lib, "CreateISCDriverInstance");
  RequestMediaTypeList = (RequestMediaTypeList_fn)sym(lib, "RequestMediaTypeList");
  RequestCommandEventList = (RequestCommandEventList_fn)sym(lib, "RequestCommandEventList");
  FreeSCStrParamList = (FreeSCStrParamList_fn)sym(lib, "FreeSCStrParamList");
  ReleaseISCDriverInstance = (ReleaseISCDriverInstance_fn)sym(lib, "ReleaseISCDriverInstance");
  RequestService = (RequestService_fn)sym(lib, "RequestService");
  ReleaseISCServiceInstance = (ReleaseISCServiceInstance_fn)sym(lib, "ReleaseISCServiceInstance");
  InvokeCommand = (InvokeCommand_fn)sym(lib, "InvokeCommand");
  InvokeCommandEx = (InvokeCommandEx_fn)sym(lib, "InvokeCommandEx");
  AcceptWorkItem = (WorkItem_fn)sym(lib, "AcceptWorkItem");
  ReleaseWorkItem = (WorkItem_fn)sym(lib, "ReleaseWorkItem");
  SuspendWorkItem = (WorkItem_fn)sym(lib, "SuspendWorkItem");
  ResumeWorkItem = (WorkItem_fn)sym(lib, "ResumeWorkItem");

  /* The load sequence of the Communications Session Manager. */
  long version = APIVersion();
  struct ISC_StrParamList media = { 0 }, commands = { 0 }, events = { 0 };
  if (RequestMediaTypeList(&media) != SC_EC_OK) fatal("RequestMediaTypeList failed");
  ISC_STRING voice = utf16("Voice");
  if (RequestCommandEventList(voice, &commands, &events) != SC_EC_OK) fatal("RequestCommandEventList failed");
  free(voice);
  struct line hello = begin("HELLO", NULL);
  field_long(&hello, version);
  struct line list = { 0 };
  put(&list, "", 0);
  for (long i = 0; i < commands.len; i++) {
    char name[128];
    u16ascii(commands.dataItems[i], name, sizeof name);
    if (i > 0) put(&list, ",", 1);
    put(&list, name, strlen(name));
  }
  field_ascii(&hello, list.buf);
  list.len = 0;
  list.buf[0] = 0;
  for (long i = 0; i < events.len; i++) {
    char name[128];
    u16ascii(events.dataItems[i], name, sizeof name);
    if (i > 0) put(&list, ",", 1);
    put(&list, name, strlen(name));
  }
  field_ascii(&hello, list.buf);
  free(list.buf);
  emit(&hello);
  FreeSCStrParamList(media);
  FreeSCStrParamList(commands);
  FreeSCStrParamList(events);

  char *line = NULL;
  size_t cap = 0;
  long got;
  char *f[MAX_FIELDS];
  while ((got = host_getline(&line, &cap, stdin)) > 0) {
    while (got > 0 && (line[got - 1] == '\n' || line[got - 1] == '\r')) line[--got] = 0;
    if (got == 0) continue;
    int n = split(line, f, MAX_FIELDS);
    if (n < 2) fatal("line '%s' has no command", line);
    result(f[0], run(f, n));
  }
  free(line);

  for (int i = 0; i < service_count; i++) release_service(services[i]);
  if (driver != NULL) ReleaseISCDriverInstance(driver);
  for (int i = 0; i < service_count; i++) free(services[i]);
  return 0;
}
