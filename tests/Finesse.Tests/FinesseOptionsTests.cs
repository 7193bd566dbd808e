using SiebelCti.Finesse.Rest;

namespace SiebelCti.Finesse.Tests;

public sealed class FinesseOptionsTests
{
    [Fact]
    public void Valid_pair_has_no_errors()
    {
        var options = new FinesseOptions { SideA = new Uri("https://fin-a.example.com:8445"), SideB = new Uri("https://fin-b.example.com:8445/") };

        Assert.Empty(options.Validate());
        Assert.True(new FinesseOptionsValidator().Validate(null, options).Succeeded);
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var options = new FinesseOptions
        {
            SideA = new Uri("http://fin-a.example.com/finesse"),
            SideB = new Uri("http://fin-a.example.com"),
            RequestTimeout = TimeSpan.Zero,
            ConnectTimeout = TimeSpan.FromMinutes(10),
            Trust = ServerCertificateTrust.CaFile,
            MaxResponseBytes = 10,
            MaxXmlDepth = 1000,
        };

        var errors = options.Validate();

        Assert.Contains(errors, e => e.Contains("SideA", StringComparison.Ordinal) && e.Contains("https", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("scheme, host and port only", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("SideB must differ", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("RequestTimeout", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("ConnectTimeout must be", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("CaCertificatePath is required", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("MaxResponseBytes", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("MaxXmlDepth", StringComparison.Ordinal));
        Assert.True(errors.Count >= 9, string.Join(Environment.NewLine, errors));
    }

    [Fact]
    public void Missing_side_a_and_stray_ca_path()
    {
        var errors = new FinesseOptions { CaCertificatePath = "/tmp/x.pem" }.Validate();

        Assert.Contains(errors, e => e.StartsWith("SideA is required", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("set Trust to CaFile", StringComparison.Ordinal));
    }

    [Fact]
    public void Http_only_when_allowed()
    {
        Assert.NotEmpty(new FinesseOptions { SideA = new Uri("http://127.0.0.1:8082") }.Validate());
        Assert.Empty(new FinesseOptions { SideA = new Uri("http://127.0.0.1:8082"), AllowHttp = true }.Validate());
    }

    [Fact]
    public void Client_refuses_invalid_options_with_code()
    {
        var ex = Assert.Throws<FinesseException>(() => new FinesseRestClient(new FinesseOptions()));

        Assert.Equal(FinesseErrorCode.FinesseOptionsInvalid, ex.Code);
        Assert.Contains("SideA is required", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unreadable_ca_file_is_an_options_error()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "this is not a certificate");
            var options = new FinesseOptions { SideA = new Uri("https://127.0.0.1:1"), Trust = ServerCertificateTrust.CaFile, CaCertificatePath = path };

            var ex = Assert.Throws<FinesseException>(() => new FinesseRestClient(options));
            Assert.Equal(FinesseErrorCode.FinesseOptionsInvalid, ex.Code);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Credentials_never_show_the_password()
    {
        var credentials = new FinesseCredentials("5001", "s3cr3t-P@ss");

        Assert.DoesNotContain("s3cr3t", credentials.ToString(), StringComparison.Ordinal);
        Assert.Contains("5001", credentials.ToString(), StringComparison.Ordinal);
    }
}
