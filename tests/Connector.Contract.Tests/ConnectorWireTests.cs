using SiebelCti.OpenWire;

namespace SiebelCti.Connector.Contract.Tests;

/// <summary>The one mapping between envelopes and TextMessages that the Driver and the Connector share.</summary>
public sealed class ConnectorWireTests
{
    [Fact]
    public void ToMessage_Read_Decode_RoundTripsEveryHeaderAndTheBody()
    {
        var envelope = new ConnectorEnvelope(new AgentState("READY", Extension: "1001"), "req-7", "a1", "client-1");

        var message = ConnectorWire.ToMessage(envelope);
        var wire = ConnectorWire.Read(message);
        var decoded = ConnectorWire.Decode(wire);

        Assert.Equal(("AgentState", "req-7", "a1", "client-1", 1), (message.Type, message.CorrelationId,
            message.Properties.Get<string>(ConnectorEnvelope.AgentIdProperty), message.Properties.Get<string>(ConnectorEnvelope.ClientIdProperty),
            message.Properties.Get<int>(ConnectorEnvelope.ProtocolVersionProperty)));
        Assert.True(decoded.Success, decoded.ErrorMessage);
        Assert.Equal(envelope, decoded.Envelope);
    }

    [Fact]
    public void Decode_WithoutAVersion_TakesTheCurrentOne()
    {
        var decoded = ConnectorWire.Decode(new WireMessage("Ready", "{}", "r1", "a1", "c1", null));

        Assert.True(decoded.Success, decoded.ErrorMessage);
        Assert.Equal(ConnectorEnvelope.CurrentProtocolVersion, decoded.Envelope!.ProtocolVersion);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(0)]
    [InlineData(-1)]
    public void Decode_AnotherVersion_IsRefusedWithItsCode(int version)
    {
        var decoded = ConnectorWire.Decode(new WireMessage("Ready", "{}", "r1", "a1", "c1", version));

        Assert.False(decoded.Success);
        Assert.Equal(ConnectorErrorCode.ProtocolVersionUnsupported, decoded.ErrorCode);
    }

    [Fact]
    public void Read_PropertiesOfTheWrongTypeOrABytesMessage_GiveNullsOrAnUnsupportedVersionNeverAnException()
    {
        var text = new TextMessage("{}") { Type = "Ready" };
        text.Properties.Set(ConnectorEnvelope.AgentIdProperty, 42).Set(ConnectorEnvelope.ProtocolVersionProperty, "one");
        var bytes = new BytesMessage(new byte[] { 1, 2, 3 }) { Type = "Ready" };

        var fromText = ConnectorWire.Read(text);
        var fromBytes = ConnectorWire.Read(bytes);

        Assert.Equal((null, -1), (fromText.AgentId, fromText.ProtocolVersion));
        Assert.Equal(ConnectorErrorCode.ProtocolVersionUnsupported, ConnectorWire.Decode(fromText).ErrorCode);
        Assert.Null(fromBytes.Body);
        Assert.Equal(ConnectorErrorCode.MessageMalformed, ConnectorWire.Decode(fromBytes).ErrorCode);
    }
}
