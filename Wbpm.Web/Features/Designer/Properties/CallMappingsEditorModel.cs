using Wbpm.Domain.Expressions;

namespace Wbpm.Web.Features.Designer.Properties;

/// <summary>
/// A call activity's variable passing (wbpm:in to the called process, wbpm:out back): each row is "all variables", or
/// a target variable from a source variable or from a FEEL expression. With no rows nothing is passed (Camunda 7).
/// </summary>
public sealed class CallMappingsEditorModel
{
    public List<CallMappingRow> In { get; } = [];
    public List<CallMappingRow> Out { get; } = [];

    public static CallMappingsEditorModel From(IEnumerable<CallMappingData> inMappings, IEnumerable<CallMappingData> outMappings)
    {
        var model = new CallMappingsEditorModel();
        model.In.AddRange(inMappings.Select(CallMappingRow.From));
        model.Out.AddRange(outMappings.Select(CallMappingRow.From));
        return model;
    }

    public IReadOnlyList<PanelProblem> Problems(FeelEngine feel) => [.. Check(In, "in", feel), .. Check(Out, "out", feel)];

    private static IEnumerable<PanelProblem> Check(List<CallMappingRow> rows, string prefix, FeelEngine feel)
    {
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var at = $"{prefix}[{i}].";
            if (row.AllVariables)
                continue;
            if (FeelName.Problem(row.Target, "The target variable") is { } targetProblem)
                yield return new(at + "target", targetProblem);
            if (row.FromExpression)
            {
                if (string.IsNullOrWhiteSpace(row.Source))
                    yield return new(at + "source", "The FEEL expression giving the value is required.");
                else if (ExpressionCheck.Problem(feel, row.Source) is { } expressionProblem)
                    yield return new(at + "source", expressionProblem);
            }
            else if (FeelName.Problem(row.Source, "The source variable") is { } sourceProblem)
            {
                yield return new(at + "source", sourceProblem);
            }
        }
    }

    public CallMappingsData ToData() => new(In.Select(r => r.ToData()).ToList(), Out.Select(r => r.ToData()).ToList());
}

public sealed class CallMappingRow
{
    public bool AllVariables { get; set; }

    /// <summary>True: <see cref="Source"/> is a FEEL expression (sourceExpression); false: a variable name (source).</summary>
    public bool FromExpression { get; set; }

    public string Source { get; set; } = "";
    public string Target { get; set; } = "";

    public static CallMappingRow From(CallMappingData data) => new()
    {
        AllVariables = data.AllVariables,
        FromExpression = data.SourceExpression is not null,
        Source = data.SourceExpression ?? data.Source ?? "",
        Target = data.Target ?? "",
    };

    public CallMappingData ToData() => AllVariables
        ? new CallMappingData(null, null, null, true)
        : new CallMappingData(FromExpression ? null : Source.Trim(), FromExpression ? Source.Trim() : null, Target.Trim(), false);
}
