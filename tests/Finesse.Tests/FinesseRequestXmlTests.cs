using SiebelCti.Finesse.Model;
using SiebelCti.Finesse.Xml;

namespace SiebelCti.Finesse.Tests;

public sealed class FinesseRequestXmlTests
{
    [Fact]
    public void Sign_in_body()
    {
        Assert.Equal(
            "<User><state>LOGIN</state><extension>3001</extension></User>",
            FinesseRequestXml.UserState(UserState.Login, extension: "3001"));
    }

    [Fact]
    public void Not_ready_with_reason_code_id()
    {
        Assert.Equal(
            "<User><state>NOT_READY</state><reasonCodeId>16</reasonCodeId></User>",
            FinesseRequestXml.UserState(UserState.NotReady, reasonCodeId: 16));
    }

    [Fact]
    public void Make_call_body_with_call_and_ecc_variables_escaped()
    {
        var body = FinesseRequestXml.DialogAction(
            DialogAction.MakeCall,
            fromAddress: "3001",
            toAddress: "9(555)-12<34>",
            callVariables: [new CallVariable("callVariable1", "A & B"), new CallVariable("user.Tier", "gold")]);

        Assert.Equal(
            "<Dialog><requestedAction>MAKE_CALL</requestedAction><fromAddress>3001</fromAddress><toAddress>9(555)-12&lt;34&gt;</toAddress>" +
            "<mediaProperties><callvariables><CallVariable><name>callVariable1</name><value>A &amp; B</value></CallVariable>" +
            "<CallVariable><name>user.Tier</name><value>gold</value></CallVariable></callvariables></mediaProperties></Dialog>",
            body);
    }

    [Fact]
    public void Consult_body_in_documented_order()
    {
        Assert.Equal(
            "<Dialog><requestedAction>CONSULT_CALL</requestedAction><targetMediaAddress>3001</targetMediaAddress><toAddress>3002</toAddress></Dialog>",
            FinesseRequestXml.DialogAction(DialogAction.ConsultCall, targetMediaAddress: "3001", toAddress: "3002"));
    }

    [Fact]
    public void Dtmf_body_uses_action_params()
    {
        Assert.Equal(
            "<Dialog><requestedAction>SEND_DTMF</requestedAction><targetMediaAddress>3001</targetMediaAddress>" +
            "<actionParams><ActionParam><name>dtmfString</name><value>12#</value></ActionParam></actionParams></Dialog>",
            FinesseRequestXml.DialogAction(DialogAction.SendDtmf, targetMediaAddress: "3001", actionParams: [new("dtmfString", "12#")]));
    }

    [Fact]
    public void Update_call_data_with_wrap_up_reason_first()
    {
        Assert.Equal(
            "<Dialog><requestedAction>UPDATE_CALL_DATA</requestedAction><mediaProperties><wrapUpReason>Sale</wrapUpReason>" +
            "<callvariables><CallVariable><name>callVariable3</name><value>ACC-42</value></CallVariable></callvariables></mediaProperties></Dialog>",
            FinesseRequestXml.DialogAction(DialogAction.UpdateCallData, wrapUpReason: "Sale", callVariables: [new CallVariable("callVariable3", "ACC-42")]));
    }

    [Fact]
    public void Characters_xml_cannot_carry_are_refused()
    {
        var ex = Assert.Throws<FinesseException>(() =>
            FinesseRequestXml.DialogAction(DialogAction.MakeCall, fromAddress: "3001", toAddress: "12\u0001"));

        Assert.Equal(FinesseErrorCode.FinesseInvalidArgument, ex.Code);
    }

    [Fact]
    public void Written_bodies_parse_back_with_our_own_reader()
    {
        var body = FinesseRequestXml.DialogAction(
            DialogAction.UpdateCallData, callVariables: [new CallVariable("callVariable2", " <x> & \"y\" ")], wrapUpReason: "Réclamation");

        var dialog = FinesseXmlParser.ParseDialog(body);

        Assert.Equal(" <x> & \"y\" ", dialog.MediaProperties.CallVariable(2));
        Assert.Equal("Réclamation", dialog.MediaProperties.WrapUpReason);
    }
}
