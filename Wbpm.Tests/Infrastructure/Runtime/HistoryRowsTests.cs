using Microsoft.EntityFrameworkCore;
using Wbpm.Domain.Engine;
using Wbpm.Domain.Security;
using Wbpm.Infrastructure.Persistence;
using Wbpm.Infrastructure.Runtime;
using Wbpm.Tests.Support;

namespace Wbpm.Tests.Infrastructure.Runtime;

/// <summary>
/// An element instance that starts and ends in one command is one history row; one that waits (a user task) keeps a
/// row per event. The history API reads both the same way.
/// </summary>
public sealed class HistoryRowsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task AnElementThatStartsAndEndsInOneCommandIsOneRowAndAWaitingOneARowPerEvent(DatabaseProvider provider)
    {
        var started = new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);
        var clock = new TestClock(started);
        await using var host = await RuntimeTestHost.CreateAsync(provider, clock);
        await host.DeployAsync("approval.bpmn");
        string instanceId;
        await using (var alice = host.As("alice", Role.User))
            instanceId = (await alice.Get<ProcessInstanceService>().StartByKeyAsync("approval", new StartInstanceRequest(null, null), Ct)).Id;
        clock.Advance(TimeSpan.FromMinutes(5));
        await using (var bob = host.As("bob", Role.User))
        {
            var task = Assert.Single(await bob.Get<TaskService>().ListAsync(new TaskQuery(null, "managers", null, "open"), Ct));
            await bob.Get<TaskService>().CompleteAsync(task.Id, null, Ct);
        }

        await using (var db = host.OpenAllTenants())
        {
            var rows = await db.HistoryEvents.Where(h => h.ProcessInstanceId == instanceId).OrderBy(h => h.Sequence).ToListAsync(Ct);
            var start = Assert.Single(rows, r => r.ElementId == "start");
            Assert.Equal((HistoryEventKind.Completed, started, started), (start.Kind, start.StartedAt, start.At));
            Assert.Equal([HistoryEventKind.Started, HistoryEventKind.Completed], rows.Where(r => r.ElementId == "review").Select(r => r.Kind));
            Assert.All(rows.Where(r => r.ElementId == "review"), r => Assert.Null(r.StartedAt));
        }

        await using var ops = host.As("olga", Role.Operator);
        var history = await ops.Get<ProcessInstanceService>().HistoryAsync(instanceId, Ct);
        Assert.Equal(
            [("start", started, (DateTimeOffset?)started, "completed"), ("review", started, started.AddMinutes(5), "completed"),
             ("end", started.AddMinutes(5), started.AddMinutes(5), "completed")],
            history.Select(h => (h.ElementId, h.StartedAt, h.EndedAt, h.State)));
    }
}
