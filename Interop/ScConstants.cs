namespace SiebelCti.Interop;

// The five enums of "Constants for Communications Drivers", values exactly as Oracle prints them.
// C enums are 4-byte ints on every ABI we target.

/// <summary><c>enum SCErrorCode</c>: the values an <c>ISC_RESULT</c> carries.</summary>
public enum ScErrorCode
{
    SC_EC_OK = 0,
    SC_EC_ERROR = 1,
    SC_EC_CMD_NOT_SUPPORTED = 2,
    SC_EC_MEDIA_TYPE_NOT_SUPPORTED = 3,
    SC_EC_INVALID_HANDLE = 4,
    SC_EC_OUT_OF_MEMORY = 5,
    SC_EC_NETWORK_ERROR = 6,
    SC_EC_LIB_LOAD_ERR = 7,
    SC_EC_FUNC_NOT_RESOLVED = 8,
    SC_EC_DRIVER_CREATION_ERR = 9,
    SC_EC_DRIVER_RELEASE_ERR = 10,
    SC_EC_SERVICE_CREATION_ERR = 11,
    SC_EC_SERVICE_RELEASE_ERR = 12,
    SC_EC_INVALID_ITEM_TRACKING_ID = 13,
    SC_EC_CLIENT_INTERFACE_ERR = 14,
    SC_EC_SENDMSG_FAILED_RETRY = 15,
    SC_EC_IMPOBJ_CREATE_ERR = 16,
    SC_EC_INVALID_LICENSE = 17,
    SC_EC_WORK_ITEM_WRONG_STATE = 18,
    SC_EC_DRIVER_SPECIFIC = 1000,
}

/// <summary><c>enum SCCommandFlag</c>: bit flags of a command's toolbar status.</summary>
[Flags]
public enum ScCommandFlag
{
    None = 0,
    SC_CF_NOTSUPPORTED = 1,
    SC_CF_DISABLED = 2,
    SC_CF_CHECKED = 4,
    SC_CF_BLINKING = 8,
    SC_CF_NOPARAMSOK = 16,
    SC_CF_STRPARAMSOK = 32,
}

/// <summary><c>enum SCCommandTypeEx</c>: the command types of <c>InvokeCommandEx</c>.</summary>
public enum ScCommandTypeEx
{
    SC_CT_MAKECALL = 1,
    SC_CT_SENDMESSAGE = 2,
}

/// <summary><c>enum SCObjectProperty</c>: keys of <c>UpdateObjectInformation</c> data.</summary>
public enum ScObjectProperty
{
    SC_OP_ONOFF = 1,
    SC_OP_AGENTID = 2,
    SC_OP_ISNOTREADY = 4,
    SC_OP_ISBUSY = 5,
    SC_OP_DESCRIPTION = 7,
    SC_OP_TIMEINQUEUE = 9,
    SC_OP_QUEUEID = 12,
    SC_OP_ISLOGON = 13,
}

/// <summary><c>enum SCWorkItemMode</c>: direction of a new work item.</summary>
public enum ScWorkItemMode
{
    SC_WM_INBOUND = 1,
    SC_WM_OUTBOUND = 2,
}
