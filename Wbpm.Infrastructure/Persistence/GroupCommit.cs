using System.Data;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;

namespace Wbpm.Infrastructure.Persistence;

/// <summary>
/// Commits the saves of commands that run at the same time in ONE SQLite transaction (group commit, as databases do
/// for their own log). SQLite has one writer, and a commit costs one WAL frame for every page it touched: a started
/// instance touches ~40 b-tree pages (instance, history, variable and audit rows and their indexes), most of which the
/// next start touches again. Committed alone, every start writes all of them; committed together, a batch writes each
/// hot page once (docs/benchmarks.md).
/// <para>
/// Each command keeps its own context and its own outcome: its SaveChanges runs on the shared writer connection inside
/// a savepoint, so a command that fails (a concurrency conflict: another command won the instance) rolls back to its
/// savepoint and gets its exception, while the others commit. A caller's task completes only after the transaction
/// committed, and the commit announcements of its save (<see cref="AfterCommitInterceptor{T}"/>) are held until then.
/// </para>
/// <para>
/// The writer is one thread of its own, started with the first save: whoever finds it idle wakes it; it writes what is
/// queued, batch after batch, and sleeps when the queue is empty. Not the thread pool: there the writer's every
/// continuation queued behind the callers' work on a 2-core machine, and the one thread everything waits for was on a
/// core only ~80 % of the time it was busy (S1 +10–15 %, its p99 ~15 -> ~10 ms in alternating runs, docs/benchmarks.md).
/// SQLite's calls complete synchronously, so the writer's async code runs on its thread from start to end. Under load
/// a batch collects the saves that arrived while the previous one committed; alone, a save commits at once. PostgreSQL takes concurrent writers itself: there every save is an ordinary SaveChanges.
/// </para>
/// </summary>
public sealed partial class GroupCommit(WbpmDbContextFactory contexts, ILogger<GroupCommit> logger) : IAsyncDisposable
{
    /// <summary>Enough to amortise a commit; small enough that one batch never holds the writer lock for long.</summary>
    private const int MaxBatch = 64;

    /// <summary>
    /// How often the WAL is copied into the database. A checkpoint copies each page once however often the WAL holds it,
    /// and a started instance rewrites the same hot index pages as the last: every 128 batches the writer spent about half
    /// the time on checkpoints it spent every 32, for +15 % starts/s and half the p95, at the cost of a longer pause
    /// (~25 ms) for the batch that waits on the catch-up (docs/benchmarks.md). The WAL stays a few MB.
    /// </summary>
    private const int BatchesPerCheckpoint = 128;

    private readonly Lock _gate = new();
    private readonly Queue<PendingSave> _queue = new();
    private bool _writing;
    private Thread? _thread;
    private readonly SemaphoreSlim _wake = new(0);
    private volatile bool _stopping;
    private WbpmDbContext? _writer;
    private Savepoints? _savepoints;
    private int _batchesSinceCheckpoint;
    private int _checkpointing;
    private int _catchUpDue;

    /// <summary>
    /// Saves <paramref name="db"/>'s changes and returns once they are committed. A context that has a transaction or an
    /// open connection of its own saves alone. Afterwards the context is on a connection of its own again.
    /// </summary>
    public async Task SaveAsync(WbpmDbContext db, CancellationToken cancellationToken)
    {
        if (contexts.Provider != DatabaseProvider.Sqlite || db.Database.CurrentTransaction is not null
            || db.Database.GetDbConnection().State != ConnectionState.Closed)
        {
            await db.SaveChangesAsync(cancellationToken);
            return;
        }
        // The one scan of the context for changes, on the caller's thread (callers run in parallel, the writer does not):
        // the save and every interceptor that lists the tracked entries would otherwise scan again, on the writer.
        db.ChangeTracker.DetectChanges();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        await EnqueueAsync(new PendingSave(db, null, cancellationToken));
    }

    /// <summary>
    /// Runs a write that is not a SaveChanges (a conditional UPDATE) on the writer's context, in the group's transaction
    /// under a savepoint of its own, and returns once it is committed. SQLite only: a write on a connection of its own
    /// would wait for the writer's lock, and while it held the lock the writer would wait in turn, both polling with
    /// SQLite's busy handler (sleeps of 1, 2, 5 ... ms). <paramref name="write"/> runs on the writer: one statement, no
    /// reads of its own data afterwards, nothing slow.
    /// </summary>
    public Task WriteAsync(Func<WbpmDbContext, Task> write, CancellationToken cancellationToken)
    {
        if (contexts.Provider != DatabaseProvider.Sqlite)
            throw new InvalidOperationException("The group commit's own writes are for SQLite, which has one writer.");
        return EnqueueAsync(new PendingSave(null, write, cancellationToken));
    }

    private async Task EnqueueAsync(PendingSave pending)
    {
        bool startWriter;
        lock (_gate)
        {
            // Checked under the lock DisposeAsync stops under: a save queued after the writer ended would wait forever.
            ObjectDisposedException.ThrowIf(_stopping, this);
            _queue.Enqueue(pending);
            startWriter = !_writing;
            _writing = true;
            if (startWriter && _thread is null)
            {
                _thread = new Thread(WriterLoop) { IsBackground = true, Name = "Wbpm group commit" };
                _thread.Start();
            }
        }
        if (startWriter)
            _wake.Release();
        await pending.Committed.Task;
    }

    private void WriterLoop()
    {
        while (true)
        {
            _wake.Wait();
            if (_stopping)
                return;
            try
            {
                WriteQueuedAsync().GetAwaiter().GetResult();
            }
            catch (Exception e)
            {
                // WriteBatchAsync tells every member its outcome and never throws; this keeps the thread alive regardless.
                LogWriterFailed(logger, e);
                lock (_gate)
                    _writing = false;
            }
        }
    }

    private async Task WriteQueuedAsync()
    {
        while (true)
        {
            var batch = new List<PendingSave>(MaxBatch);
            lock (_gate)
            {
                while (batch.Count < MaxBatch && _queue.TryDequeue(out var next))
                    batch.Add(next);
                if (batch.Count == 0)
                {
                    _writing = false;
                    return;
                }
            }
            await WriteBatchAsync(batch);
        }
    }

    /// <summary>Never throws: every member of the batch ends committed or with its own (or the batch's) exception.</summary>
    private async Task WriteBatchAsync(List<PendingSave> batch)
    {
        var saved = new List<PendingSave>(batch.Count);
        try
        {
            var writer = await WriterAsync();
            await using var transaction = await writer.Database.BeginTransactionAsync();
            var connection = writer.Database.GetDbConnection();
            var shared = transaction.GetDbTransaction();
            foreach (var member in batch)
            {
                if (member.CancellationToken.IsCancellationRequested)
                {
                    member.Fail(new OperationCanceledException(member.CancellationToken));
                    continue;
                }
                var failure = member.Db is { } db
                    ? await SaveMemberAsync(db, connection, shared, _savepoints!)
                    : await _savepoints!.AroundAsync(shared, () => member.Write!(writer));
                if (failure is null)
                    saved.Add(member);
                else
                    member.Fail(failure); // alone: the others' savepoints stand
            }
            await transaction.CommitAsync();
        }
        catch (Exception e)
        {
            // The transaction itself failed (begin, a broken savepoint, commit): nothing of the batch is stored.
            LogBatchFailed(logger, e, batch.Count);
            await ResetWriterAsync();
            // Members that already failed alone keep their own exception.
            foreach (var member in batch)
                member.Fail(e);
            return;
        }
        foreach (var member in saved)
            member.Succeed(logger);
        await CheckpointNowAndThenAsync();
    }

    /// <returns>Null when the context's rows are in the transaction; the save's exception when it was rolled back alone.</returns>
    /// <exception cref="DbException">Rolling back to the member's savepoint failed: the whole transaction is lost.</exception>
    private static async Task<Exception?> SaveMemberAsync(WbpmDbContext db, DbConnection connection, DbTransaction shared, Savepoints savepoints)
    {
        var ownConnection = db.Database.GetConnectionString();
        db.HeldAnnouncements = [];
        db.Database.SetDbConnection(connection, contextOwnsConnection: false);
        try
        {
            await db.Database.UseTransactionAsync(shared);
            // Our savepoint, not EF's: EF releases its own before SavedChanges, where MultiRowInserts writes history rows.
            db.Database.AutoSavepointsEnabled = false;
            // Not the caller's token: cancelling interrupts every statement of the shared connection.
            return await savepoints.AroundAsync(shared, () => db.SaveChangesAsync(CancellationToken.None));
        }
        finally
        {
            // The caller gets its context back on a connection of its own before it hears of the outcome: the writer's
            // connection must never run a caller's query.
            await db.Database.UseTransactionAsync(null);
            db.Database.SetDbConnection(null, contextOwnsConnection: false);
            db.Database.SetConnectionString(ownConnection);
            db.ChangeTracker.AutoDetectChangesEnabled = true;
        }
    }

    // A constraint or a failed statement leaves SQLite's transaction usable; I/O errors and the like do not.
    private static bool IsStatementError(Exception e) =>
        e is Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 19 /* SQLITE_CONSTRAINT */ or 1 /* SQLITE_ERROR */ };

    private async Task<WbpmDbContext> WriterAsync()
    {
        if (_writer is not null)
            return _writer;
        var writer = contexts.Create(TenantScope.AllTenants);
        // Opened through EF, so the connection gets the same PRAGMAs as every other (SqliteConnectionSettings).
        await writer.Database.OpenConnectionAsync();
        // The writer never checkpoints on commit (SQLite's default makes every ~1,000th page's commit copy the whole
        // WAL into the database first, a 10 ms stall for whoever waits on that batch): a side connection does it.
        await writer.Database.ExecuteSqlRawAsync("PRAGMA wal_autocheckpoint=0;");
        _savepoints = new Savepoints(writer.Database.GetDbConnection());
        return _writer = writer;
    }

    /// <summary>
    /// Keeps the WAL from growing without bound. Every <see cref="BatchesPerCheckpoint"/> batches a PASSIVE checkpoint on
    /// a side connection copies the committed frames into the database without blocking the writer. But the writer
    /// appends meanwhile, so that checkpoint never catches up, and SQLite starts the WAL over only once every frame is
    /// copied (sqlite.org/wal.html, "Avoiding Excessively Large WAL Files"): left alone the WAL reached ~1 GB in a 30 s
    /// benchmark. So after each side checkpoint the writer copies the few frames appended since, between two batches
    /// (after the members heard their outcome); its next transaction then restarts the WAL from the beginning, unless a
    /// reader still uses an older snapshot, in which case the next round tries again.
    /// </summary>
    private async Task CheckpointNowAndThenAsync()
    {
        if (Interlocked.Exchange(ref _catchUpDue, 0) == 1 && _writer is { } writer)
        {
            await CheckpointAsync(writer);
            return;
        }
        if (++_batchesSinceCheckpoint < BatchesPerCheckpoint || Interlocked.Exchange(ref _checkpointing, 1) == 1)
            return;
        _batchesSinceCheckpoint = 0;
        _ = Task.Run(async () =>
        {
            try
            {
                await using var db = contexts.Create(TenantScope.AllTenants);
                if (await CheckpointAsync(db))
                    Volatile.Write(ref _catchUpDue, 1);
            }
            finally
            {
                Volatile.Write(ref _checkpointing, 0);
            }
        });
    }

    private async Task<bool> CheckpointAsync(WbpmDbContext db)
    {
        try
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(PASSIVE);");
            return true;
        }
        catch (Exception e) when (e is DbException or InvalidOperationException)
        {
            LogCheckpointFailed(logger, e);
            return false;
        }
    }

    private async Task ResetWriterAsync()
    {
        if (_writer is null)
            return;
        var writer = _writer;
        _writer = null;
        _savepoints?.Dispose();
        _savepoints = null;
        try
        {
            // The connection goes back to the pool: whoever gets it next checkpoints on commit again (SQLite's default).
            await writer.Database.ExecuteSqlRawAsync("PRAGMA wal_autocheckpoint=1000;");
        }
        catch (Exception e) when (e is DbException or InvalidOperationException)
        {
            // A broken connection: the pool drops it.
        }
        finally
        {
            await writer.DisposeAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        lock (_gate)
            _stopping = true;
        _wake.Release();
        // The writer finishes the batches queued before it sees the stop.
        if (_thread is { } thread && thread != Thread.CurrentThread)
            await Task.Run(thread.Join);
        await ResetWriterAsync();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A group commit of {Count} saves failed; each of them gets the error.")]
    private static partial void LogBatchFailed(ILogger logger, Exception exception, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "The group-commit writer failed outside a batch; it keeps running.")]
    private static partial void LogWriterFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "A subscriber failed on the announcement of a committed save.")]
    private static partial void LogAnnouncementFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A WAL checkpoint failed; the next one retries.")]
    private static partial void LogCheckpointFailed(ILogger logger, Exception exception);

    /// <summary>
    /// A member's savepoint statements, prepared once on the writer's connection (ADO.NET's SqliteTransaction.Save
    /// prepares a new command every time, three per member).
    /// </summary>
    private sealed class Savepoints(DbConnection connection) : IDisposable
    {
        private const string Name = "wbpm_group_member";

        private DbCommand Begin { get; } = Command(connection, $"SAVEPOINT {Name};");
        private DbCommand Release { get; } = Command(connection, $"RELEASE {Name};");
        private DbCommand RollBack { get; } = Command(connection, $"ROLLBACK TO {Name};");

        /// <summary>Runs one member's work under the savepoint.</summary>
        /// <returns>Null when the work is in the transaction; its exception when it was rolled back to the savepoint.</returns>
        /// <exception cref="DbException">
        /// Anything but a statement's error (an I/O error) may have ended SQLite's transaction: rolling back then throws,
        /// and the whole batch fails with it.
        /// </exception>
        public async Task<Exception?> AroundAsync(DbTransaction transaction, Func<Task> work)
        {
            await RunAsync(Begin, transaction);
            try
            {
                await work();
                await RunAsync(Release, transaction);
                return null;
            }
            catch (Exception e) when (e is not DbException || IsStatementError(e))
            {
                await RunAsync(RollBack, transaction);
                await RunAsync(Release, transaction);
                return e;
            }
        }

        private static async Task RunAsync(DbCommand command, DbTransaction transaction)
        {
            command.Transaction = transaction;
            await command.ExecuteNonQueryAsync();
        }

        public void Dispose()
        {
            Begin.Dispose();
            Release.Dispose();
            RollBack.Dispose();
        }

        private static DbCommand Command(DbConnection connection, string sql)
        {
            var command = connection.CreateCommand();
            command.CommandText = sql;
            return command;
        }
    }

    /// <summary>A context to save, or (<see cref="Db"/> null) a write to run on the writer's context.</summary>
    private sealed class PendingSave(WbpmDbContext? db, Func<WbpmDbContext, Task>? write, CancellationToken cancellationToken)
    {
        public WbpmDbContext? Db { get; } = db;
        public Func<WbpmDbContext, Task>? Write { get; } = write;
        public CancellationToken CancellationToken { get; } = cancellationToken;

        // Asynchronous continuations: a caller's code must never run on (and stall) the writer.
        public TaskCompletionSource Committed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>Announces first, then releases the caller: whoever awaited the save sees its announcements made.</summary>
        public void Succeed(ILogger logger)
        {
            var announcements = Db?.HeldAnnouncements ?? [];
            Db?.HeldAnnouncements = null;
            foreach (var announce in announcements)
            {
                try
                {
                    announce();
                }
                catch (Exception e)
                {
                    // A subscriber's failure must not stop the writer or undo a commit that happened.
                    LogAnnouncementFailed(logger, e);
                }
            }
            Committed.TrySetResult();
        }

        public void Fail(Exception exception)
        {
            Db?.HeldAnnouncements = null;
            Committed.TrySetException(exception);
        }
    }
}
