namespace Wbpm.Infrastructure.Administration;

public sealed record PagedResult<T>(IReadOnlyList<T> Items, int TotalCount);
