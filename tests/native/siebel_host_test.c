/*
 * Plays Siebel's Communications Session Manager against the published driver: loads the library,
 * runs the documented load sequence (APIVersion, CreateISCDriverInstance, RequestCommandEventList,
 * RequestService), creates AGENTS agent services on their own threads, invokes every command and
 * work-item export, checks the events, work-item calls and toolbar tables that come back through a
 * client interface of C function pointers, frees every list, releases everything, and feeds bad
 * input (nulls, empty and huge strings, unpaired surrogates, 10,000 parameters, double release).
 *
 * The connector is the driver's TEST-ONLY loopback (BrokerUri = loopback://, in the test builds of
 * artifacts/driver-test only, and allowed only because this process sets SIEBELCTI_DRIVER_TEST_HOOKS=1); see docs/native-abi.md.
 *
 * Usage: siebel_host_test PATH/libSiebelCtiDriver.so|SiebelCtiDriver.dll [AGENTS]   (default 200)
 * Prints FAIL lines and a line per phase, then "N passed, N failed" (an agent's working day of about
 * 90 checks counts as one check); exit 0 only if all passed.
 */
#include <stdatomic.h>

#include "host_platform.h"
#include "scapi_host.h"

static atomic_int passed, failed;
static host_mutex print_lock = HOST_MUTEX_INIT;

static int check(int ok, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
#include <stdarg.h>
/* On an agent thread, checks are tallied per agent and reported as one check per agent. */
static _Thread_local int agent_checks, agent_failures, on_agent_thread;

static int check(int ok, const char *fmt, ...)
{
  if (on_agent_thread) {
    agent_checks++;
    if (!ok) agent_failures++;
  } else if (ok) {
    atomic_fetch_add(&passed, 1);
  } else {
    atomic_fetch_add(&failed, 1);
  }
  if (ok) return 1;
  va_list ap;
  va_start(ap, fmt);
  host_mutex_lock(&print_lock);
  printf("FAIL: ");
  vprintf(fmt, ap);
  printf("\n");
  fflush(stdout);
  host_mutex_unlock(&print_lock);
  va_end(ap);
  return 0;
}

static void phase(const char *what)
{
  host_mutex_lock(&print_lock);
  printf("PHASE DONE: %s (%d checks so far, %d failed)\n", what, atomic_load(&passed), atomic_load(&failed));
  fflush(stdout);
  host_mutex_unlock(&print_lock);
}

/* ---- the driver's exports ---- */
static APIVersion_fn APIVersion;
static CreateISCDriverInstance_fn CreateISCDriverInstance;
static RequestMediaTypeList_fn RequestMediaTypeList;
static RequestCommandEventList_fn RequestCommandEventList;
static FreeSCStrParamList_fn FreeSCStrParamList;
static GetImplementationObject_fn GetImplementationObject;
static ReleaseISCDriverInstance_fn ReleaseISCDriverInstance;
static RequestService_fn RequestService;
static ReleaseISCServiceInstance_fn ReleaseISCServiceInstance;
static InvokeCommand_fn InvokeCommand;
static InvokeCommandEx_fn InvokeCommandEx;
static NotifyEventHandlingFinished_fn NotifyEventHandlingFinished;
static WorkItem_fn AcceptWorkItem, ReleaseWorkItem, SuspendWorkItem, ResumeWorkItem, RevokeQueuedWorkItem;
static HandleQueuedWorkItem_fn HandleQueuedWorkItem;

static const char *COMMANDS[] = {
  "LogIn", "LogOut", "ChangeReadyState", "ChangeNotReadyState", "MakeCall", "AnswerCall", "ReleaseCall", "HoldCall",
  "RetrieveCall", "ConsultCall", "TransferComplete", "ConferenceComplete", "BlindTransfer", "SendDTMF", "AttachData",
  "SetWrapUp", "ResetState" };
#define NCOMMANDS (int)(sizeof(COMMANDS) / sizeof(COMMANDS[0]))
static const char *EVENTS[] = {
  "AgentStateChanged", "CallRinging", "CallDialing", "CallEstablished", "CallHeld", "CallRetrieved", "CallReleased",
  "ConsultEstablished", "CallTransferred", "CallConferenced", "CallDataChanged", "ConnectorStatus", "CommandFailed" };
#define NEVENTS (int)(sizeof(EVENTS) / sizeof(EVENTS[0]))
enum { EV_AGENT, EV_RINGING, EV_DIALING, EV_ESTABLISHED, EV_HELD, EV_RETRIEVED, EV_RELEASED, EV_CONSULT, EV_TRANSFERRED,
       EV_CONFERENCED, EV_DATA, EV_STATUS, EV_FAILED };

/* ---- one agent's client side (what Siebel keeps per communications session) ---- */
struct agent {
  int index;
  char id[32];
  char ext[32];
  host_mutex lock;
  host_cond changed;
  int events[NEVENTS];
  int unknown_events;
  int indicate, started, suspended, resumed, released, clean_all, status_texts, errors, toolbar_updates;
  unsigned toolbar;              /* bit i set = COMMANDS[i] enabled in the last CacheCommandInformation */
  int toolbar_bad;               /* a CacheCommandInformation with inconsistent lists */
  char last_tracking[64];        /* TrackingID of the last call event */
  char last_error_track[64];     /* clntCmdTrackID of the last HandleError */
  char last_agent_state[32];
  char last_dnis[64];
  char last_ani[64];
  char last_var1[64];
  char last_ecc[64];
  long last_field_count;
  int dnis_has_replacement;      /* DNIS held U+FFFD */
  int bad_fields;                /* a call event without TrackingID/DialogId/ANI keys */
  atomic_int in_callback;
  atomic_int overlapping;        /* callbacks of this service that overlapped (must stay 0) */
  atomic_int after_release;      /* callbacks after ReleaseISCServiceInstance returned (must stay 0) */
  atomic_int released_flag;
  ISC_SERVICE_HANDLE service;
};

static void enter(struct agent *a)
{
  if (atomic_load(&a->released_flag)) atomic_fetch_add(&a->after_release, 1);
  if (atomic_fetch_add(&a->in_callback, 1) != 0) atomic_fetch_add(&a->overlapping, 1);
  host_mutex_lock(&a->lock);
}

static void leave(struct agent *a)
{
  host_cond_broadcast(&a->changed);
  host_mutex_unlock(&a->lock);
  atomic_fetch_sub(&a->in_callback, 1);
}

static const ISC_CHAR *field(const struct ISC_KVParamList *f, const char *key)
{
  for (long i = 0; f != NULL && i < f->len; i++)
    if (u16eq(f->dataItems[i].paramName, key)) return f->dataItems[i].paramValue;
  return NULL;
}

static ISC_RESULT cb_BeginBatch(ISC_CLIENT_HANDLE h) { (void)h; return 0; }
static ISC_RESULT cb_EndBatch(ISC_CLIENT_HANDLE h) { (void)h; return 0; }

static ISC_RESULT cb_CacheCommandInformation(ISC_CLIENT_HANDLE h, const struct ISC_StrParamList *names,
  const struct ISC_StrParamList *descriptions, const struct ISC_LongParamList *statuses)
{
  struct agent *a = h;
  enter(a);
  a->toolbar_updates++;
  if (names == NULL || descriptions == NULL || statuses == NULL || names->len != descriptions->len || names->len != statuses->len) {
    a->toolbar_bad++;
  } else {
    unsigned enabled = 0;
    for (long i = 0; i < names->len; i++) {
      int known = 0;
      for (int c = 0; c < NCOMMANDS; c++) {
        if (u16eq(names->dataItems[i], COMMANDS[c])) {
          known = 1;
          if (!(statuses->dataItems[i] & SC_CF_DISABLED)) enabled |= 1u << c;
        }
      }
      if (!known || descriptions->dataItems[i] == NULL || descriptions->dataItems[i][0] == 0) a->toolbar_bad++;
    }
    a->toolbar = enabled;
  }
  leave(a);
  return 0;
}

static ISC_RESULT cb_CleanAllWorkItem(ISC_CLIENT_HANDLE h) { struct agent *a = h; enter(a); a->clean_all++; leave(a); return 0; }

static ISC_RESULT cb_HandleError(ISC_CLIENT_HANDLE h, const ISC_STRING track, const ISC_STRING error)
{
  struct agent *a = h;
  enter(a);
  a->errors++;
  u16ascii(track, a->last_error_track, sizeof a->last_error_track);
  if (error == NULL || error[0] == 0) a->toolbar_bad++;
  leave(a);
  return 0;
}

static ISC_RESULT cb_HandleEvent(ISC_CLIENT_HANDLE h, const ISC_STRING name, const struct ISC_KVParamList *fields,
  ISC_BOOLEAN notify, const ISC_STRING tracking)
{
  struct agent *a = h;
  (void)notify;
  enter(a);
  int e = -1;
  for (int i = 0; i < NEVENTS; i++) if (u16eq(name, EVENTS[i])) e = i;
  if (e < 0 || tracking == NULL) a->unknown_events++;
  else a->events[e]++;
  a->last_field_count = fields ? fields->len : -1;
  u16ascii(field(fields, "AgentState"), a->last_agent_state, sizeof a->last_agent_state);
  if (e >= EV_RINGING && e <= EV_DATA) {
    const ISC_CHAR *t = field(fields, "TrackingID");
    if (t == NULL || field(fields, "DialogId") == NULL || field(fields, "ANI") == NULL || field(fields, "DNIS") == NULL
        || field(fields, "CallType") == NULL || field(fields, "AgentId") == NULL) a->bad_fields++;
    u16ascii(t, a->last_tracking, sizeof a->last_tracking);
    const ISC_CHAR *dnis = field(fields, "DNIS");
    u16ascii(dnis, a->last_dnis, sizeof a->last_dnis);
    u16ascii(field(fields, "ANI"), a->last_ani, sizeof a->last_ani);
    u16ascii(field(fields, "callVariable1"), a->last_var1, sizeof a->last_var1);
    u16ascii(field(fields, "user.Language"), a->last_ecc, sizeof a->last_ecc);
    if (dnis != NULL) for (size_t i = 0; dnis[i]; i++) if (dnis[i] == 0xFFFD) a->dnis_has_replacement = 1;
  }
  leave(a);
  return 0;
}

static ISC_RESULT cb_IndicateNewWorkItem(ISC_CLIENT_HANDLE h, const ISC_STRING t, const ISC_STRING old, const ISC_STRING d, enum SCWorkItemMode m)
{
  struct agent *a = h;
  (void)old;
  enter(a);
  a->indicate++;
  if (t == NULL || d == NULL || (m != SC_WM_INBOUND && m != SC_WM_OUTBOUND)) a->bad_fields++;
  leave(a);
  return 0;
}

static ISC_RESULT cb_ShowStatusText(ISC_CLIENT_HANDLE h, const ISC_STRING text)
{
  struct agent *a = h;
  enter(a);
  a->status_texts++;
  if (text == NULL) a->bad_fields++;
  leave(a);
  return 0;
}

static ISC_RESULT cb_UpdateObjectInformation(ISC_CLIENT_HANDLE h, const ISC_STRING t, const ISC_STRING m, const struct ISC_KVParamList *d)
{ (void)h; (void)t; (void)m; (void)d; return 0; }

static ISC_RESULT cb_WorkItemReleased(ISC_CLIENT_HANDLE h, const ISC_STRING t, time_t stop)
{
  struct agent *a = h;
  enter(a);
  a->released++;
  if (t == NULL || stop < 1700000000) a->bad_fields++;
  leave(a);
  return 0;
}

static ISC_RESULT cb_WorkItemResumed(ISC_CLIENT_HANDLE h, const ISC_STRING t) { struct agent *a = h; enter(a); a->resumed++; if (!t) a->bad_fields++; leave(a); return 0; }
static ISC_RESULT cb_WorkItemSuspended(ISC_CLIENT_HANDLE h, const ISC_STRING t) { struct agent *a = h; enter(a); a->suspended++; if (!t) a->bad_fields++; leave(a); return 0; }

static ISC_RESULT cb_WorkItemStarted(ISC_CLIENT_HANDLE h, const ISC_STRING t, const ISC_STRING old, const ISC_STRING d, const ISC_STRING addr, time_t start)
{
  struct agent *a = h;
  (void)old;
  enter(a);
  a->started++;
  if (t == NULL || d == NULL || addr == NULL || start < 1700000000) a->bad_fields++;
  leave(a);
  return 0;
}

static struct ISC_CLIENT_INTERFACE client_interface(struct agent *a)
{
  struct ISC_CLIENT_INTERFACE ci = {
    a, cb_BeginBatch, cb_CacheCommandInformation, cb_CleanAllWorkItem, cb_EndBatch, cb_HandleError, cb_HandleEvent,
    cb_IndicateNewWorkItem, cb_ShowStatusText, cb_UpdateObjectInformation, cb_WorkItemReleased, cb_WorkItemResumed,
    cb_WorkItemStarted, cb_WorkItemSuspended };
  return ci;
}

/* ---- waiting for what the driver reports (generous timeout; never a bare sleep) ---- */

#define WAIT_SECONDS 20

enum cond_kind { C_EVENT, C_TOOLBAR, C_STARTED, C_RELEASED, C_INDICATE, C_ERRORS, C_SUSPENDED, C_RESUMED, C_STATUS };

static int value_of(struct agent *a, enum cond_kind k, int which)
{
  switch (k) {
  case C_EVENT: return a->events[which];
  case C_TOOLBAR: return (int)a->toolbar;
  case C_STARTED: return a->started;
  case C_RELEASED: return a->released;
  case C_INDICATE: return a->indicate;
  case C_ERRORS: return a->errors;
  case C_SUSPENDED: return a->suspended;
  case C_RESUMED: return a->resumed;
  case C_STATUS: return a->status_texts;
  }
  return 0;
}

/* Waits until the value reaches at least `at_least` (or equals it for C_TOOLBAR). */
static int wait_for(struct agent *a, enum cond_kind k, int which, int at_least)
{
  int64_t until = host_now_ms() + WAIT_SECONDS * 1000;
  host_mutex_lock(&a->lock);
  int ok;
  while (!(ok = (k == C_TOOLBAR ? value_of(a, k, which) == at_least : value_of(a, k, which) >= at_least))) {
    if (!host_cond_wait_until(&a->changed, &a->lock, until)) {
      ok = k == C_TOOLBAR ? value_of(a, k, which) == at_least : value_of(a, k, which) >= at_least;
      break;
    }
  }
  host_mutex_unlock(&a->lock);
  return ok;
}

static unsigned mask(const char *c1, const char *c2, const char *c3, const char *c4, const char *c5, const char *c6)
{
  const char *list[] = { c1, c2, c3, c4, c5, c6 };
  unsigned m = 0;
  for (int i = 0; i < 6; i++)
    for (int c = 0; list[i] && c < NCOMMANDS; c++)
      if (strcmp(list[i], COMMANDS[c]) == 0) m |= 1u << c;
  return m;
}

#define TB_LOGGED_OUT mask("LogIn", 0, 0, 0, 0, 0)
#define TB_NOT_READY mask("ChangeReadyState", "ChangeNotReadyState", "MakeCall", "ResetState", "LogOut", 0)
#define TB_READY mask("ChangeNotReadyState", 0, 0, 0, 0, 0)
#define TB_ALERTING mask("AnswerCall", "AttachData", 0, 0, 0, 0)
#define TB_ACTIVE mask("ReleaseCall", "HoldCall", "ConsultCall", "BlindTransfer", "SendDTMF", "AttachData")
#define TB_HELD mask("ReleaseCall", "RetrieveCall", "AttachData", 0, 0, 0)
#define TB_CONSULT mask("ReleaseCall", "TransferComplete", "ConferenceComplete", "HoldCall", "AttachData", 0)
#define TB_WRAPUP mask("ChangeReadyState", "ChangeNotReadyState", "SetWrapUp", 0, 0, 0)

/* Invokes a command with up to two key/value pairs and a string parameter. */
static ISC_RESULT invoke(struct agent *a, const char *track, const char *cmd, const char *str,
  const char *k1, const char *v1, const char *k2, const char *v2, const char *k3, const char *v3)
{
  struct kv_builder kv = { 0 };
  if (k1) kv_add(&kv, k1, v1);
  if (k2) kv_add(&kv, k2, v2);
  if (k3) kv_add(&kv, k3, v3);
  ISC_STRING t = u16(track), n = u16(cmd), s = u16(str);
  ISC_RESULT r = InvokeCommand(a->service, t, n, s, &kv.list);
  free(t); free(n); free(s);
  kv_free(&kv);
  return r;
}

static ISC_RESULT work_item(WorkItem_fn fn, struct agent *a, const char *tracking)
{
  ISC_STRING t = u16(tracking);
  ISC_RESULT r = fn(a->service, t);
  free(t);
  return r;
}

static ISC_DRIVER_HANDLE driver;

#define EXPECT(cond, ...) check((cond), __VA_ARGS__)

/* One agent's whole working day: every command, every work-item export, every event. */
static void agent_script(struct agent *a);

static void *agent_day(void *arg)
{
  struct agent *a = arg;
  on_agent_thread = 1;
  agent_script(a);
  on_agent_thread = 0;
  check(agent_failures == 0 && agent_checks > 80, "%s: %d of %d checks of the working day failed", a->id, agent_failures, agent_checks);
  return NULL;
}

static void agent_script(struct agent *a)
{
  const char *id = a->id;
  char track[64], tid[64];
  struct ISC_CLIENT_INTERFACE ci = client_interface(a);
  struct kv_builder sp = { 0 };
  kv_add(&sp, "Service:Extension", a->ext);
  kv_add(&sp, "AgentId", "{@AgentId}"); /* an unexpanded macro is ignored */
  ISC_STRING conn = u16("");
  ISC_RESULT r = RequestService(driver, ci, conn, &sp.list, &a->service);
  free(conn);
  kv_free(&sp);
  if (!EXPECT(r == SC_EC_OK && a->service != NULL, "%s: RequestService returned %ld", id, r)) return;

  EXPECT(wait_for(a, C_TOOLBAR, 0, (int)TB_LOGGED_OUT), "%s: initial toolbar enables only LogIn (got 0x%x)", id, a->toolbar);
  EXPECT(wait_for(a, C_EVENT, EV_STATUS, 1) && wait_for(a, C_STATUS, 0, 1), "%s: ConnectorStatus event and status text on start", id);

  /* A command before LogIn fails with a HandleError carrying Siebel's tracking id. */
  r = invoke(a, "t-early", "ChangeReadyState", NULL, 0, 0, 0, 0, 0, 0);
  EXPECT(r == SC_EC_ERROR, "%s: ChangeReadyState before LogIn returns SC_EC_ERROR (got %ld)", id, r);
  EXPECT(wait_for(a, C_ERRORS, 0, 1) && strcmp(a->last_error_track, "t-early") == 0, "%s: HandleError(t-early) before LogIn", id);

  r = invoke(a, "t-login", "LogIn", NULL, "AgentId", id, "AgentPin", "secret-pin", "Extension", a->ext);
  EXPECT(r == SC_EC_OK, "%s: LogIn returns %ld", id, r);
  EXPECT(wait_for(a, C_TOOLBAR, 0, (int)TB_NOT_READY), "%s: NOT_READY toolbar after LogIn (got 0x%x)", id, a->toolbar);
  EXPECT(a->events[EV_AGENT] >= 1, "%s: AgentStateChanged after LogIn", id);

  /* Inbound call 1: ring, accept as work item, data, hold/retrieve both ways, consult, transfer. */
  EXPECT(invoke(a, "t-ready", "ChangeReadyState", NULL, 0, 0, 0, 0, 0, 0) == SC_EC_OK, "%s: ChangeReadyState", id);
  EXPECT(wait_for(a, C_EVENT, EV_RINGING, 1) && wait_for(a, C_INDICATE, 0, 1), "%s: CallRinging + IndicateNewWorkItem", id);
  EXPECT(wait_for(a, C_TOOLBAR, 0, (int)TB_ALERTING), "%s: ALERTING toolbar (got 0x%x)", id, a->toolbar);
  host_mutex_lock(&a->lock);
  snprintf(tid, sizeof tid, "%s", a->last_tracking);
  EXPECT(strcmp(a->last_ani, "5551000") == 0, "%s: CallRinging ANI (got %s)", id, a->last_ani);
  EXPECT(strcmp(a->last_var1, "account 42, priority #1 | gold") == 0, "%s: call variable with , # | intact (got %s)", id, a->last_var1);
  EXPECT(strcmp(a->last_ecc, "fr-CA") == 0, "%s: ECC variable by name (got %s)", id, a->last_ecc);
  host_mutex_unlock(&a->lock);
  EXPECT(work_item(AcceptWorkItem, a, "no-such-item") == SC_EC_INVALID_ITEM_TRACKING_ID, "%s: AcceptWorkItem(unknown) = INVALID_ITEM_TRACKING_ID", id);
  EXPECT(work_item(AcceptWorkItem, a, tid) == SC_EC_OK, "%s: AcceptWorkItem(%s)", id, tid);
  EXPECT(wait_for(a, C_EVENT, EV_ESTABLISHED, 1) && wait_for(a, C_STARTED, 0, 1), "%s: CallEstablished + WorkItemStarted", id);
  EXPECT(wait_for(a, C_TOOLBAR, 0, (int)TB_ACTIVE), "%s: ACTIVE toolbar (got 0x%x)", id, a->toolbar);

  EXPECT(invoke(a, "t-data", "AttachData", NULL, "callVariable2", "x,y", "user.Note", "a#b|c", 0, 0) == SC_EC_OK, "%s: AttachData", id);
  EXPECT(wait_for(a, C_EVENT, EV_DATA, 1), "%s: CallDataChanged", id);
  EXPECT(invoke(a, "t-dtmf", "SendDTMF", "123#", 0, 0, 0, 0, 0, 0) == SC_EC_OK, "%s: SendDTMF with stringParam", id);

  EXPECT(invoke(a, "t-hold", "HoldCall", NULL, 0, 0, 0, 0, 0, 0) == SC_EC_OK, "%s: HoldCall", id);
  EXPECT(wait_for(a, C_EVENT, EV_HELD, 1) && wait_for(a, C_SUSPENDED, 0, 1), "%s: CallHeld + WorkItemSuspended", id);
  EXPECT(wait_for(a, C_TOOLBAR, 0, (int)TB_HELD), "%s: HELD toolbar (got 0x%x)", id, a->toolbar);
  EXPECT(invoke(a, "t-retr", "RetrieveCall", NULL, 0, 0, 0, 0, 0, 0) == SC_EC_OK, "%s: RetrieveCall", id);
  EXPECT(wait_for(a, C_EVENT, EV_RETRIEVED, 1) && wait_for(a, C_RESUMED, 0, 1), "%s: CallRetrieved + WorkItemResumed", id);
  EXPECT(wait_for(a, C_TOOLBAR, 0, (int)TB_ACTIVE), "%s: ACTIVE toolbar after retrieve", id);
  EXPECT(work_item(SuspendWorkItem, a, tid) == SC_EC_OK, "%s: SuspendWorkItem", id);
  EXPECT(wait_for(a, C_SUSPENDED, 0, 2), "%s: WorkItemSuspended after SuspendWorkItem", id);
  EXPECT(work_item(ResumeWorkItem, a, tid) == SC_EC_OK, "%s: ResumeWorkItem", id);
  EXPECT(wait_for(a, C_RESUMED, 0, 2), "%s: WorkItemResumed after ResumeWorkItem", id);
  EXPECT(wait_for(a, C_TOOLBAR, 0, (int)TB_ACTIVE), "%s: ACTIVE toolbar after resume", id);

  EXPECT(invoke(a, "t-consult", "ConsultCall", NULL, "PhoneNumber", "2000", 0, 0, 0, 0) == SC_EC_OK, "%s: ConsultCall", id);
  EXPECT(wait_for(a, C_EVENT, EV_CONSULT, 1), "%s: ConsultEstablished", id);
  EXPECT(wait_for(a, C_TOOLBAR, 0, (int)TB_CONSULT), "%s: CONSULT ACTIVE toolbar (got 0x%x)", id, a->toolbar);
  EXPECT(invoke(a, "t-xfer", "TransferComplete", NULL, 0, 0, 0, 0, 0, 0) == SC_EC_OK, "%s: TransferComplete", id);
  EXPECT(wait_for(a, C_EVENT, EV_TRANSFERRED, 1) && wait_for(a, C_EVENT, EV_RELEASED, 1) && wait_for(a, C_RELEASED, 0, 2),
    "%s: CallTransferred (original) + CallReleased (consult leg) + WorkItemReleased for both legs", id);
  EXPECT(wait_for(a, C_TOOLBAR, 0, (int)TB_WRAPUP), "%s: WRAP-UP toolbar (got 0x%x)", id, a->toolbar);
  int agent_events = a->events[EV_AGENT];
  EXPECT(invoke(a, "t-wrap", "SetWrapUp", NULL, "ReasonCode", "Sale", 0, 0, 0, 0) == SC_EC_OK, "%s: SetWrapUp", id);
  EXPECT(wait_for(a, C_EVENT, EV_AGENT, agent_events + 1), "%s: AgentStateChanged after SetWrapUp", id);

  /* Inbound call 2: answer, consult, conference, release. */
  EXPECT(invoke(a, "t-ready2", "ChangeReadyState", NULL, 0, 0, 0, 0, 0, 0) == SC_EC_OK, "%s: ChangeReadyState from wrap-up", id);
  EXPECT(wait_for(a, C_EVENT, EV_RINGING, 2), "%s: second CallRinging", id);
  EXPECT(wait_for(a, C_TOOLBAR, 0, (int)TB_ALERTING), "%s: ALERTING toolbar 2", id);
  EXPECT(invoke(a, "t-answer", "AnswerCall", NULL, 0, 0, 0, 0, 0, 0) == SC_EC_OK, "%s: AnswerCall", id);
  EXPECT(wait_for(a, C_EVENT, EV_ESTABLISHED, 2), "%s: second CallEstablished", id);
  EXPECT(wait_for(a, C_TOOLBAR, 0, (int)TB_ACTIVE), "%s: ACTIVE toolbar 2", id);
  EXPECT(invoke(a, "t-consult2", "ConsultCall", "2001", 0, 0, 0, 0, 0, 0) == SC_EC_OK, "%s: ConsultCall with stringParam", id);
  EXPECT(wait_for(a, C_EVENT, EV_CONSULT, 2) && wait_for(a, C_TOOLBAR, 0, (int)TB_CONSULT), "%s: second consult", id);
  EXPECT(invoke(a, "t-conf", "ConferenceComplete", NULL, 0, 0, 0, 0, 0, 0) == SC_EC_OK, "%s: ConferenceComplete", id);
  EXPECT(wait_for(a, C_EVENT, EV_CONFERENCED, 1) && wait_for(a, C_EVENT, EV_RELEASED, 2), "%s: CallConferenced (the conference) + CallReleased (consult leg)", id);
  EXPECT(wait_for(a, C_TOOLBAR, 0, (int)TB_ACTIVE), "%s: ACTIVE toolbar in conference", id);
  int released = a->released;
  EXPECT(invoke(a, "t-rel", "ReleaseCall", NULL, 0, 0, 0, 0, 0, 0) == SC_EC_OK, "%s: ReleaseCall", id);
  EXPECT(wait_for(a, C_EVENT, EV_RELEASED, 3) && wait_for(a, C_RELEASED, 0, released + 1), "%s: CallReleased + WorkItemReleased", id);
  EXPECT(wait_for(a, C_TOOLBAR, 0, (int)TB_WRAPUP), "%s: WRAP-UP toolbar 2", id);

  EXPECT(invoke(a, "t-nr", "ChangeNotReadyState", NULL, "ReasonCode", "7", 0, 0, 0, 0) == SC_EC_OK, "%s: ChangeNotReadyState", id);
  EXPECT(wait_for(a, C_TOOLBAR, 0, (int)TB_NOT_READY), "%s: NOT_READY toolbar after ChangeNotReadyState", id);

  /* Outbound: make a call, blind transfer it; InvokeCommandEx make call, release via ReleaseWorkItem. */
  EXPECT(invoke(a, "t-make", "MakeCall", NULL, "PhoneNumber", "5552000", 0, 0, 0, 0) == SC_EC_OK, "%s: MakeCall", id);
  EXPECT(wait_for(a, C_EVENT, EV_DIALING, 1) && wait_for(a, C_TOOLBAR, 0, (int)TB_ACTIVE), "%s: CallDialing and ACTIVE toolbar", id);
  EXPECT(wait_for(a, C_EVENT, EV_ESTABLISHED, 3), "%s: CallEstablished when the far end answers", id);
  EXPECT(invoke(a, "t-blind", "BlindTransfer", NULL, "PhoneNumber", "3000", 0, 0, 0, 0) == SC_EC_OK, "%s: BlindTransfer", id);
  EXPECT(wait_for(a, C_EVENT, EV_TRANSFERRED, 2) && wait_for(a, C_TOOLBAR, 0, (int)TB_NOT_READY), "%s: CallTransferred and back to NOT_READY", id);

  struct kv_builder ex = { 0 };
  kv_add(&ex, "PhoneNumber", "5553000");
  ISC_STRING t = u16("t-ex");
  r = InvokeCommandEx(a->service, t, SC_CT_MAKECALL, &ex.list);
  EXPECT(r == SC_EC_OK, "%s: InvokeCommandEx(SC_CT_MAKECALL) returns %ld", id, r);
  EXPECT(InvokeCommandEx(a->service, t, SC_CT_SENDMESSAGE, &ex.list) == SC_EC_CMD_NOT_SUPPORTED, "%s: InvokeCommandEx(SC_CT_SENDMESSAGE) not supported", id);
  free(t);
  kv_free(&ex);
  EXPECT(wait_for(a, C_EVENT, EV_DIALING, 2) && wait_for(a, C_TOOLBAR, 0, (int)TB_ACTIVE), "%s: dialing after InvokeCommandEx", id);
  host_mutex_lock(&a->lock);
  snprintf(tid, sizeof tid, "%s", a->last_tracking);
  host_mutex_unlock(&a->lock);
  released = a->released;
  EXPECT(work_item(ReleaseWorkItem, a, tid) == SC_EC_OK, "%s: ReleaseWorkItem", id);
  EXPECT(wait_for(a, C_RELEASED, 0, released + 1) && wait_for(a, C_TOOLBAR, 0, (int)TB_NOT_READY), "%s: released by ReleaseWorkItem", id);

  /* Failures: a Connector Error, a timeout, an unknown command, a call command without a call. */
  int errors = a->errors;
  snprintf(track, sizeof track, "t-fail-%d", a->index);
  EXPECT(invoke(a, track, "MakeCall", NULL, "PhoneNumber", "fail", 0, 0, 0, 0) == SC_EC_OK, "%s: MakeCall(fail) is accepted", id);
  EXPECT(wait_for(a, C_ERRORS, 0, errors + 1) && wait_for(a, C_EVENT, EV_FAILED, 1), "%s: HandleError + CommandFailed for a Connector Error", id);
  host_mutex_lock(&a->lock);
  EXPECT(strcmp(a->last_error_track, track) == 0, "%s: HandleError carries the command's tracking id (got %s)", id, a->last_error_track);
  host_mutex_unlock(&a->lock);
  snprintf(track, sizeof track, "t-timeout-%d", a->index);
  EXPECT(invoke(a, track, "MakeCall", NULL, "PhoneNumber", "timeout", 0, 0, 0, 0) == SC_EC_OK, "%s: MakeCall(timeout) is accepted", id);
  EXPECT(wait_for(a, C_ERRORS, 0, errors + 2), "%s: HandleError when the Connector never answers", id);
  host_mutex_lock(&a->lock);
  EXPECT(strcmp(a->last_error_track, track) == 0, "%s: timeout HandleError carries the tracking id (got %s)", id, a->last_error_track);
  host_mutex_unlock(&a->lock);
  EXPECT(invoke(a, "t-x", "Frobnicate", NULL, 0, 0, 0, 0, 0, 0) == SC_EC_CMD_NOT_SUPPORTED, "%s: unknown command = SC_EC_CMD_NOT_SUPPORTED", id);
  EXPECT(invoke(a, "t-nocall", "AnswerCall", NULL, 0, 0, 0, 0, 0, 0) == SC_EC_WORK_ITEM_WRONG_STATE, "%s: AnswerCall without a call", id);
  EXPECT(invoke(a, "t-nonum", "MakeCall", NULL, 0, 0, 0, 0, 0, 0) == SC_EC_ERROR, "%s: MakeCall without a number", id);

  /* The remaining exports. */
  ISC_STRING et = u16("evt-1");
  EXPECT(NotifyEventHandlingFinished(a->service, et, 1) == SC_EC_OK, "%s: NotifyEventHandlingFinished", id);
  free(et);
  struct kv_builder q = { 0 };
  kv_add(&q, "Queue", "Sales");
  ISC_STRING qn = u16("Email"), qt = u16("q-1");
  EXPECT(HandleQueuedWorkItem(a->service, qn, &q.list, qt) == SC_EC_CMD_NOT_SUPPORTED, "%s: HandleQueuedWorkItem not supported", id);
  EXPECT(RevokeQueuedWorkItem(a->service, qt) == SC_EC_CMD_NOT_SUPPORTED, "%s: RevokeQueuedWorkItem not supported", id);
  free(qn); free(qt);
  kv_free(&q);
  agent_events = a->events[EV_AGENT];
  EXPECT(invoke(a, "t-reset", "ResetState", NULL, 0, 0, 0, 0, 0, 0) == SC_EC_OK, "%s: ResetState", id);
  EXPECT(wait_for(a, C_EVENT, EV_AGENT, agent_events + 1), "%s: AgentStateChanged after ResetState", id);

  EXPECT(invoke(a, "t-logout", "LogOut", NULL, "ReasonCode", "9", 0, 0, 0, 0) == SC_EC_OK, "%s: LogOut", id);
  EXPECT(wait_for(a, C_TOOLBAR, 0, (int)TB_LOGGED_OUT), "%s: LOGGED OUT toolbar after LogOut (got 0x%x)", id, a->toolbar);

  /* Release: last call for the service; nothing may call back afterwards. */
  EXPECT(ReleaseISCServiceInstance(a->service) == SC_EC_OK, "%s: ReleaseISCServiceInstance", id);
  atomic_store(&a->released_flag, 1);
  EXPECT(ReleaseISCServiceInstance(a->service) == SC_EC_INVALID_HANDLE, "%s: double release = SC_EC_INVALID_HANDLE", id);
  EXPECT(invoke(a, "t-late", "LogIn", NULL, 0, 0, 0, 0, 0, 0) == SC_EC_INVALID_HANDLE, "%s: InvokeCommand on a released handle", id);
  EXPECT(work_item(AcceptWorkItem, a, tid) == SC_EC_INVALID_HANDLE, "%s: AcceptWorkItem on a released handle", id);

  EXPECT(a->unknown_events == 0, "%s: no unknown events (%d)", id, a->unknown_events);
  EXPECT(a->bad_fields == 0, "%s: every call event and work-item call had its fields (%d bad)", id, a->bad_fields);
  EXPECT(a->toolbar_bad == 0, "%s: every CacheCommandInformation was consistent (%d bad)", id, a->toolbar_bad);
  EXPECT(atomic_load(&a->overlapping) == 0, "%s: callbacks were serialized (%d overlaps)", id, atomic_load(&a->overlapping));
}

/* ---- bad input from the host ---- */

static void bad_input(int agents_ok)
{
  (void)agents_ok;
  struct ISC_StrParamList list = { 0 }, events = { 0 };
  ISC_STRING media = u16("Voice");

  /* Foreign and double-freed lists are refused without crashing. */
  ISC_STRING foreign_items[2] = { media, media };
  struct ISC_StrParamList foreign = { foreign_items, 2 };
  FreeSCStrParamList(foreign);
  struct ISC_StrParamList zero = { 0 };
  FreeSCStrParamList(zero);
  EXPECT(RequestCommandEventList(media, &list, &events) == SC_EC_OK, "RequestCommandEventList again");
  struct ISC_StrParamList altered = list;
  altered.len = 3;
  FreeSCStrParamList(altered); /* wrong length: refused, list stays alive */
  FreeSCStrParamList(list);
  FreeSCStrParamList(list);    /* double free: refused */
  FreeSCStrParamList(events);
  EXPECT(RequestCommandEventList(media, NULL, &events) == SC_EC_ERROR, "RequestCommandEventList(NULL list) = SC_EC_ERROR");
  EXPECT(RequestMediaTypeList(NULL) == SC_EC_ERROR, "RequestMediaTypeList(NULL) = SC_EC_ERROR");
  EXPECT(GetImplementationObject(NULL, NULL) == SC_EC_ERROR, "GetImplementationObject(NULL out) = SC_EC_ERROR");

  /* Null and dangling handles. */
  ISC_STRING cmd = u16("LogIn");
  EXPECT(InvokeCommand(NULL, NULL, cmd, NULL, NULL) == SC_EC_INVALID_HANDLE, "InvokeCommand(NULL handle)");
  EXPECT(InvokeCommand((void *)0x1234, NULL, cmd, NULL, NULL) == SC_EC_INVALID_HANDLE, "InvokeCommand(garbage handle)");
  EXPECT(InvokeCommand(driver, NULL, cmd, NULL, NULL) == SC_EC_INVALID_HANDLE, "InvokeCommand(driver handle as service handle)");
  EXPECT(InvokeCommandEx(NULL, NULL, SC_CT_MAKECALL, NULL) == SC_EC_INVALID_HANDLE, "InvokeCommandEx(NULL handle)");
  EXPECT(NotifyEventHandlingFinished(NULL, NULL, 0) == SC_EC_INVALID_HANDLE, "NotifyEventHandlingFinished(NULL handle)");
  EXPECT(AcceptWorkItem(NULL, NULL) == SC_EC_INVALID_HANDLE && ReleaseWorkItem(NULL, NULL) == SC_EC_INVALID_HANDLE
    && SuspendWorkItem(NULL, NULL) == SC_EC_INVALID_HANDLE && ResumeWorkItem(NULL, NULL) == SC_EC_INVALID_HANDLE
    && HandleQueuedWorkItem(NULL, NULL, NULL, NULL) == SC_EC_INVALID_HANDLE && RevokeQueuedWorkItem(NULL, NULL) == SC_EC_INVALID_HANDLE,
    "work-item exports with a NULL handle");
  EXPECT(ReleaseISCServiceInstance(NULL) == SC_EC_INVALID_HANDLE, "ReleaseISCServiceInstance(NULL)");
  EXPECT(ReleaseISCDriverInstance(NULL) == SC_EC_INVALID_HANDLE, "ReleaseISCDriverInstance(NULL)");
  EXPECT(ReleaseISCDriverInstance((void *)0x5E00000001000001) == SC_EC_INVALID_HANDLE, "ReleaseISCDriverInstance(forged handle)");

  /* RequestService misuse. */
  struct agent *b = calloc(1, sizeof *b);
  host_mutex_init(&b->lock);
  host_cond_init(&b->changed);
  snprintf(b->id, sizeof b->id, "bad");
  snprintf(b->ext, sizeof b->ext, "9999");
  struct ISC_CLIENT_INTERFACE ci = client_interface(b);
  ISC_SERVICE_HANDLE s = NULL;
  EXPECT(RequestService(NULL, ci, NULL, NULL, &s) == SC_EC_INVALID_HANDLE && s == NULL, "RequestService(NULL driver)");
  EXPECT(RequestService(driver, ci, NULL, NULL, NULL) == SC_EC_ERROR, "RequestService(NULL out)");
  struct ISC_CLIENT_INTERFACE empty = ci;
  empty.HandleEvent = NULL;
  EXPECT(RequestService(driver, empty, NULL, NULL, &s) == SC_EC_CLIENT_INTERFACE_ERR && s == NULL, "RequestService without HandleEvent");
  struct ISC_KVParamList negative = { NULL, -1 }, missing = { NULL, 5 };
  EXPECT(RequestService(driver, ci, NULL, &negative, &s) == SC_EC_ERROR, "RequestService(list len -1)");
  EXPECT(RequestService(driver, ci, NULL, &missing, &s) == SC_EC_ERROR, "RequestService(list len 5, no items)");
  struct ISC_KeyValue nulls[2] = { { NULL, NULL }, { NULL, media } };
  struct ISC_KVParamList null_keys = { nulls, 2 };
  EXPECT(RequestService(driver, ci, NULL, &null_keys, &b->service) == SC_EC_OK, "RequestService with null keys and values");

  /* Commands with bad strings. */
  EXPECT(InvokeCommand(b->service, NULL, NULL, NULL, NULL) == SC_EC_CMD_NOT_SUPPORTED, "InvokeCommand(NULL name)");
  ISC_STRING empty_name = u16("");
  EXPECT(InvokeCommand(b->service, empty_name, empty_name, empty_name, NULL) == SC_EC_CMD_NOT_SUPPORTED, "InvokeCommand(empty name)");
  size_t huge = (1u << 20) + 16;
  ISC_STRING big = malloc((huge + 1) * sizeof(ISC_CHAR));
  for (size_t i = 0; i < huge; i++) big[i] = 'A';
  big[huge] = 0;
  EXPECT(InvokeCommand(b->service, NULL, big, NULL, NULL) == SC_EC_ERROR, "InvokeCommand(name of 1 Mi + 16 units) = SC_EC_ERROR");
  big[1000] = 0;
  EXPECT(InvokeCommand(b->service, big, big, big, NULL) == SC_EC_CMD_NOT_SUPPORTED, "InvokeCommand(1000-unit unknown name)");
  free(big);
  EXPECT(invoke(b, "b-login", "LogIn", NULL, "AgentId", "bad", "AgentPin", "pw", "Extension", "9999") == SC_EC_OK, "bad-input agent LogIn");
  EXPECT(wait_for(b, C_TOOLBAR, 0, (int)TB_NOT_READY), "bad-input agent NOT_READY");

  /* Unpaired surrogates become U+FFFD. */
  ISC_CHAR number[] = { '5', '5', 0xD800, '1', 0xDC00, 0 };
  ISC_STRING mk = u16("MakeCall"), key = u16("PhoneNumber"), tr = u16("b-sur");
  struct ISC_KeyValue pn = { key, number };
  struct ISC_KVParamList pl = { &pn, 1 };
  EXPECT(InvokeCommand(b->service, tr, mk, NULL, &pl) == SC_EC_OK, "MakeCall with unpaired surrogates is accepted");
  EXPECT(wait_for(b, C_EVENT, EV_DIALING, 1), "CallDialing for the surrogate number");
  EXPECT(wait_for(b, C_TOOLBAR, 0, (int)TB_ACTIVE), "ACTIVE toolbar for the surrogate number");
  host_mutex_lock(&b->lock);
  EXPECT(b->dnis_has_replacement, "unpaired surrogates reach Siebel as U+FFFD (DNIS %s)", b->last_dnis);
  host_mutex_unlock(&b->lock);
  free(mk); free(key); free(tr);

  /* 10,000 parameters on one command. */
  struct kv_builder many = { 0 };
  char k[32], v[32];
  for (int i = 0; i < 10000; i++) {
    snprintf(k, sizeof k, "user.var%d", i);
    snprintf(v, sizeof v, "value %d", i);
    kv_add(&many, k, v);
  }
  ISC_STRING ad = u16("AttachData");
  EXPECT(InvokeCommand(b->service, NULL, ad, NULL, &many.list) == SC_EC_OK, "AttachData with 10,000 parameters");
  EXPECT(wait_for(b, C_EVENT, EV_DATA, 1), "CallDataChanged after 10,000 parameters");
  host_mutex_lock(&b->lock);
  EXPECT(b->last_field_count >= 10000, "CallDataChanged carries every variable (%ld fields)", b->last_field_count);
  host_mutex_unlock(&b->lock);
  free(ad);
  kv_free(&many);
  struct ISC_KVParamList too_many = { NULL, 100001 };
  ISC_STRING ad2 = u16("AttachData");
  EXPECT(InvokeCommand(b->service, NULL, ad2, NULL, &too_many) == SC_EC_ERROR, "a list longer than 100,000 = SC_EC_ERROR");
  free(ad2);

  EXPECT(ReleaseISCServiceInstance(b->service) == SC_EC_OK, "release the bad-input service with a call still up");
  atomic_store(&b->released_flag, 1);
  EXPECT(ReleaseISCServiceInstance(b->service) == SC_EC_INVALID_HANDLE, "double release of the bad-input service");
  EXPECT(atomic_load(&b->after_release) == 0 && atomic_load(&b->overlapping) == 0, "bad-input service: no late or overlapping callbacks");
  host_mutex_destroy(&b->lock);
  host_cond_destroy(&b->changed);
  free(b);
  free(empty_name);
  free(cmd);
  free(media);
}

static void *sym(host_lib lib, const char *name)
{
  void *p = host_lib_sym(lib, name);
  check(p != NULL, "the library exports %s", name);
  return p;
}

static ISC_RESULT create(const char *media, struct kv_builder *params, ISC_DRIVER_HANDLE *out)
{
  return scapi_create(CreateISCDriverInstance, media, params, out);
}

int main(int argc, char **argv)
{
  if (argc < 2) {
    fprintf(stderr, "usage: %s PATH/libSiebelCtiDriver.so|SiebelCtiDriver.dll [AGENTS]\n", argv[0]);
    return 2;
  }
  int agents = argc > 2 ? atoi(argv[2]) : 200;
  if (agents < 1 || agents > 2000) agents = 200;
  host_setenv("SIEBELCTI_DRIVER_TEST_HOOKS", "1");

  char log_config[256];
  snprintf(log_config, sizeof log_config, "%ssiebel_host_test_%d.nlog.config", host_temp_dir(), host_pid());
  char log_file[256];
  snprintf(log_file, sizeof log_file, "%ssiebel_host_test_%d.log", host_temp_dir(), host_pid());
  FILE *f = fopen(log_config, "w");
  if (f != NULL) {
    fprintf(f, "<nlog><targets><target name=\"f\" type=\"File\" fileName=\"%s\" layout=\"${level}|${event-properties:EventId}|agent=${scopeproperty:AgentId}|dialog=${scopeproperty:DialogId}|${message}\" /></targets>"
               "<rules><logger name=\"*\" minlevel=\"Info\" writeTo=\"f\" /></rules></nlog>\n", log_file);
    fclose(f);
  }

  host_lib lib = host_lib_open(argv[1]);
  if (!check(lib != NULL, "load %s: %s", argv[1], lib ? "" : host_lib_error())) {
    printf("%d passed, %d failed\n", atomic_load(&passed), atomic_load(&failed));
    return 1;
  }
  APIVersion = (APIVersion_fn)sym(lib, "APIVersion");
  CreateISCDriverInstance = (CreateISCDriverInstance_fn)sym(lib, "CreateISCDriverInstance");
  RequestMediaTypeList = (RequestMediaTypeList_fn)sym(lib, "RequestMediaTypeList");
  RequestCommandEventList = (RequestCommandEventList_fn)sym(lib, "RequestCommandEventList");
  FreeSCStrParamList = (FreeSCStrParamList_fn)sym(lib, "FreeSCStrParamList");
  GetImplementationObject = (GetImplementationObject_fn)sym(lib, "GetImplementationObject");
  ReleaseISCDriverInstance = (ReleaseISCDriverInstance_fn)sym(lib, "ReleaseISCDriverInstance");
  RequestService = (RequestService_fn)sym(lib, "RequestService");
  ReleaseISCServiceInstance = (ReleaseISCServiceInstance_fn)sym(lib, "ReleaseISCServiceInstance");
  InvokeCommand = (InvokeCommand_fn)sym(lib, "InvokeCommand");
  InvokeCommandEx = (InvokeCommandEx_fn)sym(lib, "InvokeCommandEx");
  NotifyEventHandlingFinished = (NotifyEventHandlingFinished_fn)sym(lib, "NotifyEventHandlingFinished");
  AcceptWorkItem = (WorkItem_fn)sym(lib, "AcceptWorkItem");
  ReleaseWorkItem = (WorkItem_fn)sym(lib, "ReleaseWorkItem");
  SuspendWorkItem = (WorkItem_fn)sym(lib, "SuspendWorkItem");
  ResumeWorkItem = (WorkItem_fn)sym(lib, "ResumeWorkItem");
  HandleQueuedWorkItem = (HandleQueuedWorkItem_fn)sym(lib, "HandleQueuedWorkItem");
  RevokeQueuedWorkItem = (WorkItem_fn)sym(lib, "RevokeQueuedWorkItem");
  if (atomic_load(&failed) > 0) {
    printf("%d passed, %d failed\n", atomic_load(&passed), atomic_load(&failed));
    return 1;
  }

  /* 1. APIVersion */
  EXPECT(APIVersion() == 2, "APIVersion() == 2");

  /* 2. CreateISCDriverInstance: bad parameters fail with SC_EC_DRIVER_CREATION_ERR, then a good one. */
  ISC_DRIVER_HANDLE bad = (void *)1;
  struct kv_builder bp = { 0 };
  kv_add(&bp, "Driver:BrokerUri", "http://nowhere");
  kv_add(&bp, "RequestTimeout", "abc");
  kv_add(&bp, "ClientId", "has spaces");
  kv_add(&bp, "BrokerPassword", "secret-password");
  EXPECT(create("Voice", &bp, &bad) == SC_EC_DRIVER_CREATION_ERR && bad == NULL, "CreateISCDriverInstance with bad parameters = SC_EC_DRIVER_CREATION_ERR");
  kv_free(&bp);
  struct kv_builder none = { 0 };
  EXPECT(create("Voice", &none, &bad) == SC_EC_DRIVER_CREATION_ERR, "CreateISCDriverInstance without BrokerUri");
  EXPECT(create("Voice", &none, NULL) == SC_EC_ERROR, "CreateISCDriverInstance(NULL out) = SC_EC_ERROR");
  ISC_STRING lang = u16("ENU");
  EXPECT(CreateISCDriverInstance(NULL, lang, NULL, NULL, &bad) == SC_EC_MEDIA_TYPE_NOT_SUPPORTED, "CreateISCDriverInstance(NULL media type)");
  free(lang);

  struct kv_builder dp = { 0 };
  kv_add(&dp, "Driver:BrokerUri", "loopback://");
  /* Short enough for the "never answers" check, long enough that a slow machine (JIT under Wine, a
   * loaded CI) answers ResetState in time: a late answer of an unchanged state raises no event. */
  kv_add(&dp, "Driver:RequestTimeout", "5");
  kv_add(&dp, "ClientId", "host-test");
  kv_add(&dp, "LogConfig", log_config);
  kv_add(&dp, "Service:Extension", "ignored-at-driver-level");
  kv_add(&dp, "SomethingElse", "ignored");
  EXPECT(create("Voice", &dp, &driver) == SC_EC_OK && driver != NULL, "CreateISCDriverInstance(loopback)");
  kv_free(&dp);
  if (driver == NULL) {
    printf("%d passed, %d failed\n", atomic_load(&passed), atomic_load(&failed));
    return 1;
  }

  /* 3. RequestCommandEventList (and RequestMediaTypeList), every list freed. */
  struct ISC_StrParamList commands = { 0 }, events = { 0 }, media = { 0 };
  ISC_STRING voice = u16("Voice");
  EXPECT(RequestCommandEventList(voice, &commands, &events) == SC_EC_OK, "RequestCommandEventList");
  free(voice);
  EXPECT(commands.len == NCOMMANDS && events.len == NEVENTS, "command and event counts (%ld, %ld)", commands.len, events.len);
  for (int i = 0; i < NCOMMANDS && i < commands.len; i++) EXPECT(u16eq(commands.dataItems[i], COMMANDS[i]), "command %d is %s", i, COMMANDS[i]);
  for (int i = 0; i < NEVENTS && i < events.len; i++) EXPECT(u16eq(events.dataItems[i], EVENTS[i]), "event %d is %s", i, EVENTS[i]);
  FreeSCStrParamList(commands);
  FreeSCStrParamList(events);
  EXPECT(RequestMediaTypeList(&media) == SC_EC_OK && media.len == 1 && u16eq(media.dataItems[0], "Voice"), "RequestMediaTypeList = [Voice]");
  FreeSCStrParamList(media);
  ISC_HANDLE imp = (void *)1;
  EXPECT(GetImplementationObject(driver, &imp) == SC_EC_CMD_NOT_SUPPORTED && imp == NULL, "GetImplementationObject not supported");
  phase("load sequence");

  /* 4. RequestService x AGENTS, each on its own thread, every command. */
  int64_t t0 = host_now_ms();
  struct agent *all = calloc((size_t)agents, sizeof *all);
  host_thread *threads = calloc((size_t)agents, sizeof *threads);
  for (int i = 0; i < agents; i++) {
    all[i].index = i;
    snprintf(all[i].id, sizeof all[i].id, "agent%03d", i);
    snprintf(all[i].ext, sizeof all[i].ext, "%d", 10000 + i);
    host_mutex_init(&all[i].lock);
    host_cond_init(&all[i].changed);
  }
  for (int i = 0; i < agents; i++) host_thread_start(&threads[i], agent_day, &all[i]);
  for (int i = 0; i < agents; i++) host_thread_join(threads[i]);
  printf("%d agent services ran every command in %.2f s\n", agents, (double)(host_now_ms() - t0) / 1000.0);
  phase("agent services");

  /* 5. Bad input. */
  bad_input(agents);
  phase("bad input");

  /* 6. Release the driver: again = invalid; no callback of any service afterwards. */
  EXPECT(ReleaseISCDriverInstance(driver) == SC_EC_OK, "ReleaseISCDriverInstance");
  EXPECT(ReleaseISCDriverInstance(driver) == SC_EC_INVALID_HANDLE, "double ReleaseISCDriverInstance = SC_EC_INVALID_HANDLE");
  ISC_SERVICE_HANDLE s = NULL;
  struct ISC_CLIENT_INTERFACE ci = client_interface(&all[0]);
  EXPECT(RequestService(driver, ci, NULL, NULL, &s) == SC_EC_INVALID_HANDLE, "RequestService on a released driver");
  int late = 0;
  for (int i = 0; i < agents; i++) late += atomic_load(&all[i].after_release);
  EXPECT(late == 0, "no callback after ReleaseISCServiceInstance (%d)", late);

  /* The log: agent and dialog ids on lines, never a password. */
  FILE *lf = fopen(log_file, "r");
  if (check(lf != NULL, "the LogConfig file target wrote %s", log_file)) {
    char line[4096];
    int with_agent = 0, with_dialog = 0, secrets = 0, unfreed = 0;
    while (fgets(line, sizeof line, lf)) {
      if (strstr(line, "agent=agent")) with_agent++;
      if (strstr(line, "dialog=agent")) with_dialog++;
      if (strstr(line, "secret-pin") || strstr(line, "secret-password")) secrets++;
      if (strstr(line, "never freed")) unfreed++;
    }
    fclose(lf);
    EXPECT(with_agent > 0 && with_dialog > 0, "log lines carry agent ids (%d) and dialog ids (%d)", with_agent, with_dialog);
    EXPECT(secrets == 0, "no password or PIN in the log (%d lines)", secrets);
    EXPECT(unfreed == 0, "every list handed out was freed (the driver logs none as never freed)");
  }
  remove(log_file);
  remove(log_config);

  for (int i = 0; i < agents; i++) {
    host_mutex_destroy(&all[i].lock);
    host_cond_destroy(&all[i].changed);
  }
  free(all);
  free(threads);
  /* No dlclose: Siebel never unloads a driver, and the .NET runtime inside cannot be unloaded (its threads keep running). */
  printf("%d passed, %d failed\n", atomic_load(&passed), atomic_load(&failed));
  return atomic_load(&failed) == 0 ? 0 : 1;
}
