using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Wbpm.Domain.Security;
using Wbpm.Infrastructure.Runtime.Forms;
using Wbpm.Tests.Infrastructure;
using Wbpm.Tests.Support;
using Wbpm.Tests.Web.Components;
using Wbpm.Web.Features.Forms;
using static Wbpm.Tests.Domain.Forms.FormXml;

namespace Wbpm.Tests.Web.Forms;

/// <summary>FormView's markup: labelled Radzen inputs per field type, read-only values, outcome buttons.</summary>
public sealed class FormViewTests
{
    private static async Task<string> RenderAsync(string formContent, string values = "{}", bool withForm = true)
    {
        await using var db = await SqliteTestDatabase.CreateAsync();
        await db.AddUserAsync(db.TenantA, "carol", Role.Viewer);
        await using var scope = await db.AsAsync("admin-a");
        return await ComponentRenderer.RenderAsync<FormView>(TestPrincipals.Admin(db.TenantA.Id), new Dictionary<string, object?>
        {
            [nameof(FormView.Form)] = withForm ? Form(formContent) : null,
            [nameof(FormView.Values)] = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(values),
            [nameof(FormView.OnSubmit)] = (Func<FormViewSubmission, Task>)(_ => Task.CompletedTask),
        }, services => services.AddSingleton(scope.Get<UserDirectory>()));
    }

    [Fact]
    public async Task Every_field_type_renders_a_labelled_input()
    {
        var html = await RenderAsync(
            """
            <wbpm:field key="title" label="Title" required="true" /><wbpm:field key="reason" label="Reason" type="multiline" />
            <wbpm:field key="days" label="Days" type="number" min="1" /><wbpm:field key="from" label="From" type="date" />
            <wbpm:field key="urgent" label="Urgent" type="boolean" />
            <wbpm:field key="kind" label="Kind" type="select"><wbpm:option value="annual" label="Annual leave"/></wbpm:field>
            <wbpm:field key="deputy" label="Deputy" type="user" />
            """);

        foreach (var key in new[] { "title", "reason", "days", "from", "urgent" })
            Assert.Contains($"for=\"form-{key}\"", html);
        Assert.Contains("id=\"form-kind-label\"", html);
        Assert.Contains("aria-labelledby=\"form-deputy-label\"", html);
        Assert.Contains("<textarea", html);
        Assert.Contains("wbpm-required", html);
        Assert.Contains("At least 1.", html);
        Assert.Contains(">Complete<", html.Replace(" ", ""));
    }

    [Fact]
    public async Task Read_only_fields_show_their_value_and_outcomes_become_buttons()
    {
        var html = await RenderAsync(
            """
            <wbpm:field key="days" label="Days" type="number" readonly="true" />
            <wbpm:outcome label="Approve" variable="approved" value="true" /><wbpm:outcome label="Reject" variable="approved" value="false" />
            """, """{"days": 3}""");

        Assert.Contains("value=\"3\"", html);
        Assert.Contains("readonly", html);
        Assert.Contains("Approve", html);
        Assert.Contains("Reject", html);
        Assert.DoesNotContain(">Complete<", html);
    }

    [Fact]
    public async Task Without_a_form_only_the_complete_button_renders()
    {
        var html = await RenderAsync("", withForm: false);

        Assert.DoesNotContain("wbpm-field", html);
        Assert.Contains("Complete", html);
    }
}
