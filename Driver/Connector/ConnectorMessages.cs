using System.Collections.Immutable;
using SiebelCti.Connector.Contract;

namespace SiebelCti.Driver.Connector;

/// <summary>Where a link delivers what it receives. Called on the link's own thread; must not block.</summary>
internal interface IConnectorSink
{
    /// <summary>
    /// A message from the Connector (response, event or error) as it came off the wire, undecoded
    /// (<see cref="ConnectorWire.Read"/>): the sink decodes it, so a malformed one is dropped and
    /// logged in one place whatever the transport.
    /// </summary>
    void OnMessage(WireMessage message);

    /// <summary>
    /// A message already decoded, from a link without a wire: the test-only
    /// <c>LoopbackConnector</c> (test builds only) (which therefore has no body size limit).
    /// </summary>
    void OnMessage(ConnectorEnvelope envelope);

    /// <summary>The link to the broker itself went up or down (not a Connector message).</summary>
    void OnLinkStatus(bool up, string reason);
}

/// <summary>
/// "Send request / receive events": the one seam between the driver and its transport. Messages
/// are the contract's (Connector.Contract). The real implementation speaks OpenWire to the
/// Connector; <c>LoopbackConnector</c> (test builds only) is the test-only in-process connector.
/// </summary>
internal interface IConnectorLink : IAsyncDisposable
{
    /// <summary>Starts connecting in the background; messages then flow to <paramref name="sink"/>.</summary>
    void Start(IConnectorSink sink);

    /// <summary>Queues <paramref name="request"/> without blocking; false when the link cannot take it.</summary>
    bool TrySend(ConnectorEnvelope request);
}

/// <summary>
/// A service's projection of a contract <see cref="Dialog"/>: the agent's own state in it (the
/// state of the participant on the agent's extension), and all variables by name.
/// <see cref="DialedNumber"/> is the number the caller dialled (Finesse's <c>dialedNumber</c>, else
/// <c>toAddress</c>), never Finesse's <c>DNIS</c>: on Unified CCE that is the agent's own extension.
/// </summary>
internal sealed record DialogSnapshot(string Id, string State, string MyState, string CallType, string? From, string? To,
    string? DialedNumber, int ParticipantCount, ImmutableDictionary<string, string> Variables, string? WrapUpReason)
{
    public static DialogSnapshot Of(Dialog dialog, string? extension)
    {
        var mine = dialog.Participants.FirstOrDefault(p => extension is not null && (p.Address == extension || p.MediaAddress == extension));
        var variables = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in dialog.CallVariables)
        {
            variables[name] = value;
        }
        foreach (var (name, value) in dialog.EccVariables)
        {
            variables[name] = value;
        }
        return new DialogSnapshot(dialog.Id, dialog.State, mine?.State ?? dialog.State, dialog.CallType ?? "", dialog.FromAddress, dialog.ToAddress,
            dialog.DialedNumber ?? dialog.ToAddress, dialog.Participants.Count, variables.ToImmutable(), dialog.WrapUpReason);
    }
}
