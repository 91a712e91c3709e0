using System.Text.Json;
using Wbpm.Domain.Engine;
using Wbpm.Domain.Expressions;
using Wbpm.Domain.Modeling;
using Wbpm.Domain.Runtime;

namespace Wbpm.Tests.Domain.Engine;

/// <summary>
/// In-memory driver for engine scenario tests: deploys a scenario .bpmn, starts one instance and feeds it commands
/// the way the infrastructure will (by the ids in the effects), keeping the open tasks, jobs and subscriptions.
/// Test code only: real persistence lives in Infrastructure.
/// </summary>
public sealed class EngineHarness
{
    private static readonly FeelEngine Feel = new();
    private readonly ProcessEngine _engine = new();
    private readonly SequentialIds _ids = new();
    private readonly List<EngineEffect> _effects = [];

    private EngineHarness(ExecutableDefinition definition) => Definition = definition;

    public ExecutableDefinition Definition { get; }
    public ProcessInstanceState State { get; private set; } = null!;
    public DateTimeOffset Now { get; set; } = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);
    public int StepBudget { get; set; } = EngineContext.DefaultStepBudget;

    /// <summary>Every effect so far, in order.</summary>
    public IReadOnlyList<EngineEffect> Effects => _effects;

    /// <summary>Effects of the last command only.</summary>
    public IReadOnlyList<EngineEffect> LastEffects { get; private set; } = [];

    public static EngineHarness Deploy(string scenario, string? processId = null)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Domain", "Engine", "Scenarios", scenario + ".bpmn");
        return new EngineHarness(ExecutableDefinition.FromModel(BpmnReader.ReadString(File.ReadAllText(path)), processId));
    }

    /// <summary>Deploys a model given as XML (for models that are not scenario files, e.g. instantiated templates).</summary>
    public static EngineHarness DeployXml(string xml, string? processId = null) =>
        new(ExecutableDefinition.FromModel(BpmnReader.ReadString(xml), processId));

    public static IReadOnlyDictionary<string, JsonElement> Vars(params (string Name, object? Value)[] values) =>
        values.ToDictionary(v => v.Name, v => JsonSerializer.SerializeToElement(v.Value));

    public EngineHarness Start(IReadOnlyDictionary<string, JsonElement>? variables = null, string? businessKey = null, string? startEventId = null, ParentCall? parent = null)
    {
        Execute(new StartInstance(startEventId, businessKey, variables, "alice", parent), null);
        return this;
    }

    public EngineResult Execute(EngineCommand command) => Execute(command, State);

    private EngineResult Execute(EngineCommand command, ProcessInstanceState? state)
    {
        var result = _engine.Execute(Definition, state, command, new EngineContext(Now, _ids, Feel, new Iso8601TimerSchedule(new EveryHourCron()), StepBudget));
        // Every state must survive the JSON the infrastructure stores it as.
        State = ProcessInstanceStateJson.Deserialize(ProcessInstanceStateJson.Serialize(result.State));
        LastEffects = result.Effects;
        _effects.AddRange(result.Effects);
        return result;
    }

    public void CompleteTask(string elementId, IReadOnlyDictionary<string, JsonElement>? variables = null, string user = "bob") =>
        Execute(new CompleteUserTask(OpenTask(elementId).TaskId, variables, user));

    public UserTaskCreated OpenTask(string elementId) => OpenUserTasks.Single(t => t.ElementId == elementId);

    public IReadOnlyList<UserTaskCreated> OpenUserTasks => Open<UserTaskCreated>(e => e.TaskId).ToList();

    public IReadOnlyList<ExternalTaskCreated> OpenExternalTasks => Open<ExternalTaskCreated>(e => e.ExternalTaskId).ToList();

    public ExternalTaskCreated OpenExternalTask(string elementId) => Open<ExternalTaskCreated>(e => e.ExternalTaskId).Single(t => t.ElementId == elementId);

    public void CompleteExternalTask(string elementId, IReadOnlyDictionary<string, JsonElement>? variables = null) =>
        Execute(new CompleteExternalTask(OpenExternalTask(elementId).ExternalTaskId, variables));

    public void ThrowBpmnError(string elementId, string code) =>
        Execute(new ExternalTaskBpmnError(OpenExternalTask(elementId).ExternalTaskId, code));

    public IReadOnlyList<JobScheduled> OpenJobs => Open<JobScheduled>(e => e.JobId).ToList();

    /// <summary>Runs the open async-continuation and script jobs until none is left (as the job executor would).</summary>
    public void RunAsyncJobs(IReadOnlyDictionary<string, JsonElement>? scriptResult = null)
    {
        while (OpenJobs.FirstOrDefault(j => j.Kind != JobKind.Timer) is { } job)
            Execute(new RunJob(job.JobId, job.Kind == JobKind.Script ? scriptResult : null));
    }

    /// <summary>Moves the clock to <paramref name="at"/> and fires every timer due by then, earliest first.</summary>
    public void FireTimersAt(DateTimeOffset at)
    {
        Now = at;
        while (OpenJobs.Where(j => j.Kind == JobKind.Timer && j.DueAt <= at).OrderBy(j => j.DueAt).FirstOrDefault() is { } job && State.Status == InstanceStatus.Active)
            Execute(new RunJob(job.JobId));
    }

    public void FireTimersAfter(TimeSpan elapsed) => FireTimersAt(Now + elapsed);

    public IReadOnlyList<SubscriptionOpened> OpenSubscriptions => Open<SubscriptionOpened>(e => e.SubscriptionId).ToList();

    public void Correlate(string messageName, string? correlationKey = null, IReadOnlyDictionary<string, JsonElement>? variables = null)
    {
        var subscription = OpenSubscriptions.First(s => s.Kind == SubscriptionKind.Message && s.Name == messageName && s.CorrelationKey == correlationKey);
        Execute(new CorrelateMessage(subscription.SubscriptionId, variables));
    }

    public void Signal(string signalName, IReadOnlyDictionary<string, JsonElement>? variables = null)
    {
        foreach (var subscription in OpenSubscriptions.Where(s => s.Kind == SubscriptionKind.Signal && s.Name == signalName).ToList())
            if (OpenSubscriptions.Any(s => s.SubscriptionId == subscription.SubscriptionId))
                Execute(new TriggerSignal(subscription.SubscriptionId, variables));
    }

    /// <summary>Element ids where tokens are, sorted (a waiting subprocess appears with its inner elements).</summary>
    public IReadOnlyList<string> ActiveElements => State.Tokens.Select(t => t.ElementId).Order(StringComparer.Ordinal).ToList();

    public JsonElement Variable(string name) => State.ProcessVariables[name];

    public bool HasVariable(string name) => State.ProcessVariables.ContainsKey(name);

    /// <summary>Element ids of history events of a kind, in order.</summary>
    public IReadOnlyList<string> History(HistoryEventKind kind) =>
        _effects.OfType<HistoryEvent>().Where(h => h.Kind == kind && h.ElementType != "process").Select(h => h.ElementId).ToList();

    public IReadOnlyList<T> EffectsOf<T>() where T : EngineEffect => _effects.OfType<T>().ToList();

    /// <summary>Rows still open: created and not yet completed/cancelled/closed.</summary>
    private IEnumerable<T> Open<T>(Func<T, string> id) where T : EngineEffect
    {
        var closed = _effects.Select(e => e switch
        {
            UserTaskCompleted c => c.TaskId,
            UserTaskCancelled c => c.TaskId,
            ExternalTaskCompleted c => c.ExternalTaskId,
            ExternalTaskCancelled c => c.ExternalTaskId,
            JobCompleted c => c.JobId,
            JobCancelled c => c.JobId,
            SubscriptionClosed c => c.SubscriptionId,
            _ => null,
        }).OfType<string>().ToHashSet();
        return _effects.OfType<T>().Where(e => !closed.Contains(id(e)));
    }

    private sealed class SequentialIds : IIdGenerator
    {
        private int _next;
        public string NewId() => "id" + ++_next;
    }

    /// <summary>Cron stand-in for the Quartz adapter: any cron expression fires at the next full hour.</summary>
    public sealed class EveryHourCron : ICronSchedule
    {
        public DateTimeOffset? NextOccurrence(string cronExpression, DateTimeOffset after) =>
            new DateTimeOffset(after.Year, after.Month, after.Day, after.Hour, 0, 0, after.Offset).AddHours(1);
    }
}
