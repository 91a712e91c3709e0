using Microsoft.EntityFrameworkCore;
using Wbpm.Domain.Engine;
using Wbpm.Domain.Security;
using Wbpm.Infrastructure.Jobs;
using Wbpm.Infrastructure.Persistence;
using Wbpm.Infrastructure.Runtime;
using Wbpm.Tests.Support;

namespace Wbpm.Tests.Infrastructure.Runtime;

/// <summary>Timer start events scheduled on deployment, and messages sent by a process delivered through the outbox.</summary>
public sealed class StartEventAndOutboxTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task ATimerCycleStartEventStartsAnInstancePerFiringUntilTheCycleEnds(DatabaseProvider provider)
    {
        var clock = new ManualTimeProvider(T0);
        await using var host = await RuntimeTestHost.CreateAsync(provider, clock);
        await host.DeployAsync("hourly-report.bpmn");
        await host.StartExecutorAsync();
        await using (var db = host.OpenAllTenants())
            Assert.Equal(T0.AddHours(1), (await db.Jobs.SingleAsync(j => j.Kind == RuntimeJobKinds.TimerStart, Ct)).DueAt);

        for (var firing = 1; firing <= 2; firing++)
        {
            clock.Advance(TimeSpan.FromHours(1));
            host.Get<IJobWakeUp>().Notify();
            var expected = firing;
            await Eventually.TrueAsync(async () =>
            {
                await using var db = host.OpenAllTenants();
                return await db.ProcessInstances.CountAsync(Ct) == expected;
            }, $"firing {firing} starts an instance");
        }

        await using var check = host.OpenAllTenants();
        await Eventually.TrueAsync(async () => !await check.Jobs.AnyAsync(Ct), "R2 is over: no timer-start job is left");
        Assert.Equal(2, await check.UserTasks.CountAsync(t => t.ElementId == "write", Ct));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task ANewVersionReplacesTheTimerStartOfTheOldVersion(DatabaseProvider provider)
    {
        var clock = new ManualTimeProvider(T0);
        await using var host = await RuntimeTestHost.CreateAsync(provider, clock);
        await host.DeployAsync("hourly-report.bpmn");
        await host.DeployAsync("hourly-report.bpmn");
        await host.StartExecutorAsync();

        clock.Advance(TimeSpan.FromHours(1));
        host.Get<IJobWakeUp>().Notify();
        await using var db = host.OpenAllTenants();
        // The old version's job retires without starting; the new version's starts one instance and reschedules.
        await Eventually.TrueAsync(async () => await db.Jobs.CountAsync(j => j.DueAt <= T0.AddHours(1), Ct) == 0, "both due jobs ran");
        var instance = await db.ProcessInstances.SingleAsync(Ct);
        Assert.Equal(2, instance.DefinitionVersion);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task AMessageASendTaskPublishesStartsTheReceivingProcessThroughTheOutbox(DatabaseProvider provider)
    {
        await using var host = await RuntimeTestHost.CreateAsync(provider);
        await host.DeployAsync("order-intake.bpmn", "order-sender.bpmn");
        await using (var starter = host.As("alice", Role.User))
            await starter.Get<ProcessInstanceService>().StartByKeyAsync("order-sender", new StartInstanceRequest(null, null), Ct);
        await using (var db = host.OpenAllTenants())
        {
            // Committed with the sender's transaction, not delivered inline.
            Assert.Single(await db.Jobs.Where(j => j.Kind == RuntimeJobKinds.PublishMessage).ToListAsync(Ct));
            Assert.Single(await db.ProcessInstances.ToListAsync(Ct));
        }

        await host.StartExecutorAsync();

        await Eventually.TrueAsync(async () =>
        {
            await using var db = host.OpenAllTenants();
            return await db.ProcessInstances.AnyAsync(i => i.DefinitionKey == "order-intake", Ct);
        }, "the message starts order-intake");
        await using var check = host.OpenAllTenants();
        Assert.Equal(InstanceStatus.Completed, (await check.ProcessInstances.SingleAsync(i => i.DefinitionKey == "order-sender", Ct)).Status);
        await Eventually.TrueAsync(async () => !await check.Jobs.AnyAsync(Ct), "the outbox job is gone");
    }
}
