/*
 * The little of the operating system that the C host tests use, for POSIX (gcc, dlopen, pthreads)
 * and Win32 (MinGW-w64, LoadLibraryW, Win32 threads): loading the driver library, mutexes and
 * condition variables, threads, a monotonic clock, the environment, temporary files and binary
 * stdio. The same test sources build for both (scripts/test.sh). Header-only.
 */
#ifndef HOST_PLATFORM_H
#define HOST_PLATFORM_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifdef _WIN32

#include <windows.h>
#include <fcntl.h>
#include <io.h>
#include <process.h>

/* ---- the driver library ---- */
typedef HMODULE host_lib;

/* LoadLibraryW of a UTF-8 path, as Siebel loads a driver DLL. */
static inline host_lib host_lib_open(const char *path)
{
  wchar_t wide[MAX_PATH * 4];
  if (MultiByteToWideChar(CP_UTF8, 0, path, -1, wide, (int)(sizeof wide / sizeof wide[0])) == 0) return NULL;
  return LoadLibraryW(wide);
}

static inline void *host_lib_sym(host_lib lib, const char *name) { return (void *)(uintptr_t)GetProcAddress(lib, name); }

static inline const char *host_lib_error(void)
{
  static char text[64];
  snprintf(text, sizeof text, "Win32 error %lu", (unsigned long)GetLastError());
  return text;
}

/* ---- mutexes, condition variables, threads ---- */
typedef SRWLOCK host_mutex;
#define HOST_MUTEX_INIT SRWLOCK_INIT
static inline void host_mutex_init(host_mutex *m) { InitializeSRWLock(m); }
static inline void host_mutex_destroy(host_mutex *m) { (void)m; }
static inline void host_mutex_lock(host_mutex *m) { AcquireSRWLockExclusive(m); }
static inline void host_mutex_unlock(host_mutex *m) { ReleaseSRWLockExclusive(m); }

typedef CONDITION_VARIABLE host_cond;
static inline void host_cond_init(host_cond *c) { InitializeConditionVariable(c); }
static inline void host_cond_destroy(host_cond *c) { (void)c; }
static inline void host_cond_broadcast(host_cond *c) { WakeAllConditionVariable(c); }

static inline int64_t host_now_ms(void) { return (int64_t)GetTickCount64(); }

/* Waits on c (m held) until signalled or until the host_now_ms() deadline; 0 once it has passed. */
static inline int host_cond_wait_until(host_cond *c, host_mutex *m, int64_t deadline_ms)
{
  int64_t left = deadline_ms - host_now_ms();
  if (left <= 0) return 0;
  return SleepConditionVariableSRW(c, m, (DWORD)left, 0) || GetLastError() != ERROR_TIMEOUT;
}

typedef HANDLE host_thread;
struct host_thread_start_ { void *(*fn)(void *); void *arg; };

static inline unsigned __stdcall host_thread_main_(void *p)
{
  struct host_thread_start_ s = *(struct host_thread_start_ *)p;
  free(p);
  s.fn(s.arg);
  return 0;
}

static inline int host_thread_start(host_thread *t, void *(*fn)(void *), void *arg)
{
  struct host_thread_start_ *s = (struct host_thread_start_ *)malloc(sizeof *s);
  if (s == NULL) return -1;
  s->fn = fn;
  s->arg = arg;
  *t = (HANDLE)_beginthreadex(NULL, 0, host_thread_main_, s, 0, NULL);
  if (*t == NULL) { free(s); return -1; }
  return 0;
}

static inline void host_thread_join(host_thread t)
{
  WaitForSingleObject(t, INFINITE);
  CloseHandle(t);
}

/* ---- process, environment, files ---- */
static inline int host_pid(void) { return (int)GetCurrentProcessId(); }

/* SetEnvironmentVariable: the driver's runtime reads the Win32 environment, not the C runtime's copy. */
static inline void host_setenv(const char *name, const char *value) { SetEnvironmentVariableA(name, value); }

static inline const char *host_temp_dir(void)
{
  static char dir[MAX_PATH + 1];
  DWORD n = GetTempPathA(sizeof dir, dir);
  if (n == 0 || n >= sizeof dir) return ".\\";
  return dir;
}

/* Lines on stdin/stdout stay '\n'-terminated (no CRLF translation). */
static inline void host_binary_stdio(void)
{
  _setmode(_fileno(stdin), _O_BINARY);
  _setmode(_fileno(stdout), _O_BINARY);
}

/* getline(3) for the C runtime that lacks it: one line with its '\n', or -1 at end of input. */
static inline long host_getline(char **line, size_t *cap, FILE *in)
{
  size_t len = 0;
  int c;
  while ((c = fgetc(in)) != EOF) {
    if (len + 2 > *cap) {
      size_t n = *cap ? *cap * 2 : 256;
      char *p = (char *)realloc(*line, n);
      if (p == NULL) return -1;
      *line = p;
      *cap = n;
    }
    (*line)[len++] = (char)c;
    if (c == '\n') break;
  }
  if (len == 0) return -1;
  (*line)[len] = 0;
  return (long)len;
}

#else /* POSIX */

#include <dlfcn.h>
#include <errno.h>
#include <pthread.h>
#include <time.h>
#include <unistd.h>

typedef void *host_lib;
static inline host_lib host_lib_open(const char *path) { return dlopen(path, RTLD_NOW | RTLD_LOCAL); }
static inline void *host_lib_sym(host_lib lib, const char *name) { return dlsym(lib, name); }
static inline const char *host_lib_error(void) { return dlerror(); }

typedef pthread_mutex_t host_mutex;
#define HOST_MUTEX_INIT PTHREAD_MUTEX_INITIALIZER
static inline void host_mutex_init(host_mutex *m) { pthread_mutex_init(m, NULL); }
static inline void host_mutex_destroy(host_mutex *m) { pthread_mutex_destroy(m); }
static inline void host_mutex_lock(host_mutex *m) { pthread_mutex_lock(m); }
static inline void host_mutex_unlock(host_mutex *m) { pthread_mutex_unlock(m); }

/* Condition variables on the monotonic clock, so that deadlines are immune to clock changes. */
typedef pthread_cond_t host_cond;
static inline void host_cond_init(host_cond *c)
{
  pthread_condattr_t a;
  pthread_condattr_init(&a);
  pthread_condattr_setclock(&a, CLOCK_MONOTONIC);
  pthread_cond_init(c, &a);
  pthread_condattr_destroy(&a);
}
static inline void host_cond_destroy(host_cond *c) { pthread_cond_destroy(c); }
static inline void host_cond_broadcast(host_cond *c) { pthread_cond_broadcast(c); }

static inline int64_t host_now_ms(void)
{
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (int64_t)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

static inline int host_cond_wait_until(host_cond *c, host_mutex *m, int64_t deadline_ms)
{
  struct timespec until = { (time_t)(deadline_ms / 1000), (long)(deadline_ms % 1000) * 1000000 };
  return pthread_cond_timedwait(c, m, &until) != ETIMEDOUT;
}

typedef pthread_t host_thread;
static inline int host_thread_start(host_thread *t, void *(*fn)(void *), void *arg) { return pthread_create(t, NULL, fn, arg); }
static inline void host_thread_join(host_thread t) { pthread_join(t, NULL); }

static inline int host_pid(void) { return (int)getpid(); }
static inline void host_setenv(const char *name, const char *value) { setenv(name, value, 1); }
static inline const char *host_temp_dir(void) { return "/tmp/"; }
static inline void host_binary_stdio(void) {}
static inline long host_getline(char **line, size_t *cap, FILE *in) { return (long)getline(line, cap, in); }

#endif

#endif
