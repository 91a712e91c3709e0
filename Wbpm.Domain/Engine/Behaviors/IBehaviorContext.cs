using Wbpm.Domain.Modeling;

namespace Wbpm.Domain.Engine.Behaviors;

/// <summary>
/// What a behavior may ask of the running engine call. Behaviors never call each other: they move the token,
/// make it wait, or raise an error, and the agenda loop does the rest.
/// </summary>
public interface IBehaviorContext
{
    ExecutableDefinition Definition { get; }
    ProcessModel Model { get; }
    DateTimeOffset Now { get; }

    /// <summary>Evaluates FEEL (a leading '=' is allowed) against the variables visible at the token.</summary>
    object? Evaluate(Token token, string expression);

    /// <summary>A sequence-flow condition: true only for the boolean true.</summary>
    bool IsTrue(Token token, string expression);

    /// <summary>Attribute values: "=expr" is FEEL, anything else is the literal text.</summary>
    object? EvaluateLiteralOrFeel(Token token, string? text);

    /// <summary>The activity's work is done: output mappings, boundary events closed, asyncAfter, outgoing flows.</summary>
    void Complete(Token token);

    /// <summary>A gateway decided: the token (and copies of it) move along these flows.</summary>
    void TakeFlows(Token token, IReadOnlyList<SequenceFlow> flows);

    /// <summary>The token is consumed (end event); its scope completes when nothing else runs in it.</summary>
    void EndToken(Token token);

    /// <summary>Terminate end event: everything else in the token's scope is cancelled, then the scope ends.</summary>
    void Terminate(Token token);

    void ThrowError(Token token, string? errorCode, string? message);
    void RaiseIncident(Token token, string message);

    void CreateUserTask(Token token, UserTask task);
    void CreateExternalTask(Token token, WorkerTask task, string topic);
    void ScheduleScriptJob(Token token, ScriptTask task);

    /// <summary>The token waits at a timer, message or signal catch (or receive task), or for an event-gateway branch.</summary>
    void OpenEventWait(Token token, FlowNode reactingElement, EventDefinition definition, WaitPurpose purpose);
    void OpenMessageWait(Token token, FlowNode reactingElement, string messageName, string? correlationKeyExpression, WaitPurpose purpose);

    void PublishMessage(Token token, FlowNode element, string messageName, string? correlationKeyExpression);
    void BroadcastSignal(Token token, FlowNode element, string signalName);

    void StartSubProcess(Token token, SubProcess subProcess);
    void RequestChildInstance(Token token, CallActivity activity);

    /// <summary>Parks the token at a converging gateway; returns the parked tokens of that gateway in the scope.</summary>
    IReadOnlyList<Token> ParkAtJoin(Token token);

    /// <summary>Consumes the parked tokens except <paramref name="survivor"/>, which continues.</summary>
    void FireJoin(Token survivor, IReadOnlyList<Token> parked, IReadOnlyList<SequenceFlow> flows);

    /// <summary>Marks the token as waiting (for a boundary-capable activity this also opens its boundary events).</summary>
    void Wait(Token token);
}
