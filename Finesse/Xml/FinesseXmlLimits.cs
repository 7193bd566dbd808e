namespace SiebelCti.Finesse.Xml;

/// <summary>Limits applied to every Finesse document and notification before and while parsing.</summary>
public sealed record FinesseXmlLimits
{
    /// <summary>Default: 4 MiB, room for a large team or dialog list, far below memory trouble.</summary>
    public const int DefaultMaxDocumentSize = 4 * 1024 * 1024;

    /// <summary>Default: 32; the deepest Finesse shape (Update/data/dialogs/Dialog/mediaProperties/callvariables/CallVariable/value) is 8.</summary>
    public const int DefaultMaxDepth = 32;

    public static FinesseXmlLimits Default { get; } = new();

    /// <summary>Maximum document size, in characters for text input and bytes for byte input.</summary>
    public int MaxDocumentSize { get; init; } = DefaultMaxDocumentSize;

    /// <summary>Maximum element nesting depth (the root is depth 1).</summary>
    public int MaxDepth { get; init; } = DefaultMaxDepth;
}
