using Radzen;
using Wbpm.Domain.Security;
using Wbpm.Web.Features.Admin.Audit;
using Wbpm.Web.Features.Admin.Shared;

namespace Wbpm.Tests.Web.Admin;

public sealed class AdminFormHelpersTests
{
    [Fact]
    public async Task ValidationErrorsOfShownFieldsStayWithTheFieldsAndTheRestBecomeAToast()
    {
        var errors = new FormErrors();
        var notifications = new NotificationService();

        var ok = await errors.RunAsync(() => throw new ValidationException(new Dictionary<string, string[]>
        {
            ["Password"] = ["Too short."],
            [""] = ["Something about the whole input."],
        }), notifications, "UserName", "Password");

        Assert.False(ok);
        Assert.Equal(new[] { "Too short." }, errors.For("Password"));
        Assert.Empty(errors.For("UserName"));
        var toast = Assert.Single(notifications.Messages);
        Assert.Equal((NotificationSeverity.Error, "Something about the whole input."), (toast.Severity, toast.Detail));
    }

    [Fact]
    public async Task NotFoundAndForbiddenBecomeToastsAndSuccessClearsOldErrors()
    {
        var errors = new FormErrors();
        var notifications = new NotificationService();
        await errors.RunAsync(() => throw ValidationException.For("Name", "Required."), notifications, "Name");

        Assert.False(await errors.RunAsync(() => throw new NotFoundException("User", "42"), notifications, "Name"));
        Assert.False(await errors.RunAsync(() => throw new ForbiddenException(Permission.AdminSystem), notifications, "Name"));
        Assert.True(await errors.RunAsync(() => Task.CompletedTask, notifications, "Name"));

        Assert.False(errors.HasErrors);
        Assert.Equal(new[] { "Not found", "Not allowed" }, notifications.Messages.Select(m => m.Summary));
    }

    [Fact]
    public void AuditFilterTreatsTheToDayAsInclusiveAndBlanksAsNoFilter()
    {
        var filter = new AuditFilter { Action = " ", Actor = " admin ", From = new DateTime(2026, 3, 1, 15, 0, 0), To = new DateTime(2026, 3, 1) };

        var query = filter.ToQuery(skip: 25, take: 25);

        Assert.Null(query.Action);
        Assert.Equal("admin", query.Actor);
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero), query.From);
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.Zero).AddTicks(-1), query.To);
        Assert.Equal((25, 25), (query.Skip, query.Take));
    }

    [Fact]
    public void AuditJsonIsIndentedForReadingAndNonJsonIsShownAsStored()
    {
        Assert.Equal("{\n  \"name\": \"Zoë\"\n}".ReplaceLineEndings(), AuditEntryDialog.Pretty("""{"name":"Zoë"}""").ReplaceLineEndings());
        Assert.Equal("(nothing)", AuditEntryDialog.Pretty(null));
        Assert.Equal("not json", AuditEntryDialog.Pretty("not json"));
    }
}
