using Wbpm.Web.Features.Designer;

namespace Wbpm.Tests.Web.Designer;

/// <summary>Who has a draft open: joins and leaves notify the others; tenants and drafts are kept apart.</summary>
public sealed class DesignerPresenceTests
{
    private static readonly PresentUser Dana = new("u1", "Dana Designer");
    private static readonly PresentUser Ada = new("u2", "Ada Admin");

    [Fact]
    public void OthersAreToldWhenSomeoneJoinsAndLeaves()
    {
        var presence = new DesignerPresence();
        var danaNotified = 0;
        using var dana = presence.Join("acme", "d1", Dana, () => danaNotified++);

        var ada = presence.Join("acme", "d1", Ada, () => { });
        Assert.Equal(1, danaNotified);
        Assert.Equal([Dana, Ada], presence.Present("acme", "d1"));

        ada.Dispose();
        Assert.Equal(2, danaNotified);
        Assert.Equal([Dana], presence.Present("acme", "d1"));
    }

    [Fact]
    public void APersonWithTwoTabsIsListedOnceUntilBothClose()
    {
        var presence = new DesignerPresence();
        var first = presence.Join("acme", "d1", Dana, () => { });
        var second = presence.Join("acme", "d1", Dana, () => { });

        Assert.Single(presence.Present("acme", "d1"));
        first.Dispose();
        Assert.Single(presence.Present("acme", "d1"));
        second.Dispose();
        second.Dispose();
        Assert.Empty(presence.Present("acme", "d1"));
    }

    [Fact]
    public void OtherDraftsAndTenantsAreSeparate()
    {
        var presence = new DesignerPresence();
        using var _ = presence.Join("acme", "d1", Dana, () => { });

        Assert.Empty(presence.Present("acme", "d2"));
        Assert.Empty(presence.Present("globex", "d1"));
    }

    [Fact]
    public void InitialsComeFromTheFirstTwoWords() => Assert.Equal("DD", Dana.Initials);
}
