namespace SiebelCti.Driver.Tests;

/// <summary>One Siebel client callback as a test saw it.</summary>
internal sealed record Call(string Method, string? A = null, string? B = null, IReadOnlyList<KeyValuePair<string, string>>? Fields = null, IReadOnlyList<int>? Statuses = null);
