using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Wbpm.Domain.Security;
using Wbpm.Infrastructure.Persistence;
using Wbpm.Infrastructure.Runtime;
using Wbpm.Tests.Infrastructure.Runtime;

namespace Wbpm.Tests.Infrastructure.Inbox;

/// <summary>Starts "Check order" tasks (inbox-order.bpmn) with a candidate group, a due date and variables, on a runtime host.</summary>
internal static class InboxWorld
{
    public static async Task<RuntimeTestHost> CreateAsync(DatabaseProvider provider)
    {
        var host = await RuntimeTestHost.CreateAsync(provider);
        await host.DeployAsync("inbox-order.bpmn", "approval.bpmn");
        await using var db = host.OpenAllTenants();
        var hr = new Wbpm.Domain.Tenancy.Group("g-hr", RuntimeTestHost.TenantA, "hr", "HR", null);
        hr.AddMember("carol");
        db.Groups.Add(hr);
        (await db.Groups.SingleAsync(g => g.Key == "managers")).AddMember("carol");
        await db.SaveChangesAsync();
        return host;
    }

    /// <summary>Starts an order check for <paramref name="group"/>, due at <paramref name="due"/>; returns the task id.</summary>
    public static async Task<string> StartOrderAsync(RuntimeTestHost host, string businessKey, string group, DateTimeOffset due,
        Dictionary<string, object>? variables = null)
    {
        var values = new Dictionary<string, JsonElement>
        {
            ["group"] = JsonSerializer.SerializeToElement(group),
            ["due"] = JsonSerializer.SerializeToElement(due.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ")),
        };
        foreach (var (name, value) in variables ?? [])
            values[name] = JsonSerializer.SerializeToElement(value);
        string instanceId;
        await using (var starter = host.As("starter", Role.User))
            instanceId = (await starter.Get<ProcessInstanceService>().StartByKeyAsync("inbox-order", new StartInstanceRequest(businessKey, values))).Id;
        await using var db = host.OpenAllTenants();
        return (await db.UserTasks.SingleAsync(t => t.ProcessInstanceId == instanceId)).Id;
    }

    public static async Task<string> InstanceOfAsync(RuntimeTestHost host, string taskId)
    {
        await using var db = host.OpenAllTenants();
        return (await db.UserTasks.SingleAsync(t => t.Id == taskId)).ProcessInstanceId;
    }
}
