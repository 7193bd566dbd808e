using SiebelCti.Finesse.Model;
using SiebelCti.Finesse.Notifications;

namespace SiebelCti.Finesse.Tests;

public sealed class FinesseNotificationParserTests
{
    private const string UserNode = "/finesse/api/User/5001";
    private const string DialogsNode = "/finesse/api/User/5001/Dialogs";
    private readonly FinesseNotificationParser _parser = new();

    [Fact]
    public void User_put_with_lowercase_roots_and_request_id()
    {
        var n = Assert.IsType<UserUpdated>(_parser.Parse(UserNode, Samples.Read("notif-user-put.xml")));

        Assert.Equal(UserNode, n.Node);
        Assert.Equal(NotificationEvent.Put, n.Event);
        Assert.Equal("0b1f8c2e-1111-4a2b-9c3d-123456789abc", n.RequestId);
        Assert.Equal("/finesse/api/User/5001", n.Source);
        Assert.Equal(UserState.NotReady, n.User.State);
        Assert.Equal(16, n.User.ReasonCodeId);
        Assert.Equal("Lunch", n.User.ReasonCode!.Label);
        Assert.Equal(12, n.User.ReasonCode.Code);
        Assert.Equal("3001", n.User.Extension);
        Assert.Equal(new DateTimeOffset(2026, 1, 5, 9, 20, 0, TimeSpan.Zero), n.User.StateChangeTime);
    }

    [Fact]
    public void User_put_in_documentation_style_lowercase_event_and_capital_root()
    {
        var n = Assert.IsType<UserUpdated>(_parser.Parse(UserNode, Samples.Read("notif-user-doc-style.xml")));

        Assert.Equal(NotificationEvent.Put, n.Event);
        Assert.Equal("put", n.EventText);
        Assert.Null(n.RequestId);
        Assert.Equal(UserState.WorkReady, n.User.State);
        Assert.Equal(UserState.Ready, n.User.PendingState);
    }

    [Fact]
    public void Dialogs_post_is_a_new_dialog_without_request_id()
    {
        var n = Assert.IsType<DialogsUpdated>(_parser.Parse(DialogsNode, Samples.Read("notif-dialogs-post.xml")));

        Assert.True(n.IsAdded);
        Assert.False(n.IsRemoved);
        Assert.Null(n.RequestId);
        Assert.Equal(DialogsNode, n.Source);
        var d = Assert.Single(n.Dialogs);
        Assert.Equal("16817090", d.Id);
        Assert.Equal(DialogState.Alerting, d.State);
        Assert.Equal("ACC-42", d.MediaProperties.CallVariable(1));
        Assert.Equal("platinum", Assert.Single(d.MediaProperties.EccVariables).Value);
        Assert.True(d.ParticipantFor("3001")!.Allows(DialogAction.Answer));
    }

    [Fact]
    public void Dialog_put_replaces_one_dialog()
    {
        var n = Assert.IsType<DialogUpdated>(_parser.Parse(DialogsNode, Samples.Read("notif-dialog-put.xml")));

        Assert.Equal(NotificationEvent.Put, n.Event);
        Assert.Equal("req-answer-1", n.RequestId);
        Assert.Equal("/finesse/api/Dialog/16817090", n.Source);
        Assert.Equal(DialogState.Active, n.Dialog.State);
        Assert.Equal(2, n.Dialog.Participants.Count);
        Assert.True(n.Dialog.ParticipantFor("3001")!.Allows(DialogAction.TransferSst));
    }

    [Fact]
    public void Dialogs_delete_removes_the_dialog()
    {
        var n = Assert.IsType<DialogsUpdated>(_parser.Parse(DialogsNode, Samples.Read("notif-dialogs-delete.xml")));

        Assert.True(n.IsRemoved);
        Assert.Equal("req-drop-1", n.RequestId);
        var d = Assert.Single(n.Dialogs);
        Assert.Equal(DialogState.Dropped, d.State);
        Assert.Equal(ParticipantState.Dropped, d.ParticipantFor("3001")!.State);
    }

    [Fact]
    public void Dialog_cti_error_carries_request_id_source_and_code()
    {
        var n = Assert.IsType<ApiErrorUpdate>(_parser.Parse(DialogsNode, Samples.Read("notif-dialog-cti-error.xml")));

        Assert.Equal("req-hold-7", n.RequestId);
        Assert.Equal("/finesse/api/Dialog/16817090", n.Source);
        Assert.Equal(FinesseErrorCode.FinesseCtiError, n.Code);
        var e = Assert.Single(n.Errors);
        Assert.Equal("Call Operation Failure", e.ErrorType);
        Assert.Equal("CF_RESOURCE_OUT_OF_SERVICE", e.ErrorMessage);
        Assert.Equal("34", e.ErrorData);
    }

    [Fact]
    public void Dialog_cti_error_with_the_empty_requestId_of_Ciscos_sample_keeps_its_source()
    {
        // The shape of Cisco's "Dialog CTI Error Notification" sample: <requestId></requestId>.
        var n = Assert.IsType<ApiErrorUpdate>(_parser.Parse(DialogsNode, Samples.Read("notif-dialog-cti-error-empty-request-id.xml")));

        Assert.True(string.IsNullOrEmpty(n.RequestId));
        Assert.Equal("/finesse/api/Dialog/12345", n.Source);
        Assert.Equal(FinesseErrorCode.FinesseCtiError, n.Code);
        Assert.Equal("CF_RESOURCE_OUT_OF_SERVICE", Assert.Single(n.Errors).ErrorMessage);
    }

    [Fact]
    public void User_async_error_maps_to_device_error()
    {
        var n = Assert.IsType<ApiErrorUpdate>(_parser.Parse(UserNode, Samples.Read("notif-user-error.xml")));

        Assert.Equal("req-login-1", n.RequestId);
        Assert.Equal(FinesseErrorCode.FinesseDeviceError, n.Code);
        Assert.Equal("260", n.Errors[0].ErrorData);
    }

    [Fact]
    public void SystemInfo_out_of_service()
    {
        var n = Assert.IsType<SystemInfoUpdated>(_parser.Parse("/finesse/api/SystemInfo", Samples.Read("notif-systeminfo.xml")));

        Assert.Equal(SystemStatus.OutOfService, n.SystemInfo.Status);
        Assert.Equal("CTI failover", n.SystemInfo.StatusReason);
        Assert.Equal("fin-b.example.com", n.SystemInfo.PeerNode!.Host);
        Assert.Null(n.RequestId);
    }

    [Fact]
    public void Team_users_feed_gives_a_user_summary_with_its_node()
    {
        var n = Assert.IsType<UserUpdated>(_parser.Parse("/finesse/api/Team/10/Users", Samples.Read("notif-team-user.xml")));

        Assert.Equal("/finesse/api/Team/10/Users", n.Node);
        Assert.Equal("/finesse/api/User/5002", n.Source);
        Assert.Equal("5002", n.User.LoginId);
        Assert.Equal(UserState.Talking, n.User.State);
    }

    [Fact]
    public void Unmodelled_feed_is_reported_not_refused()
    {
        var n = Assert.IsType<UnknownUpdate>(_parser.Parse("/finesse/api/Queue/5022", Samples.Read("notif-queue-unknown.xml")));

        Assert.Equal("QueueStatistics", n.DataElement);
        Assert.Equal(NotificationEvent.Put, n.Event);
    }

    [Fact]
    public void Still_escaped_update_text_is_decoded()
    {
        var n = Assert.IsType<UserUpdated>(_parser.Parse(UserNode, Samples.Read("notif-user-escaped.txt")));

        Assert.Equal(UserState.Ready, n.User.State);
        Assert.Equal("A & B", n.User.FirstName);
        Assert.Equal("r-9", n.RequestId);
    }

    [Theory]
    [InlineData("<Update><data><user/></data></Update>", "no <event>")]
    [InlineData("<Update><event>PATCH</event><data><user/></data></Update>", "PATCH")]
    [InlineData("<Update><event>PUT</event></Update>", "no <data>")]
    [InlineData("<Update><event>PUT</event><data><apiErrors/></data></Update>", "empty <apiErrors>")]
    public void Invalid_update_shapes_are_refused(string xml, string expected)
    {
        var ex = Assert.Throws<FinesseXmlException>(() => _parser.Parse(UserNode, xml));

        Assert.Equal(FinesseErrorCode.FinesseNotificationInvalid, ex.Code);
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Truncated_update_is_malformed()
    {
        var text = Samples.Read("notif-dialog-put.xml");

        var ex = Assert.Throws<FinesseXmlException>(() => _parser.Parse(DialogsNode, text[..200]));
        Assert.Equal(FinesseErrorCode.FinesseXmlMalformed, ex.Code);
    }

    [Fact]
    public void Parser_is_safe_to_share_between_threads()
    {
        var text = Samples.Read("notif-dialogs-post.xml");

        Parallel.For(0, 200, _ => Assert.IsType<DialogsUpdated>(_parser.Parse(DialogsNode, text)));
    }
}
