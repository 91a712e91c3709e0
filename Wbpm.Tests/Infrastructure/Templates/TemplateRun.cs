using System.Text.Json;
using Wbpm.Domain.Engine;
using Wbpm.Infrastructure.Templates;
using Wbpm.Tests.Domain.Engine;

namespace Wbpm.Tests.Infrastructure.Templates;

/// <summary>
/// Drives an instantiated template in memory the way people and workers would: completes every open user task
/// with <c>taskVariables</c>, every external task with <c>workerVariables</c>, and fires timers only when nothing
/// else can move, until the instance ends or nothing is left to do.
/// </summary>
internal static class TemplateRun
{
    public static readonly BuiltInTemplateLibrary Library = new();

    public static EngineHarness Start(string templateId, IReadOnlyDictionary<string, string?>? parameters = null,
        IReadOnlyDictionary<string, JsonElement>? startVariables = null)
    {
        var template = Library.Find(templateId) ?? throw new ArgumentException($"No built-in template '{templateId}'.");
        var process = TemplateInstantiation.Instantiate(template, "test-process", template.Name, parameters ?? new Dictionary<string, string?>());
        return EngineHarness.DeployXml(process.Xml).Start(startVariables);
    }

    public static void ToEnd(EngineHarness run, IReadOnlyDictionary<string, JsonElement>? taskVariables, IReadOnlyDictionary<string, JsonElement>? workerVariables = null)
    {
        for (var step = 0; step < 100 && run.State.Status == InstanceStatus.Active; step++)
        {
            if (run.OpenUserTasks.FirstOrDefault() is { } task)
                run.CompleteTask(task.ElementId, taskVariables);
            else if (run.OpenExternalTasks.FirstOrDefault() is { } external)
                run.CompleteExternalTask(external.ElementId, workerVariables);
            else if (run.OpenJobs.OrderBy(j => j.DueAt).FirstOrDefault() is { } job)
                run.FireTimersAt(job.DueAt);
            else
                return;
        }
    }
}
