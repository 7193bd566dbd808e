/*
 * The Siebel Adaptive Communications C API as the test hosts see it: the documented structs and
 * signatures (reference/siebel-adcomm.md), with the undocumented choices the driver makes
 * (docs/native-abi.md): ISC_CHAR is a 16-bit unit, ISC_RESULT a C long, ISC_BOOLEAN an int, handles
 * are void*, and ISC_CLIENT_INTERFACE is { client handle, the 13 client methods in the documented
 * order }. Header-only helpers for the C host tests (check counting, UTF-16 strings).
 */
#ifndef SCAPI_HOST_H
#define SCAPI_HOST_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef uint16_t ISC_CHAR;
typedef ISC_CHAR *ISC_STRING;
typedef long ISC_RESULT;
typedef int ISC_BOOLEAN;
typedef void *ISC_HANDLE;
typedef void *ISC_DRIVER_HANDLE;
typedef void *ISC_SERVICE_HANDLE;
typedef void *ISC_CLIENT_HANDLE;

struct ISC_KeyValue { ISC_STRING paramName; ISC_STRING paramValue; };
struct ISC_KVParamList { struct ISC_KeyValue *dataItems; long len; };
struct ISC_StrParamList { ISC_STRING *dataItems; long len; };
struct ISC_LongParamList { long *dataItems; long len; };

enum SCErrorCode {
  SC_EC_OK = 0, SC_EC_ERROR = 1, SC_EC_CMD_NOT_SUPPORTED = 2, SC_EC_MEDIA_TYPE_NOT_SUPPORTED = 3,
  SC_EC_INVALID_HANDLE = 4, SC_EC_OUT_OF_MEMORY = 5, SC_EC_NETWORK_ERROR = 6, SC_EC_DRIVER_CREATION_ERR = 9,
  SC_EC_INVALID_ITEM_TRACKING_ID = 13, SC_EC_CLIENT_INTERFACE_ERR = 14, SC_EC_WORK_ITEM_WRONG_STATE = 18
};
enum SCCommandTypeEx { SC_CT_MAKECALL = 1, SC_CT_SENDMESSAGE = 2 };
enum SCWorkItemMode { SC_WM_INBOUND = 1, SC_WM_OUTBOUND = 2 };
enum SCCommandFlag { SC_CF_NOTSUPPORTED = 1, SC_CF_DISABLED = 2, SC_CF_CHECKED = 4, SC_CF_BLINKING = 8, SC_CF_NOPARAMSOK = 16, SC_CF_STRPARAMSOK = 32 };

struct ISC_CLIENT_INTERFACE {
  ISC_CLIENT_HANDLE clientHandle;
  ISC_RESULT (*BeginBatch)(ISC_CLIENT_HANDLE);
  ISC_RESULT (*CacheCommandInformation)(ISC_CLIENT_HANDLE, const struct ISC_StrParamList *, const struct ISC_StrParamList *, const struct ISC_LongParamList *);
  ISC_RESULT (*CleanAllWorkItem)(ISC_CLIENT_HANDLE);
  ISC_RESULT (*EndBatch)(ISC_CLIENT_HANDLE);
  ISC_RESULT (*HandleError)(ISC_CLIENT_HANDLE, const ISC_STRING, const ISC_STRING);
  ISC_RESULT (*HandleEvent)(ISC_CLIENT_HANDLE, const ISC_STRING, const struct ISC_KVParamList *, ISC_BOOLEAN, const ISC_STRING);
  ISC_RESULT (*IndicateNewWorkItem)(ISC_CLIENT_HANDLE, const ISC_STRING, const ISC_STRING, const ISC_STRING, enum SCWorkItemMode);
  ISC_RESULT (*ShowStatusText)(ISC_CLIENT_HANDLE, const ISC_STRING);
  ISC_RESULT (*UpdateObjectInformation)(ISC_CLIENT_HANDLE, const ISC_STRING, const ISC_STRING, const struct ISC_KVParamList *);
  ISC_RESULT (*WorkItemReleased)(ISC_CLIENT_HANDLE, const ISC_STRING, time_t);
  ISC_RESULT (*WorkItemResumed)(ISC_CLIENT_HANDLE, const ISC_STRING);
  ISC_RESULT (*WorkItemStarted)(ISC_CLIENT_HANDLE, const ISC_STRING, const ISC_STRING, const ISC_STRING, const ISC_STRING, time_t);
  ISC_RESULT (*WorkItemSuspended)(ISC_CLIENT_HANDLE, const ISC_STRING);
};

typedef long (*APIVersion_fn)(void);
typedef ISC_RESULT (*CreateISCDriverInstance_fn)(const ISC_STRING, const ISC_STRING, const ISC_STRING, const struct ISC_KVParamList *, ISC_DRIVER_HANDLE *);
typedef ISC_RESULT (*RequestMediaTypeList_fn)(struct ISC_StrParamList *);
typedef ISC_RESULT (*RequestCommandEventList_fn)(const ISC_STRING, struct ISC_StrParamList *, struct ISC_StrParamList *);
typedef void (*FreeSCStrParamList_fn)(struct ISC_StrParamList);
typedef ISC_RESULT (*GetImplementationObject_fn)(ISC_HANDLE, ISC_HANDLE *);
typedef ISC_RESULT (*ReleaseISCDriverInstance_fn)(ISC_DRIVER_HANDLE);
typedef ISC_RESULT (*RequestService_fn)(ISC_DRIVER_HANDLE, const struct ISC_CLIENT_INTERFACE, const ISC_STRING, const struct ISC_KVParamList *, ISC_SERVICE_HANDLE *);
typedef ISC_RESULT (*ReleaseISCServiceInstance_fn)(ISC_SERVICE_HANDLE);
typedef ISC_RESULT (*InvokeCommand_fn)(ISC_SERVICE_HANDLE, const ISC_STRING, const ISC_STRING, const ISC_STRING, const struct ISC_KVParamList *);
typedef ISC_RESULT (*InvokeCommandEx_fn)(ISC_SERVICE_HANDLE, const ISC_STRING, enum SCCommandTypeEx, const struct ISC_KVParamList *);
typedef ISC_RESULT (*NotifyEventHandlingFinished_fn)(ISC_SERVICE_HANDLE, const ISC_STRING, ISC_BOOLEAN);
typedef ISC_RESULT (*WorkItem_fn)(ISC_SERVICE_HANDLE, const ISC_STRING);
typedef ISC_RESULT (*HandleQueuedWorkItem_fn)(ISC_SERVICE_HANDLE, const ISC_STRING, const struct ISC_KVParamList *, const ISC_STRING);

/* ---- UTF-16 helpers (host-owned memory, freed by the host) ---- */

static inline ISC_STRING u16(const char *ascii)
{
  if (ascii == NULL) return NULL;
  size_t n = strlen(ascii);
  ISC_STRING s = (ISC_STRING)malloc((n + 1) * sizeof(ISC_CHAR));
  for (size_t i = 0; i < n; i++) s[i] = (unsigned char)ascii[i];
  s[n] = 0;
  return s;
}

static inline size_t u16len(const ISC_CHAR *s)
{
  size_t n = 0;
  while (s[n]) n++;
  return n;
}

/* Compares a UTF-16 string with an ASCII one. */
static inline int u16eq(const ISC_CHAR *s, const char *ascii)
{
  if (s == NULL || ascii == NULL) return s == NULL && ascii == NULL;
  size_t i = 0;
  for (; ascii[i]; i++) if (s[i] != (unsigned char)ascii[i]) return 0;
  return s[i] == 0;
}

/* Copies a UTF-16 string to ASCII ('?' for anything else) into buf. */
static inline void u16ascii(const ISC_CHAR *s, char *buf, size_t size)
{
  size_t i = 0;
  if (s != NULL) for (; s[i] && i + 1 < size; i++) buf[i] = s[i] < 128 ? (char)s[i] : '?';
  buf[i] = 0;
}

/* A key/value list built by the host. */
struct kv_builder { struct ISC_KVParamList list; long cap; };

static inline void kv_add(struct kv_builder *b, const char *key, const char *value)
{
  if (b->list.len == b->cap) {
    b->cap = b->cap ? b->cap * 2 : 8;
    b->list.dataItems = (struct ISC_KeyValue *)realloc(b->list.dataItems, (size_t)b->cap * sizeof(struct ISC_KeyValue));
  }
  b->list.dataItems[b->list.len].paramName = u16(key);
  b->list.dataItems[b->list.len].paramValue = u16(value);
  b->list.len++;
}

static inline void kv_free(struct kv_builder *b)
{
  for (long i = 0; i < b->list.len; i++) {
    free(b->list.dataItems[i].paramName);
    free(b->list.dataItems[i].paramValue);
  }
  free(b->list.dataItems);
  memset(b, 0, sizeof(*b));
}

/* CreateISCDriverInstance(media, "ENU", "", params) through the given export, with the host's strings freed after. */
static inline ISC_RESULT scapi_create(CreateISCDriverInstance_fn fn, const char *media, struct kv_builder *params, ISC_DRIVER_HANDLE *out)
{
  ISC_STRING m = u16(media), lang = u16("ENU"), conn = u16("");
  ISC_RESULT r = fn(m, lang, conn, &params->list, out);
  free(m); free(lang); free(conn);
  return r;
}

#endif
