using System.Xml.Linq;
using Microsoft.Extensions.Time.Testing;
using SiebelCti.FinesseEmulator.Engine;
using SiebelCti.FinesseEmulator.Options;

namespace SiebelCti.FinesseEmulator.Tests;

/// <summary>A call centre on fake time whose notifications land in a list.</summary>
internal sealed class Harness : IDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    public Harness(EmulatorOptions? options = null)
    {
        Options = options ?? DefaultOptions();
        Center = new CallCenter(Options, Time, Sent.Add);
    }

    public FakeTimeProvider Time { get; } = new(Start);

    public List<Notification> Sent { get; } = [];

    public EmulatorOptions Options { get; }

    public CallCenter Center { get; }

    public static EmulatorOptions DefaultOptions(string deployment = "UCCE", string wrapUpIncoming = "NOT_ALLOWED", string wrapUpOutgoing = "NOT_ALLOWED") => new()
    {
        DeploymentType = deployment,
        XmppDomain = "finesse.test",
        SideA = new SideOptions { Urls = ["http://127.0.0.1:0"], Host = "side-a.test" },
        SideB = new SideOptions { Urls = ["http://127.0.0.1:0"], Host = "side-b.test" },
        FarEndAnswerDelay = TimeSpan.FromSeconds(2),
        BusyNumbers = ["5550000"],
        PublishTeamUsers = false,
        Agents =
        [
            new AgentOptions { LoginId = "5001", LoginName = "alice", Password = "pw-alice", Extension = "3001", FirstName = "Alice", LastName = "Ng", TeamId = "10", TeamName = "Sales", WrapUpOnIncoming = wrapUpIncoming, WrapUpOnOutgoing = wrapUpOutgoing, WrapUpTimeout = TimeSpan.FromSeconds(30) },
            new AgentOptions { LoginId = "5002", LoginName = "bob", Password = "pw-bob", Extension = "3002", FirstName = "Bob", LastName = "Rossi", TeamId = "10", TeamName = "Sales" },
            new AgentOptions { LoginId = "5003", LoginName = "carol", Password = "pw-carol", Extension = "3003", FirstName = "Carol", LastName = "Diaz", TeamId = "20", TeamName = "Support" },
        ],
        ReasonCodes =
        [
            new ReasonCodeOptions { Id = 1, Code = 10, Label = "Break", Category = "NOT_READY" },
            new ReasonCodeOptions { Id = 2, Code = 11, Label = "Lunch", Category = "NOT_READY" },
            new ReasonCodeOptions { Id = 4, Code = 20, Label = "End of shift", Category = "LOGOUT" },
        ],
        WrapUpReasons = [new WrapUpReasonOptions { Id = 1, Label = "Sale" }],
    };

    public List<Notification> Take()
    {
        var copy = Sent.ToList();
        Sent.Clear();
        return copy;
    }

    public void SignIn(string id, string ext)
    {
        Assert.Null(Center.ChangeAgentState(id, new UserRequest("LOGIN", ext)));
    }

    public void Ready(string id)
    {
        Assert.Null(Center.ChangeAgentState(id, new UserRequest("READY")));
    }

    public void NotReady(string id, string rc = "1")
    {
        Assert.Null(Center.ChangeAgentState(id, new UserRequest("NOT_READY", ReasonCodeId: rc)));
    }

    public AgentState StateOf(string id) => Center.GetAgentState(id)!.Value.State;

    public string Inject(string ext = "3001", string ani = "0612345678", string dnis = "8000")
    {
        var r = Center.InjectCall(new IncomingCall(ext) { Ani = ani, Dnis = dnis });
        Assert.True(r.Ok, r.Message);
        return r.Value!;
    }

    /// <summary>Agent 5001 (3001) signed in and talking on an answered inbound call; notifications so far taken.</summary>
    public string AnsweredInboundCall()
    {
        SignIn("5001", "3001");
        Ready("5001");
        var d = Inject();
        Act("5001", d, "ANSWER");
        Take();
        return d;
    }

    /// <summary>Agents 5001 (3001) and 5002 (3002) signed in and READY; 5001 talking on an answered inbound call.</summary>
    public string TwoReadyAgentsAndAnAnsweredCall(string ani = "0612345678")
    {
        SignIn("5001", "3001");
        SignIn("5002", "3002");
        Ready("5001");
        Ready("5002");
        var d = Inject(ani: ani);
        Act("5001", d, "ANSWER");
        Take();
        return d;
    }

    public void Act(string agent, string dialog, string action, string? to = null, string? ext = null)
    {
        var error = Center.DialogAction(agent, dialog, new DialogRequest(action) { TargetMediaAddress = ext ?? Ext(agent), ToAddress = to });
        Assert.True(error is null, error?.ToString());
    }

    public string Ext(string agent) => Center.GetAgentState(agent)!.Value.Extension;

    public string MakeCall(string agent, string to)
    {
        var before = Center.DialogIdsOf(agent).ToHashSet();
        var error = Center.MakeCall(agent, new DialogRequest("MAKE_CALL") { FromAddress = Ext(agent), ToAddress = to });
        Assert.True(error is null, error?.ToString());
        return Center.DialogIdsOf(agent).Single(d => !before.Contains(d));
    }

    /// <summary>The participant element of <paramref name="address"/> in the dialog as the agent sees it.</summary>
    public XElement Participant(string agent, string dialog, string address)
    {
        var d = Center.GetDialog(dialog, agent, out _) ?? throw new InvalidOperationException($"{agent} does not see dialog {dialog}");
        return d.Element("participants")!.Elements("Participant").Single(p => (string?)p.Element("mediaAddress") == address && (string?)p.Element("state") != "DROPPED");
    }

    public static IReadOnlyList<string> Actions(XElement participant) =>
        [.. participant.Element("actions")!.Elements("action").Select(a => a.Value)];

    public static string State(XElement x) => (string)x.Element("state")!;

    public void Dispose() => Center.Dispose();
}

internal static class NotificationExtensions
{
    public static IEnumerable<Notification> On(this IEnumerable<Notification> ns, string node) => ns.Where(n => n.Node == node);

    public static IEnumerable<Notification> UserUpdates(this IEnumerable<Notification> ns, string id) =>
        ns.Where(n => n.Node == "/finesse/api/User/" + id && n.Data.Name == "user");

    public static IEnumerable<Notification> DialogUpdates(this IEnumerable<Notification> ns, string id) =>
        ns.Where(n => n.Node == "/finesse/api/User/" + id + "/Dialogs");

    public static string UserState(this Notification n) => (string)n.Data.Element("state")!;

    /// <summary>The Dialog inside a POST/DELETE (dialogs/Dialog) or PUT (dialog).</summary>
    public static XElement DialogOf(this Notification n) => n.Data.Name == "dialog" ? n.Data : n.Data.Element("Dialog")!;
}
