using System.Globalization;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Wbpm.Domain.Security;
using Wbpm.Infrastructure.Persistence;
using Wbpm.Infrastructure.Runtime;

namespace Wbpm.Infrastructure.Inbox;

/// <summary>
/// The inbox's read side over the task read rows: the lists (views) with their counts, filters on task columns and on
/// projected process variables, sorting and paging, all in SQL. Without task.manage every list holds only tasks the
/// user may work (assignee, candidate user, or a candidate group they belong to).
/// </summary>
public sealed class InboxQueries(TenantDbContextFactory contexts, ICurrentUser currentUser, TimeProvider time)
{
    public const int MaxTake = 200;

    /// <summary>
    /// Counting stops here: "1,000+" tells a person as much as an exact count over a million rows would, and a capped
    /// count reads a bounded number of index entries.
    /// </summary>
    public const int CountLimit = 1_000;

    /// <summary>"Due soon": due within this window from now (and not overdue yet).</summary>
    public static readonly TimeSpan DueSoonWindow = TimeSpan.FromHours(24);

    /// <summary>One page of the list and its (capped) total: what the inbox grid shows.</summary>
    public async Task<InboxPage> PageAsync(InboxFilter filter, int skip, int take, CancellationToken cancellationToken = default)
    {
        var items = await RowsAsync(filter, skip, take, cancellationToken);
        var total = await CountAsync(filter, cancellationToken);
        return new InboxPage(items, total, total >= CountLimit);
    }

    /// <summary>One page of the list, sorted (ties by task id, so pages never overlap).</summary>
    public async Task<IReadOnlyList<InboxRow>> RowsAsync(InboxFilter filter, int skip, int take, CancellationToken cancellationToken = default)
    {
        if (skip < 0)
            throw ValidationException.For("skip", "skip cannot be negative.");
        if (take is < 1 or > MaxTake)
            throw ValidationException.For("take", $"take is 1 to {MaxTake}.");
        await using var db = contexts.Create();
        return await SortedPageAsync(await FilteredAsync(db, filter, cancellationToken), filter, skip, take, cancellationToken);
    }

    /// <summary>How many tasks match, counting up to <see cref="CountLimit"/>.</summary>
    public async Task<int> CountAsync(InboxFilter filter, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.Create();
        return await CappedCountAsync(await FilteredAsync(db, filter, cancellationToken), cancellationToken);
    }

    /// <summary>The keys of the current user's groups (a task offered to one of them is in "My groups").</summary>
    public async Task<IReadOnlyList<string>> GroupKeysAsync(CancellationToken cancellationToken = default)
    {
        currentUser.Require(Permission.TaskWork);
        await using var db = contexts.Create();
        return (await WhoAsync(db, cancellationToken)).Groups;
    }

    /// <summary>How many tasks each list the user may open holds (capped at <see cref="CountLimit"/>).</summary>
    public async Task<IReadOnlyDictionary<InboxView, int>> CountsAsync(CancellationToken cancellationToken = default)
    {
        currentUser.Require(Permission.TaskWork);
        await using var db = contexts.Create();
        var who = await WhoAsync(db, cancellationToken);
        var counts = new Dictionary<InboxView, int>();
        foreach (var view in Views())
            counts[view] = await CappedCountAsync(InView(db, view, who), cancellationToken);
        return counts;
    }

    /// <summary>The lists this user may open, in navigation order.</summary>
    public IReadOnlyList<InboxView> Views() => currentUser.Has(Permission.TaskManage)
        ? Enum.GetValues<InboxView>()
        : [.. Enum.GetValues<InboxView>().Where(v => v != InboxView.All)];

    /// <summary>The variables a process offers for filtering: the distinct names and types seen on its instances.</summary>
    public async Task<IReadOnlyList<FilterableVariable>> VariablesAsync(string definitionKey, CancellationToken cancellationToken = default)
    {
        currentUser.Require(Permission.TaskWork);
        await using var db = contexts.Create();
        var rows = await db.InstanceVariables.AsNoTracking().Where(v => v.DefinitionKey == definitionKey)
            .Select(v => new { v.Name, v.Type }).Distinct().ToListAsync(cancellationToken);
        return rows.Select(r => new FilterableVariable(r.Name, r.Type)).OrderBy(v => v.Name, StringComparer.Ordinal).ThenBy(v => v.Type).ToList();
    }

    /// <summary>The processes that have tasks in the tenant (for the process filter): key and display name.</summary>
    public async Task<IReadOnlyList<(string Key, string Name)>> ProcessesAsync(CancellationToken cancellationToken = default)
    {
        currentUser.Require(Permission.TaskWork);
        await using var db = contexts.Create();
        var rows = await db.ProcessDefinitions.AsNoTracking().Select(d => new { d.Key, d.Name }).ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.Key).Select(g => (g.Key, g.Select(r => r.Name).LastOrDefault(n => !string.IsNullOrWhiteSpace(n)) ?? g.Key))
            .OrderBy(p => p.Item2, StringComparer.OrdinalIgnoreCase).ToList();
    }

    private async Task<IQueryable<UserTask>> FilteredAsync(WbpmDbContext db, InboxFilter filter, CancellationToken cancellationToken)
    {
        currentUser.Require(Permission.TaskWork);
        if (filter.View == InboxView.All)
            currentUser.Require(Permission.TaskManage);
        var variables = filter.Variables.Select((v, i) => ParsedVariableFilter.Parse(v, $"variables[{i}]")).ToList();
        var tasks = InView(db, filter.View, await WhoAsync(db, cancellationToken));
        if (Blank(filter.DefinitionKey) is { } key)
            tasks = tasks.Where(t => t.DefinitionKey == key);
        if (Blank(filter.Name) is { } name)
            tasks = tasks.Where(t => t.Name!.Contains(name));
        if (Blank(filter.BusinessKey) is { } businessKey)
            tasks = tasks.Where(t => t.BusinessKey!.Contains(businessKey));
        if (Blank(filter.Assignee) is { } assignee)
            tasks = tasks.Where(t => t.Assignee == assignee);
        if (filter.MinPriority is { } priority)
            tasks = tasks.Where(t => t.Priority >= priority);
        if (filter.DueFrom is { } dueFrom)
            tasks = tasks.Where(t => t.DueDate >= dueFrom);
        if (filter.DueTo is { } dueTo)
            tasks = tasks.Where(t => t.DueDate <= dueTo);
        if (filter.FollowUpFrom is { } followUpFrom)
            tasks = tasks.Where(t => t.FollowUpDate >= followUpFrom);
        if (filter.FollowUpTo is { } followUpTo)
            tasks = tasks.Where(t => t.FollowUpDate <= followUpTo);
        foreach (var variable in variables)
        {
            var matches = variable.Predicate();
            tasks = tasks.Where(t => db.InstanceVariables.Where(v => v.ProcessInstanceId == t.ProcessInstanceId && v.Name == variable.Name).Any(matches));
        }
        return tasks;
    }

    private sealed record Who(string? TenantId, string UserName, IReadOnlyList<string> Groups, bool Manages, DateTimeOffset Now);

    private async Task<Who> WhoAsync(WbpmDbContext db, CancellationToken cancellationToken)
    {
        var userId = currentUser.UserId;
        var groups = await db.Groups.Where(g => g.Members.Any(m => m.UserId == userId)).Select(g => g.Key).ToListAsync(cancellationToken);
        return new Who(currentUser.TenantId, currentUser.UserName ?? "", groups, currentUser.Has(Permission.TaskManage), time.GetUtcNow());
    }

    private static IQueryable<UserTask> InView(WbpmDbContext db, InboxView view, Who who)
    {
        // The tenant filter again, as a plain equality: the global filter's "all tenants OR tenant = x" hides the
        // (tenant, status, due) index prefix from SQLite's planner, which then sorts every open task.
        var tenant = who.TenantId;
        var tasks = db.UserTasks.AsNoTracking().Where(t => t.TenantId == tenant);
        var open = tasks.Where(t => t.Status == UserTaskStatus.Open);
        var me = who.UserName;
        var groups = who.Groups;
        // A candidate: named as candidate user, or one of the user's groups is a candidate group (TaskCandidates' key).
        Expression<Func<UserTask, bool>> offeredToMe = t => db.TaskCandidates.Any(c => c.TaskId == t.Id
            && ((c.Kind == CandidateKind.User && c.Value == me) || (c.Kind == CandidateKind.Group && groups.Contains(c.Value))));
        var visible = who.Manages ? open : open.Where(t => t.Assignee == me || db.TaskCandidates.Any(c => c.TaskId == t.Id
            && ((c.Kind == CandidateKind.User && c.Value == me) || (c.Kind == CandidateKind.Group && groups.Contains(c.Value)))));
        var now = who.Now;
        var soon = now + DueSoonWindow;
        return view switch
        {
            InboxView.Mine => open.Where(t => t.Assignee == me),
            InboxView.MyGroups => open.Where(offeredToMe),
            InboxView.Unassigned => visible.Where(t => t.Assignee == null),
            InboxView.Overdue => visible.Where(t => t.DueDate < now),
            InboxView.DueSoon => visible.Where(t => t.DueDate >= now && t.DueDate < soon),
            InboxView.CompletedByMe => tasks.Where(t => t.Status == UserTaskStatus.Completed && t.CompletedBy == me),
            InboxView.All => open,
            _ => throw ValidationException.For("view", $"'{view}' is not an inbox view."),
        };
    }

    private static async Task<IReadOnlyList<InboxRow>> SortedPageAsync(IQueryable<UserTask> tasks, InboxFilter filter, int skip, int take,
        CancellationToken cancellationToken)
    {
        return filter.Sort switch
        {
            InboxSort.Due => await NullsLastAsync(tasks, t => t.DueDate, filter.Descending, skip, take, cancellationToken),
            InboxSort.FollowUp => await NullsLastAsync(tasks, t => t.FollowUpDate, filter.Descending, skip, take, cancellationToken),
            InboxSort.Created => await RowsAsync(Order(tasks, t => t.CreatedAt, filter.Descending), skip, take, cancellationToken),
            InboxSort.Priority => await RowsAsync(Order(tasks, t => t.Priority, filter.Descending), skip, take, cancellationToken),
            InboxSort.Name => await RowsAsync(Order(tasks, t => t.Name, filter.Descending), skip, take, cancellationToken),
            InboxSort.Process => await RowsAsync(Order(tasks, t => t.ProcessName, filter.Descending), skip, take, cancellationToken),
            InboxSort.BusinessKey => await RowsAsync(Order(tasks, t => t.BusinessKey, filter.Descending), skip, take, cancellationToken),
            InboxSort.Assignee => await RowsAsync(Order(tasks, t => t.Assignee, filter.Descending), skip, take, cancellationToken),
            _ => throw ValidationException.For("sort", $"'{filter.Sort}' is not a sort column."),
        };
    }

    /// <summary>
    /// Tasks without a date go last in both directions. Providers disagree on where NULL sorts, and
    /// "ORDER BY x IS NULL, x" defeats the (status, date) index; two index-ordered reads keep both fast and equal.
    /// </summary>
    private static async Task<IReadOnlyList<InboxRow>> NullsLastAsync(IQueryable<UserTask> tasks,
        Expression<Func<UserTask, DateTimeOffset?>> date, bool descending, int skip, int take, CancellationToken cancellationToken)
    {
        var hasDate = Expression.Lambda<Func<UserTask, bool>>(Expression.NotEqual(date.Body, Expression.Constant(null, typeof(DateTimeOffset?))), date.Parameters);
        var noDate = Expression.Lambda<Func<UserTask, bool>>(Expression.Equal(date.Body, Expression.Constant(null, typeof(DateTimeOffset?))), date.Parameters);
        var dated = tasks.Where(hasDate);
        var first = await RowsAsync(Order(dated, date, descending), skip, take, cancellationToken);
        if (first.Count == take)
            return first;
        var datedTotal = first.Count > 0 ? skip + first.Count : await dated.CountAsync(cancellationToken);
        var rest = await RowsAsync(Order(tasks.Where(noDate), t => t.CreatedAt, descending), Math.Max(0, skip - datedTotal), take - first.Count, cancellationToken);
        return [.. first, .. rest];
    }

    private static IQueryable<UserTask> Order<TKey>(IQueryable<UserTask> tasks, Expression<Func<UserTask, TKey>> key, bool descending) =>
        descending ? tasks.OrderByDescending(key).ThenByDescending(t => t.Id) : tasks.OrderBy(key).ThenBy(t => t.Id);

    private static async Task<IReadOnlyList<InboxRow>> RowsAsync(IQueryable<UserTask> ordered, int skip, int take, CancellationToken cancellationToken) =>
        await ordered.Skip(skip).Take(take)
            .Select(t => new InboxRow(t.Id, t.Name, t.ProcessInstanceId, t.DefinitionKey, t.ProcessName, t.BusinessKey, t.Assignee,
                t.Priority, t.CreatedAt, t.DueDate, t.FollowUpDate, t.CompletedAt, t.CompletedBy))
            .ToListAsync(cancellationToken);

    private static Task<int> CappedCountAsync(IQueryable<UserTask> tasks, CancellationToken cancellationToken) =>
        tasks.Select(t => t.Id).Take(CountLimit).CountAsync(cancellationToken);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>A variable filter checked against its type, as an expression over the projection's typed columns.</summary>
    private sealed record ParsedVariableFilter(string Name, VariableType Type, VariableOperator Operator, string? Text, double? Number,
        DateTimeOffset? Date, bool DateOnly, bool? Boolean)
    {
        public static ParsedVariableFilter Parse(VariableFilter filter, string field)
        {
            if (string.IsNullOrWhiteSpace(filter.Name))
                throw ValidationException.For(field + ".name", "Name the process variable to filter by.");
            var value = filter.Value?.Trim() ?? "";
            var allowed = filter.Type switch
            {
                VariableType.Text => [VariableOperator.Eq, VariableOperator.Contains],
                VariableType.Boolean => [VariableOperator.Eq],
                _ => new[] { VariableOperator.Eq, VariableOperator.Gt, VariableOperator.Ge, VariableOperator.Lt, VariableOperator.Le },
            };
            if (!allowed.Contains(filter.Operator))
                throw ValidationException.For(field + ".operator",
                    $"A {filter.Type.ToString().ToLowerInvariant()} variable is compared with {string.Join(", ", allowed.Select(a => a.ToString().ToLowerInvariant()))}.");
            var name = filter.Name.Trim();
            switch (filter.Type)
            {
                case VariableType.Text:
                    if (value.Length == 0)
                        throw ValidationException.For(field + ".value", "Type the text to look for.");
                    return new(name, filter.Type, filter.Operator, value, null, null, false, null);
                case VariableType.Number:
                    if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || !double.IsFinite(number))
                        throw ValidationException.For(field + ".value", $"'{value}' is not a number (use a dot for decimals, e.g. 1250.50).");
                    return new(name, filter.Type, filter.Operator, null, number, null, false, null);
                case VariableType.Date:
                    if (InstanceVariableProjection.ReadDate(value) is not { } date)
                        throw ValidationException.For(field + ".value", $"'{value}' is not an ISO 8601 date (e.g. 2026-12-31 or 2026-12-31T17:00:00Z).");
                    return new(name, filter.Type, filter.Operator, null, null, date, value.Length == 10, null);
                case VariableType.Boolean:
                    if (!bool.TryParse(value, out var flag))
                        throw ValidationException.For(field + ".value", $"'{value}' is not true or false.");
                    return new(name, filter.Type, filter.Operator, null, null, null, false, flag);
                default:
                    throw ValidationException.For(field + ".type", $"'{filter.Type}' is not a variable type: use text, number, date or boolean.");
            }
        }

        public Expression<Func<InstanceVariable, bool>> Predicate()
        {
            var text = Text;
            var number = Number;
            var flag = Boolean;
            // A date without a time means that whole UTC day: "on" = the day, "after" = from the next day, "before" = up to it.
            var from = Date;
            var until = DateOnly ? Date?.AddDays(1) : Date;
            return (Type, Operator) switch
            {
                (VariableType.Text, VariableOperator.Eq) => v => v.TextValue == text,
                // "Not null" lets the planner use the partial (tenant, name, text) index for a substring too.
                (VariableType.Text, VariableOperator.Contains) => v => v.TextValue != null && v.TextValue.Contains(text!),
                (VariableType.Boolean, _) => v => v.BooleanValue == flag,
                (VariableType.Number, VariableOperator.Eq) => v => v.NumberValue == number,
                (VariableType.Number, VariableOperator.Gt) => v => v.NumberValue > number,
                (VariableType.Number, VariableOperator.Ge) => v => v.NumberValue >= number,
                (VariableType.Number, VariableOperator.Lt) => v => v.NumberValue < number,
                (VariableType.Number, VariableOperator.Le) => v => v.NumberValue <= number,
                (VariableType.Date, VariableOperator.Eq) when DateOnly => v => v.DateValue >= from && v.DateValue < until,
                (VariableType.Date, VariableOperator.Eq) => v => v.DateValue == from,
                (VariableType.Date, VariableOperator.Gt) when DateOnly => v => v.DateValue >= until,
                (VariableType.Date, VariableOperator.Gt) => v => v.DateValue > from,
                (VariableType.Date, VariableOperator.Ge) => v => v.DateValue >= from,
                (VariableType.Date, VariableOperator.Lt) => v => v.DateValue < from,
                (VariableType.Date, VariableOperator.Le) when DateOnly => v => v.DateValue < until,
                (VariableType.Date, VariableOperator.Le) => v => v.DateValue <= from,
                _ => throw new InvalidOperationException($"{Type} {Operator} passed validation but has no predicate."),
            };
        }
    }
}
