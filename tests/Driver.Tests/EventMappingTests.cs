using System.Collections.Immutable;
using SiebelCti.Driver.Connector;
using SiebelCti.Driver.Services;

namespace SiebelCti.Driver.Tests;

/// <summary>The table of what Siebel is told when a call changes (docs/siebel-integration: events and work items).</summary>
public sealed class EventMappingTests
{
    private const string Extension = "3001";

    private static readonly AgentContext Agent = new([new("AgentId", "5001"), new("AgentState", "TALKING")], Extension);

    private static DialogSnapshot Call(string myState, string callType = "ACD_IN", string from = "0612345678", string to = "8000",
        int participants = 2, string? wrapUp = null, params (string Name, string Value)[] variables) =>
        new("d1", myState, myState, callType, from, to, to, participants,
            variables.ToImmutableDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal), wrapUp);

    /// <summary>Each output as text: an event by name, a work item step as Action:Mode for New, else the action.</summary>
    private static string[] Text(IEnumerable<SiebelOutput> outputs) =>
    [
        .. outputs.Select(o => o switch
        {
            SiebelEvent e => e.Name,
            WorkItemStep { Action: WorkItemAction.New } w => $"New:{w.Mode}:{w.Description}",
            WorkItemStep w => w.Action.ToString(),
            _ => o.ToString()!,
        }),
    ];

    private static readonly CaseTable<(DialogSnapshot?, DialogSnapshot, string[])> ChangeCases = new()
    {
        { "a customer call rings", (null, Call("ALERTING"), ["CallRinging", "New:SC_WM_INBOUND:Call from 0612345678"]) },
        { "it is answered", (Call("ALERTING"), Call("ACTIVE"), ["CallEstablished", "Started"]) },
        { "held", (Call("ACTIVE"), Call("HELD"), ["CallHeld", "Suspended"]) },
        { "retrieved", (Call("HELD"), Call("ACTIVE"), ["CallRetrieved", "Resumed"]) },
        { "the same state again", (Call("ACTIVE"), Call("ACTIVE"), []) },
        { "a call transferred to the agent arrives connected", (null, Call("ACTIVE", "TRANSFER"),
            ["CallRinging", "New:SC_WM_INBOUND:Call from 0612345678", "CallEstablished", "Started"]) },
        { "a call conferenced to the agent arrives connected", (null, Call("ACTIVE", "CONFERENCE"),
            ["CallRinging", "New:SC_WM_INBOUND:Call from 0612345678", "CallEstablished", "Started"]) },
        { "the agent dials (AGENT_INSIDE from its extension)", (null, Call("INITIATED", "AGENT_INSIDE", from: Extension, to: "5552000"),
            ["CallDialing", "New:SC_WM_OUTBOUND:Call to 5552000"]) },
        { "the far end answers the agent's call", (Call("INITIATED", "AGENT_INSIDE", from: Extension, to: "5552000"), Call("ACTIVE", "OUT", from: Extension, to: "5552000"),
            ["CallEstablished", "Started"]) },
        { "the agent's consult call connects", (Call("INITIATED", "CONSULT", from: Extension, to: "3002"), Call("ACTIVE", "CONSULT", from: Extension, to: "3002"),
            ["ConsultEstablished", "Started"]) },
        { "the consulted agent's leg rings", (null, Call("ALERTING", "CONSULT", from: "3002", to: Extension),
            ["CallRinging", "New:SC_WM_INBOUND:Call to 3001"]) },
        { "the consulted agent answers", (Call("ALERTING", "CONSULT", from: "3002", to: Extension), Call("ACTIVE", "CONSULT", from: "3002", to: Extension),
            ["CallEstablished", "Started"]) },
        { "a third party joins", (Call("ACTIVE"), Call("ACTIVE", participants: 3), ["CallConferenced"]) },
        { "still three parties", (Call("ACTIVE", participants: 3), Call("ACTIVE", participants: 3), []) },
        { "call data changes", (Call("ACTIVE", variables: ("callVariable1", "a")), Call("ACTIVE", variables: ("callVariable1", "b")), ["CallDataChanged"]) },
    };

    public static TheoryData<string> Changes => [.. ChangeCases.Keys];

    [Theory]
    [MemberData(nameof(Changes))]
    public void A_call_change_tells_Siebel(string what)
    {
        var (previous, dialog, expected) = ChangeCases[what];
        Assert.True(expected.SequenceEqual(Text(EventMapping.Changed(previous, dialog, Agent))),
            $"{what}: expected [{string.Join(", ", expected)}], got [{string.Join(", ", Text(EventMapping.Changed(previous, dialog, Agent)))}]");
    }

    private static readonly CaseTable<(DialogSnapshot?, DialogSnapshot, EndIntent?, string[])> WrapUpCases = new()
    {
        { "first seen in wrap-up (resynchronisation): no work item to end", (null, Call("WRAP_UP"), null, []) },
        { "the agent released the call", (Call("ACTIVE"), Call("WRAP_UP"), null, ["CallReleased:RELEASED", "Released"]) },
        { "Finesse says the call was transferred away", (Call("ACTIVE", "TRANSFER"), Call("WRAP_UP", "TRANSFER"), null, ["CallTransferred:TRANSFERRED", "Released"]) },
        { "the agent completed a transfer", (Call("HELD"), Call("WRAP_UP"), new EndIntent("TRANSFERRED", false), ["CallTransferred:TRANSFERRED", "Released"]) },
        { "the consult leg merged into a conference", (Call("ACTIVE", "CONSULT"), Call("WRAP_UP", "CONSULT"), new EndIntent("CONFERENCED", true), ["CallReleased:CONFERENCED", "Released"]) },
        { "a wrap-up reason is set", (Call("WRAP_UP"), Call("WRAP_UP", wrapUp: "Sale"), null, ["CallDataChanged"]) },
        { "nothing changed in wrap-up", (Call("WRAP_UP"), Call("WRAP_UP"), null, []) },
    };

    public static TheoryData<string> WrapUps => [.. WrapUpCases.Keys];

    [Theory]
    [MemberData(nameof(WrapUps))]
    public void A_call_in_wrap_up_tells_Siebel(string what)
    {
        var (previous, dialog, intended, expected) = WrapUpCases[what];
        var outputs = EventMapping.WrapUp(previous, dialog, intended, Agent);
        var text = outputs.Select(o => o is SiebelEvent { Name: "CallReleased" or "CallTransferred" } e
            ? $"{e.Name}:{e.Fields.Single(f => f.Key == "EndReason").Value}"
            : Text([o])[0]).ToArray();
        Assert.True(expected.SequenceEqual(text), $"{what}: expected [{string.Join(", ", expected)}], got [{string.Join(", ", text)}]");
    }

    [Fact]
    public void Call_fields_are_the_agents_then_the_calls_then_the_variables_by_name()
    {
        var dialog = Call("ACTIVE", wrapUp: "Sale", variables: [("user.b", "2"), ("callVariable1", "1")]);

        var fields = EventMapping.CallFields(Agent, dialog);

        Assert.Equal(["AgentId", "AgentState", "DialogId", "TrackingID", "ANI", "DNIS", "DialedNumber", "CallType", "CallState", "ParticipantCount", "WrapUpReason", "callVariable1", "user.b"],
            fields.Select(f => f.Key));
        Assert.Equal(["5001", "TALKING", "d1", "d1", "0612345678", "8000", "8000", "ACD_IN", "ACTIVE", "2", "Sale", "1", "2"], fields.Select(f => f.Value));
    }

    [Fact]
    public void An_ended_call_reports_its_end_reason_then_releases_the_work_item()
    {
        var outputs = EventMapping.Ended(Call("ACTIVE"), new EndIntent(null, false), Agent);

        var released = Assert.IsType<SiebelEvent>(outputs[0]);
        Assert.Equal("CallReleased", released.Name);
        Assert.Equal("RELEASED", released.Fields.Single(f => f.Key == "EndReason").Value);
        Assert.Equal(new WorkItemStep(WorkItemAction.Released, "d1"), outputs[1]);
    }
}

/// <summary>Named cases of a table test: <c>{ "name", a, b, ... }</c> entries, looked up by name.</summary>
internal sealed class CaseTable<T> : System.Collections.IEnumerable
{
    private readonly Dictionary<string, T> _cases = new(StringComparer.Ordinal);

    public IEnumerable<string> Keys => _cases.Keys;

    public T this[string name] => _cases[name];

    public void Add(string name, T value) => _cases.Add(name, value);

    public System.Collections.IEnumerator GetEnumerator() => _cases.GetEnumerator();
}
