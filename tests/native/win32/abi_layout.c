/*
 * The C side of the layout contract, checked by the compiler for each target: i686-w64-mingw32
 * (win-x86, which this machine cannot run), x86_64-w64-mingw32 (win-x64) and gcc (linux-x64).
 * scripts/test.sh compiles it with each; a failed _Static_assert fails the build. The same numbers
 * are asserted for the C# mirrors by tests/Interop.Tests/DataModelLayoutTests.cs.
 */
#include <stddef.h>

#include "../scapi_host.h"

#if defined(__i386__) && defined(_WIN32)
enum { PTR = 4, LONG = 4, KV = 8, LIST = 8, CLIENT = 56 };        /* ILP32 */
#elif defined(__x86_64__) && defined(_WIN32)
enum { PTR = 8, LONG = 4, KV = 16, LIST = 16, CLIENT = 112 };     /* LLP64: long stays 32-bit */
#elif defined(__x86_64__)
enum { PTR = 8, LONG = 8, KV = 16, LIST = 16, CLIENT = 112 };     /* LP64 */
#else
#error "no expected layout for this target"
#endif

_Static_assert(sizeof(void *) == PTR, "pointer width");
_Static_assert(sizeof(long) == LONG, "C long (ISC_RESULT, list lengths) width");
_Static_assert(sizeof(ISC_CHAR) == 2, "ISC_CHAR is a UTF-16 unit");
#if defined(__i386__)
/* MinGW-w64's i686 default (msvcrt) is a 32-bit time_t, MSVC's a 64-bit one: the driver passes 64 bits as
 * the last argument of WorkItemStarted/WorkItemReleased, so a 32-bit callee reads the low half (docs/native-abi.md). */
_Static_assert(sizeof(time_t) == 4 || sizeof(time_t) == 8, "time_t is 32- or 64-bit on x86");
#else
_Static_assert(sizeof(time_t) == 8, "time_t is 64-bit");
#endif
_Static_assert(sizeof(enum SCWorkItemMode) == 4 && sizeof(enum SCCommandTypeEx) == 4, "enums are 4 bytes");

_Static_assert(sizeof(struct ISC_KeyValue) == KV, "ISC_KeyValue size");
_Static_assert(offsetof(struct ISC_KeyValue, paramValue) == PTR, "ISC_KeyValue.paramValue offset");
_Static_assert(sizeof(struct ISC_KVParamList) == LIST, "ISC_KVParamList size");
_Static_assert(offsetof(struct ISC_KVParamList, len) == PTR, "ISC_KVParamList.len offset");
_Static_assert(sizeof(struct ISC_StrParamList) == LIST, "ISC_StrParamList size");
_Static_assert(offsetof(struct ISC_StrParamList, len) == PTR, "ISC_StrParamList.len offset");
_Static_assert(sizeof(struct ISC_LongParamList) == LIST, "ISC_LongParamList size");
_Static_assert(offsetof(struct ISC_LongParamList, len) == PTR, "ISC_LongParamList.len offset");

/* The default client interface: the client handle and 13 methods, one pointer each, no padding. */
_Static_assert(sizeof(struct ISC_CLIENT_INTERFACE) == CLIENT, "ISC_CLIENT_INTERFACE size (14 slots)");
_Static_assert(offsetof(struct ISC_CLIENT_INTERFACE, WorkItemSuspended) == 13 * PTR, "last client method in slot 13");

/* On x86 cdecl, RequestService's arguments after the by-value struct start CLIENT bytes later. */
struct request_service_args { ISC_DRIVER_HANDLE handle; struct ISC_CLIENT_INTERFACE client; const ISC_STRING connect; };
#if defined(__i386__)
_Static_assert(offsetof(struct request_service_args, connect) == 4 + CLIENT, "x86: connectString follows the 14 slots");
#endif

int abi_layout_checked(void) { return 1; }
