namespace SiebelCti.OpenWire.Commands;

/// <summary>A Java throwable as the broker marshals it: class name, message, optional stack and cause.</summary>
internal sealed record BrokerError(string? ExceptionClass, string? Message, IReadOnlyList<BrokerStackFrame>? StackTrace, BrokerError? Cause);
