using BenchmarkDotNet.Attributes;
using SiebelCti.Connector.Contract;

namespace SiebelCti.Connector.Benchmarks.Messaging;

/// <summary>Cost of the JSON body of the two most frequent messages: a Dialog event and a MakeCall request.</summary>
[MemoryDiagnoser]
public class ConnectorMessageCodecBenchmarks
{
    private readonly Dialog _dialog = new(
        "16821223", "ACTIVE", "ACD_IN", "+442079460018", "1001",
        [
            new Participant("+442079460018", "ACTIVE", []),
            new Participant("1001", "ACTIVE", ["HOLD", "DROP", "CONSULT_CALL", "TRANSFER_SST", "SEND_DTMF", "UPDATE_CALL_DATA"]),
        ],
        Enumerable.Range(1, 10).ToDictionary(i => $"callVariable{i}", i => $"value {i}, with # and |"),
        new Dictionary<string, string> { ["user.customer.id"] = "C-981", ["user.customer.tier"] = "gold" },
        "8000");

    private string _dialogJson = "";
    private string _makeCallJson = "";

    [GlobalSetup]
    public void Setup()
    {
        _dialogJson = ConnectorMessageCodec.Encode(_dialog);
        _makeCallJson = ConnectorMessageCodec.Encode(new MakeCall("+44 20 7946 0018"));
    }

    [Benchmark]
    public string EncodeDialog() => ConnectorMessageCodec.Encode(_dialog);

    [Benchmark]
    public ConnectorMessage? DecodeDialog() => ConnectorMessageCodec.Decode("Dialog", _dialogJson).Message;

    [Benchmark]
    public ConnectorMessage? DecodeMakeCall() => ConnectorMessageCodec.Decode("MakeCall", _makeCallJson).Message;
}
