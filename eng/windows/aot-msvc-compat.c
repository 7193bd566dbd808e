/*
 * The few pieces of Microsoft's C/C++ runtime (libcmt, vcruntime) that the Native AOT runtime
 * objects of Microsoft.NETCore.App.Runtime.NativeAOT.win-x64 expect and MinGW-w64 does not provide.
 * Linked into SiebelCtiDriver.dll (win-x64) by eng/windows/WindowsCrossLink.targets together with
 * MinGW-w64's DLL start-up code and its UCRT import library. Compiled with clang (native TLS).
 * Why this route: docs/native-abi.md, "Windows builds".
 */
#include <windows.h>
#include <stdint.h>
#include <stdlib.h>

static __inline__ __attribute__((noreturn)) void fail_fast(unsigned code)
{
  __asm__ volatile("int $0x29" ::"c"(code));
  __builtin_unreachable();
}

/* Marks the image as using floating point (MSVC's compiler references it). */
int _fltused = 0x9875;

/* /GS stack cookies: the value is set once, before any C++ initializer of the runtime runs. */
uintptr_t __security_cookie = 0x00002B992DDFA232ull;

static void init_security_cookie(void)
{
  LARGE_INTEGER t;
  QueryPerformanceCounter(&t);
  uintptr_t c = (uintptr_t)t.QuadPart ^ GetCurrentProcessId() ^ ((uintptr_t)GetCurrentThreadId() << 16) ^ (uintptr_t)&t;
  c &= 0x0000FFFFFFFFFFFFull;
  __security_cookie = (c == 0 || c == 0x00002B992DDFA232ull) ? 0x00002B992DDFA233ull : c;
}

/* MinGW's _CRT_INIT runs the .CRT$XC* table; XCB sorts before the runtime's own initializers (XCU). */
__attribute__((section(".CRT$XCB"), used)) static void (*const run_init_security_cookie)(void) = init_security_cookie;

void __security_check_cookie(uintptr_t cookie)
{
  if (cookie != __security_cookie) fail_fast(2 /* FAST_FAIL_STACK_COOKIE_CHECK_FAILURE */);
}

void __report_rangecheckfailure(void) { fail_fast(8 /* FAST_FAIL_RANGE_CHECK_FAILURE */); }

/* Language handler of /GS functions without EH: cookies are checked on return, unwinding goes on. */
EXCEPTION_DISPOSITION __GSHandlerCheck(void *record, void *frame, void *context, void *dispatcher)
{
  (void)record; (void)frame; (void)context; (void)dispatcher;
  return ExceptionContinueSearch;
}

/* Control Flow Guard is not enabled: indirect calls dispatch straight to the target (in RAX). */
void _guard_dispatch_icall_nop(void);
__asm__(".globl _guard_dispatch_icall_nop\n_guard_dispatch_icall_nop:\n  jmp *%rax\n");
void *__guard_dispatch_icall_fptr = (void *)_guard_dispatch_icall_nop;

/* MSVC's stack probe has the semantics of libgcc's ___chkstk_ms (size in RAX, RSP unchanged). */
__asm__(".globl __chkstk\n__chkstk:\n  jmp ___chkstk_ms\n");

/* On-demand initialization of thread_local objects (MSVC 16.x+): runs MinGW's TLS initializer table once per thread. */
__thread char __tls_guard;
BOOL WINAPI __dyn_tls_init(HANDLE, DWORD, LPVOID);
void __dyn_tls_on_demand_init(void)
{
  __tls_guard = 1;
  __dyn_tls_init(NULL, DLL_THREAD_ATTACH, NULL);
}

/* The four C++ allocation operators the runtime uses, under their MSVC-decorated names. */
typedef struct { char unused; } nothrow_t;
const nothrow_t std_nothrow __asm__("?nothrow@std@@3Unothrow_t@1@B") = { 0 };
void *new_nothrow(size_t n, const nothrow_t *tag) __asm__("??2@YAPEAX_KAEBUnothrow_t@std@@@Z");
void *new_array_nothrow(size_t n, const nothrow_t *tag) __asm__("??_U@YAPEAX_KAEBUnothrow_t@std@@@Z");
void delete_sized(void *p, size_t n) __asm__("??3@YAXPEAX_K@Z");
void delete_array(void *p) __asm__("??_V@YAXPEAX@Z");
void *new_nothrow(size_t n, const nothrow_t *tag) { (void)tag; return malloc(n ? n : 1); }
void *new_array_nothrow(size_t n, const nothrow_t *tag) { (void)tag; return malloc(n ? n : 1); }
void delete_sized(void *p, size_t n) { (void)n; free(p); }
void delete_array(void *p) { free(p); }
