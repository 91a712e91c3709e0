using System.Text.Json;
using Wbpm.Domain.Engine;
using Wbpm.Domain.Expressions;
using Wbpm.Domain.Modeling;
using Wbpm.Domain.Modeling.Validation;
using Wbpm.Infrastructure.Templates;
using static Wbpm.Tests.Domain.Engine.EngineHarness;

namespace Wbpm.Tests.Infrastructure.Templates;

/// <summary>
/// Every built-in template, as shipped with its default parameters: deployable (no validator errors), drawn
/// (every element has a diagram shape) and executable along its main path to the expected end event.
/// </summary>
public sealed class BuiltInTemplateTests
{
    private static readonly ModelValidator Validator = new(new FeelSyntaxChecker(new FeelEngine()));

    /// <summary>Template id, start variables, variables every user task completes with, worker result, expected end event.</summary>
    private static readonly Dictionary<string, (IReadOnlyDictionary<string, JsonElement> Start, IReadOnlyDictionary<string, JsonElement> Tasks, IReadOnlyDictionary<string, JsonElement>? Worker, string End)> MainPaths = new()
    {
        ["purchase-request"] = (Vars(("initiator", "alice"), ("item", "Laptop"), ("amount", 800)), Vars(("approved", true)), null, "end"),
        ["expense-claim"] = (Vars(("amount", 120), ("description", "Train")), Vars(("approved", true)), null, "end"),
        ["leave-request"] = (Vars(("employee", "alice"), ("days", 3)), Vars(("approved", true)), null, "end"),
        ["employee-onboarding"] = (Vars(("employee", "Erin")), Vars(), null, "end"),
        ["employee-offboarding"] = (Vars(("employee", "Frank")), Vars(), null, "end"),
        ["invoice-approval"] = (Vars(("vendor", "ACME"), ("amount", 900)), Vars(("approved", true)), null, "end"),
        ["contract-review"] = (Vars(("initiator", "alice"), ("value", 1000)), Vars(("changesRequired", false)), null, "end"),
        ["vendor-onboarding"] = (Vars(("vendor", "Initech")), Vars(("riskScore", 10)), null, "end"),
        ["customer-complaint"] = (Vars(("customer", "Globex")), Vars(("resolution", "Refund")), null, "end"),
        ["it-incident"] = (Vars(("summary", "Printer down")), Vars(("severity", "minor")), null, "end"),
        ["change-request"] = (Vars(("title", "Patch")), Vars(("risk", 4), ("approved", true)), null, "end"),
        ["document-review"] = (Vars(("initiator", "alice"), ("document", "Policy")), Vars(("changesRequired", false)), null, "end"),
        ["loan-application"] = (Vars(("amount", 20000), ("creditScore", 720)), Vars(("approved", true)), null, "end"),
        ["order-fulfilment"] = (Vars(("orderNumber", "SO-1")), Vars(("inStock", true)), null, "end"),
        ["data-quality-check"] = (Vars(("dataset", "customers")), Vars(), Vars(("errorRate", 1)), "end"),
    };

    public static TheoryData<string> TemplateIds() => new(TemplateRun.Library.All.Select(t => t.Id));

    [Fact]
    public void TheLibraryShipsAtLeastFifteenTemplatesAndEachHasAMainPathTest()
    {
        Assert.True(TemplateRun.Library.All.Count >= 15);
        Assert.Equal(MainPaths.Keys.Order(), TemplateRun.Library.All.Select(t => t.Id).Order());
    }

    [Theory]
    [MemberData(nameof(TemplateIds))]
    public void WithDefaultParametersTheTemplateHasNoValidationErrors(string id)
    {
        var process = TemplateInstantiation.WithDefaults(TemplateRun.Library.Find(id)!);

        var errors = Validator.Validate(BpmnReader.ReadString(process.Xml)).Where(i => i.Severity == ValidationSeverity.Error).ToList();

        Assert.Empty(errors);
        Assert.DoesNotContain("{{", process.Xml);
    }

    [Theory]
    [MemberData(nameof(TemplateIds))]
    public void EveryParameterIsUsedAndEveryPlaceholderIsAParameterWithAValidDefault(string id)
    {
        var template = TemplateRun.Library.Find(id)!;

        Assert.Equal(template.Parameters.Select(p => p.Name).Order(), TemplatePlaceholders.Find(template.Xml).Order());
        // An optional parameter may default to nothing (customer-complaint's escalation manager); a required one never.
        Assert.All(template.Parameters, p => Assert.False(p.Required && string.IsNullOrEmpty(p.Default)));
        Assert.NotEmpty(template.Description);
        Assert.NotEmpty(template.Variables);
    }

    [Theory]
    [MemberData(nameof(TemplateIds))]
    public void EveryFlowNodeAndFlowIsDrawnInTheDiagram(string id)
    {
        var process = TemplateInstantiation.WithDefaults(TemplateRun.Library.Find(id)!);
        var model = BpmnReader.ReadString(process.Xml);
        var drawn = System.Xml.Linq.XDocument.Parse(process.Xml).Descendants()
            .Where(e => e.Name.LocalName is "BPMNShape" or "BPMNEdge").Select(e => (string?)e.Attribute("bpmnElement")).ToHashSet();

        Assert.All(model.Processes.Single().FlowElements, element => Assert.Contains(element.Id, drawn));
    }

    [Theory]
    [MemberData(nameof(TemplateIds))]
    public void WithDefaultParametersTheMainPathRunsToCompletion(string id)
    {
        var (start, tasks, worker, end) = MainPaths[id];
        var run = TemplateRun.Start(id, startVariables: start);

        TemplateRun.ToEnd(run, tasks, worker);

        Assert.Equal(InstanceStatus.Completed, run.State.Status);
        Assert.Contains(end, run.History(HistoryEventKind.Completed));
        Assert.Empty(run.EffectsOf<IncidentRaised>());
        Assert.True(run.EffectsOf<UserTaskCreated>().Count + run.EffectsOf<ExternalTaskCreated>().Count > 0, "the main path has work for people or workers");
    }
}
