using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Wbpm.Domain.Definitions;
using Wbpm.Domain.Security;
using Wbpm.Infrastructure.Administration;
using Wbpm.Infrastructure.Jobs;
using Wbpm.Infrastructure.Persistence;
using Wbpm.Infrastructure.Runtime;

namespace Wbpm.Infrastructure.Definitions;

/// <summary>
/// Deploys uploaded BPMN files (workflow.edit): every executable process becomes the next version of its key, all
/// in one SaveChanges with the audit entry, or nothing is stored. Versions are the stored maximum + 1; the unique
/// index on (tenant, key, version) makes a concurrent deployment of the same key fail on commit, and this service
/// then recomputes the versions and tries again, so versions stay unique and contiguous.
/// </summary>
public sealed partial class DeploymentService(
    TenantDbContextFactory contexts,
    ICurrentUser currentUser,
    DeploymentResourceReader reader,
    ProcessDefinitionCache cache,
    LatestVersions latestVersions,
    AuditTrail audit,
    TimeProvider clock,
    StartEventActivation startEvents,
    IJobWakeUp wakeUp,
    ILogger<DeploymentService> logger)
{
    // Each lost race means another deployment of the key committed; this many in a row is pathological.
    private const int MaxAttempts = 50;

    public async Task<DeploymentResult> DeployAsync(DeploymentRequest request, CancellationToken cancellationToken = default)
    {
        currentUser.Require(Permission.WorkflowEdit);
        var parsed = reader.Read(request.Files);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await TryDeployAsync(request, parsed, cancellationToken);
            }
            catch (DbUpdateException e) when (UniqueViolation.Is(e) && attempt < MaxAttempts)
            {
                LogVersionRace(logger, attempt);
            }
        }
    }

    private async Task<DeploymentResult> TryDeployAsync(DeploymentRequest request, ParsedDeployment parsed, CancellationToken cancellationToken)
    {
        await using var db = contexts.Create();
        var keys = parsed.Resources.SelectMany(r => r.ExecutableProcesses).Select(p => p.Id).ToList();
        var latest = await db.ProcessDefinitions
            .Where(d => keys.Contains(d.Key))
            .GroupBy(d => d.Key)
            .Select(g => new { Key = g.Key, Version = g.Max(d => d.Version) })
            .ToDictionaryAsync(x => x.Key, x => x.Version, cancellationToken);

        var now = clock.GetUtcNow();
        var deployment = new Deployment(NewId(), currentUser.TenantId!, request.Name, currentUser.UserId!,
            currentUser.UserName ?? currentUser.UserId!, now, request.Comment);
        foreach (var resource in parsed.Resources)
            foreach (var process in resource.ExecutableProcesses)
                deployment.AddDefinition(NewId(), process.Id, latest.GetValueOrDefault(process.Id) + 1, process.Name, resource.Xml, resource.Name);
        db.Deployments.Add(deployment);
        var deployed = deployment.Definitions.Select(d => new DeployedDefinition(d.Id, d.Key, d.Version, d.Name)).ToList();
        // Same transaction: the new latest versions' timer start jobs and message/signal start subscriptions.
        var models = parsed.Resources.SelectMany(r => r.ExecutableProcesses.Select(p => (p.Id, r.Model))).ToDictionary(x => x.Id, x => x.Model);
        foreach (var definition in deployment.Definitions)
            await startEvents.StageAsync(db, definition, models[definition.Key], now, cancellationToken);
        audit.Record(db, "deployment.created", "Deployment", deployment.Id, null,
            new { deployment.Name, deployment.Comment, Definitions = deployed.Select(d => new { d.Id, d.Key, d.Version }) });
        await db.SaveChangesAsync(cancellationToken);

        if (db.ChangeTracker.Entries<Domain.Jobs.Job>().Any(e => e.Entity.DueAt <= now))
            wakeUp.Notify();
        // Parsed once already: hand the models to the engine's cache instead of parsing again on first start.
        foreach (var definition in deployment.Definitions)
        {
            cache.Add(definition.TenantId, definition.Id, models[definition.Key]);
            latestVersions.Deployed(definition.TenantId, definition.Key);
        }
        return new DeploymentResult(deployment.Id, deployment.Name, deployed, parsed.Warnings);
    }

    private static string NewId() => Guid.NewGuid().ToString("N");

    [LoggerMessage(Level = LogLevel.Debug, Message = "A concurrent deployment took the same version (attempt {Attempt}); retrying with fresh versions.")]
    private static partial void LogVersionRace(ILogger logger, int attempt);
}
