using Wbpm.Domain.Expressions;

namespace Wbpm.Web.Features.Designer.Properties;

/// <summary>
/// Input or output parameters of an activity (wbpm:inputOutput): rows of variable name = FEEL expression. Inputs become
/// local variables of the activity before it runs; outputs are set in the enclosing scope when it completes (for a
/// <c>set</c> service task they are its whole work).
/// </summary>
public sealed class MappingListEditorModel
{
    public List<MappingRow> Rows { get; } = [];

    public static MappingListEditorModel From(IEnumerable<MappingData> mappings)
    {
        var model = new MappingListEditorModel();
        model.Rows.AddRange(mappings.Select(m => new MappingRow { Name = m.Name, Expression = m.Expression }));
        return model;
    }

    public MappingRow Add()
    {
        var row = new MappingRow();
        Rows.Add(row);
        return row;
    }

    /// <summary>Problems with paths "{prefix}[i].name" / "{prefix}[i].expression".</summary>
    public IReadOnlyList<PanelProblem> Problems(FeelEngine feel, string prefix)
    {
        var problems = new List<PanelProblem>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < Rows.Count; i++)
        {
            var row = Rows[i];
            if (FeelName.Problem(row.Name, "The variable") is { } nameProblem)
                problems.Add(new($"{prefix}[{i}].name", nameProblem));
            else if (!names.Add(row.Name.Trim()))
                problems.Add(new($"{prefix}[{i}].name", $"'{row.Name.Trim()}' is mapped twice."));
            if (string.IsNullOrWhiteSpace(row.Expression))
                problems.Add(new($"{prefix}[{i}].expression", "The FEEL expression giving the value is required."));
            else if (ExpressionCheck.Problem(feel, row.Expression) is { } expressionProblem)
                problems.Add(new($"{prefix}[{i}].expression", expressionProblem));
        }
        return problems;
    }

    public IReadOnlyList<MappingData> ToData() => Rows.Select(r => new MappingData(r.Name.Trim(), r.Expression.Trim())).ToList();
}

public sealed class MappingRow
{
    public string Name { get; set; } = "";
    public string Expression { get; set; } = "";
}
