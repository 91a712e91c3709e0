using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Wbpm.Domain.Auditing;
using Wbpm.Domain.Security;
using Wbpm.Infrastructure.Persistence;
using Wbpm.Infrastructure.Runtime;
using Wbpm.Infrastructure.Runtime.Changes;
using Wbpm.Tests.Infrastructure.Runtime;

namespace Wbpm.Tests.Infrastructure.Persistence;

/// <summary>
/// SQLite group commit: saves that queue while the one writer is busy commit in one transaction, each with its own
/// outcome: a save that loses a concurrency conflict fails alone, the others commit; nothing is announced before the
/// commit. The queue is made deterministic by holding SQLite's write lock from another connection.
/// </summary>
public sealed class SqliteGroupCommitTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ASaveThatLosesAConflictInABatchFailsAloneAndTheOthersCommit()
    {
        await using var host = await RuntimeTestHost.CreateAsync(DatabaseProvider.Sqlite);
        await host.DeployAsync("approval.bpmn");
        var instanceId = await StartApprovalAsync(host);
        int revision;
        await using (var db = host.OpenAllTenants())
            revision = (await db.ProcessInstances.SingleAsync(i => i.Id == instanceId, Ct)).Revision;
        var groupCommit = host.Get<GroupCommit>();

        // Two commands read the same revision of the instance; three others only add rows.
        var first = await FlagIncidentAsync(host, instanceId, "first");
        var second = await FlagIncidentAsync(host, instanceId, "second");
        var others = Enumerable.Range(1, 3).Select(i => AuditOnly(host, $"other-{i}")).ToList();
        Task[] saves;
        await using (await HoldWriteLockAsync(host))
        {
            saves = [groupCommit.SaveAsync(first, Ct), groupCommit.SaveAsync(second, Ct), .. others.Select(db => groupCommit.SaveAsync(db, Ct))];
            await Task.Delay(100, Ct);
            Assert.All(saves, save => Assert.False(save.IsCompleted));
        }
        await Task.WhenAll(saves.Select(s => s.ContinueWith(_ => { }, TaskScheduler.Default)));

        Assert.True(saves[0].IsCompletedSuccessfully, saves[0].Exception?.ToString());
        Assert.IsType<DbUpdateConcurrencyException>(saves[1].Exception?.InnerException);
        Assert.All(saves.Skip(2), save => Assert.True(save.IsCompletedSuccessfully, save.Exception?.ToString()));
        await using var check = host.OpenAllTenants();
        Assert.Equal(revision + 1, (await check.ProcessInstances.SingleAsync(i => i.Id == instanceId, Ct)).Revision);
        Assert.Equal(["first", "other-1", "other-2", "other-3"], await check.AuditEntries.Where(a => a.Action == "group-commit-test")
            .Select(a => a.EntityId).OrderBy(id => id).ToListAsync(Ct));
        // The loser's context is its own again: it can read what won (a command that lost reports who won that way).
        var loser = second;
        await using (await HoldWriteLockAsync(host))
            Assert.True(await loser.ProcessInstances.AsNoTracking().Where(i => i.Id == instanceId).Select(i => i.HasIncident).SingleAsync(Ct));
        foreach (var db in others.Append(first).Append(second))
            await db.DisposeAsync();
    }

    [Fact]
    public async Task ATaskCreatedByAGroupedSaveIsAnnouncedOnlyOnceItCommitted()
    {
        await using var host = await RuntimeTestHost.CreateAsync(DatabaseProvider.Sqlite);
        await host.DeployAsync("approval.bpmn");
        var seen = new List<TaskChange>();
        using var subscription = host.Get<TaskChangeFeed>().Subscribe(changes => { lock (seen) seen.AddRange(changes); });

        Task start;
        await using (await HoldWriteLockAsync(host))
        {
            start = StartApprovalAsync(host);
            await Task.Delay(200, Ct);
            Assert.False(start.IsCompleted);
            lock (seen) Assert.Empty(seen);
        }
        await start;

        lock (seen) Assert.Equal(TaskChangeKind.Created, Assert.Single(seen).Kind);
    }

    [Fact]
    public async Task ConcurrentStartsAllCommitWithTheirHistoryAndTheWriterKeepsWorkingAfterwards()
    {
        await using var host = await RuntimeTestHost.CreateAsync(DatabaseProvider.Sqlite);
        await host.DeployAsync("approval.bpmn");

        var ids = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => Task.Run(() => StartApprovalAsync(host), Ct)));
        var later = await StartApprovalAsync(host);

        await using var check = host.OpenAllTenants();
        Assert.Equal(41, await check.ProcessInstances.CountAsync(Ct));
        Assert.Equal(41, await check.UserTasks.CountAsync(Ct));
        var withHistory = await check.HistoryEvents.Select(h => h.ProcessInstanceId).Distinct().ToListAsync(Ct);
        Assert.Equal(ids.Append(later).Order(), withHistory.Order());
    }

    [Fact]
    public async Task ASaveWhoseCallerGaveUpBeforeItsTurnWritesNothing()
    {
        await using var host = await RuntimeTestHost.CreateAsync(DatabaseProvider.Sqlite);
        var groupCommit = host.Get<GroupCommit>();
        using var cancel = new CancellationTokenSource();
        await using var first = AuditOnly(host, "kept");
        await using var abandoned = AuditOnly(host, "abandoned");

        Task kept, gaveUp;
        await using (await HoldWriteLockAsync(host))
        {
            kept = groupCommit.SaveAsync(first, Ct);
            gaveUp = groupCommit.SaveAsync(abandoned, cancel.Token);
            await cancel.CancelAsync();
        }

        await kept;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => gaveUp);
        await using var check = host.OpenAllTenants();
        Assert.Equal(["kept"], await check.AuditEntries.Where(a => a.Action == "group-commit-test").Select(a => a.EntityId).ToListAsync(Ct));
    }

    [Fact]
    public async Task WritesJoinTheBatchAndAFailingWriteIsUndoneAloneWhileTheOthersCommit()
    {
        await using var host = await RuntimeTestHost.CreateAsync(DatabaseProvider.Sqlite);
        var groupCommit = host.Get<GroupCommit>();
        await using (var seed = AuditOnly(host, "renamed-by-write"))
        {
            seed.AuditEntries.Add(Audit("left-alone-by-failed-write"));
            await seed.SaveChangesAsync(Ct);
        }
        await using var saved = AuditOnly(host, "saved");

        Task save, write, failingWrite;
        await using (await HoldWriteLockAsync(host))
        {
            save = groupCommit.SaveAsync(saved, Ct);
            write = groupCommit.WriteAsync(writer => Rename(writer, "renamed-by-write", "renamed"), Ct);
            failingWrite = groupCommit.WriteAsync(async writer =>
            {
                await Rename(writer, "left-alone-by-failed-write", "must-not-stay");
                throw new InvalidOperationException("the write failed after its statement");
            }, Ct);
            await Task.Delay(100, Ct);
            Assert.False(write.IsCompleted);
        }

        await save;
        await write;
        Assert.Equal("the write failed after its statement", (await Assert.ThrowsAsync<InvalidOperationException>(() => failingWrite)).Message);
        await using var check = host.OpenAllTenants();
        Assert.Equal(["left-alone-by-failed-write", "renamed", "saved"], await check.AuditEntries.Where(a => a.Action == "group-commit-test")
            .Select(a => a.EntityId).OrderBy(id => id).ToListAsync(Ct));

        static Task Rename(WbpmDbContext writer, string from, string to) =>
            writer.AuditEntries.Where(a => a.EntityId == from).ExecuteUpdateAsync(s => s.SetProperty(a => a.EntityId, to), CancellationToken.None);
    }

    [Fact]
    public async Task ASaveAfterShutdownFailsInsteadOfWaitingForAWriterThatIsGone()
    {
        await using var host = await RuntimeTestHost.CreateAsync(DatabaseProvider.Sqlite);
        var groupCommit = host.Get<GroupCommit>();
        await using (var before = AuditOnly(host, "before-shutdown"))
            await groupCommit.SaveAsync(before, Ct);

        await groupCommit.DisposeAsync();

        await using var after = AuditOnly(host, "after-shutdown");
        await Assert.ThrowsAsync<ObjectDisposedException>(() => groupCommit.SaveAsync(after, Ct));
        await using var check = host.OpenAllTenants();
        Assert.Equal(["before-shutdown"], await check.AuditEntries.Where(a => a.Action == "group-commit-test").Select(a => a.EntityId).ToListAsync(Ct));
    }

    [Fact]
    public async Task TheWalStartsOverWhileSavesKeepComing()
    {
        await using var host = await RuntimeTestHost.CreateAsync(DatabaseProvider.Sqlite);
        var groupCommit = host.Get<GroupCommit>();

        // Four writers that never pause: SQLite starts the WAL over only once every frame is in the database.
        await Task.WhenAll(Enumerable.Range(0, 4).Select(worker => Task.Run(async () =>
        {
            for (var i = 0; i < 600; i++)
            {
                await using var db = AuditOnly(host, $"{worker}-{i}");
                await groupCommit.SaveAsync(db, Ct);
            }
        }, Ct)));

        var wal = new SqliteConnectionStringBuilder(host.Database.ConnectionString).DataSource + "-wal";
        var header = new byte[16];
        await using (var file = new FileStream(wal, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
            await file.ReadExactlyAsync(header, Ct);
        // Bytes 12-15 of the WAL header: the checkpoint sequence, incremented each time the WAL starts over (sqlite.org/fileformat.html).
        Assert.True(System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(12)) > 0, "the WAL never started over");
        // 2,400 saves of ~4 pages each would be ~40 MB of WAL; started over every few dozen batches it stays small.
        Assert.True(new FileInfo(wal).Length < 8 * 1024 * 1024, $"the WAL grew to {new FileInfo(wal).Length:N0} bytes");
        await using var check = host.OpenAllTenants();
        Assert.Equal(2_400, await check.AuditEntries.CountAsync(a => a.Action == "group-commit-test", Ct));
    }

    private static async Task<string> StartApprovalAsync(RuntimeTestHost host)
    {
        await using var alice = host.As("alice", Role.User);
        return (await alice.Get<ProcessInstanceService>().StartByKeyAsync("approval", new StartInstanceRequest(null, null), Ct)).Id;
    }

    private static async Task<WbpmDbContext> FlagIncidentAsync(RuntimeTestHost host, string instanceId, string name)
    {
        var db = host.OpenAllTenants();
        (await db.ProcessInstances.SingleAsync(i => i.Id == instanceId, Ct)).SetHasIncident(true);
        db.AuditEntries.Add(Audit(name));
        return db;
    }

    private static WbpmDbContext AuditOnly(RuntimeTestHost host, string name)
    {
        var db = host.OpenAllTenants();
        db.AuditEntries.Add(Audit(name));
        return db;
    }

    private static AuditEntry Audit(string entityId) =>
        new(RuntimeTestHost.TenantA, DateTimeOffset.UtcNow, "test", "test", "group-commit-test", "Test", entityId, null, null);

    /// <summary>Another connection holds SQLite's write lock until disposed: the group's writer waits behind it.</summary>
    private static async Task<IAsyncDisposable> HoldWriteLockAsync(RuntimeTestHost host)
    {
        var connection = new SqliteConnection(host.Database.ConnectionString);
        await connection.OpenAsync(Ct);
        var transaction = await connection.BeginTransactionAsync(Ct); // BEGIN IMMEDIATE: takes the write lock now
        return new LockHolder(connection, transaction);
    }

    private sealed class LockHolder(SqliteConnection connection, System.Data.Common.DbTransaction transaction) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await transaction.RollbackAsync();
            await connection.DisposeAsync();
        }
    }
}
