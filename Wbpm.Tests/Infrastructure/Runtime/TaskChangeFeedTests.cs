using System.Text.Json;
using Wbpm.Domain.Security;
using Wbpm.Infrastructure.Persistence;
using Wbpm.Infrastructure.Runtime;
using Wbpm.Infrastructure.Runtime.Changes;

namespace Wbpm.Tests.Infrastructure.Runtime;

/// <summary>Committed task changes reach in-process subscribers (open inboxes) once, rolled-back ones never.</summary>
public sealed class TaskChangeFeedTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CreationClaimAndCompletionArePublishedAfterTheyCommit()
    {
        await using var host = await RuntimeTestHost.CreateAsync(DatabaseProvider.Sqlite);
        await host.DeployAsync("approval.bpmn");
        var seen = new List<TaskChange>();
        using var subscription = host.Get<TaskChangeFeed>().Subscribe(changes => { lock (seen) seen.AddRange(changes); });

        await using (var alice = host.As("alice", Role.User))
            await alice.Get<ProcessInstanceService>().StartByKeyAsync("approval", new StartInstanceRequest("order-1", null), Ct);
        var created = Assert.Single(seen);
        Assert.Equal((TaskChangeKind.Created, RuntimeTestHost.TenantA, "Review request"), (created.Kind, created.TenantId, created.Name));
        Assert.Equal(["managers"], created.CandidateGroups);

        await using (var bob = host.As("bob", Role.User))
        {
            await bob.Get<TaskService>().ClaimAsync(created.TaskId, null, Ct);
            await bob.Get<TaskService>().CompleteAsync(created.TaskId,
                new Dictionary<string, JsonElement> { ["approved"] = JsonSerializer.SerializeToElement(true) }, Ct);
        }

        Assert.Equal([TaskChangeKind.Created, TaskChangeKind.Reassigned, TaskChangeKind.Completed], seen.Select(c => c.Kind));
        Assert.Equal(("bob", (string?)null), (seen[1].Assignee, seen[1].PreviousAssignee));
        Assert.Equal("bob", seen[2].CompletedBy);
    }

    [Fact]
    public async Task ALosingCompletionPublishesNothing()
    {
        await using var host = await RuntimeTestHost.CreateAsync(DatabaseProvider.Sqlite);
        await host.DeployAsync("approval.bpmn");
        await using (var alice = host.As("alice", Role.User))
            await alice.Get<ProcessInstanceService>().StartByKeyAsync("approval", new StartInstanceRequest(null, null), Ct);
        string taskId;
        await using (var bob = host.As("bob", Role.User))
        {
            taskId = Assert.Single(await bob.Get<TaskService>().ListAsync(new TaskQuery(null, "managers", null, "open"), Ct)).Id;
            await bob.Get<TaskService>().CompleteAsync(taskId, null, Ct);
        }
        var seen = new List<TaskChange>();
        using var subscription = host.Get<TaskChangeFeed>().Subscribe(changes => { lock (seen) seen.AddRange(changes); });

        await using (var carol = host.As("carol", Role.User))
            await Assert.ThrowsAnyAsync<Exception>(() => carol.Get<TaskService>().CompleteAsync(taskId, null, Ct));

        Assert.Empty(seen);
    }

    [Fact]
    public async Task AFailingSubscriberDoesNotFailTheCommandOrStarveOthers()
    {
        await using var host = await RuntimeTestHost.CreateAsync(DatabaseProvider.Sqlite);
        await host.DeployAsync("approval.bpmn");
        var seen = 0;
        using var broken = host.Get<TaskChangeFeed>().Subscribe(_ => throw new InvalidOperationException("closed circuit"));
        using var healthy = host.Get<TaskChangeFeed>().Subscribe(changes => Interlocked.Add(ref seen, changes.Count));

        await using (var alice = host.As("alice", Role.User))
            await alice.Get<ProcessInstanceService>().StartByKeyAsync("approval", new StartInstanceRequest(null, null), Ct);

        Assert.Equal(1, seen);
    }
}
