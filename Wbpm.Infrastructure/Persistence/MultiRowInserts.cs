using System.Collections.Concurrent;
using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Wbpm.Infrastructure.Persistence;

/// <summary>
/// Writes the new rows of a few insert-heavy tables (history events, variable projections, started instances) outside EF's per-row
/// machinery, in the same transaction as the rest of the SaveChanges: ONE multi-row INSERT per table on PostgreSQL
/// (one round trip), one prepared single-row INSERT re-bound per row on SQLite (in-process: no round trips, and a
/// statement of hundreds of named parameters is slow to prepare and bind). A started instance writes ~20 history rows,
/// and EF's per-row work was most of a start's commit (docs/benchmarks.md). Values go through the model's type mappings (converters included), so the rows are the
/// ones EF would have written.
/// How: SavingChanges takes the added rows out of the change tracker (values captured first), adds the context's
/// <see cref="WbpmDbContext.UntrackedInserts"/> (rows that were never tracked) and opens a
/// transaction unless the caller has one; SavedChanges inserts them and commits. A failed or cancelled save rolls
/// back and puts the rows back as added, so a retry with the same context writes them again. This interceptor must
/// come before any interceptor that announces a commit in SavedChanges, so the commit has happened by then.
/// </summary>
/// <param name="entityTypes">Tables whose added rows (tracked or untracked) are written this way.</param>
/// <param name="untrackedOnly">Tables written this way only for rows the caller never tracked (process instances: a tracked
/// new instance stays EF's, so it is tracked as unchanged after the save and a later change to it is saved).</param>
public sealed class MultiRowInserts(Type[] entityTypes, Type[] untrackedOnly) : SaveChangesInterceptor
{
    // Well under SQLite's 32,766 and PostgreSQL's 65,535 parameters per statement.
    private const int MaxParametersPerStatement = 2_000;

    private readonly HashSet<Type> _types = [.. entityTypes];
    private readonly HashSet<Type> _untrackedTypes = [.. entityTypes, .. untrackedOnly];
    private readonly ConditionalWeakTable<DbContext, PendingRows> _pending = new();
    private readonly ConcurrentDictionary<(IModel, Type), TableShape> _shapes = new();
    private readonly ConditionalWeakTable<DbConnection, Dictionary<TableShape, (DbCommand, DbParameter[])>> _prepared = new();

    /// <summary>A synchronous save keeps EF's own inserts (Wbpm's runtime saves asynchronously).</summary>
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result) => result;

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is not { } context)
            return result;
        var added = context.ChangeTracker.Entries().Where(e => e.State == EntityState.Added && _types.Contains(e.Entity.GetType())).ToList();
        var untracked = context is WbpmDbContext wbpm ? wbpm.UntrackedInserts : [];
        if (added.Count == 0 && untracked.Count == 0)
            return result;

        var rows = added.GroupBy(e => e.Entity.GetType())
            .Select(group => (Shape: ShapeOf(context.Model, group.Key), Entries: group.ToList()))
            .Select(table => new TableRows(table.Shape, table.Entries.Select(e => e.Entity).ToList(),
                table.Entries.Select(e => table.Shape.Properties.Select(p => e.CurrentValues[p]).ToArray()).ToList()))
            .Concat(UntrackedRows(context.Model, untracked))
            .ToList();
        IDbContextTransaction? owned = null;
        var savepoints = context.Database.AutoSavepointsEnabled;
        if (context.Database.CurrentTransaction is null)
        {
            owned = await context.Database.BeginTransactionAsync(cancellationToken);
            // Our own transaction: EF would otherwise wrap its part in a savepoint (two more statements).
            context.Database.AutoSavepointsEnabled = false;
        }
        foreach (var entry in added)
            entry.State = EntityState.Detached;
        _pending.AddOrUpdate(context, new PendingRows(rows, owned, savepoints, untracked.Count));
        return result;
    }

    private IEnumerable<TableRows> UntrackedRows(IModel model, List<object> untracked) =>
        untracked.GroupBy(row => row.GetType()).Select(group =>
        {
            if (!_untrackedTypes.Contains(group.Key))
                throw new InvalidOperationException($"{group.Key.Name} rows are not inserted by {nameof(MultiRowInserts)}: track them instead.");
            var shape = ShapeOf(model, group.Key);
            return new TableRows(shape, [], group.Select(row => shape.Getters.Select(get => get.GetClrValue(row)).ToArray()).ToList());
        });

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result,
        CancellationToken cancellationToken = default)
    {
        if (eventData.Context is not { } context || !_pending.TryGetValue(context, out var pending))
            return result;
        _pending.Remove(context);
        try
        {
            var transaction = context.Database.CurrentTransaction!.GetDbTransaction();
            var inserted = 0;
            foreach (var table in pending.Tables)
                inserted += await InsertAsync(context, transaction, table, cancellationToken);
            if (pending.Owned is not null)
                await pending.Owned.CommitAsync(cancellationToken);
            // Written (and committed, unless the caller's own transaction has yet to commit): a later save must not repeat them.
            if (pending.UntrackedCount > 0)
                ((WbpmDbContext)context).UntrackedInserts.RemoveRange(0, pending.UntrackedCount);
            return result + inserted;
        }
        catch
        {
            // EF already accepted its part of the save: the context is not reusable (every caller drops it on an error).
            if (pending.Owned is not null)
                await RollBackAsync(pending.Owned);
            throw;
        }
        finally
        {
            await EndAsync(context, pending);
        }
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default) =>
        UndoAsync(eventData.Context);

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default) =>
        UndoAsync(eventData.Context);

    private async Task UndoAsync(DbContext? context)
    {
        if (context is null || !_pending.TryGetValue(context, out var pending))
            return;
        _pending.Remove(context);
        if (pending.Owned is not null)
            await RollBackAsync(pending.Owned);
        await EndAsync(context, pending);
        foreach (var table in pending.Tables)
            foreach (var entity in table.Entities)
                context.Entry(entity).State = EntityState.Added;
    }

    private static async Task RollBackAsync(IDbContextTransaction transaction)
    {
        try
        {
            await transaction.RollbackAsync(CancellationToken.None);
        }
        catch (Exception e) when (e is DbException or InvalidOperationException)
        {
            // The connection broke with the save (Npgsql then disposes the transaction): the database has dropped the
            // transaction already, and the save's own error is the one the caller must see.
        }
    }

    private static async Task EndAsync(DbContext context, PendingRows pending)
    {
        if (pending.Owned is null)
            return;
        await pending.Owned.DisposeAsync();
        context.Database.AutoSavepointsEnabled = pending.Savepoints;
    }

    private Task<int> InsertAsync(DbContext context, DbTransaction transaction, TableRows table, CancellationToken cancellationToken) =>
        transaction is Microsoft.Data.Sqlite.SqliteTransaction
            ? InsertRowByRowAsync(context, transaction, table, cancellationToken)
            : InsertInChunksAsync(context, transaction, table, cancellationToken);

    /// <summary>
    /// SQLite runs in-process: no round trips to save, but preparing a statement of hundreds of parameters and binding
    /// each by name costs ~50 µs a row (docs/benchmarks.md). One prepared single-row INSERT, re-bound per row, is ~5 µs.
    /// The prepared INSERT stays with its connection: the group-commit writer's connection lives as long as the process
    /// and would otherwise prepare the same statements again for every save.
    /// </summary>
    private async Task<int> InsertRowByRowAsync(DbContext context, DbTransaction transaction, TableRows table,
        CancellationToken cancellationToken)
    {
        var shape = table.Shape;
        var prepared = _prepared.GetOrCreateValue(transaction.Connection!);
        if (!prepared.TryGetValue(shape, out var insert))
            prepared[shape] = insert = await PrepareInsertAsync(context, transaction, shape, cancellationToken);
        var (command, parameters) = insert;
        command.Transaction = transaction;
        var inserted = 0;
        foreach (var row in table.Values)
        {
            for (var column = 0; column < parameters.Length; column++)
                parameters[column].Value = shape.Mappings[column].Converter is { } converter && row[column] is { } value
                    ? converter.ConvertToProvider(value) ?? DBNull.Value
                    : row[column] ?? DBNull.Value;
            inserted += await command.ExecuteNonQueryAsync(cancellationToken);
        }
        return inserted;
    }

    private static async Task<(DbCommand, DbParameter[])> PrepareInsertAsync(DbContext context, DbTransaction transaction, TableShape shape,
        CancellationToken cancellationToken)
    {
        var sql = context.GetService<ISqlGenerationHelper>();
        var command = Command(context, transaction);
        var text = new StringBuilder(shape.InsertPrefix).Append('(');
        var parameters = new DbParameter[shape.Properties.Count];
        for (var column = 0; column < parameters.Length; column++)
        {
            var name = $"p{column}";
            text.Append(column == 0 ? "" : ", ").Append(sql.GenerateParameterNamePlaceholder(name));
            // Named as in the SQL ("@p0"): Microsoft.Data.Sqlite otherwise looks each one up under three prefixes per row.
            parameters[column] = shape.Mappings[column].CreateParameter(command, sql.GenerateParameterName(name), null,
                shape.Properties[column].IsNullable);
            command.Parameters.Add(parameters[column]);
        }
        command.CommandText = text.Append(')').ToString();
        await command.PrepareAsync(cancellationToken);
        return (command, parameters);
    }

    /// <summary>A server database: one statement of many rows per round trip.</summary>
    private static async Task<int> InsertInChunksAsync(DbContext context, DbTransaction transaction, TableRows table,
        CancellationToken cancellationToken)
    {
        var shape = table.Shape;
        var rowsPerStatement = Math.Max(1, MaxParametersPerStatement / shape.Properties.Count);
        var sql = context.GetService<ISqlGenerationHelper>();
        var inserted = 0;
        foreach (var chunk in table.Values.Chunk(rowsPerStatement))
        {
            await using var command = Command(context, transaction);
            var text = new StringBuilder(shape.InsertPrefix);
            for (var row = 0; row < chunk.Length; row++)
            {
                text.Append(row == 0 ? "(" : ", (");
                for (var column = 0; column < shape.Properties.Count; column++)
                {
                    var name = $"p{row * shape.Properties.Count + column}";
                    if (column > 0) text.Append(", ");
                    text.Append(sql.GenerateParameterNamePlaceholder(name));
                    command.Parameters.Add(shape.Mappings[column].CreateParameter(command, name, chunk[row][column], shape.Properties[column].IsNullable));
                }
                text.Append(')');
            }
            command.CommandText = text.ToString();
            inserted += await command.ExecuteNonQueryAsync(cancellationToken);
        }
        return inserted;
    }

    private static DbCommand Command(DbContext context, DbTransaction transaction)
    {
        var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        if (context.Database.GetCommandTimeout() is { } timeout)
            command.CommandTimeout = timeout;
        return command;
    }

    private TableShape ShapeOf(IModel model, Type type) => _shapes.GetOrAdd((model, type), key =>
    {
        var entityType = key.Item1.FindEntityType(key.Item2)
            ?? throw new InvalidOperationException($"{key.Item2.Name} is not part of the model.");
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var properties = entityType.GetProperties().ToList();
        if (entityType.GetNavigations().Any() || properties.Any(p => p.ValueGenerated != ValueGenerated.Never))
            throw new InvalidOperationException($"{type.Name} needs EF to generate values or follow navigations: it cannot be inserted as plain rows.");
        return new TableShape(properties, properties.Select(p => p.GetRelationalTypeMapping()).ToList(), properties.Select(p => p.GetGetter()).ToList(),
            $"INSERT INTO {Delimit(table.Name, table.Schema)} ({string.Join(", ", properties.Select(p => Quote(p.GetColumnName(table)!)))}) VALUES ");
    });

    // Standard SQL identifier quoting: the same on SQLite and PostgreSQL (and SQL Server with QUOTED_IDENTIFIER on).
    private static string Quote(string identifier) => $"\"{identifier.Replace("\"", "\"\"")}\"";

    private static string Delimit(string name, string? schema) => schema is null ? Quote(name) : $"{Quote(schema)}.{Quote(name)}";

    private sealed record TableShape(IReadOnlyList<IProperty> Properties, IReadOnlyList<RelationalTypeMapping> Mappings,
        IReadOnlyList<IClrPropertyGetter> Getters, string InsertPrefix);

    private sealed record TableRows(TableShape Shape, IReadOnlyList<object> Entities, IReadOnlyList<object?[]> Values);

    private sealed record PendingRows(IReadOnlyList<TableRows> Tables, IDbContextTransaction? Owned, bool Savepoints, int UntrackedCount);
}
