namespace SiebelCti.Connector.Service.Configuration;

/// <summary>Checks an ActiveMQ broker URI: <c>tcp://</c> or <c>ssl://</c>, alone or in a <c>failover:</c> list.</summary>
internal static class BrokerUri
{
    /// <summary>Every problem with <paramref name="uri"/>; empty when it is usable.</summary>
    public static IReadOnlyList<string> Validate(string? uri)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(uri))
        {
            problems.Add("must not be empty");
            return problems;
        }

        var targets = uri;
        if (uri.StartsWith("failover:", StringComparison.OrdinalIgnoreCase))
        {
            var rest = uri["failover:".Length..];
            if (rest.StartsWith('('))
            {
                var close = rest.IndexOf(')', StringComparison.Ordinal);
                if (close < 0)
                {
                    problems.Add("failover list has no closing ')'");
                    return problems;
                }

                targets = rest[1..close];
                var tail = rest[(close + 1)..];
                if (tail.Length > 0 && !tail.StartsWith('?'))
                {
                    problems.Add("only '?options' may follow the failover list");
                }
            }
            else
            {
                var query = rest.IndexOf('?', StringComparison.Ordinal);
                targets = query < 0 ? rest : rest[..query];
            }
        }

        var list = targets.Split(',', StringSplitOptions.TrimEntries);
        if (list.Length == 0 || list.All(string.IsNullOrEmpty))
        {
            problems.Add("names no broker");
            return problems;
        }

        if (list.Any(string.IsNullOrEmpty))
        {
            problems.Add("the broker list has an empty entry");
        }

        foreach (var target in list.Where(t => t.Length > 0))
        {
            var shown = Engine.Monitoring.SecretRedactor.RedactUri(target);
            if (!System.Uri.TryCreate(target, UriKind.Absolute, out var parsed))
            {
                problems.Add($"'{shown}' is not a URI (expected tcp://host:port or ssl://host:port)");
            }
            else if (parsed.Scheme is not ("tcp" or "ssl"))
            {
                problems.Add($"'{shown}': scheme '{parsed.Scheme}' is not supported (use tcp or ssl)");
            }
            else if (string.IsNullOrEmpty(parsed.Host) || parsed.IsDefaultPort || parsed.Port is < 1 or > 65535)
            {
                problems.Add($"'{shown}' must name a host and a port");
            }
        }

        return problems;
    }
}
