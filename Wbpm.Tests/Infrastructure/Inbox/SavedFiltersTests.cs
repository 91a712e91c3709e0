using Microsoft.EntityFrameworkCore;
using Wbpm.Domain.Security;
using Wbpm.Infrastructure.Inbox;
using Wbpm.Infrastructure.Persistence;
using Wbpm.Tests.Support;

namespace Wbpm.Tests.Infrastructure.Inbox;

/// <summary>Saved inbox filters: round trip, one default per user, sharing with a group, who may change them, audit.</summary>
public sealed class SavedFiltersTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly InboxFilter NorthOrders = new()
    {
        View = InboxView.Unassigned, DefinitionKey = "inbox-order", Sort = InboxSort.Priority, Descending = true,
        Variables = [new VariableFilter("region", VariableType.Text, VariableOperator.Eq, "north")],
    };

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Setting_a_default_replaces_the_previous_one_and_the_filter_comes_back_as_saved(DatabaseProvider provider)
    {
        await using var host = await InboxWorld.CreateAsync(provider);
        await using var bob = host.As("bob", Role.User);
        var saved = bob.Get<SavedFilters>();

        var first = await saved.CreateAsync(new NewSavedFilter("North orders", NorthOrders, IsDefault: true), Ct);
        var second = await saved.CreateAsync(new NewSavedFilter("Everything", new InboxFilter()), Ct);
        Assert.Equal(first.Id, (await saved.DefaultAsync(Ct))!.Id);
        Assert.Equal(NorthOrders.Variables, (await saved.DefaultAsync(Ct))!.Filter.Variables);
        Assert.Equal(NorthOrders with { Variables = [] }, (await saved.DefaultAsync(Ct))!.Filter with { Variables = [] });

        await saved.SetDefaultAsync(second.Id, true, Ct);
        var all = await saved.ListAsync(Ct);
        Assert.Equal([("Everything", true), ("North orders", false)], all.Select(f => (f.Name, f.IsDefault)));
        await saved.SetDefaultAsync(second.Id, false, Ct);
        Assert.Null(await saved.DefaultAsync(Ct));

        var duplicate = await Assert.ThrowsAsync<ValidationException>(() => saved.CreateAsync(new NewSavedFilter("North orders", new InboxFilter()), Ct));
        Assert.Contains("name", duplicate.Errors.Keys);
        await using var db = host.OpenAllTenants();
        Assert.Equal(2, await db.AuditEntries.CountAsync(a => a.Action == "inbox.filter.created", Ct));
        Assert.Equal(2, await db.AuditEntries.CountAsync(a => a.Action == "inbox.filter.default", Ct));
    }

    [Fact]
    public async Task A_filter_shared_with_a_group_is_usable_by_its_members_but_only_its_owner_changes_it()
    {
        await using var host = await InboxWorld.CreateAsync(DatabaseProvider.Sqlite);
        string id;
        await using (var bob = host.As("bob", Role.User))
            id = (await bob.Get<SavedFilters>().CreateAsync(new NewSavedFilter("Team queue", NorthOrders, SharedWithGroup: "managers"), Ct)).Id;

        await using (var carol = host.As("carol", Role.User))
        {
            var visible = Assert.Single(await carol.Get<SavedFilters>().ListAsync(Ct));
            Assert.Equal(("Team queue", "bob", false, "managers"), (visible.Name, visible.OwnerName, visible.IsMine, visible.SharedWithGroup));
            await Assert.ThrowsAsync<ForbiddenException>(() => carol.Get<SavedFilters>().DeleteAsync(id, Ct));
            await Assert.ThrowsAsync<ForbiddenException>(() => carol.Get<SavedFilters>().SetDefaultAsync(id, true, Ct));
        }

        await using (var alice = host.As("alice", Role.User))
        {
            Assert.Empty(await alice.Get<SavedFilters>().ListAsync(Ct));
            await Assert.ThrowsAsync<NotFoundException>(() => alice.Get<SavedFilters>().DeleteAsync(id, Ct));
        }

        await using (var bob = host.As("bob", Role.User))
        {
            await bob.Get<SavedFilters>().ShareAsync(id, null, Ct);
            await using var carol = host.As("carol", Role.User);
            Assert.Empty(await carol.Get<SavedFilters>().ListAsync(Ct));
            await bob.Get<SavedFilters>().DeleteAsync(id, Ct);
            Assert.Empty(await bob.Get<SavedFilters>().ListAsync(Ct));
        }
    }

    [Fact]
    public async Task Sharing_with_a_group_you_are_not_in_is_rejected_and_nothing_is_saved()
    {
        await using var host = await InboxWorld.CreateAsync(DatabaseProvider.Sqlite);
        await using var bob = host.As("bob", Role.User);

        var notMember = await Assert.ThrowsAsync<ValidationException>(() =>
            bob.Get<SavedFilters>().CreateAsync(new NewSavedFilter("HR queue", new InboxFilter(), SharedWithGroup: "hr"), Ct));
        Assert.Contains("sharedWithGroup", notMember.Errors.Keys);
        var unknown = await Assert.ThrowsAsync<ValidationException>(() =>
            bob.Get<SavedFilters>().CreateAsync(new NewSavedFilter("Ghosts", new InboxFilter(), SharedWithGroup: "ghosts"), Ct));
        Assert.Contains("sharedWithGroup", unknown.Errors.Keys);
        var unnamed = await Assert.ThrowsAsync<ValidationException>(() => bob.Get<SavedFilters>().CreateAsync(new NewSavedFilter(" ", new InboxFilter()), Ct));
        Assert.Contains("name", unnamed.Errors.Keys);
        Assert.Empty(await bob.Get<SavedFilters>().ListAsync(Ct));
    }
}
