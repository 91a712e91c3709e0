using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wbpm.Domain.Definitions;
using Wbpm.Domain.Runtime;
using Wbpm.Domain.Tenancy;
using Wbpm.Infrastructure.Persistence;
using Wbpm.Infrastructure.Runtime;
using Wbpm.Tests.Support;
using static Wbpm.Tests.Web.Api.ApiKeyAppFactory;

namespace Wbpm.Tests.Web.Api;

/// <summary>Instances, tasks, messages, signals and external tasks over real HTTP with an API key (and demo cookies for 403s).</summary>
public sealed class RuntimeApiTests(ApiKeyAppFactory factory) : IClassFixture<ApiKeyAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task StartingByKeyGives201AndTheTaskIsListedCompletedAndTheInstanceReadWithItsHistory()
    {
        var client = await DeployedAsync("approval.bpmn");

        var start = await client.PostAsJsonAsync("/api/v1/process-definitions/key/approval/start",
            new { businessKey = "order-1", variables = new { amount = 250 } }, Ct);

        Assert.Equal(HttpStatusCode.Created, start.StatusCode);
        var started = await start.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var id = started.GetProperty("id").GetString()!;
        Assert.Equal("active", started.GetProperty("status").GetString());
        Assert.Equal($"/api/v1/process-instances/{id}", start.Headers.Location?.ToString());

        var running = await client.GetFromJsonAsync<JsonElement>($"/api/v1/process-instances/{id}", Ct);
        var active = Assert.Single(running.GetProperty("activeElements").EnumerateArray());
        Assert.Equal(("review", "userTask", 1), (active.GetProperty("elementId").GetString(), active.GetProperty("elementType").GetString(), active.GetProperty("count").GetInt32()));
        Assert.Equal(250, running.GetProperty("variables").GetProperty("amount").GetInt32());

        var tasks = await client.GetFromJsonAsync<JsonElement>($"/api/v1/tasks?candidateGroup=managers&processInstanceId={id}", Ct);
        var task = Assert.Single(tasks.EnumerateArray());
        Assert.Equal("order-1", task.GetProperty("businessKey").GetString());
        var taskId = task.GetProperty("id").GetString()!;

        var complete = await client.PostAsJsonAsync($"/api/v1/tasks/{taskId}/complete", new { variables = new { approved = true } }, Ct);
        Assert.Equal(HttpStatusCode.NoContent, complete.StatusCode);
        var again = await client.PostAsJsonAsync($"/api/v1/tasks/{taskId}/complete", new { }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("application/problem+json", again.Content.Headers.ContentType?.MediaType);
        Assert.Contains("already completed by admin", await again.Content.ReadAsStringAsync(Ct));

        var done = await client.GetFromJsonAsync<JsonElement>($"/api/v1/process-instances/{id}", Ct);
        Assert.Equal("completed", done.GetProperty("status").GetString());
        Assert.True(done.GetProperty("variables").GetProperty("approved").GetBoolean());
        var history = await client.GetFromJsonAsync<JsonElement>($"/api/v1/process-instances/{id}/history", Ct);
        Assert.Equal(["start", "review", "end"], history.EnumerateArray().Select(h => h.GetProperty("elementId").GetString()));
        Assert.All(history.EnumerateArray(), h => Assert.Equal("completed", h.GetProperty("state").GetString()));
        var completedTasks = await client.GetFromJsonAsync<JsonElement>($"/api/v1/tasks?state=completed&processInstanceId={id}", Ct);
        Assert.Equal("admin", Assert.Single(completedTasks.EnumerateArray()).GetProperty("completedBy").GetString());
    }

    [Fact]
    public async Task InstancesAreListedByKeyStatusAndBusinessKeyAndCanBeCancelledAndGivenVariables()
    {
        var client = await DeployedAsync("approval.bpmn");
        var key = $"bk-{Guid.NewGuid():N}";
        var id = (await (await client.PostAsJsonAsync("/api/v1/process-definitions/key/approval/start", new { businessKey = key }, Ct))
            .Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetString()!;

        var patch = await client.PatchAsJsonAsync($"/api/v1/process-instances/{id}/variables", new { priority = "high" }, Ct);
        Assert.Equal(HttpStatusCode.NoContent, patch.StatusCode);
        var listed = await client.GetFromJsonAsync<JsonElement>($"/api/v1/process-instances?definitionKey=approval&status=active&businessKey={key}", Ct);
        Assert.Equal(1, listed.GetProperty("totalCount").GetInt32());
        Assert.Equal(id, listed.GetProperty("items")[0].GetProperty("id").GetString());

        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsJsonAsync($"/api/v1/process-instances/{id}/cancel", new { reason = "test" }, Ct)).StatusCode);
        var cancelled = await client.GetFromJsonAsync<JsonElement>($"/api/v1/process-instances/{id}", Ct);
        Assert.Equal("cancelled", cancelled.GetProperty("status").GetString());
        Assert.Equal("high", cancelled.GetProperty("variables").GetProperty("priority").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await client.PostAsJsonAsync($"/api/v1/process-instances/{id}/cancel", new { }, Ct)).StatusCode);
        var badStatus = await client.GetAsync("/api/v1/process-instances?status=sleeping", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, badStatus.StatusCode);
    }

    [Fact]
    public async Task UnknownKeysInstancesTasksAndMessagesAre404WithAProblem()
    {
        var client = factory.CreateApiClient(AdminKey);
        var noKey = await client.PostAsJsonAsync("/api/v1/process-definitions/key/no-such-process/start", new { }, Ct);
        Assert.Equal(HttpStatusCode.NotFound, noKey.StatusCode);
        Assert.Equal("application/problem+json", noKey.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/process-instances/nope", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/process-instances/nope/history", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsJsonAsync("/api/v1/tasks/nope/complete", new { }, Ct)).StatusCode);
        var message = await client.PostAsJsonAsync("/api/v1/messages", new { name = "nobody-listens", correlationKey = "k-1" }, Ct);
        Assert.Equal(HttpStatusCode.NotFound, message.StatusCode);
        Assert.Contains("nobody-listens", await message.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task WithoutThePermissionOrAsANonCandidateTheAnswerIs403()
    {
        var admin = await DeployedAsync("approval.bpmn");
        var id = (await (await admin.PostAsJsonAsync("/api/v1/process-definitions/key/approval/start", new { }, Ct))
            .Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetString()!;
        var taskId = (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/tasks?processInstanceId={id}", Ct))[0].GetProperty("id").GetString()!;

        var viewer = await SignedInAsync("viewer");
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.GetAsync("/api/v1/tasks", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsJsonAsync("/api/v1/process-definitions/key/approval/start", new { }, Ct)).StatusCode);

        var alice = await SignedInAsync("alice"); // employees only: not a candidate of a managers' task
        Assert.Equal(HttpStatusCode.Forbidden, (await alice.PostAsJsonAsync($"/api/v1/tasks/{taskId}/claim", new { }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await alice.PostAsJsonAsync($"/api/v1/tasks/{taskId}/complete", new { }, Ct)).StatusCode);

        var bob = await SignedInAsync("bob"); // a manager: a candidate
        Assert.Equal(HttpStatusCode.NoContent, (await bob.PostAsJsonAsync($"/api/v1/tasks/{taskId}/claim", new { }, Ct)).StatusCode);
        var stolen = await admin.PostAsJsonAsync($"/api/v1/tasks/{taskId}/claim", new { userId = "carol" }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, stolen.StatusCode);
        Assert.Contains("already claimed by bob", await stolen.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task AnotherTenantsInstancesAndTasksAreInvisible()
    {
        var (instanceId, taskId) = await SeedOtherTenantInstanceAsync();
        var client = factory.CreateApiClient(AdminKey);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/process-instances/{instanceId}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsJsonAsync($"/api/v1/process-instances/{instanceId}/cancel", new { }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsJsonAsync($"/api/v1/tasks/{taskId}/complete", new { }, Ct)).StatusCode);
        var tasks = await client.GetFromJsonAsync<JsonElement>($"/api/v1/tasks?processInstanceId={instanceId}", Ct);
        Assert.Empty(tasks.EnumerateArray());
        var instances = await client.GetFromJsonAsync<JsonElement>("/api/v1/process-instances?definitionKey=approval-elsewhere", Ct);
        Assert.Equal(0, instances.GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task MessagesSignalsAndExternalTasksWorkOverHttp()
    {
        var client = await DeployedAsync("payment.bpmn", "signal-wait.bpmn", "external-payment.bpmn");
        var order = $"o-{Guid.NewGuid():N}";
        var paymentId = await StartAsync(client, "payment", new { orderId = order });
        var signalId = await StartAsync(client, "signal-wait", new { });
        var externalId = await StartAsync(client, "external-payment", new { amount = 5 });

        var message = await client.PostAsJsonAsync("/api/v1/messages", new { name = "payment-received", correlationKey = order, variables = new { paid = true } }, Ct);
        Assert.Equal(HttpStatusCode.OK, message.StatusCode);
        var delivered = await message.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal([paymentId], delivered.GetProperty("correlatedInstanceIds").EnumerateArray().Select(e => e.GetString()));
        Assert.Empty(delivered.GetProperty("startedInstanceIds").EnumerateArray());

        var signal = await (await client.PostAsJsonAsync("/api/v1/signals", new { name = "go" }, Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Contains(signalId, signal.GetProperty("correlatedInstanceIds").EnumerateArray().Select(e => e.GetString()));

        var fetched = await (await client.PostAsJsonAsync("/api/v1/external-tasks/fetch-and-lock",
            new { workerId = "w-http", maxTasks = 10, topics = new[] { new { topicName = "payments", lockDuration = 60000 } } }, Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);
        var mine = fetched.EnumerateArray().Single(t => t.GetProperty("processInstanceId").GetString() == externalId);
        var externalTaskId = mine.GetProperty("id").GetString()!;
        Assert.Equal(5, mine.GetProperty("variables").GetProperty("amount").GetInt32());
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsJsonAsync($"/api/v1/external-tasks/{externalTaskId}/extend-lock", new { workerId = "w-http", newDuration = 90000 }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await client.PostAsJsonAsync($"/api/v1/external-tasks/{externalTaskId}/complete", new { workerId = "someone-else" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsJsonAsync($"/api/v1/external-tasks/{externalTaskId}/complete", new { workerId = "w-http" }, Ct)).StatusCode);

        foreach (var id in new[] { paymentId, signalId, externalId })
            Assert.Equal("completed", (await client.GetFromJsonAsync<JsonElement>($"/api/v1/process-instances/{id}", Ct)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task An_operator_gives_a_failed_external_task_new_retries_which_resolves_its_incident_and_the_instance_flag()
    {
        var topic = $"retry-{Guid.NewGuid():N}";
        var client = factory.CreateApiClient(AdminKey);
        var xml = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "runtime", "external-payment.bpmn"))
            .Replace("wbpm:topic=\"payments\"", $"wbpm:topic=\"{topic}\"");
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsync("/api/v1/deployments",
            Upload(("external-payment.bpmn", System.Text.Encoding.UTF8.GetBytes(xml))), Ct)).StatusCode);
        var instanceId = await StartAsync(client, "external-payment", new { amount = 5 });
        var taskId = await FetchOneAsync(client, topic);
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsJsonAsync($"/api/v1/external-tasks/{taskId}/failure",
            new { workerId = "w-retry", errorMessage = "card service down", retries = 0, retryTimeout = 0 }, Ct)).StatusCode);
        Assert.True(await HasIncidentAsync(client, instanceId));

        // An engine command on the instance (its state has no incident) does not forget the worker's incident.
        Assert.Equal(HttpStatusCode.NoContent, (await client.PatchAsJsonAsync($"/api/v1/process-instances/{instanceId}/variables",
            new { note = "looking into it" }, Ct)).StatusCode);
        Assert.True(await HasIncidentAsync(client, instanceId));
        Assert.Empty(await FetchAsync(client, topic)); // no retries left: not fetchable

        var invalid = await client.PostAsJsonAsync($"/api/v1/external-tasks/{taskId}/retries", new { retries = 0 }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Contains("retries", await invalid.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsJsonAsync("/api/v1/external-tasks/no-such-task/retries", new { retries = 2 }, Ct)).StatusCode);
        Assert.True(await HasIncidentAsync(client, instanceId));

        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsJsonAsync($"/api/v1/external-tasks/{taskId}/retries", new { retries = 2 }, Ct)).StatusCode);

        Assert.False(await HasIncidentAsync(client, instanceId));
        var incidents = await client.GetFromJsonAsync<JsonElement>($"/api/v1/incidents?processInstanceId={instanceId}", Ct);
        Assert.Equal("resolved", Assert.Single(incidents.EnumerateArray()).GetProperty("status").GetString());
        var again = Assert.Single(await FetchAsync(client, topic));
        Assert.Equal((taskId, 2), (again.GetProperty("id").GetString(), again.GetProperty("retries").GetInt32()));
    }

    private static async Task<List<JsonElement>> FetchAsync(HttpClient client, string topic)
    {
        var response = await client.PostAsJsonAsync("/api/v1/external-tasks/fetch-and-lock",
            new { workerId = "w-retry", maxTasks = 10, topics = new[] { new { topicName = topic, lockDuration = 60000 } } }, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).EnumerateArray().ToList();
    }

    private static async Task<string> FetchOneAsync(HttpClient client, string topic) =>
        Assert.Single(await FetchAsync(client, topic)).GetProperty("id").GetString()!;

    private static async Task<bool> HasIncidentAsync(HttpClient client, string instanceId) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/v1/process-instances/{instanceId}", Ct)).GetProperty("hasIncident").GetBoolean();

    private async Task<HttpClient> DeployedAsync(params string[] fixtures)
    {
        var client = factory.CreateApiClient(AdminKey);
        var upload = Upload(fixtures.Select(f => (f, File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "runtime", f)))).ToArray());
        var response = await client.PostAsync("/api/v1/deployments", upload, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return client;
    }

    private static async Task<string> StartAsync(HttpClient client, string key, object variables)
    {
        var response = await client.PostAsJsonAsync($"/api/v1/process-definitions/key/{key}/start", new { variables }, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetString()!;
    }

    private async Task<HttpClient> SignedInAsync(string user)
    {
        var client = factory.CreateBrowserClient();
        await WbpmAppFactory.SignInAsync(client, user, WbpmAppFactory.DemoPassword);
        return client;
    }

    /// <summary>An instance with an open task in another tenant, started by the runtime itself (no API key exists there).</summary>
    private async Task<(string InstanceId, string TaskId)> SeedOtherTenantInstanceAsync()
    {
        var contexts = factory.Services.GetRequiredService<WbpmDbContextFactory>();
        var tenant = $"other-{Guid.NewGuid():N}"[..20];
        var xml = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "runtime", "approval.bpmn"))
            .Replace("id=\"approval\"", "id=\"approval-elsewhere\"");
        await using (var db = contexts.Create(TenantScope.AllTenants))
        {
            db.Tenants.Add(new Tenant(tenant, tenant, DateTimeOffset.UtcNow));
            var deployment = new Deployment(Guid.NewGuid().ToString("N"), tenant, "seed", "seed", "seed", DateTimeOffset.UtcNow, null);
            deployment.AddDefinition(Guid.NewGuid().ToString("N"), "approval-elsewhere", 1, "Elsewhere", xml, "approval.bpmn");
            db.Deployments.Add(deployment);
            await db.SaveChangesAsync(Ct);
        }
        await using var scoped = contexts.Create(TenantScope.For(tenant));
        var definitions = factory.Services.GetRequiredService<ExecutableDefinitions>();
        var definition = await definitions.GetLatestAsync(scoped, "approval-elsewhere", Ct);
        var staged = await factory.Services.GetRequiredService<InstanceCommands>()
            .StageStartAsync(scoped, definition, new StartInstance(), DateTimeOffset.UtcNow, Ct);
        await scoped.SaveChangesAsync(Ct);
        var taskId = await scoped.UserTasks.Where(t => t.ProcessInstanceId == staged.Instance.Id).Select(t => t.Id).SingleAsync(Ct);
        return (staged.Instance.Id, taskId);
    }
}
