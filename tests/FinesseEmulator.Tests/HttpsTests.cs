using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.DependencyInjection;

namespace SiebelCti.FinesseEmulator.Tests;

/// <summary>The HTTPS option: Kestrel serving a configured PFX certificate.</summary>
public sealed class HttpsTests
{
    [Fact]
    public async Task Serves_the_api_over_https_with_the_configured_certificate()
    {
        var ct = TestContext.Current.CancellationToken;
        var root = Directory.CreateTempSubdirectory("finesse-emulator-https").FullName;
        try
        {
            using var key = RSA.Create(2048);
            var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            var san = new SubjectAlternativeNameBuilder();
            san.AddIpAddress(IPAddress.Loopback);
            request.CertificateExtensions.Add(san.Build());
            using var cert = request.CreateSelfSigned(Harness.Start.AddDays(-1), Harness.Start.AddYears(30));
            var pfx = Path.Combine(root, "emulator.pfx");
            await File.WriteAllBytesAsync(pfx, cert.Export(X509ContentType.Pfx, "pfx-pw"), ct);

            var config = EmulatorFixture.BaseConfig();
            config["Emulator:SideA:Urls:0"] = "https://127.0.0.1:0";
            config["Emulator:SideB:Urls:0"] = "";
            config["Emulator:CertificatePath"] = pfx;
            config["Emulator:CertificatePassword"] = "pfx-pw";
            await using var app = EmulatorApp.Build([], config, contentRoot: root);
            await app.StartAsync(ct);
            var url = app.Services.GetRequiredService<Listeners>().UrlsOf(0).Single();
            Assert.Equal("https", url.Scheme);
            Assert.Empty(app.Services.GetRequiredService<Listeners>().UrlsOf(1));

            var thumbprint = cert.Thumbprint;
            using var handler = new HttpClientHandler
            {
                ServerCertificateCustomValidationCallback = (_, presented, _, _) => presented?.Thumbprint == thumbprint,
            };
            using var client = new HttpClient(handler) { BaseAddress = url };
            var response = await client.GetAsync("/finesse/api/SystemInfo", ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("IN_SERVICE", (string)(await EmulatorFixture.ReadXml(response)).Element("status")!);
            await app.StopAsync(ct);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void Invalid_configuration_lists_every_problem_and_never_starts()
    {
        var config = EmulatorFixture.BaseConfig();
        config["Emulator:DeploymentType"] = "PCCE";
        config["Emulator:Agents:1:Extension"] = "3001";
        config["Emulator:SideA:Urls:0"] = "https://127.0.0.1:0";
        var root = Directory.CreateTempSubdirectory("finesse-emulator-bad").FullName;
        try
        {
            var ex = Assert.Throws<EmulatorConfigurationException>(() => EmulatorApp.Build([], config, contentRoot: root));
            Assert.Equal(3, ex.Errors.Count);
            Assert.DoesNotContain("pw-", ex.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
