using SiebelCti.Connector.Engine.Monitoring;

namespace SiebelCti.Connector.Service.Tests;

/// <summary>The monitor page in headless Chromium (WebDriver), against the service on 127.0.0.1:0.</summary>
public sealed class MonitorPageBrowserTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Page_LogsIn_RendersAgentsFromTheApi_AndUpdatesLive()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var service = await TestService.StartAsync();
        await using var browser = await WebDriverClient.StartAsync(ct);

        await browser.NavigateAsync(new Uri(service.BaseAddress, "/"), ct);
        await browser.WaitForAsync("return !document.getElementById('login-view').hidden;", "the sign-in form", Patience, ct);

        // A wrong password is refused and the monitor stays hidden.
        await browser.TypeAsync("#login-user", TestService.MonitorUser, ct);
        await browser.TypeAsync("#login-password", "not-the-password", ct);
        await browser.ClickAsync("#login-submit", ct);
        await browser.WaitForAsync("return document.getElementById('login-error').textContent.includes('Wrong user or password');", "the sign-in error", Patience, ct);
        Assert.True((await browser.ExecuteAsync("return document.getElementById('monitor-view').hidden;", ct))!.GetValue<bool>());

        await browser.TypeAsync("#login-password", TestService.MonitorPassword, ct);
        await browser.ClickAsync("#login-submit", ct);

        // The agents table comes from the API.
        await browser.WaitForAsync(
            "return document.querySelectorAll('#agents-table tbody tr[data-agent-id]').length === 2;", "two agents in the table", Patience, ct);
        var firstRow = (await browser.ExecuteAsync("return document.querySelector('#agents-table tbody tr[data-agent-id=\"1001\"]').innerText;", ct))!.GetValue<string>();
        Assert.Contains("TALKING", firstRow, StringComparison.Ordinal);
        Assert.Contains("2001", firstRow, StringComparison.Ordinal);
        Assert.Contains("+4930555123", firstRow, StringComparison.Ordinal);
        var banner = (await browser.ExecuteAsync("return document.getElementById('status-banner').innerText;", ct))!.GetValue<string>();
        Assert.Contains("IN_SERVICE", banner, StringComparison.Ordinal);
        var broker = (await browser.ExecuteAsync("return document.getElementById('broker-uri').textContent;", ct))!.GetValue<string>();
        Assert.DoesNotContain(TestService.BrokerPassword, broker, StringComparison.Ordinal);

        // A change of the snapshot reaches the page without a reload.
        service.Source.Update(s => s with
        {
            Agents =
            [
                .. s.Agents.Select(a => a.AgentId == "1002" ? a with { State = "READY", ReasonCode = null, ReasonCodeLabel = null } : a),
                new AgentInfo { AgentId = "4242", State = "RESERVED", Extension = "2042", Calls = [new CallInfo("dlg-99", "ALERTING", "+4989111222", "8000")], Clients = ["crm01.profile1"] },
            ],
        });
        await browser.WaitForAsync(
            "const r = document.querySelector('#agents-table tbody tr[data-agent-id=\"4242\"]'); return r !== null && r.innerText.includes('RESERVED');",
            "the new agent 4242", Patience, ct);
        await browser.WaitForAsync(
            "return document.querySelector('#agents-table tbody tr[data-agent-id=\"1002\"]').innerText.includes('READY');",
            "agent 1002 READY", Patience, ct);

        // The filter box narrows the table.
        await browser.TypeAsync("#agent-filter", "4242", ct);
        await browser.WaitForAsync(
            "const rows = document.querySelectorAll('#agents-table tbody tr[data-agent-id]'); return rows.length === 1 && rows[0].dataset.agentId === '4242';",
            "only agent 4242 after filtering", Patience, ct);
        await browser.TypeAsync("#agent-filter", "", ct);
        await browser.WaitForAsync(
            "return document.querySelectorAll('#agents-table tbody tr[data-agent-id]').length === 3;", "three agents without filter", Patience, ct);

        var screenshot = await browser.ScreenshotAsync(ct);
        Assert.True(screenshot.Length > 1000 && screenshot[0] == 0x89 && screenshot[1] == (byte)'P', "the screenshot is a PNG");
        var folder = Environment.GetEnvironmentVariable("SIEBELCTI_SCREENSHOT_DIR") ?? Path.Combine(Path.GetTempPath(), "siebelcti-screenshots");
        Directory.CreateDirectory(folder);
        await File.WriteAllBytesAsync(Path.Combine(folder, "connector-monitor.png"), screenshot, ct);

        // Signing out returns to the sign-in form.
        await browser.ClickAsync("#logout", ct);
        await browser.WaitForAsync("return !document.getElementById('login-view').hidden && document.getElementById('monitor-view').hidden;", "the sign-in form after sign-out", Patience, ct);
    }
}
