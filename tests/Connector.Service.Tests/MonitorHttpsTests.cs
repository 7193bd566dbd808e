using System.Net;
using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;

namespace SiebelCti.Connector.Service.Tests;

/// <summary>
/// The Connector Monitor over HTTPS (Monitor:Urls with an https URL and Monitor:CertificatePath), with
/// a throwaway self-signed certificate made in the test, as a PFX with password and as PEM
/// certificate + key: the TLS handshake presents exactly that certificate, login sets a Secure
/// session and device cookie, every answer carries Strict-Transport-Security, the JSON API answers
/// over TLS and shows no secret.
/// </summary>
public sealed class MonitorHttpsTests : IDisposable
{
    private const string PfxPassword = "Pfx-Pass-2468";
    private readonly string _directory = Directory.CreateTempSubdirectory("monitor-https").FullName;
    private readonly X509Certificate2 _certificate;

    public MonitorHttpsTests()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(san.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        var now = TimeProvider.System.GetUtcNow();
        _certificate = request.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(1));
        File.WriteAllBytes(Path.Combine(_directory, "monitor.pfx"), _certificate.Export(X509ContentType.Pfx, PfxPassword));
        File.WriteAllText(Path.Combine(_directory, "monitor.crt"), _certificate.ExportCertificatePem());
        File.WriteAllText(Path.Combine(_directory, "monitor.key"), key.ExportPkcs8PrivateKeyPem());
    }

    public void Dispose()
    {
        _certificate.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    [Theory]
    [InlineData("pfx")]
    [InlineData("pem")]
    public async Task Monitor_over_https_presents_the_configured_certificate_and_serves_login_and_the_api_without_secrets(string format)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var service = await TestService.StartAsync(settings =>
        {
            settings["Monitor:Urls"] = "https://127.0.0.1:0";
            if (format == "pfx")
            {
                settings["Monitor:CertificatePath"] = Path.Combine(_directory, "monitor.pfx");
                settings["Monitor:CertificatePassword"] = PfxPassword;
            }
            else
            {
                settings["Monitor:CertificatePath"] = Path.Combine(_directory, "monitor.crt");
                settings["Monitor:CertificateKeyPath"] = Path.Combine(_directory, "monitor.key");
            }
        });
        Assert.Equal("https", service.BaseAddress.Scheme);
        string? presented = null;
        using var handler = new HttpClientHandler
        {
            CookieContainer = new CookieContainer(),
            // Trust exactly the throwaway certificate (pinned by thumbprint), nothing else.
            ServerCertificateCustomValidationCallback = (_, certificate, _, errors) =>
            {
                presented = certificate?.Thumbprint;
                return certificate?.Thumbprint == _certificate.Thumbprint
                    && errors == SslPolicyErrors.RemoteCertificateChainErrors;
            },
        };
        using var client = new HttpClient(handler) { BaseAddress = service.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

        using var anonymous = await client.GetAsync("/api/monitor/snapshot", ct);
        using var login = await client.PostAsync("/api/monitor/login", TestService.LoginBody(TestService.MonitorUser, TestService.MonitorPassword), ct);
        using var snapshot = await client.GetAsync("/api/monitor/snapshot", ct);
        var body = await snapshot.Content.ReadAsStringAsync(ct);

        Assert.Equal(_certificate.Thumbprint, presented);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var cookies = login.Headers.GetValues("Set-Cookie").ToList();
        Assert.Equal(2, cookies.Count); // the session and the device cookie, both Secure over HTTPS
        Assert.All(cookies, cookie => Assert.Contains("; secure", cookie, StringComparison.OrdinalIgnoreCase));
        foreach (var answer in new[] { anonymous, login, snapshot })
        {
            Assert.Equal("max-age=31536000", answer.Headers.GetValues("Strict-Transport-Security").Single());
        }
        Assert.Equal(HttpStatusCode.OK, snapshot.StatusCode);
        using var json = JsonDocument.Parse(body);
        Assert.Equal("9.9.9-test", json.RootElement.GetProperty("version").GetString());
        foreach (var secret in new[] { TestService.BrokerPassword, TestService.AgentPassword, TestService.MonitorPassword, PfxPassword })
        {
            Assert.DoesNotContain(secret, body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Monitor_over_https_refuses_a_client_that_does_not_trust_the_certificate()
    {
        await using var service = await TestService.StartAsync(settings =>
        {
            settings["Monitor:Urls"] = "https://127.0.0.1:0";
            settings["Monitor:CertificatePath"] = Path.Combine(_directory, "monitor.pfx");
            settings["Monitor:CertificatePassword"] = PfxPassword;
        });
        using var client = new HttpClient { BaseAddress = service.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

        var failure = await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync("/api/monitor/snapshot", TestContext.Current.CancellationToken));

        Assert.IsType<AuthenticationException>(failure.InnerException, exactMatch: false);
    }
}
