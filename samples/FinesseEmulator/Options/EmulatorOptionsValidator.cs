using System.Globalization;

namespace SiebelCti.FinesseEmulator.Options;

/// <summary>Checks a whole <see cref="EmulatorOptions"/> and reports every problem at once.</summary>
public static class EmulatorOptionsValidator
{
    private static readonly string[] WrapUpModes = ["REQUIRED", "REQUIRED_WITH_WRAP_UP_DATA", "OPTIONAL", "NOT_ALLOWED", ""];

    public static IReadOnlyList<string> Validate(EmulatorOptions o)
    {
        ArgumentNullException.ThrowIfNull(o);
        var errors = new List<string>();
        if (o.DeploymentType is not ("UCCE" or "UCCX"))
        {
            errors.Add($"Emulator:DeploymentType must be UCCE or UCCX (is '{o.DeploymentType}').");
        }

        if (string.IsNullOrWhiteSpace(o.XmppDomain))
        {
            errors.Add("Emulator:XmppDomain is empty.");
        }

        if (o.SideA.Urls.Count == 0)
        {
            errors.Add("Emulator:SideA:Urls needs at least one URL.");
        }

        CheckUrls("SideA", o.SideA, o, errors);
        CheckUrls("SideB", o.SideB, o, errors);
        if (o.FarEndAnswerDelay < TimeSpan.Zero)
        {
            errors.Add("Emulator:FarEndAnswerDelay must not be negative.");
        }

        if (o.LockoutAttempts < 0)
        {
            errors.Add("Emulator:LockoutAttempts must not be negative.");
        }

        if (o.FirstDialogId <= 0)
        {
            errors.Add("Emulator:FirstDialogId must be positive.");
        }

        if (o.Agents.Count == 0)
        {
            errors.Add("Emulator:Agents is empty: configure at least one agent.");
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var extensions = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < o.Agents.Count; i++)
        {
            var a = o.Agents[i];
            var at = $"Emulator:Agents:{i}";
            if (string.IsNullOrWhiteSpace(a.LoginId) || !a.LoginId.All(char.IsAsciiLetterOrDigit))
            {
                errors.Add($"{at}:LoginId must be non-empty letters/digits (is '{a.LoginId}').");
            }
            else if (!ids.Add(a.LoginId))
            {
                errors.Add($"{at}:LoginId '{a.LoginId}' is used twice.");
            }

            if (a.LoginName.Length > 0 && !names.Add(a.LoginName))
            {
                errors.Add($"{at}:LoginName '{a.LoginName}' is used twice.");
            }

            if (string.IsNullOrEmpty(a.Password))
            {
                errors.Add($"{at}:Password is empty.");
            }

            if (!IsExtension(a.Extension))
            {
                errors.Add($"{at}:Extension must be 1-15 digits (is '{a.Extension}').");
            }
            else if (!extensions.Add(a.Extension))
            {
                errors.Add($"{at}:Extension '{a.Extension}' is used twice.");
            }

            if (!WrapUpModes.Contains(a.WrapUpOnIncoming))
            {
                errors.Add($"{at}:WrapUpOnIncoming must be one of {string.Join(", ", WrapUpModes[..4])}.");
            }

            if (!WrapUpModes.Contains(a.WrapUpOnOutgoing))
            {
                errors.Add($"{at}:WrapUpOnOutgoing must be one of {string.Join(", ", WrapUpModes[..4])}.");
            }

            if (a.WrapUpTimeout < TimeSpan.Zero)
            {
                errors.Add($"{at}:WrapUpTimeout must not be negative.");
            }

            if (a.Roles.Any(r => r is not ("Agent" or "Supervisor")))
            {
                errors.Add($"{at}:Roles may contain only Agent and Supervisor.");
            }
        }

        var rcIds = new HashSet<int>();
        var rcCodes = new HashSet<(string, int)>();
        for (var i = 0; i < o.ReasonCodes.Count; i++)
        {
            var r = o.ReasonCodes[i];
            var at = $"Emulator:ReasonCodes:{i}";
            if (r.Id <= 0 || !rcIds.Add(r.Id))
            {
                errors.Add($"{at}:Id must be positive and unique (is {r.Id.ToString(CultureInfo.InvariantCulture)}).");
            }

            if (r.Category is not ("NOT_READY" or "LOGOUT"))
            {
                errors.Add($"{at}:Category must be NOT_READY or LOGOUT (is '{r.Category}').");
            }

            var max = o.IsUccx ? 999 : 65535;
            if (r.Code < 1 || r.Code > max)
            {
                errors.Add($"{at}:Code must be 1-{max.ToString(CultureInfo.InvariantCulture)}.");
            }
            else if (!rcCodes.Add((r.Category, r.Code)))
            {
                errors.Add($"{at}:Code {r.Code.ToString(CultureInfo.InvariantCulture)} is used twice in category {r.Category}.");
            }

            if (string.IsNullOrWhiteSpace(r.Label) || r.Label.Length > 40)
            {
                errors.Add($"{at}:Label must be 1-40 characters.");
            }
        }

        var wrIds = new HashSet<int>();
        for (var i = 0; i < o.WrapUpReasons.Count; i++)
        {
            var w = o.WrapUpReasons[i];
            if (w.Id <= 0 || !wrIds.Add(w.Id))
            {
                errors.Add($"Emulator:WrapUpReasons:{i}:Id must be positive and unique.");
            }

            if (string.IsNullOrWhiteSpace(w.Label) || System.Text.Encoding.UTF8.GetByteCount(w.Label) > 39)
            {
                errors.Add($"Emulator:WrapUpReasons:{i}:Label must be 1-39 bytes.");
            }
        }

        var x = o.Xmpp;
        if (x.Enabled)
        {
            if (x.Port is <= 0 or > 65535)
            {
                errors.Add("Emulator:Xmpp:Port must be 1-65535.");
            }

            if (string.IsNullOrEmpty(x.AdminUser) || string.IsNullOrEmpty(x.AdminPassword))
            {
                errors.Add("Emulator:Xmpp:AdminUser and AdminPassword are required when Xmpp:Enabled is true.");
            }
        }

        if (x.TlsMode is not ("None" or "StartTls" or "DirectTls"))
        {
            errors.Add($"Emulator:Xmpp:TlsMode must be None, StartTls or DirectTls (is '{x.TlsMode}').");
        }

        if (!string.IsNullOrEmpty(x.TrustedCertificatePath) && !File.Exists(x.TrustedCertificatePath))
        {
            errors.Add($"Emulator:Xmpp:TrustedCertificatePath '{x.TrustedCertificatePath}' does not exist.");
        }

        if (x.AccountProvisioning is not ("None" or "ProsodyShell"))
        {
            errors.Add($"Emulator:Xmpp:AccountProvisioning must be None or ProsodyShell (is '{x.AccountProvisioning}').");
        }
        else if (x.AccountProvisioning == "ProsodyShell" && string.IsNullOrEmpty(x.ProsodyConfig))
        {
            errors.Add("Emulator:Xmpp:ProsodyConfig is required for AccountProvisioning=ProsodyShell.");
        }

        return errors;
    }

    public static bool IsExtension(string? value) =>
        value is { Length: > 0 and <= 15 } && value.All(char.IsAsciiDigit);

    private static void CheckUrls(string name, SideOptions side, EmulatorOptions o, List<string> errors)
    {
        foreach (var url in side.Urls)
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                errors.Add($"Emulator:{name}:Urls: '{url}' is not an http:// or https:// URL.");
            }
            else if (uri.Host != "localhost" && !System.Net.IPAddress.TryParse(uri.Host, out _))
            {
                errors.Add($"Emulator:{name}:Urls: '{url}' must name an IP address or localhost.");
            }
            else if (uri.Scheme == "https" && string.IsNullOrEmpty(o.CertificatePath))
            {
                errors.Add($"Emulator:{name}:Urls: '{url}' is https but Emulator:CertificatePath is not set.");
            }
        }
    }
}
