using Wbpm.Infrastructure.Inbox;

namespace Wbpm.Web.Features.Inbox;

/// <summary>What the inbox calls its lists, and how a due date reads (times are UTC, like everywhere in the app).</summary>
public static class InboxLabels
{
    public static string Of(InboxView view) => view switch
    {
        InboxView.Mine => "My tasks",
        InboxView.MyGroups => "My groups' tasks",
        InboxView.Unassigned => "Unassigned",
        InboxView.Overdue => "Overdue",
        InboxView.DueSoon => "Due soon",
        InboxView.CompletedByMe => "Completed by me",
        InboxView.All => "All tasks",
        _ => view.ToString(),
    };

    public static string Count(int count) => count >= InboxQueries.CountLimit ? $"{InboxQueries.CountLimit:N0}+" : count.ToString("N0");

    /// <summary>CSS class of a due date: red when past, amber when due later today (UTC).</summary>
    public static string DueClass(DateTimeOffset? due, DateTimeOffset now) => due switch
    {
        null => "",
        { } d when d < now => "wbpm-due-overdue",
        { } d when d.UtcDateTime.Date == now.UtcDateTime.Date => "wbpm-due-today",
        _ => "",
    };

    public static string Date(DateTimeOffset? value) => value is { } v ? v.UtcDateTime.ToString("yyyy-MM-dd HH:mm") : "—";

    public static string Operator(VariableOperator op, VariableType type) => (op, type) switch
    {
        (VariableOperator.Eq, VariableType.Date) => "on",
        (VariableOperator.Eq, _) => "=",
        (VariableOperator.Contains, _) => "contains",
        (VariableOperator.Gt, VariableType.Date) => "after",
        (VariableOperator.Ge, VariableType.Date) => "on or after",
        (VariableOperator.Lt, VariableType.Date) => "before",
        (VariableOperator.Le, VariableType.Date) => "on or before",
        (VariableOperator.Gt, _) => ">",
        (VariableOperator.Ge, _) => "≥",
        (VariableOperator.Lt, _) => "<",
        (VariableOperator.Le, _) => "≤",
        _ => op.ToString(),
    };

    public static IReadOnlyList<VariableOperator> OperatorsFor(VariableType type) => type switch
    {
        VariableType.Text => [VariableOperator.Eq, VariableOperator.Contains],
        VariableType.Boolean => [VariableOperator.Eq],
        _ => [VariableOperator.Eq, VariableOperator.Gt, VariableOperator.Ge, VariableOperator.Lt, VariableOperator.Le],
    };
}
