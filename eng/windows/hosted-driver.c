/*
 * SiebelCtiDriver.dll of the hosted Windows build (win-x86; also built for win-x64 to test it under
 * Wine). There is no Native AOT runtime pack for win-x86, so this small MinGW-w64 DLL exports the 18
 * Siebel functions under their undecorated C names (cdecl) and forwards each call to the same
 * managed [UnmanagedCallersOnly] export of the Linux and win-x64 libraries (Driver/Exports.cs),
 * running in the .NET runtime shipped beside it in SiebelCtiDriver.runtime\ and started through the
 * documented native hosting API (hostfxr). Why: docs/native-abi.md, "Windows builds".
 *
 * The runtime starts on the first call of any export (never in DllMain: loader lock) and stays for
 * the life of the process. If it cannot start, every export fails cleanly (SC_EC_ERROR, or
 * SC_EC_DRIVER_CREATION_ERR from CreateISCDriverInstance; APIVersion reports 2) and the reason is
 * appended to SiebelCtiDriver.hosting.log beside this DLL with the code HOST_RUNTIME_START_FAILED.
 */
#define WIN32_LEAN_AND_MEAN
#include <windows.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>

#define EXPORT __declspec(dllexport)
#define RUNTIME_DIR L"SiebelCtiDriver.runtime"
#define MANAGED_APP L"SiebelCtiDriver.dll"
#define EXPORTS_TYPE L"SiebelCti.Driver.Exports, SiebelCtiDriver"
#define HOSTED_TYPE L"SiebelCti.Driver.Native.HostedEntryPoints, SiebelCtiDriver"
/* The AppContext key the managed driver reads for "the directory of the driver library". */
#define DIRECTORY_PROPERTY L"SiebelCti.DriverDirectory"

enum { SC_EC_ERROR = 1, SC_EC_DRIVER_CREATION_ERR = 9, SCAPI_VERSION_DEFAULT = 2 };
/* The managed IscClientInterface: 24 pointer-sized slots (Interop/IscClientInterface.cs). */
enum { CLIENT_INTERFACE_CAPACITY = 24 };

typedef uint16_t ISC_CHAR;
struct ISC_StrParamList { ISC_CHAR **dataItems; long len; };
struct client_interface { void *slots[CLIENT_INTERFACE_CAPACITY]; };

/* ---- hostfxr, as documented in docs/design/features/native-hosting.md of dotnet/runtime ---- */
struct hostfxr_initialize_parameters { size_t size; const wchar_t *host_path; const wchar_t *dotnet_root; };
typedef void *hostfxr_handle;
enum { hdt_get_function_pointer = 6 };
#define UNMANAGEDCALLERSONLY_METHOD ((const wchar_t *)-1)
typedef void(__cdecl *hostfxr_error_writer_fn)(const wchar_t *message);
typedef hostfxr_error_writer_fn(__cdecl *hostfxr_set_error_writer_fn)(hostfxr_error_writer_fn writer);
typedef int32_t(__cdecl *hostfxr_initialize_for_dotnet_command_line_fn)(int argc, const wchar_t **argv,
  const struct hostfxr_initialize_parameters *parameters, hostfxr_handle *context);
typedef int32_t(__cdecl *hostfxr_set_runtime_property_value_fn)(hostfxr_handle context, const wchar_t *name, const wchar_t *value);
typedef int32_t(__cdecl *hostfxr_get_runtime_delegate_fn)(hostfxr_handle context, int type, void **delegate);
typedef int32_t(__stdcall *get_function_pointer_fn)(const wchar_t *type_name, const wchar_t *method_name,
  const wchar_t *delegate_type_name, void *load_context, void *reserved, void **delegate);

/* ---- the managed exports (cdecl, the signatures of Driver/Exports.cs) ---- */
#define MANAGED_EXPORTS(X) \
  X(long, APIVersion, (void)) \
  X(long, CreateISCDriverInstance, (const ISC_CHAR *, const ISC_CHAR *, const ISC_CHAR *, const void *, void **)) \
  X(long, RequestMediaTypeList, (struct ISC_StrParamList *)) \
  X(long, RequestCommandEventList, (const ISC_CHAR *, struct ISC_StrParamList *, struct ISC_StrParamList *)) \
  X(void, FreeSCStrParamList, (struct ISC_StrParamList)) \
  X(long, GetImplementationObject, (void *, void **)) \
  X(long, ReleaseISCDriverInstance, (void *)) \
  X(long, RequestService, (void *, struct client_interface, const ISC_CHAR *, const void *, void **)) \
  X(long, ReleaseISCServiceInstance, (void *)) \
  X(long, InvokeCommand, (void *, const ISC_CHAR *, const ISC_CHAR *, const ISC_CHAR *, const void *)) \
  X(long, InvokeCommandEx, (void *, const ISC_CHAR *, int, const void *)) \
  X(long, NotifyEventHandlingFinished, (void *, const ISC_CHAR *, intptr_t)) \
  X(long, AcceptWorkItem, (void *, const ISC_CHAR *)) \
  X(long, ReleaseWorkItem, (void *, const ISC_CHAR *)) \
  X(long, SuspendWorkItem, (void *, const ISC_CHAR *)) \
  X(long, ResumeWorkItem, (void *, const ISC_CHAR *)) \
  X(long, HandleQueuedWorkItem, (void *, const ISC_CHAR *, const void *, const ISC_CHAR *)) \
  X(long, RevokeQueuedWorkItem, (void *, const ISC_CHAR *))

static struct {
#define FIELD(ret, name, args) ret(__cdecl *name) args;
  MANAGED_EXPORTS(FIELD)
#undef FIELD
  int(__cdecl *ClientInterfaceSlots)(void);
} managed;

static INIT_ONCE started = INIT_ONCE_STATIC_INIT;
static BOOL runtime_ready;
static wchar_t self_dir[MAX_PATH];

/* ---- the hosting log: only failures to start the runtime are written here ---- */
static void hosting_log(const wchar_t *fmt, ...)
{
  wchar_t text[2048], path[MAX_PATH + 64];
  va_list ap;
  va_start(ap, fmt);
  _vsnwprintf(text, sizeof text / sizeof text[0] - 1, fmt, ap);
  va_end(ap);
  text[sizeof text / sizeof text[0] - 1] = 0;
  OutputDebugStringW(text);
  _snwprintf(path, sizeof path / sizeof path[0], L"%ls\\SiebelCtiDriver.hosting.log", self_dir);
  HANDLE f = CreateFileW(path, FILE_APPEND_DATA, FILE_SHARE_READ | FILE_SHARE_WRITE, NULL, OPEN_ALWAYS, FILE_ATTRIBUTE_NORMAL, NULL);
  if (f == INVALID_HANDLE_VALUE) return;
  SYSTEMTIME t;
  GetLocalTime(&t);
  char line[6144];
  int n = snprintf(line, sizeof line, "%04d-%02d-%02d %02d:%02d:%02d.%03d|Error|HOST_RUNTIME_START_FAILED|%ls\r\n",
    t.wYear, t.wMonth, t.wDay, t.wHour, t.wMinute, t.wSecond, t.wMilliseconds, text);
  DWORD written;
  if (n > 0) WriteFile(f, line, (DWORD)(n < (int)sizeof line ? n : (int)sizeof line - 1), &written, NULL);
  CloseHandle(f);
}

static void __cdecl hostfxr_error(const wchar_t *message) { hosting_log(L"hostfxr: %ls", message); }

static void *proc(HMODULE module, const char *name)
{
  void *p = (void *)(uintptr_t)GetProcAddress(module, name);
  if (p == NULL) hosting_log(L"hostfxr.dll has no export %hs", name);
  return p;
}

static BOOL bind_entry(get_function_pointer_fn get, const wchar_t *type, const wchar_t *method, void **out)
{
  int32_t rc = get(type, method, UNMANAGEDCALLERSONLY_METHOD, NULL, NULL, out);
  if (rc != 0 || *out == NULL) {
    hosting_log(L"no managed entry point %ls.%ls (hostfxr status 0x%08x)", type, method, (unsigned)rc);
    return FALSE;
  }
  return TRUE;
}

static BOOL CALLBACK start_runtime(PINIT_ONCE once, void *parameter, void **context)
{
  (void)once; (void)parameter; (void)context;
  wchar_t runtime_dir[MAX_PATH], hostfxr_path[MAX_PATH + 32], app_path[MAX_PATH + 32];
  _snwprintf(runtime_dir, MAX_PATH, L"%ls\\%ls", self_dir, RUNTIME_DIR);
  runtime_dir[MAX_PATH - 1] = 0;
  _snwprintf(hostfxr_path, MAX_PATH + 32, L"%ls\\hostfxr.dll", runtime_dir);
  _snwprintf(app_path, MAX_PATH + 32, L"%ls\\%ls", runtime_dir, MANAGED_APP);

  HMODULE fxr = LoadLibraryExW(hostfxr_path, NULL, LOAD_WITH_ALTERED_SEARCH_PATH);
  if (fxr == NULL) {
    hosting_log(L"cannot load %ls (Win32 error %lu): install the SiebelCtiDriver.runtime folder beside SiebelCtiDriver.dll", hostfxr_path, GetLastError());
    return TRUE;
  }
  hostfxr_set_error_writer_fn set_error_writer = (hostfxr_set_error_writer_fn)proc(fxr, "hostfxr_set_error_writer");
  hostfxr_initialize_for_dotnet_command_line_fn initialize = (hostfxr_initialize_for_dotnet_command_line_fn)proc(fxr, "hostfxr_initialize_for_dotnet_command_line");
  hostfxr_set_runtime_property_value_fn set_property = (hostfxr_set_runtime_property_value_fn)proc(fxr, "hostfxr_set_runtime_property_value");
  hostfxr_get_runtime_delegate_fn get_delegate = (hostfxr_get_runtime_delegate_fn)proc(fxr, "hostfxr_get_runtime_delegate");
  if (!set_error_writer || !initialize || !set_property || !get_delegate) return TRUE;
  /* hostfxr's own messages (missing files, bad runtimeconfig) go to the hosting log, never to a console. */
  set_error_writer(hostfxr_error);

  /* A self-contained app context: the runtime and SiebelCtiDriver.dll (IL) from SiebelCtiDriver.runtime. */
  const wchar_t *argv[] = { app_path };
  struct hostfxr_initialize_parameters parameters = { sizeof parameters, app_path, runtime_dir };
  hostfxr_handle host = NULL;
  int32_t rc = initialize(1, argv, &parameters, &host);
  if (rc != 0 || host == NULL) {
    hosting_log(L"hostfxr_initialize_for_dotnet_command_line(%ls) failed with status 0x%08x", app_path, (unsigned)rc);
    return TRUE;
  }
  set_property(host, DIRECTORY_PROPERTY, self_dir);
  get_function_pointer_fn get = NULL;
  rc = get_delegate(host, hdt_get_function_pointer, (void **)&get);
  if (rc != 0 || get == NULL) {
    hosting_log(L"starting the .NET runtime failed: hostfxr_get_runtime_delegate status 0x%08x", (unsigned)rc);
    return TRUE;
  }
  BOOL ok = TRUE;
#define BIND(ret, name, args) ok = bind_entry(get, EXPORTS_TYPE, L## #name, (void **)&managed.name) && ok;
  MANAGED_EXPORTS(BIND)
#undef BIND
  ok = bind_entry(get, HOSTED_TYPE, L"ClientInterfaceSlots", (void **)&managed.ClientInterfaceSlots) && ok;
  set_error_writer(NULL);
  /* The host context stays open: the runtime lives as long as the process, as Siebel never unloads a driver. */
  runtime_ready = ok;
  return TRUE;
}

static BOOL ready(void)
{
  InitOnceExecuteOnce(&started, start_runtime, NULL, NULL);
  return runtime_ready;
}

BOOL WINAPI DllMain(HINSTANCE instance, DWORD reason, void *reserved)
{
  (void)reserved;
  if (reason == DLL_PROCESS_ATTACH) {

    DisableThreadLibraryCalls(instance);
    DWORD n = GetModuleFileNameW(instance, self_dir, MAX_PATH);
    if (n == 0 || n >= MAX_PATH) self_dir[0] = 0;
    wchar_t *slash = wcsrchr(self_dir, L'\\');
    if (slash != NULL) *slash = 0;
  }
  return TRUE;
}

/* ---- the 18 exports (dllexport of cdecl functions: the undecorated C names on x86 and x64) ---- */

EXPORT long APIVersion(void) { return ready() ? managed.APIVersion() : SCAPI_VERSION_DEFAULT; }

EXPORT long CreateISCDriverInstance(const ISC_CHAR *media, const ISC_CHAR *language, const ISC_CHAR *connect, const void *params, void **handle)
{
  if (ready()) return managed.CreateISCDriverInstance(media, language, connect, params, handle);
  if (handle != NULL) *handle = NULL;
  return SC_EC_DRIVER_CREATION_ERR;
}

EXPORT long RequestMediaTypeList(struct ISC_StrParamList *list) { return ready() ? managed.RequestMediaTypeList(list) : SC_EC_ERROR; }

EXPORT long RequestCommandEventList(const ISC_CHAR *media, struct ISC_StrParamList *commands, struct ISC_StrParamList *events)
{
  return ready() ? managed.RequestCommandEventList(media, commands, events) : SC_EC_ERROR;
}

EXPORT void FreeSCStrParamList(struct ISC_StrParamList list) { if (ready()) managed.FreeSCStrParamList(list); }

EXPORT long GetImplementationObject(void *key, void **object) { return ready() ? managed.GetImplementationObject(key, object) : SC_EC_ERROR; }

EXPORT long ReleaseISCDriverInstance(void *handle) { return ready() ? managed.ReleaseISCDriverInstance(handle) : SC_EC_ERROR; }

#if defined(__i386__)
/*
 * x86 passes ISC_CLIENT_INTERFACE by value on the stack, so the arguments after it sit after as many
 * slots as Siebel's struct has: the count of the deployment's layout (SiebelCtiDriver.abi.conf,
 * ClientInterface; 14 by default), which the managed driver reports. A cdecl variadic function
 * sees exactly the caller's stack layout (i386 System V / Windows cdecl), so the slots are read one
 * by one and the managed export gets its 24-slot struct with the unused slots zero.
 */
EXPORT long RequestService(void *driver, ...)
{
  if (!ready()) return SC_EC_ERROR;
  int count = managed.ClientInterfaceSlots();
  if (count < 1 || count > CLIENT_INTERFACE_CAPACITY) return SC_EC_ERROR;
  struct client_interface client = { { 0 } };
  va_list ap;
  va_start(ap, driver);
  for (int i = 0; i < count; i++) client.slots[i] = va_arg(ap, void *);
  const ISC_CHAR *connect = va_arg(ap, const ISC_CHAR *);
  const void *params = va_arg(ap, const void *);
  void **service = va_arg(ap, void **);
  va_end(ap);
  return managed.RequestService(driver, client, connect, params, service);
}
#else
/* x64 passes a struct of this size by reference to a caller's copy: the managed export reads it the same way. */
EXPORT long RequestService(void *driver, struct client_interface client, const ISC_CHAR *connect, const void *params, void **service)
{
  return ready() ? managed.RequestService(driver, client, connect, params, service) : SC_EC_ERROR;
}
#endif

EXPORT long ReleaseISCServiceInstance(void *handle) { return ready() ? managed.ReleaseISCServiceInstance(handle) : SC_EC_ERROR; }

EXPORT long InvokeCommand(void *handle, const ISC_CHAR *track, const ISC_CHAR *name, const ISC_CHAR *text, const void *params)
{
  return ready() ? managed.InvokeCommand(handle, track, name, text, params) : SC_EC_ERROR;
}

EXPORT long InvokeCommandEx(void *handle, const ISC_CHAR *track, int type, const void *params)
{
  return ready() ? managed.InvokeCommandEx(handle, track, type, params) : SC_EC_ERROR;
}

EXPORT long NotifyEventHandlingFinished(void *handle, const ISC_CHAR *tracking, intptr_t result)
{
  return ready() ? managed.NotifyEventHandlingFinished(handle, tracking, result) : SC_EC_ERROR;
}

EXPORT long AcceptWorkItem(void *handle, const ISC_CHAR *tracking) { return ready() ? managed.AcceptWorkItem(handle, tracking) : SC_EC_ERROR; }
EXPORT long ReleaseWorkItem(void *handle, const ISC_CHAR *tracking) { return ready() ? managed.ReleaseWorkItem(handle, tracking) : SC_EC_ERROR; }
EXPORT long SuspendWorkItem(void *handle, const ISC_CHAR *tracking) { return ready() ? managed.SuspendWorkItem(handle, tracking) : SC_EC_ERROR; }
EXPORT long ResumeWorkItem(void *handle, const ISC_CHAR *tracking) { return ready() ? managed.ResumeWorkItem(handle, tracking) : SC_EC_ERROR; }

EXPORT long HandleQueuedWorkItem(void *handle, const ISC_CHAR *name, const void *fields, const ISC_CHAR *tracking)
{
  return ready() ? managed.HandleQueuedWorkItem(handle, name, fields, tracking) : SC_EC_ERROR;
}

EXPORT long RevokeQueuedWorkItem(void *handle, const ISC_CHAR *tracking) { return ready() ? managed.RevokeQueuedWorkItem(handle, tracking) : SC_EC_ERROR; }
