using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wbpm.Domain.Jobs;
using Wbpm.Infrastructure.Persistence;
using Wbpm.Tests.Support;

namespace Wbpm.Tests.Web;

/// <summary>The app with its job executor switched off, so jobs stay exactly as the tests leave them.</summary>
public sealed class NoJobExecutorAppFactory : WbpmAppFactory
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings => [.. base.Settings, new("Wbpm:Jobs:Enabled", "false")];
}

/// <summary>/api/v1/jobs and /api/v1/incidents: who may read and act, what retrying a failed job does, clear errors.</summary>
public sealed class JobEndpointsTests(NoJobExecutorAppFactory factory) : IClassFixture<NoJobExecutorAppFactory>
{
    private const string Tenant = "acme";
    private static readonly DateTimeOffset T0 = new(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task AViewerListsTheTenantsJobsAndIncidentsFilteredByInstance()
    {
        var (jobId, incidentId, instance) = await SeedFailedJobAsync();
        await SeedFailedJobAsync(); // another instance's
        var client = await SignedInAsync("viewer");

        var jobs = await client.GetFromJsonAsync<JsonElement[]>($"/api/v1/jobs?processInstanceId={instance}");
        var job = Assert.Single(jobs!);
        Assert.Equal(jobId, job.GetProperty("id").GetString());
        Assert.Equal(0, job.GetProperty("retriesLeft").GetInt32());
        Assert.Equal("boom", job.GetProperty("lastError").GetString());

        var incidents = await client.GetFromJsonAsync<JsonElement[]>($"/api/v1/incidents?processInstanceId={instance}&status=open");
        Assert.Equal(incidentId, Assert.Single(incidents!).GetProperty("id").GetString());
    }

    [Fact]
    public async Task AViewerCannotRetryJobsOrResolveIncidents()
    {
        var (jobId, incidentId, _) = await SeedFailedJobAsync();
        var client = await SignedInAsync("viewer");

        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync($"/api/v1/jobs/{jobId}/retries", new { retries = 3 })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync($"/api/v1/incidents/{incidentId}/resolve", JsonContent.Create(new { }))).StatusCode);
        Assert.Equal(0, (await FindJobAsync(jobId))!.RetriesLeft);
    }

    [Fact]
    public async Task AnOperatorRetryingAFailedJobMakesItDueResolvesItsIncidentAndIsAudited()
    {
        var (jobId, incidentId, _) = await SeedFailedJobAsync();
        var client = await SignedInAsync("operator");

        var response = await client.PostAsJsonAsync($"/api/v1/jobs/{jobId}/retries", new { retries = 2 });

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var job = (await FindJobAsync(jobId))!;
        Assert.Equal(2, job.RetriesLeft);
        Assert.True(job.DueAt > T0);
        await using var db = Contexts.Create(TenantScope.AllTenants);
        var incident = await db.Incidents.SingleAsync(i => i.Id == incidentId);
        Assert.Equal((IncidentStatus.Resolved, "operator"), (incident.Status, incident.ResolvedBy));
        Assert.Single(await db.AuditEntries.Where(a => a.Action == "job.retries-set" && a.EntityId == jobId).ToListAsync());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-2)]
    [InlineData(1000)]
    public async Task RetriesOutOfRangeAreRejectedWithAProblemAndChangeNothing(int retries)
    {
        var (jobId, incidentId, _) = await SeedFailedJobAsync();
        var client = await SignedInAsync("operator");

        var response = await client.PostAsJsonAsync($"/api/v1/jobs/{jobId}/retries", new { retries });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Retries must be between 1 and 100", await response.Content.ReadAsStringAsync());
        Assert.Equal(0, (await FindJobAsync(jobId))!.RetriesLeft);
        await using var db = Contexts.Create(TenantScope.AllTenants);
        Assert.Equal(IncidentStatus.Open, (await db.Incidents.SingleAsync(i => i.Id == incidentId)).Status);
    }

    [Fact]
    public async Task UnknownJobsAndIncidentsAre404()
    {
        var client = await SignedInAsync("operator");
        var job = await client.PostAsJsonAsync("/api/v1/jobs/no-such-job/retries", new { retries = 1 });
        Assert.Equal(HttpStatusCode.NotFound, job.StatusCode);
        Assert.Equal("application/problem+json", job.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync("/api/v1/incidents/no-such-incident/resolve", JsonContent.Create(new { }))).StatusCode);
    }

    [Fact]
    public async Task AnotherTenantsJobIsNotFound()
    {
        var (jobId, _, _) = await SeedFailedJobAsync(tenant: "other-tenant");
        var client = await SignedInAsync("operator");
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsJsonAsync($"/api/v1/jobs/{jobId}/retries", new { retries = 1 })).StatusCode);
        Assert.Empty((await client.GetFromJsonAsync<JsonElement[]>($"/api/v1/jobs?processInstanceId=pi-of-{jobId}"))!);
    }

    [Fact]
    public async Task AnIncidentIsResolvedOnceThenTheSecondAttemptIsRejected()
    {
        var (_, incidentId, _) = await SeedFailedJobAsync();
        var client = await SignedInAsync("operator");

        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync($"/api/v1/incidents/{incidentId}/resolve", JsonContent.Create(new { }))).StatusCode);
        var again = await client.PostAsync($"/api/v1/incidents/{incidentId}/resolve", JsonContent.Create(new { }));

        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("already resolved by operator", await again.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AnUnknownIncidentStatusFilterIsRejected()
    {
        var client = await SignedInAsync("viewer");
        var response = await client.GetAsync("/api/v1/incidents?status=sleeping");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("use open or resolved", await response.Content.ReadAsStringAsync());
    }

    private WbpmDbContextFactory Contexts => factory.Services.GetRequiredService<WbpmDbContextFactory>();

    private async Task<HttpClient> SignedInAsync(string user)
    {
        var client = factory.CreateBrowserClient();
        await WbpmAppFactory.SignInAsync(client, user, WbpmAppFactory.DemoPassword);
        return client;
    }

    /// <summary>A job that failed its only attempt: zero retries left and one open incident.</summary>
    private async Task<(string JobId, string IncidentId, string Instance)> SeedFailedJobAsync(string tenant = Tenant)
    {
        var id = Guid.NewGuid().ToString("N");
        var instance = $"pi-of-{id}";
        var job = new Job(new NewJob(id, tenant, JobKinds.AsyncBefore, T0, instance, "Task_1", RetryCycle: "R1/PT1M"), T0);
        job.Lock("node", T0, TimeSpan.FromMinutes(5));
        var incident = job.Fail("node", "boom", T0, $"inc-{id}").Incident!;
        await using var db = Contexts.Create(TenantScope.AllTenants);
        db.Jobs.Add(job);
        db.Incidents.Add(incident);
        await db.SaveChangesAsync();
        return (id, incident.Id, instance);
    }

    private async Task<Job?> FindJobAsync(string id)
    {
        await using var db = Contexts.Create(TenantScope.AllTenants);
        return await db.Jobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == id);
    }
}
