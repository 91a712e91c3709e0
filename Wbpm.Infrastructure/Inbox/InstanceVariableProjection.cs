using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Wbpm.Infrastructure.Persistence;
using Wbpm.Infrastructure.Runtime;

namespace Wbpm.Infrastructure.Inbox;

/// <summary>
/// Keeps <see cref="InstanceVariable"/> rows in step with an instance's process variables, in the command's own context
/// (so they commit in the same SaveChanges as the state). Incremental: only variables whose value changed are touched.
/// </summary>
public sealed class InstanceVariableProjection
{
    /// <summary>
    /// The rows of an instance the command's context has just added: none can exist yet, so there is nothing to look up
    /// (a lookup per variable was most of the time a start spent before its commit), and nothing to track: they go to
    /// the context's untracked inserts, written by the save without EF's per-row work on the group commit's writer.
    /// </summary>
    public void AddNew(WbpmDbContext db, ProcessInstance instance, IReadOnlyDictionary<string, JsonElement> variables)
    {
        foreach (var (name, value) in variables)
            if (Scalar(value) is { } scalar)
                db.UntrackedInserts.Add(new InstanceVariable(instance.TenantId, instance.Id, instance.DefinitionKey, name, scalar));
    }

    public async Task WriteAsync(WbpmDbContext db, ProcessInstance instance, IReadOnlyDictionary<string, JsonElement> before,
        IReadOnlyDictionary<string, JsonElement> after, CancellationToken cancellationToken)
    {
        foreach (var (name, value) in after)
        {
            var existed = before.TryGetValue(name, out var old);
            if (existed && JsonElement.DeepEquals(old, value))
                continue;
            if (!existed && !IsTracked(db, instance.Id, name))
            {
                // A new variable has no stored row: rows exist only for variables of the state before this command,
                // so there is nothing to look up (a query per variable). Only a chained command of this context that
                // removed the variable leaves a (deleted) row in the tracker, and the upsert below revives that one.
                if (Scalar(value) is { } scalar)
                    db.InstanceVariables.Add(new InstanceVariable(instance.TenantId, instance.Id, instance.DefinitionKey, name, scalar));
                continue;
            }
            await UpsertAsync(db, instance, name, Scalar(value), cancellationToken);
        }
        foreach (var name in before.Keys.Where(n => !after.ContainsKey(n)))
            await UpsertAsync(db, instance, name, null, cancellationToken);
    }

    // The identity map only: DbSet.Local would scan every tracked entity for changes first.
    private static bool IsTracked(WbpmDbContext db, string instanceId, string name)
    {
        var detectChanges = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            return db.InstanceVariables.Local.FindEntryUntyped([instanceId, name]) is not null;
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = detectChanges;
        }
    }

    private static async Task UpsertAsync(WbpmDbContext db, ProcessInstance instance, string name, ScalarValue? value,
        CancellationToken cancellationToken)
    {
        // Find sees rows added earlier in this context too: commands chain on one instance before one SaveChanges.
        var row = await db.InstanceVariables.FindAsync([instance.Id, name], cancellationToken);
        if (row is null)
        {
            if (value is not null)
                db.InstanceVariables.Add(new InstanceVariable(instance.TenantId, instance.Id, instance.DefinitionKey, name, value));
            return;
        }
        var entry = db.Entry(row);
        if (value is null)
        {
            if (entry.State == EntityState.Added) entry.State = EntityState.Detached;
            else entry.State = EntityState.Deleted;
            return;
        }
        if (entry.State == EntityState.Deleted)
            entry.State = EntityState.Modified;
        row.Set(value);
    }

    /// <summary>The typed value of a scalar JSON value; null (no row) for null, objects, arrays and long texts.</summary>
    public static ScalarValue? Scalar(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.True => new(VariableType.Boolean, null, null, null, true),
        JsonValueKind.False => new(VariableType.Boolean, null, null, null, false),
        JsonValueKind.Number when value.TryGetDouble(out var number) && double.IsFinite(number) => new(VariableType.Number, null, number, null, null),
        JsonValueKind.String => Text(value.GetString()!),
        _ => null,
    };

    private static ScalarValue? Text(string text)
    {
        if (text.Length > InstanceVariable.MaxTextLength)
            return null;
        return ReadDate(text) is { } date ? new(VariableType.Date, text, null, date, null) : new(VariableType.Text, text, null, null, null);
    }

    /// <summary>ISO 8601 dates ("2026-12-02") and date-times with an offset or Z; a bare date-time counts as UTC.</summary>
    public static DateTimeOffset? ReadDate(string text)
    {
        if (text.Length < 10 || !char.IsAsciiDigit(text[0]) || text[4] != '-')
            return null;
        return DateTimeOffset.TryParseExact(text, ["yyyy-MM-dd", "yyyy-MM-ddTHH:mm:ssK", "yyyy-MM-ddTHH:mm:ss.FFFFFFFK", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm"],
            CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var date)
            ? date : null;
    }
}
