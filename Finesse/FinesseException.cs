namespace SiebelCti.Finesse;

/// <summary>
/// A Finesse failure with a stable <see cref="Code"/> from <see cref="FinesseErrorCode"/>.
/// Messages never contain passwords or Authorization headers.
/// </summary>
public class FinesseException : Exception
{
    public FinesseException(string code, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Code = code;
    }

    /// <summary>Stable error code (ErrorCode.Finesse*).</summary>
    public string Code { get; }
}

/// <summary>Finesse XML (REST body or notification) refused by the parser.</summary>
public sealed class FinesseXmlException : FinesseException
{
    public FinesseXmlException(string code, string message, Exception? innerException = null)
        : base(code, message, innerException)
    {
    }
}
