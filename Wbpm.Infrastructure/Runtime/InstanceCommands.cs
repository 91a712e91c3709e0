using Microsoft.EntityFrameworkCore;
using Wbpm.Domain.Engine;
using Wbpm.Domain.Expressions;
using Wbpm.Domain.Runtime;
using Wbpm.Domain.Security;
using Wbpm.Infrastructure.Inbox;
using Wbpm.Infrastructure.Jobs;
using Wbpm.Infrastructure.Persistence;

namespace Wbpm.Infrastructure.Runtime;

/// <summary>What one engine command did to one instance (already staged in the context).</summary>
public sealed record StagedCommand(ProcessInstance Instance, EngineResult Result);

/// <summary>
/// Runs engine commands against stored instances. <c>Stage*</c> loads the instance (state + revision) into a given
/// context, runs the pure engine with now, writes the new state (revision + 1) and every effect's rows, and does NOT
/// save: a job handler's executor or a service (with its audit entry) commits everything with one SaveChanges through
/// <see cref="CommitAsync"/>. A <see cref="DbUpdateConcurrencyException"/> on commit means another command won.
/// </summary>
public sealed class InstanceCommands(
    ExecutableDefinitions definitions, EffectWriter effects, FeelEngine feel, ITimerSchedule timers,
    InstanceVariableProjection variables, LocalJobHandOff handOff)
{
    private static readonly ProcessEngine Engine = new();

    public async Task<StagedCommand> StageStartAsync(WbpmDbContext db, ExecutableDefinition definition, StartInstance command,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var tenantId = definition.TenantId ?? db.Scope.TenantId
            ?? throw new InvalidOperationException("Starting an instance needs a tenant.");
        var result = Engine.Execute(definition, null, command, Context(now));
        var instance = new ProcessInstance(definition, tenantId, result.State);
        // A row nobody reads back before the save (unless a command chains on it: TrackStarted): inserted without EF's
        // per-row work, which the group commit's one writer would otherwise do for every start.
        db.UntrackedInserts.Add(instance);
        await effects.WriteAsync(db, instance, definition, result.Effects, now, null, cancellationToken);
        variables.AddNew(db, instance, result.State.ProcessVariables);
        return new StagedCommand(instance, result);
    }

    /// <param name="runningJobId">The job that runs this command (the executor deletes that job row itself).</param>
    /// <exception cref="NotFoundException">No such instance for the context's tenant.</exception>
    /// <exception cref="CommandRejectedException">The command does not apply to the instance any more.</exception>
    public async Task<StagedCommand> StageAsync(WbpmDbContext db, string instanceId, EngineCommand command, DateTimeOffset now,
        CancellationToken cancellationToken, string? runningJobId = null)
    {
        // Find returns the tracked row when this context already ran a command on the instance: commands chain.
        TrackStarted(db, instanceId);
        var instance = await db.ProcessInstances.FindAsync([instanceId], cancellationToken)
            ?? throw new NotFoundException("Process instance", instanceId);
        var definition = await definitions.GetAsync(db, instance.DefinitionId, cancellationToken);
        var before = instance.State();
        var result = Engine.Execute(definition, before, command, Context(now));
        var hadIncident = instance.HasIncident;
        instance.Apply(result.State);
        await effects.WriteAsync(db, instance, definition, result.Effects, now, runningJobId, cancellationToken);
        await variables.WriteAsync(db, instance, before.ProcessVariables, result.State.ProcessVariables, cancellationToken);
        // The state knows only the engine's incidents: open job and worker incidents must keep the flag on.
        if (hadIncident && !instance.HasIncident)
            await InstanceIncidentFlag.RefreshAsync(db, instance, cancellationToken);
        return new StagedCommand(instance, result);
    }

    /// <summary>
    /// Saves once (in a group commit with concurrent commands on SQLite: <see cref="GroupCommit"/>), then tells the local
    /// executor about jobs due now (after the commit, never before; those of instances this context starts go over
    /// already locked: <see cref="LocalJobHandOff"/>). The context is done afterwards.
    /// </summary>
    public Task CommitAsync(WbpmDbContext db, DateTimeOffset now, CancellationToken cancellationToken) =>
        handOff.CommitAsync(db, now, [], cancellationToken);

    /// <summary>
    /// An instance this context started and has not saved yet is tracked from now on, with its variable rows (as added
    /// rows), so Find and the variable projection's look-ups see them. Its history rows stay untracked: nobody finds them.
    /// </summary>
    private static void TrackStarted(WbpmDbContext db, string instanceId)
    {
        var index = db.UntrackedInserts.FindIndex(row => row is ProcessInstance started && started.Id == instanceId);
        if (index < 0)
            return;
        db.ProcessInstances.Add((ProcessInstance)db.UntrackedInserts[index]);
        db.UntrackedInserts.RemoveAt(index);
        for (var i = db.UntrackedInserts.Count - 1; i >= 0; i--)
        {
            if (db.UntrackedInserts[i] is InstanceVariable row && row.ProcessInstanceId == instanceId)
            {
                db.UntrackedInserts.RemoveAt(i);
                db.InstanceVariables.Add(row);
            }
        }
    }

    private EngineContext Context(DateTimeOffset now) => new(now, GuidIdGenerator.Instance, feel, timers);
}
