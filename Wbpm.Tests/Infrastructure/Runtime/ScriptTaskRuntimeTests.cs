using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Wbpm.Domain.Definitions;
using Wbpm.Domain.Engine;
using Wbpm.Domain.Security;
using Wbpm.Infrastructure.Persistence;
using Wbpm.Infrastructure.Runtime;
using Wbpm.Tests.Support;

namespace Wbpm.Tests.Infrastructure.Runtime;

/// <summary>
/// <code>
/// (start) --> [script task] --> (end)
/// </code>
/// Script tasks through the real runtime: deployment checks <c>Wbpm:Scripts:Enabled</c>, the job executor runs the
/// script in the sandbox and the engine takes its result; failures become job retries and then an incident.
/// </summary>
public sealed class ScriptTaskRuntimeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly Dictionary<string, string?> ScriptsOn = new()
    {
        ["Wbpm:Scripts:Enabled"] = "true",
        ["Wbpm:Scripts:MaxStatements"] = "5000",
    };

    private static string Model(string script, string attributes = "wbpm:resultVariable=\"sum\"", string format = "javascript") => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:wbpm="http://wbpm.dev/schema/bpmn"
                     targetNamespace="http://wbpm.dev/tests" id="defs_script">
          <process id="scripted" isExecutable="true">
            <startEvent id="start"/>
            <sequenceFlow id="f1" sourceRef="start" targetRef="calculate"/>
            <scriptTask id="calculate" name="Calculate" scriptFormat="{format}" wbpm:retryTimeCycle="R1/PT1S" {attributes}>
              <script><![CDATA[{script}]]></script>
            </scriptTask>
            <sequenceFlow id="f2" sourceRef="calculate" targetRef="end"/>
            <endEvent id="end"/>
          </process>
        </definitions>
        """;

    private static async Task StartAsync(RuntimeTestHost host, params (string Name, object Value)[] variables)
    {
        await using var starter = host.As("alice", Role.User);
        await starter.Get<ProcessInstanceService>().StartByKeyAsync("scripted", new StartInstanceRequest(null,
            variables.ToDictionary(v => v.Name, v => JsonSerializer.SerializeToElement(v.Value))), Ct);
    }

    private static async Task<IReadOnlyDictionary<string, JsonElement>> CompletedVariablesAsync(RuntimeTestHost host)
    {
        await Eventually.TrueAsync(async () =>
        {
            await using var db = host.OpenAllTenants();
            return (await db.ProcessInstances.SingleAsync(Ct)).Status == InstanceStatus.Completed;
        }, "the script task completes the instance");
        await using var check = host.OpenAllTenants();
        return (await check.ProcessInstances.SingleAsync(Ct)).State().ProcessVariables;
    }

    private static async Task<string> IncidentMessageAsync(RuntimeTestHost host)
    {
        await Eventually.TrueAsync(async () =>
        {
            await using var db = host.OpenAllTenants();
            return await db.Incidents.AnyAsync(Ct);
        }, "the failing script raises an incident");
        await using var check = host.OpenAllTenants();
        var incident = await check.Incidents.SingleAsync(Ct);
        Assert.Equal("calculate", incident.ElementId);
        var instance = await check.ProcessInstances.SingleAsync(Ct);
        Assert.Equal((InstanceStatus.Active, true), (instance.Status, instance.HasIncident));
        return incident.Message;
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task The_value_of_the_last_expression_goes_into_the_result_variable(DatabaseProvider provider)
    {
        await using var host = await RuntimeTestHost.CreateAsync(provider, settings: ScriptsOn);
        await host.DeployXmlAsync("scripted.bpmn", Model("var total = a + b; total * 10"));
        await StartAsync(host, ("a", 1), ("b", 2));
        await host.StartExecutorAsync();

        var variables = await CompletedVariablesAsync(host);

        Assert.Equal(30, variables["sum"].GetInt32());
        Assert.False(variables.ContainsKey("total")); // script locals stay in the script
    }

    [Fact]
    public async Task Variables_the_script_sets_become_process_variables_and_it_reads_objects_as_plain_values()
    {
        await using var host = await RuntimeTestHost.CreateAsync(DatabaseProvider.Sqlite, settings: ScriptsOn);
        await host.DeployXmlAsync("scripted.bpmn", Model("""
            var lines = variables.get('order').lines;
            variables.set('count', lines.length);
            variables.set('summary', { first: lines[0].sku, customer: customer.toUpperCase() });
            order.lines.push({ sku: 'changed copy' });
            """, attributes: ""));
        await StartAsync(host, ("order", new { lines = new[] { new { sku = "A-1" }, new { sku = "B-2" } } }), ("customer", "acme"));
        await host.StartExecutorAsync();

        var variables = await CompletedVariablesAsync(host);

        Assert.Equal(2, variables["count"].GetInt32());
        Assert.Equal("A-1", variables["summary"].GetProperty("first").GetString());
        Assert.Equal("ACME", variables["summary"].GetProperty("customer").GetString());
        Assert.Equal(2, variables["order"].GetProperty("lines").GetArrayLength()); // the script changed a copy, never set it
    }

    [Fact]
    public async Task An_endless_loop_is_stopped_by_the_statement_limit_and_raises_an_incident()
    {
        await using var host = await RuntimeTestHost.CreateAsync(DatabaseProvider.Sqlite, settings: ScriptsOn);
        await host.DeployXmlAsync("scripted.bpmn", Model("while (true) { }"));
        await StartAsync(host);
        await host.StartExecutorAsync();

        var message = await IncidentMessageAsync(host);

        Assert.Contains("Script task 'calculate' failed", message);
        Assert.Contains("limit of 5,000 statements", message);
    }

    [Fact]
    public async Task A_failed_script_job_keeps_the_instance_flagged_through_other_commands_until_new_retries_let_it_finish()
    {
        await using var host = await RuntimeTestHost.CreateAsync(DatabaseProvider.Sqlite, settings: ScriptsOn);
        await host.DeployXmlAsync("scripted.bpmn", Model("if (!variables.get('fixed')) { throw new Error('not fixed yet'); } 'ok'"));
        await StartAsync(host);
        await host.StartExecutorAsync();
        Assert.Contains("Error: not fixed yet", await IncidentMessageAsync(host));
        string instanceId, jobId;
        await using (var db = host.OpenAllTenants())
            (instanceId, jobId) = (await db.ProcessInstances.SingleAsync(Ct)).Id is var id ? (id, (await db.Jobs.SingleAsync(Ct)).Id) : default;

        await using (var operator_ = host.As("bob", Role.Admin))
        {
            await operator_.Get<ProcessInstanceService>().SetVariablesAsync(instanceId,
                new Dictionary<string, JsonElement> { ["fixed"] = JsonSerializer.SerializeToElement(true) }, Ct);
            await using (var db = host.OpenAllTenants())
                Assert.True((await db.ProcessInstances.SingleAsync(Ct)).HasIncident); // the engine's state has no incident, the job has
            await operator_.Get<Wbpm.Infrastructure.Jobs.JobOperations>().SetRetriesAsync(jobId, 1, Ct);
        }

        var variables = await CompletedVariablesAsync(host);
        Assert.Equal("ok", variables["sum"].GetString());
        await using var check = host.OpenAllTenants();
        Assert.False((await check.ProcessInstances.SingleAsync(Ct)).HasIncident);
    }

    [Theory]
    [InlineData("System.IO.File.ReadAllText('/etc/passwd')", "System is not defined")]
    [InlineData("importNamespace('System.IO')", "importNamespace is not defined")]
    [InlineData("require('fs')", "require is not defined")]
    public async Task A_script_that_reaches_for_the_host_fails_with_an_incident(string script, string error)
    {
        await using var host = await RuntimeTestHost.CreateAsync(DatabaseProvider.Sqlite, settings: ScriptsOn);
        await host.DeployXmlAsync("scripted.bpmn", Model(script));
        await StartAsync(host);
        await host.StartExecutorAsync();

        var message = await IncidentMessageAsync(host);

        Assert.Contains("ReferenceError", message);
        Assert.Contains(error, message);
    }

    [Fact]
    public async Task Deploying_a_script_task_while_scripting_is_disabled_is_an_error_on_the_element()
    {
        await using var host = await RuntimeTestHost.CreateAsync(DatabaseProvider.Sqlite);

        var rejected = await Assert.ThrowsAsync<DeploymentRejectedException>(() => host.DeployXmlAsync("scripted.bpmn", Model("1 + 1")));

        var problem = Assert.Single(rejected.Problems, p => p.Severity == DeploymentProblem.Error);
        Assert.Equal("calculate", problem.ElementId);
        Assert.Contains("Script task", problem.Message);
        await using var db = host.OpenAllTenants();
        Assert.False(await db.ProcessDefinitions.AnyAsync(Ct));
    }

    [Fact]
    public async Task Deploying_a_script_in_another_language_is_an_error_on_the_element()
    {
        await using var host = await RuntimeTestHost.CreateAsync(DatabaseProvider.Sqlite, settings: ScriptsOn);

        var rejected = await Assert.ThrowsAsync<DeploymentRejectedException>(() =>
            host.DeployXmlAsync("scripted.bpmn", Model("println 'hi'", format: "groovy")));

        var problem = Assert.Single(rejected.Problems, p => p.Severity == DeploymentProblem.Error);
        Assert.Equal("calculate", problem.ElementId);
        Assert.Contains("'groovy'", problem.Message);
    }

    [Fact]
    public async Task A_script_job_of_a_server_where_scripting_was_switched_off_fails_with_an_incident_saying_so()
    {
        await using var host = await RuntimeTestHost.CreateAsync(DatabaseProvider.Sqlite);
        await using (var db = host.OpenAllTenants())
        {
            db.Jobs.Add(new Wbpm.Domain.Jobs.Job(new Wbpm.Domain.Jobs.NewJob("script-job", RuntimeTestHost.TenantA, Wbpm.Domain.Jobs.JobKinds.Script,
                DateTimeOffset.UtcNow, "pi-1", "calculate", RetryCycle: "R1/PT1S"), DateTimeOffset.UtcNow));
            await db.SaveChangesAsync(Ct);
        }

        await host.StartExecutorAsync();

        await Eventually.TrueAsync(async () =>
        {
            await using var db = host.OpenAllTenants();
            return await db.Incidents.AnyAsync(Ct);
        }, "the script job raises an incident");
        await using var check = host.OpenAllTenants();
        var incident = await check.Incidents.SingleAsync(Ct);
        Assert.Equal(("script-job", "calculate"), (incident.JobId, incident.ElementId));
        Assert.Contains("scripting is disabled", incident.Message);
    }
}
