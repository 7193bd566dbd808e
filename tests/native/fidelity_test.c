/*
 * What a real Siebel host needs beyond the happy path (issue 13), through the published library:
 *   - the channel string: CreateISCDriverInstance and RequestCommandEventList refuse one the
 *     driver does not serve with SC_EC_MEDIA_TYPE_NOT_SUPPORTED;
 *   - the toolbar: Not Ready is SC_CF_CHECKED while Not Ready, Answer blinks while a call rings,
 *     Retrieve while the call is held, AttachData is enabled during a call;
 *   - Not Ready without a ReasonCode takes the driver parameter NotReadyReasonCode;
 *   - a call transferred or conferenced to the agent (it arrives already connected) raises
 *     CallRinging and an inbound work item with the original call data, then CallEstablished;
 *   - completing a conference raises CallConferenced once (the consult leg ends with CallReleased);
 *   - releasing the service of a Ready agent sets the agent Not Ready with ReleaseReasonCode,
 *     without making Siebel wait;
 *   - dlclose after the driver is released leaves the library loaded (it pins itself), and the
 *     library still works when opened again.
 *
 * The connector is the driver's TEST-ONLY loopback (BrokerUri = loopback://, in the test builds of
 * artifacts/driver-test only, and allowed only because this process sets SIEBELCTI_DRIVER_TEST_HOOKS=1): its number "transfer-in" / "conference-in"
 * plays a call another agent transferred or conferenced to this one (docs/native-abi.md).
 *
 * Usage: fidelity_test PATH/libSiebelCtiDriver.so
 * Prints FAIL lines, then "N passed, N failed"; exit 0 only if all passed.
 */
#include <dlfcn.h>
#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <unistd.h>

#include "scapi_host.h"

static int passed, failed;

static int check(int ok, const char *what)
{
  if (ok) {
    passed++;
  } else {
    failed++;
    printf("FAIL: %s\n", what);
    fflush(stdout);
  }
  return ok;
}

static APIVersion_fn APIVersion;
static CreateISCDriverInstance_fn CreateISCDriverInstance;
static RequestCommandEventList_fn RequestCommandEventList;
static FreeSCStrParamList_fn FreeSCStrParamList;
static ReleaseISCDriverInstance_fn ReleaseISCDriverInstance;
static RequestService_fn RequestService;
static ReleaseISCServiceInstance_fn ReleaseISCServiceInstance;
static InvokeCommand_fn InvokeCommand;

/* ---- one agent service as Siebel sees it ---- */

#define MAX_EVENTS 256
#define MAX_COMMANDS 32

struct event {
  char name[32];
  char dialog[64], call_type[32], ani[32], dialed[32], end_reason[32], reason[32], state[32], var1[64];
};

struct service {
  pthread_mutex_t lock;
  pthread_cond_t changed;
  ISC_SERVICE_HANDLE handle;
  struct event events[MAX_EVENTS];
  int event_count;
  char commands[MAX_COMMANDS][32];
  long statuses[MAX_COMMANDS];
  int command_count;
  int toolbar_updates;
  int indicate_inbound, indicate_outbound, started;
  atomic_int released_flag, after_release;
};

static void copy_field(const struct ISC_KVParamList *f, const char *key, char *out, size_t size)
{
  out[0] = 0;
  for (long i = 0; f != NULL && i < f->len; i++)
    if (u16eq(f->dataItems[i].paramName, key)) u16ascii(f->dataItems[i].paramValue, out, size);
}

static void enter(struct service *s)
{
  if (atomic_load(&s->released_flag)) atomic_fetch_add(&s->after_release, 1);
  pthread_mutex_lock(&s->lock);
}

static void leave(struct service *s)
{
  pthread_cond_broadcast(&s->changed);
  pthread_mutex_unlock(&s->lock);
}

static ISC_RESULT cb_none(ISC_CLIENT_HANDLE h) { (void)h; return 0; }

static ISC_RESULT cb_CacheCommandInformation(ISC_CLIENT_HANDLE h, const struct ISC_StrParamList *names,
  const struct ISC_StrParamList *descriptions, const struct ISC_LongParamList *statuses)
{
  struct service *s = h;
  (void)descriptions;
  enter(s);
  s->command_count = 0;
  for (long i = 0; names != NULL && statuses != NULL && i < names->len && i < MAX_COMMANDS; i++) {
    u16ascii(names->dataItems[i], s->commands[i], sizeof s->commands[i]);
    s->statuses[i] = statuses->dataItems[i];
    s->command_count++;
  }
  s->toolbar_updates++;
  leave(s);
  return 0;
}

static ISC_RESULT cb_HandleError(ISC_CLIENT_HANDLE h, const ISC_STRING t, const ISC_STRING e) { (void)t; (void)e; struct service *s = h; enter(s); leave(s); return 0; }

static ISC_RESULT cb_HandleEvent(ISC_CLIENT_HANDLE h, const ISC_STRING name, const struct ISC_KVParamList *fields,
  ISC_BOOLEAN notify, const ISC_STRING tracking)
{
  struct service *s = h;
  (void)notify; (void)tracking;
  enter(s);
  if (s->event_count < MAX_EVENTS) {
    struct event *e = &s->events[s->event_count++];
    u16ascii(name, e->name, sizeof e->name);
    copy_field(fields, "DialogId", e->dialog, sizeof e->dialog);
    copy_field(fields, "CallType", e->call_type, sizeof e->call_type);
    copy_field(fields, "ANI", e->ani, sizeof e->ani);
    copy_field(fields, "DialedNumber", e->dialed, sizeof e->dialed);
    copy_field(fields, "EndReason", e->end_reason, sizeof e->end_reason);
    copy_field(fields, "ReasonCode", e->reason, sizeof e->reason);
    copy_field(fields, "AgentState", e->state, sizeof e->state);
    copy_field(fields, "callVariable1", e->var1, sizeof e->var1);
  }
  leave(s);
  return 0;
}

static ISC_RESULT cb_IndicateNewWorkItem(ISC_CLIENT_HANDLE h, const ISC_STRING t, const ISC_STRING o, const ISC_STRING d, enum SCWorkItemMode m)
{
  struct service *s = h;
  (void)t; (void)o; (void)d;
  enter(s);
  if (m == SC_WM_INBOUND) s->indicate_inbound++; else s->indicate_outbound++;
  leave(s);
  return 0;
}

static ISC_RESULT cb_ShowStatusText(ISC_CLIENT_HANDLE h, const ISC_STRING t) { (void)t; struct service *s = h; enter(s); leave(s); return 0; }
static ISC_RESULT cb_UpdateObjectInformation(ISC_CLIENT_HANDLE h, const ISC_STRING t, const ISC_STRING m, const struct ISC_KVParamList *d) { (void)h; (void)t; (void)m; (void)d; return 0; }
static ISC_RESULT cb_WorkItem(ISC_CLIENT_HANDLE h, const ISC_STRING t) { (void)t; struct service *s = h; enter(s); leave(s); return 0; }
static ISC_RESULT cb_WorkItemReleased(ISC_CLIENT_HANDLE h, const ISC_STRING t, time_t at) { (void)at; return cb_WorkItem(h, t); }

static ISC_RESULT cb_WorkItemStarted(ISC_CLIENT_HANDLE h, const ISC_STRING t, const ISC_STRING o, const ISC_STRING d, const ISC_STRING a, time_t at)
{
  struct service *s = h;
  (void)t; (void)o; (void)d; (void)a; (void)at;
  enter(s);
  s->started++;
  leave(s);
  return 0;
}

static struct service *new_service(ISC_DRIVER_HANDLE driver, const char *agent_id, const char *extension)
{
  struct service *s = calloc(1, sizeof *s);
  pthread_mutex_init(&s->lock, NULL);
  pthread_cond_init(&s->changed, NULL);
  struct ISC_CLIENT_INTERFACE ci = {
    s, cb_none, cb_CacheCommandInformation, cb_none, cb_none, cb_HandleError, cb_HandleEvent, cb_IndicateNewWorkItem,
    cb_ShowStatusText, cb_UpdateObjectInformation, cb_WorkItemReleased, cb_WorkItem, cb_WorkItemStarted, cb_WorkItem };
  struct kv_builder params = { 0 };
  if (agent_id) kv_add(&params, "Service:AgentId", agent_id);
  if (extension) kv_add(&params, "Service:Extension", extension);
  ISC_STRING conn = u16("");
  ISC_RESULT r = RequestService(driver, ci, conn, &params.list, &s->handle);
  free(conn);
  kv_free(&params);
  check(r == SC_EC_OK && s->handle != NULL, "RequestService");
  return s;
}

static void release_service(struct service *s)
{
  check(ReleaseISCServiceInstance(s->handle) == SC_EC_OK, "ReleaseISCServiceInstance");
  atomic_store(&s->released_flag, 1);
}

static void free_service(struct service *s)
{
  check(atomic_load(&s->after_release) == 0, "no callback after ReleaseISCServiceInstance");
  pthread_mutex_destroy(&s->lock);
  pthread_cond_destroy(&s->changed);
  free(s);
}

static ISC_RESULT invoke(struct service *s, const char *cmd, const char *k1, const char *v1, const char *k2, const char *v2)
{
  struct kv_builder kv = { 0 };
  if (k1) kv_add(&kv, k1, v1);
  if (k2) kv_add(&kv, k2, v2);
  ISC_STRING t = u16("fid"), n = u16(cmd);
  ISC_RESULT r = InvokeCommand(s->handle, t, n, NULL, &kv.list);
  free(t); free(n);
  kv_free(&kv);
  return r;
}

/* ---- waiting (condition variables with a generous deadline, never a bare sleep) ---- */

#define WAIT_SECONDS 20

static long status_of(struct service *s, const char *command)
{
  for (int i = 0; i < s->command_count; i++)
    if (strcmp(s->commands[i], command) == 0) return s->statuses[i];
  return -1;
}

/* Index of the first event `name` at or after `from` whose `field` (state, call type...) matches `value` (NULL = any). */
static int find_event(struct service *s, int from, const char *name, int (*match)(const struct event *, const char *), const char *value)
{
  for (int i = from; i < s->event_count; i++)
    if (strcmp(s->events[i].name, name) == 0 && (match == NULL || match(&s->events[i], value))) return i;
  return -1;
}

static int by_state(const struct event *e, const char *v) { return strcmp(e->state, v) == 0; }
static int by_dialog(const struct event *e, const char *v) { return strcmp(e->dialog, v) == 0; }

static int wait_event(struct service *s, int from, const char *name, int (*match)(const struct event *, const char *), const char *value)
{
  struct timespec until;
  clock_gettime(CLOCK_REALTIME, &until);
  until.tv_sec += WAIT_SECONDS;
  pthread_mutex_lock(&s->lock);
  int at;
  while ((at = find_event(s, from, name, match, value)) < 0)
    if (pthread_cond_timedwait(&s->changed, &s->lock, &until) == ETIMEDOUT) break;
  pthread_mutex_unlock(&s->lock);
  return at;
}

/* Waits until `command`'s status has exactly the bits of `flags` among `mask_bits`. */
static int wait_status(struct service *s, const char *command, long mask_bits, long flags)
{
  struct timespec until;
  clock_gettime(CLOCK_REALTIME, &until);
  until.tv_sec += WAIT_SECONDS;
  pthread_mutex_lock(&s->lock);
  int ok;
  while (!(ok = ((status_of(s, command) & mask_bits) == flags && status_of(s, command) >= 0)))
    if (pthread_cond_timedwait(&s->changed, &s->lock, &until) == ETIMEDOUT) break;
  pthread_mutex_unlock(&s->lock);
  return ok;
}

static int count_events(struct service *s, int from, const char *name)
{
  pthread_mutex_lock(&s->lock);
  int n = 0;
  for (int i = from; i < s->event_count; i++) if (strcmp(s->events[i].name, name) == 0) n++;
  pthread_mutex_unlock(&s->lock);
  return n;
}

static int mark(struct service *s)
{
  pthread_mutex_lock(&s->lock);
  int n = s->event_count;
  pthread_mutex_unlock(&s->lock);
  return n;
}

static const long ENABLED_BITS = SC_CF_DISABLED | SC_CF_NOTSUPPORTED;

/* ---- the checks ---- */

static ISC_RESULT create(const char *media, struct kv_builder *params, ISC_DRIVER_HANDLE *out)
{
  return scapi_create(CreateISCDriverInstance, media, params, out);
}

static void channel_strings(void)
{
  struct kv_builder p = { 0 };
  kv_add(&p, "Driver:BrokerUri", "loopback://");
  ISC_DRIVER_HANDLE h = (void *)1;
  check(create("Email", &p, &h) == SC_EC_MEDIA_TYPE_NOT_SUPPORTED && h == NULL, "CreateISCDriverInstance(\"Email\") = SC_EC_MEDIA_TYPE_NOT_SUPPORTED");
  kv_free(&p);

  struct ISC_StrParamList commands = { (void *)1, 7 }, events = { (void *)1, 7 };
  ISC_STRING email = u16("Email"), voice = u16("voice");
  check(RequestCommandEventList(email, &commands, &events) == SC_EC_MEDIA_TYPE_NOT_SUPPORTED && commands.len == 0 && events.len == 0,
    "RequestCommandEventList(\"Email\") = SC_EC_MEDIA_TYPE_NOT_SUPPORTED with empty lists");
  check(RequestCommandEventList(voice, &commands, &events) == SC_EC_OK && commands.len > 0, "RequestCommandEventList(\"voice\"): channel strings compare without case");
  FreeSCStrParamList(commands);
  FreeSCStrParamList(events);
  free(email); free(voice);
}

static void toolbar_and_calls(ISC_DRIVER_HANDLE driver)
{
  struct service *s = new_service(driver, NULL, NULL);
  check(invoke(s, "LogIn", "AgentId", "fid-a", "AgentPin", "pin") == SC_EC_ERROR, "LogIn without an extension is refused");
  struct kv_builder kv = { 0 };
  kv_add(&kv, "AgentId", "fid-a");
  kv_add(&kv, "AgentPin", "pin");
  kv_add(&kv, "Extension", "{@SelectedDN}");
  ISC_STRING t = u16("fid"), n = u16("LogIn");
  check(InvokeCommand(s->handle, t, n, NULL, &kv.list) == SC_EC_ERROR, "LogIn with an unexpanded {@SelectedDN} is refused");
  free(t); free(n);
  kv_free(&kv);

  int m = mark(s);
  struct kv_builder login = { 0 };
  kv_add(&login, "AgentId", "fid-a");
  kv_add(&login, "AgentPin", "pin");
  kv_add(&login, "Extension", "4100");
  t = u16("fid"); n = u16("LogIn");
  check(InvokeCommand(s->handle, t, n, NULL, &login.list) == SC_EC_OK, "LogIn");
  free(t); free(n);
  kv_free(&login);
  check(wait_event(s, m, "AgentStateChanged", by_state, "NOT_READY") >= 0, "NOT_READY after LogIn");

  /* Toolbar flags. */
  check(wait_status(s, "ChangeNotReadyState", ENABLED_BITS | SC_CF_CHECKED, SC_CF_CHECKED), "Not Ready: ChangeNotReadyState enabled and SC_CF_CHECKED");
  check(wait_status(s, "ChangeReadyState", ENABLED_BITS | SC_CF_CHECKED, 0), "Not Ready: ChangeReadyState enabled, not checked");

  /* Not Ready without ReasonCode takes NotReadyReasonCode (10). */
  m = mark(s);
  check(invoke(s, "ChangeNotReadyState", "ReasonCode", "", 0, 0) == SC_EC_OK, "ChangeNotReadyState with an empty ReasonCode");
  int at = wait_event(s, m, "AgentStateChanged", by_state, "NOT_READY");
  check(at >= 0 && strcmp(s->events[at].reason, "10") == 0, "an empty ReasonCode becomes the driver's NotReadyReasonCode (10)");

  /* 3: a call transferred to the agent arrives connected: CallRinging + inbound work item, then CallEstablished. */
  const char *kinds[] = { "transfer-in", "TRANSFER", "conference-in", "CONFERENCE" };
  for (int k = 0; k < 4; k += 2) {
    m = mark(s);
    int inbound = s->indicate_inbound, outbound = s->indicate_outbound;
    check(invoke(s, "MakeCall", "PhoneNumber", kinds[k], 0, 0) == SC_EC_OK, "loopback call joined to the agent");
    int ringing = wait_event(s, m, "CallRinging", NULL, NULL);
    int established = wait_event(s, m, "CallEstablished", NULL, NULL);
    char what[160];
    snprintf(what, sizeof what, "%s call: CallRinging then CallEstablished, no CallDialing", kinds[k + 1]);
    check(ringing >= 0 && established > ringing && count_events(s, m, "CallDialing") == 0, what);
    if (ringing >= 0) {
      struct event *e = &s->events[ringing];
      snprintf(what, sizeof what, "%s call rings with the original call data (CallType %s, ANI %s, DialedNumber %s, callVariable1 %s)",
        kinds[k + 1], e->call_type, e->ani, e->dialed, e->var1);
      check(strcmp(e->call_type, kinds[k + 1]) == 0 && strcmp(e->ani, "5551000") == 0 && strcmp(e->dialed, "8005550100") == 0
        && strcmp(e->var1, "account 42, priority #1 | gold") == 0, what);
    }
    pthread_mutex_lock(&s->lock);
    snprintf(what, sizeof what, "%s call: one inbound work item, no outbound one", kinds[k + 1]);
    check(s->indicate_inbound == inbound + 1 && s->indicate_outbound == outbound, what);
    pthread_mutex_unlock(&s->lock);
    check(wait_status(s, "AttachData", ENABLED_BITS, 0), "AttachData is enabled during a call");
    m = mark(s);
    check(invoke(s, "ReleaseCall", 0, 0, 0, 0) == SC_EC_OK, "ReleaseCall");
    check(wait_event(s, m, "CallReleased", NULL, NULL) >= 0, "CallReleased");
    check(invoke(s, "ChangeNotReadyState", "ReasonCode", "11", 0, 0) == SC_EC_OK, "back to Not Ready");
    check(wait_status(s, "ChangeNotReadyState", SC_CF_CHECKED, SC_CF_CHECKED), "Not Ready again");
  }

  /* 5: Answer blinks while ringing, Retrieve while held; AttachData enabled in both. */
  m = mark(s);
  check(invoke(s, "ChangeReadyState", 0, 0, 0, 0) == SC_EC_OK, "ChangeReadyState (the loopback then rings a call)");
  int ring = wait_event(s, m, "CallRinging", NULL, NULL);
  check(ring >= 0, "a call rings");
  check(wait_status(s, "AnswerCall", ENABLED_BITS | SC_CF_BLINKING, SC_CF_BLINKING), "ringing: AnswerCall enabled and SC_CF_BLINKING");
  check(wait_status(s, "AttachData", ENABLED_BITS, 0), "ringing: AttachData enabled");
  check(wait_status(s, "ChangeNotReadyState", SC_CF_CHECKED, 0), "ringing: Not Ready not checked");
  check(invoke(s, "AnswerCall", 0, 0, 0, 0) == SC_EC_OK, "AnswerCall");
  check(wait_status(s, "AnswerCall", ENABLED_BITS | SC_CF_BLINKING, SC_CF_DISABLED), "answered: AnswerCall disabled, no longer blinking");
  check(invoke(s, "HoldCall", 0, 0, 0, 0) == SC_EC_OK, "HoldCall");
  check(wait_status(s, "RetrieveCall", ENABLED_BITS | SC_CF_BLINKING, SC_CF_BLINKING), "held: RetrieveCall enabled and SC_CF_BLINKING");
  check(wait_status(s, "AttachData", ENABLED_BITS, 0), "held: AttachData enabled");
  check(invoke(s, "RetrieveCall", 0, 0, 0, 0) == SC_EC_OK, "RetrieveCall");
  check(wait_status(s, "RetrieveCall", ENABLED_BITS, SC_CF_DISABLED), "retrieved: RetrieveCall disabled");

  /* 4: consult and conference: one CallConferenced, the consult leg ends with CallReleased. */
  char original[64];
  snprintf(original, sizeof original, "%s", ring >= 0 ? s->events[ring].dialog : "");
  m = mark(s);
  check(invoke(s, "ConsultCall", "PhoneNumber", "2000", 0, 0) == SC_EC_OK, "ConsultCall");
  check(wait_event(s, m, "ConsultEstablished", NULL, NULL) >= 0, "ConsultEstablished");
  check(wait_status(s, "ConferenceComplete", ENABLED_BITS, 0), "ConferenceComplete enabled");
  check(invoke(s, "ConferenceComplete", 0, 0, 0, 0) == SC_EC_OK, "ConferenceComplete");
  int conferenced = wait_event(s, m, "CallConferenced", by_dialog, original);
  int leg = wait_event(s, m, "CallReleased", NULL, NULL);
  check(conferenced >= 0, "CallConferenced on the original call");
  check(leg >= 0 && strcmp(s->events[leg].end_reason, "CONFERENCED") == 0 && strcmp(s->events[leg].dialog, original) != 0,
    "the consult leg ends with CallReleased, EndReason CONFERENCED");
  int after = mark(s);
  check(invoke(s, "ReleaseCall", 0, 0, 0, 0) == SC_EC_OK, "ReleaseCall on the conference");
  check(wait_event(s, after, "CallReleased", by_dialog, original) >= 0, "the conference is released");
  check(count_events(s, m, "CallConferenced") == 1, "exactly one CallConferenced for one conference");

  release_service(s);
  free_service(s);
}

static void release_of_a_ready_agent(ISC_DRIVER_HANDLE driver)
{
  struct service *s = new_service(driver, "fid-b", "4101");
  int m = mark(s);
  check(invoke(s, "LogIn", "AgentPin", "pin", 0, 0) == SC_EC_OK, "LogIn of the agent who will close Siebel");
  check(wait_event(s, m, "AgentStateChanged", by_state, "NOT_READY") >= 0, "NOT_READY");
  m = mark(s);
  check(invoke(s, "ChangeReadyState", 0, 0, 0, 0) == SC_EC_OK, "ChangeReadyState");
  check(wait_event(s, m, "AgentStateChanged", by_state, "READY") >= 0, "READY");

  struct timespec t0, t1;
  clock_gettime(CLOCK_MONOTONIC, &t0);
  release_service(s); /* the agent closes Siebel while Ready */
  clock_gettime(CLOCK_MONOTONIC, &t1);
  printf("ReleaseISCServiceInstance of a Ready agent returned in %.1f ms\n", (double)(t1.tv_sec - t0.tv_sec) * 1e3 + (double)(t1.tv_nsec - t0.tv_nsec) / 1e6);
  free_service(s);

  /* The agent's next session sees what the release left: Not Ready with ReleaseReasonCode (13). */
  struct service *next = new_service(driver, "fid-b", "4101");
  m = mark(next);
  check(invoke(next, "ResetState", 0, 0, 0, 0) == SC_EC_OK, "ResetState in the agent's next session");
  int at = wait_event(next, m, "AgentStateChanged", NULL, NULL);
  char what[160];
  snprintf(what, sizeof what, "the released Ready agent is NOT_READY with ReleaseReasonCode 13 (got %s, %s)",
    at >= 0 ? next->events[at].state : "-", at >= 0 ? next->events[at].reason : "-");
  check(at >= 0 && strcmp(next->events[at].state, "NOT_READY") == 0 && strcmp(next->events[at].reason, "13") == 0, what);
  release_service(next);
  free_service(next);
}

static int resolve(void *lib)
{
  APIVersion = (APIVersion_fn)dlsym(lib, "APIVersion");
  CreateISCDriverInstance = (CreateISCDriverInstance_fn)dlsym(lib, "CreateISCDriverInstance");
  RequestCommandEventList = (RequestCommandEventList_fn)dlsym(lib, "RequestCommandEventList");
  FreeSCStrParamList = (FreeSCStrParamList_fn)dlsym(lib, "FreeSCStrParamList");
  ReleaseISCDriverInstance = (ReleaseISCDriverInstance_fn)dlsym(lib, "ReleaseISCDriverInstance");
  RequestService = (RequestService_fn)dlsym(lib, "RequestService");
  ReleaseISCServiceInstance = (ReleaseISCServiceInstance_fn)dlsym(lib, "ReleaseISCServiceInstance");
  InvokeCommand = (InvokeCommand_fn)dlsym(lib, "InvokeCommand");
  return APIVersion && CreateISCDriverInstance && RequestCommandEventList && FreeSCStrParamList && ReleaseISCDriverInstance
    && RequestService && ReleaseISCServiceInstance && InvokeCommand;
}

static ISC_DRIVER_HANDLE create_loopback(void)
{
  struct kv_builder p = { 0 };
  kv_add(&p, "Driver:BrokerUri", "loopback://");
  kv_add(&p, "Driver:RequestTimeout", "5");
  kv_add(&p, "Driver:NotReadyReasonCode", "10");
  kv_add(&p, "Driver:LogoutReasonCode", "20");
  kv_add(&p, "Driver:ReleaseReasonCode", "13");
  ISC_DRIVER_HANDLE driver = NULL;
  check(create("Voice", &p, &driver) == SC_EC_OK && driver != NULL, "CreateISCDriverInstance(loopback, reason code parameters)");
  kv_free(&p);
  return driver;
}

int main(int argc, char **argv)
{
  if (argc < 2) {
    fprintf(stderr, "usage: %s PATH/libSiebelCtiDriver.so\n", argv[0]);
    return 2;
  }
  setenv("SIEBELCTI_DRIVER_TEST_HOOKS", "1", 1);
  void *lib = dlopen(argv[1], RTLD_NOW | RTLD_LOCAL);
  if (!check(lib != NULL && resolve(lib), "dlopen and every export")) {
    printf("%d passed, %d failed\n", passed, failed);
    return 1;
  }
  check(APIVersion() == 2, "APIVersion() == 2");

  channel_strings();
  ISC_DRIVER_HANDLE driver = create_loopback();
  if (driver != NULL) {
    toolbar_and_calls(driver);
    release_of_a_ready_agent(driver);
    check(ReleaseISCDriverInstance(driver) == SC_EC_OK, "ReleaseISCDriverInstance");
  }

  /* 7: unloading after a clean release leaves the library loaded and working. */
  check(dlclose(lib) == 0, "dlclose after the release");
  void *still = dlopen(argv[1], RTLD_NOW | RTLD_NOLOAD);
  check(still != NULL, "after dlclose the driver is still loaded (it pinned itself), so its running threads keep their code");
  void *again = dlopen(argv[1], RTLD_NOW | RTLD_LOCAL);
  if (check(again != NULL && resolve(again), "dlopen again after dlclose")) {
    check(APIVersion() == 2, "APIVersion after dlclose and dlopen");
    ISC_DRIVER_HANDLE second = create_loopback();
    if (second != NULL) {
      struct service *s = new_service(second, "fid-c", "4102");
      int m = mark(s);
      check(invoke(s, "LogIn", "AgentPin", "pin", 0, 0) == SC_EC_OK, "LogIn after dlclose and dlopen");
      check(wait_event(s, m, "AgentStateChanged", by_state, "NOT_READY") >= 0, "the reopened driver still answers");
      release_service(s);
      free_service(s);
      check(ReleaseISCDriverInstance(second) == SC_EC_OK, "ReleaseISCDriverInstance of the second driver");
    }
    check(dlclose(again) == 0, "dlclose again");
  }
  if (still != NULL) dlclose(still);

  printf("%d passed, %d failed\n", passed, failed);
  return failed == 0 ? 0 : 1;
}
