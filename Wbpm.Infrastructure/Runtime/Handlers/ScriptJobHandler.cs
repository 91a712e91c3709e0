using System.Text.Json;
using Microsoft.Extensions.Options;
using Wbpm.Domain.Engine;
using Wbpm.Domain.Jobs;
using Wbpm.Domain.Modeling;
using Wbpm.Domain.Runtime;
using Wbpm.Infrastructure.Jobs;
using Wbpm.Infrastructure.Scripts;

namespace Wbpm.Infrastructure.Runtime.Handlers;

/// <summary>
/// Script task jobs: reads the instance, runs the script in the <see cref="JavaScriptSandbox"/> with copies of the
/// variables visible at the task (no transaction is open while it runs; the executor commits afterwards and the
/// instance revision catches a concurrent change), then hands the result to the engine as <c>RunJob(variables)</c>:
/// the last expression's value under <c>wbpm:resultVariable</c> plus what the script set with
/// <c>variables.set</c>. A script failure is a job failure (retries, then an incident with the message).
/// </summary>
public sealed class ScriptJobHandler(
    InstanceCommands commands, ExecutableDefinitions definitions, JavaScriptSandbox sandbox, IOptions<ScriptOptions> options) : IJobHandler
{
    public string Kind => JobKinds.Script;

    public async Task HandleAsync(JobExecution job, CancellationToken cancellationToken)
    {
        // Deployed while scripting was on, run after it was switched off: stop with a reason, never run it.
        if (!options.Value.Enabled)
            throw new ScriptFailedException(
                $"Script task '{job.Job.ElementId}' cannot run: scripting is disabled on this server (set Wbpm:Scripts:Enabled to run script tasks).");
        if (job.Job.ProcessInstanceId is not { } instanceId)
            return;
        var instance = await job.Db.ProcessInstances.FindAsync([instanceId], cancellationToken);
        if (instance is null || instance.Status != InstanceStatus.Active)
            return;
        var definition = await definitions.GetAsync(job.Db, instance.DefinitionId, cancellationToken);
        if (definition.Model.FindNode(job.Job.ElementId ?? "") is not ScriptTask task)
            throw new ScriptFailedException($"Element '{job.Job.ElementId}' of definition '{definition.DefinitionId}' is not a script task.");
        var visible = job.Job.TokenId is { } tokenId ? instance.State().VariablesVisibleAt(tokenId) : null;
        if (visible is null)
            return; // the token moved on (a boundary event interrupted the task): the job is stale

        ScriptOutcome outcome;
        try
        {
            outcome = sandbox.Run(task.Script ?? "", visible);
        }
        catch (ScriptFailedException e)
        {
            throw new ScriptFailedException($"Script task '{task.Id}' failed: {e.Message}");
        }
        var variables = new Dictionary<string, JsonElement>(outcome.SetVariables, StringComparer.Ordinal);
        if (!string.IsNullOrWhiteSpace(task.ResultVariable))
            variables[task.ResultVariable] = outcome.Result ?? JsonSerializer.SerializeToElement<object?>(null);
        try
        {
            await commands.StageAsync(job.Db, instanceId, new RunJob(job.Job.Id, variables), job.Now, cancellationToken,
                runningJobId: job.Job.Id);
        }
        catch (CommandRejectedException)
        {
            // The instance no longer waits for this job: deleting the job is all that is left to do.
        }
    }
}
