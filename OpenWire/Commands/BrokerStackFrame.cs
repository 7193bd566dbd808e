namespace SiebelCti.OpenWire.Commands;

/// <summary>One stack frame of a <see cref="BrokerError"/> (only present when stack traces are negotiated).</summary>
internal sealed record BrokerStackFrame(string? ClassName, string? MethodName, string? FileName, int LineNumber);
