using Wbpm.Domain.Definitions;
using Wbpm.Domain.Modeling;
using Wbpm.Infrastructure.Identity;
using Wbpm.Infrastructure.Persistence;
using Wbpm.Infrastructure.Runtime;
using Wbpm.Infrastructure.Templates;

namespace Wbpm.Infrastructure.Seeding;

/// <summary>
/// The processes the demo tenant starts with, so a fresh installation has something to start and work: the built-in
/// Leave request template with its default parameters (approvers "managers", HR "hr": the demo groups), deployed by
/// the demo admin as version 1. Staged into the seeder's context: it commits with the demo users.
/// </summary>
public sealed class DemoProcesses(BuiltInTemplateLibrary templates, StartEventActivation startEvents)
{
    public const string LeaveRequestTemplateId = "leave-request";

    public async Task StageAsync(WbpmDbContext db, string tenantId, WbpmUser deployer, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var template = templates.Find(LeaveRequestTemplateId)
            ?? throw new InvalidOperationException($"The built-in template '{LeaveRequestTemplateId}' is missing.");
        var process = TemplateInstantiation.WithDefaults(template);
        var model = BpmnReader.ReadString(process.Xml);
        var deployment = new Deployment(Guid.NewGuid().ToString("N"), tenantId, $"Demo: {process.Name}", deployer.Id,
            deployer.UserName ?? deployer.Id, now, "Deployed with the demo data");
        foreach (var executable in model.Processes.Where(p => p.IsExecutable))
            deployment.AddDefinition(Guid.NewGuid().ToString("N"), executable.Id, 1, executable.Name ?? process.Name, process.Xml, $"{process.Key}.bpmn");
        db.Deployments.Add(deployment);
        foreach (var definition in deployment.Definitions)
            await startEvents.StageAsync(db, definition, model, now, cancellationToken);
    }
}
