using System.Text.Json.Serialization;

namespace Wbpm.Infrastructure.Inbox;

/// <summary>The inbox's lists. <see cref="All"/> needs task.manage.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<InboxView>))]
public enum InboxView { Mine, MyGroups, Unassigned, Overdue, DueSoon, CompletedByMe, All }

[JsonConverter(typeof(JsonStringEnumConverter<InboxSort>))]
public enum InboxSort { Due, FollowUp, Created, Priority, Name, Process, BusinessKey, Assignee }

[JsonConverter(typeof(JsonStringEnumConverter<VariableOperator>))]
public enum VariableOperator { Eq, Contains, Gt, Ge, Lt, Le }

/// <summary>
/// "Process variable <see cref="Name"/> (of type <see cref="Type"/>) <see cref="Operator"/> <see cref="Value"/>".
/// Value is text as typed: a number with a dot as decimal separator, an ISO 8601 date, true/false.
/// </summary>
public sealed record VariableFilter(string Name, VariableType Type, VariableOperator Operator, string Value);

/// <summary>What narrows an inbox list (a saved filter stores exactly this). Text fields match parts, case as typed.</summary>
public sealed record InboxFilter
{
    public InboxView View { get; init; } = InboxView.MyGroups;
    public string? DefinitionKey { get; init; }
    public string? Name { get; init; }
    public string? BusinessKey { get; init; }
    public string? Assignee { get; init; }
    public int? MinPriority { get; init; }
    public DateTimeOffset? DueFrom { get; init; }
    public DateTimeOffset? DueTo { get; init; }
    public DateTimeOffset? FollowUpFrom { get; init; }
    public DateTimeOffset? FollowUpTo { get; init; }
    public IReadOnlyList<VariableFilter> Variables { get; init; } = [];
    public InboxSort Sort { get; init; } = InboxSort.Due;
    public bool Descending { get; init; }
}

/// <summary>One row of an inbox list.</summary>
public sealed record InboxRow(string Id, string? Name, string ProcessInstanceId, string DefinitionKey, string? ProcessName,
    string? BusinessKey, string? Assignee, int Priority, DateTimeOffset CreatedAt, DateTimeOffset? DueDate,
    DateTimeOffset? FollowUpDate, DateTimeOffset? CompletedAt, string? CompletedBy);

/// <summary>A page of rows; <see cref="Total"/> stops counting at <see cref="InboxQueries.CountLimit"/> (then <see cref="TotalIsCapped"/>).</summary>
public sealed record InboxPage(IReadOnlyList<InboxRow> Items, int Total, bool TotalIsCapped);

/// <summary>A variable a process offers for filtering (seen on its instances).</summary>
public sealed record FilterableVariable(string Name, VariableType Type);
