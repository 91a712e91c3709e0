using Wbpm.Domain.Expressions;
using Wbpm.Domain.Modeling;
using Wbpm.Domain.Runtime;

namespace Wbpm.Domain.Engine;

/// <summary>
/// The BPMN engine: pure and deterministic. Given a definition, the instance state (null to start one), a command and
/// the context (time, ids, FEEL, timers, step budget), it returns the new state and the ordered effects. It never
/// reads a clock, does I/O or resolves services, and never changes the state it is given. Stateless and thread-safe.
/// </summary>
public sealed class ProcessEngine
{
    /// <exception cref="CommandRejectedException">The command does not apply (unknown or finished task, job,
    /// subscription; ended instance; unknown start event). Nothing changed.</exception>
    public EngineResult Execute(ExecutableDefinition definition, ProcessInstanceState? state, EngineCommand command, EngineContext context)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(context);
        EngineRun run;
        if (command is StartInstance start)
        {
            if (state is not null) throw new ArgumentException("StartInstance creates a new instance: pass no state.", nameof(state));
            run = Start(definition, start, context);
        }
        else
        {
            if (state is null) throw new ArgumentNullException(nameof(state), $"{command.GetType().Name} needs the instance state.");
            if (state.DefinitionId != definition.DefinitionId)
                throw new ArgumentException($"Instance '{state.InstanceId}' runs definition '{state.DefinitionId}', not '{definition.DefinitionId}'.", nameof(definition));
            if (state.Status != InstanceStatus.Active)
                throw new CommandRejectedException($"Process instance '{state.InstanceId}' has already ended ({state.Status.ToString().ToLowerInvariant()}).");
            run = new EngineRun(definition, state.Clone(), context, UserOf(command));
            try
            {
                run.Apply(command);
            }
            catch (Exception e) when (e is FeelSyntaxException or FeelEvaluationException or EngineIncidentException)
            {
                // Applying the command itself failed (e.g. an out mapping): the given state is untouched.
                throw new CommandRejectedException($"{command.GetType().Name} could not be applied: {e.Message}");
            }
        }
        run.RunAgenda();
        return new EngineResult(run.State, run.Effects);
    }

    private static EngineRun Start(ExecutableDefinition definition, StartInstance command, EngineContext context)
    {
        var startEvents = definition.Model.StartEventsOf(definition.Process);
        var startEvent = command.StartEventId is null
            ? startEvents.FirstOrDefault(s => s.Trigger == EventTrigger.None)
              ?? throw new CommandRejectedException($"Process '{definition.Key}' has no none start event; name the start event to use.")
            : startEvents.FirstOrDefault(s => s.Id == command.StartEventId)
              ?? throw new CommandRejectedException($"Process '{definition.Key}' has no start event '{command.StartEventId}'.");
        var state = new ProcessInstanceState
        {
            InstanceId = context.Ids.NewId(),
            DefinitionId = definition.DefinitionId,
            ProcessId = definition.Process.Id,
            BusinessKey = command.BusinessKey,
            StartedAt = context.Now,
            StartedBy = command.StartedBy,
            Parent = command.Parent,
            RootScopeId = "s0",
        };
        state.Scopes.Add(new ExecutionScope { Id = state.RootScopeId, Kind = ScopeKind.Process, ElementId = definition.Process.Id });
        var run = new EngineRun(definition, state, context, command.StartedBy);
        run.StartProcess(startEvent, command.Variables);
        return run;
    }

    private static string? UserOf(EngineCommand command) => command switch
    {
        CompleteUserTask c => c.User,
        CancelInstance c => c.User,
        _ => null,
    };
}
