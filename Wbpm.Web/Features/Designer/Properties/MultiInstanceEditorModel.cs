using Wbpm.Domain.Expressions;

namespace Wbpm.Web.Features.Designer.Properties;

/// <summary>
/// Multi-instance settings of an activity (BPMN 10.3.8): instances per item of a collection (each sees the item as the
/// element variable) or a fixed number (cardinality), in parallel or one after another, an optional completion
/// condition, and an optional output: each instance's output element collected into the output collection.
/// </summary>
public sealed class MultiInstanceEditorModel
{
    public bool IsSequential { get; set; }
    public string Collection { get; set; } = "";
    public string ElementVariable { get; set; } = "";
    public string Cardinality { get; set; } = "";
    public string CompletionCondition { get; set; } = "";
    public string OutputCollection { get; set; } = "";
    public string OutputElement { get; set; } = "";

    public static MultiInstanceEditorModel From(MultiInstanceData? data) => new()
    {
        IsSequential = data?.IsSequential ?? false,
        Collection = data?.Collection ?? "",
        ElementVariable = data?.ElementVariable ?? "",
        Cardinality = data?.Cardinality ?? "",
        CompletionCondition = data?.CompletionCondition ?? "",
        OutputCollection = data?.OutputCollection ?? "",
        OutputElement = data?.OutputElement ?? "",
    };

    public IReadOnlyList<PanelProblem> Problems(FeelEngine feel)
    {
        var problems = new List<PanelProblem>();
        if (string.IsNullOrWhiteSpace(Collection) && string.IsNullOrWhiteSpace(Cardinality))
            problems.Add(new("collection", "Give a collection to iterate, or a cardinality (how many instances)."));
        Expression("collection", Collection);
        Expression("cardinality", Cardinality);
        Expression("completionCondition", CompletionCondition);
        if (!string.IsNullOrWhiteSpace(ElementVariable) && FeelName.Problem(ElementVariable, "The element variable") is { } elementProblem)
            problems.Add(new("elementVariable", elementProblem));
        if (!string.IsNullOrWhiteSpace(Collection) && string.IsNullOrWhiteSpace(ElementVariable))
            problems.Add(new("elementVariable", "Name the variable each instance sees its item in."));
        var hasCollection = !string.IsNullOrWhiteSpace(OutputCollection);
        var hasElement = !string.IsNullOrWhiteSpace(OutputElement);
        if (hasCollection && FeelName.Problem(OutputCollection, "The output collection") is { } collectionProblem)
            problems.Add(new("outputCollection", collectionProblem));
        if (hasElement && FeelName.Problem(OutputElement, "The output element") is { } outputProblem)
            problems.Add(new("outputElement", outputProblem));
        if (hasCollection != hasElement)
            problems.Add(new(hasCollection ? "outputElement" : "outputCollection",
                "The output collection and the output element go together: each instance's element is collected into the collection."));
        return problems;

        void Expression(string path, string text)
        {
            if (ExpressionCheck.Problem(feel, text) is { } problem)
                problems.Add(new(path, problem));
        }
    }

    public MultiInstanceData ToData() => new()
    {
        IsSequential = IsSequential,
        Collection = Blank(Collection),
        ElementVariable = Blank(ElementVariable),
        Cardinality = Blank(Cardinality),
        CompletionCondition = Blank(CompletionCondition),
        OutputCollection = Blank(OutputCollection),
        OutputElement = Blank(OutputElement),
    };

    private static string? Blank(string text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
