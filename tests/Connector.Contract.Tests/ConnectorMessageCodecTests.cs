
namespace SiebelCti.Connector.Contract.Tests;

public sealed class ConnectorMessageCodecTests
{
    public static TheoryData<ConnectorMessage> EveryMessageType() =>
    [
        new Hello("1.0", "host"), new Connect(), new Disconnect(), new Login("pw", "1001"), new Logout("12"),
        new Ready(), new NotReady("8"), new WorkReady(), new WorkNotReady(), new GetState(),
        new GetReasonCodes(ReasonCodeCategory.Logout), new GetWrapUpReasons(), new MakeCall("5551234"),
        new Answer("d1"), new Release("d1"), new Hold("d1"), new Retrieve("d1"), new ConsultCall("d1", "1002"),
        new TransferComplete("d1"), new ConferenceComplete("d1"), new SingleStepTransfer("d1", "1003"),
        new SendDtmf("d1", "12*#"), new UpdateCallData("d1", new Dictionary<string, string> { ["callVariable1"] = "a,b#c|d" }),
        new SetWrapUpReason("Sale"), new Heartbeat(),
        new SystemStatus(SystemStatus.InService, null, "A", "finesse-a"),
        new AgentState("READY", null, null, null, "1001", new DateTimeOffset(2026, 11, 25, 6, 0, 0, TimeSpan.Zero)),
        new Dialog("d1", "ACTIVE", "ACD_IN", "555", "1001",
            [new Participant("1001", "ACTIVE", ["HOLD", "DROP"])],
            new Dictionary<string, string> { ["callVariable1"] = "x" },
            new Dictionary<string, string> { ["user.a"] = "y" }),
        new DialogEnded("d1"), new ReasonCodes("NOT_READY", [new ReasonCodeEntry("15", "8", "Lunch", "NOT_READY")]),
        new WrapUpReasons([new WrapUpReasonEntry("Sale", "3")]), new Error("X", "y", "MakeCall"),
    ];

    [Fact]
    public void A_Dialog_without_toAddress_callType_or_fromAddress_round_trips_with_explicit_nulls()
    {
        // A call being dialled (Finesse INITIATING) has no toAddress yet; the client must still read it.
        var dialing = new Dialog("d2", "INITIATING", null, null, null, [new Participant("1001", "INITIATING", ["DROP"])],
            new Dictionary<string, string>(), new Dictionary<string, string>());

        var body = ConnectorMessageCodec.Encode(dialing);
        var decoded = ConnectorMessageCodec.Decode(dialing.MessageType, body);

        Assert.Contains("\"toAddress\":null", body, StringComparison.Ordinal);
        Assert.True(decoded.Success, decoded.ErrorMessage);
        var back = Assert.IsType<Dialog>(decoded.Message);
        Assert.Equal(("d2", null, null, null), (back.Id, back.CallType, back.FromAddress, back.ToAddress));
    }

    [Fact]
    public void The_theory_data_covers_every_message_type_of_the_contract()
    {
        var covered = EveryMessageType().Select(row => row.Data.MessageType).ToHashSet(StringComparer.Ordinal);

        Assert.Equal(MessageTypes.All.Order(StringComparer.Ordinal), covered.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(EveryMessageType))]
    public void Every_message_round_trips_through_its_json_body(ConnectorMessage message)
    {
        var body = ConnectorMessageCodec.Encode(message);
        var decoded = ConnectorMessageCodec.Decode(message.MessageType, body);

        Assert.True(decoded.Success, decoded.ErrorMessage);
        // Records compare by value, but dictionaries and lists by reference: compare the re-encoded body.
        Assert.Equal(message.GetType(), decoded.Message!.GetType());
        Assert.Equal(body, ConnectorMessageCodec.Encode(decoded.Message));
    }

    [Fact]
    public void Values_with_commas_hashes_pipes_and_non_ascii_survive_unchanged()
    {
        var value = "Zoë, #1 | \"quoted\" \\ ✓ 😀";
        var body = ConnectorMessageCodec.Encode(new UpdateCallData("d1", new Dictionary<string, string> { ["callVariable2"] = value }));

        var decoded = (UpdateCallData)ConnectorMessageCodec.Decode("UpdateCallData", body).Message!;

        Assert.Equal(value, decoded.CallVariables!["callVariable2"]);
    }

    [Fact]
    public void System_status_travels_as_message_type_System()
    {
        Assert.Equal("System", new SystemStatus(SystemStatus.OutOfService).MessageType);
    }

    [Fact]
    public void Body_uses_camel_case_and_omits_absent_optional_fields()
    {
        Assert.Equal("""{"destination":"1002","dialogId":"d1"}""", ConnectorMessageCodec.Encode(new ConsultCall("d1", "1002")));
        Assert.Equal("{}", ConnectorMessageCodec.Encode(new Logout()));
    }

    [Fact]
    public void Login_never_prints_its_password()
    {
        var text = new Login("TopSecret-1", "1001").ToString();

        Assert.DoesNotContain("TopSecret-1", text, StringComparison.Ordinal);
        Assert.Contains("Extension = 1001", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "{}", ConnectorErrorCode.MessageTypeMissing)]
    [InlineData("", "{}", ConnectorErrorCode.MessageTypeMissing)]
    [InlineData("Explode", "{}", ConnectorErrorCode.MessageTypeUnknown)]
    [InlineData("ready", "{}", ConnectorErrorCode.MessageTypeUnknown)]
    [InlineData("Ready", null, ConnectorErrorCode.MessageMalformed)]
    [InlineData("Ready", "  ", ConnectorErrorCode.MessageMalformed)]
    [InlineData("Ready", "not json", ConnectorErrorCode.MessageMalformed)]
    [InlineData("Ready", "[]", ConnectorErrorCode.MessageMalformed)]
    [InlineData("Ready", "null", ConnectorErrorCode.MessageMalformed)]
    [InlineData("Ready", "{\"a\":1", ConnectorErrorCode.MessageMalformed)]
    [InlineData("MakeCall", "{}", ConnectorErrorCode.MessageMalformed)]
    [InlineData("MakeCall", "{\"destination\":42}", ConnectorErrorCode.MessageMalformed)]
    [InlineData("MakeCall", "{\"destination\":null}", ConnectorErrorCode.MessageMalformed)]
    [InlineData("MakeCall", "{\"destination\":\"  \"}", ConnectorErrorCode.MessageInvalid)]
    [InlineData("Login", "{\"password\":\"\",\"extension\":\"1001\"}", ConnectorErrorCode.MessageInvalid)]
    [InlineData("SendDtmf", "{\"dialogId\":\"d\",\"digits\":\"12x\"}", ConnectorErrorCode.MessageInvalid)]
    [InlineData("GetReasonCodes", "{\"category\":\"READY\"}", ConnectorErrorCode.MessageInvalid)]
    [InlineData("UpdateCallData", "{\"dialogId\":\"d\"}", ConnectorErrorCode.MessageInvalid)]
    [InlineData("Hello", "{\"hostName\":\"siebel\\u202Egnp.exe\"}", ConnectorErrorCode.MessageInvalid)] // a bidi override on the monitor
    [InlineData("Hello", "{\"hostName\":\"a\\u200Bb\"}", ConnectorErrorCode.MessageInvalid)] // zero-width space
    [InlineData("Hello", "{\"hostName\":\"a\\nb\"}", ConnectorErrorCode.MessageInvalid)]
    [InlineData("Hello", "{\"hostName\":\"a\\ud800b\"}", ConnectorErrorCode.MessageMalformed)] // a lone surrogate: the JSON reader refuses it
    [InlineData("Hello", "{\"driverVersion\":\"1\\u0000\"}", ConnectorErrorCode.MessageInvalid)]
    public void Bad_input_is_refused_with_a_stable_code_and_never_throws(string? type, string? body, string code)
    {
        var result = ConnectorMessageCodec.Decode(type, body);

        Assert.False(result.Success);
        Assert.Equal(code, result.ErrorCode);
        Assert.False(string.IsNullOrWhiteSpace(result.ErrorMessage));
    }

    [Fact]
    public void A_Hello_host_name_is_plain_text_of_at_most_255_characters()
    {
        // Before: any length up to the 64 KB body, shown on every Connector Monitor snapshot for every client.
        Assert.True(ConnectorMessageCodec.Decode("Hello", $$"""{"hostName":"{{new string('h', 255)}}","driverVersion":"1.4.0"}""").Success);
        Assert.True(ConnectorMessageCodec.Decode("Hello", """{"hostName":"crm-01.example.com","driverVersion":"1.4.0 (win-x86)"}""").Success);
        Assert.True(ConnectorMessageCodec.Decode("Hello", """{"hostName":"Zürich-Süd \ud83d\ude00"}""").Success);
        Assert.True(ConnectorMessageCodec.Decode("Hello", "{}").Success);

        var tooLong = ConnectorMessageCodec.Decode("Hello", $$"""{"hostName":"{{new string('<', 256)}}"}""");

        Assert.Equal(ConnectorErrorCode.MessageInvalid, tooLong.ErrorCode);
        Assert.Contains("hostName is longer than 255 characters", tooLong.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Deeply_nested_json_is_refused_as_malformed()
    {
        var body = "{\"callVariables\":" + new string('[', 200) + new string(']', 200) + "}";

        Assert.Equal(ConnectorErrorCode.MessageMalformed, ConnectorMessageCodec.Decode("UpdateCallData", body).ErrorCode);
    }

    [Fact]
    public void Oversized_bodies_are_refused_both_ways()
    {
        var huge = new string('x', ConnectorMessageCodec.MaxBodyBytes);

        Assert.Equal(ConnectorErrorCode.MessageTooLarge, ConnectorMessageCodec.Decode("MakeCall", $"{{\"destination\":\"{huge}\"}}").ErrorCode);
        var ex = Assert.Throws<MessageEncodeException>(() => ConnectorMessageCodec.Encode(new MakeCall(huge)));
        Assert.Equal(ConnectorErrorCode.MessageTooLarge, ex.Code);
    }

    [Fact]
    public void Unknown_fields_are_ignored_for_forward_compatibility()
    {
        var result = ConnectorMessageCodec.Decode("MakeCall", """{"destination":"1002","priority":"high"}""");

        Assert.True(result.Success, result.ErrorMessage);
        Assert.Equal("1002", ((MakeCall)result.Message!).Destination);
    }

    [Fact]
    public void Error_messages_of_bad_bodies_do_not_echo_values()
    {
        var result = ConnectorMessageCodec.Decode("Login", """{"password":12345678,"extension":"1001"}""");

        Assert.Equal(ConnectorErrorCode.MessageMalformed, result.ErrorCode);
        Assert.DoesNotContain("12345678", result.ErrorMessage, StringComparison.Ordinal);
    }
}
