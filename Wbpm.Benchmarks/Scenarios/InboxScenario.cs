using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Security.Claims;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Microsoft.Extensions.DependencyInjection;
using Wbpm.Domain.Security;
using Wbpm.Domain.Tenancy;
using Wbpm.Infrastructure.Identity;
using Wbpm.Infrastructure.Inbox;
using Wbpm.Infrastructure.Persistence;

namespace Wbpm.Benchmarks.Scenarios;

/// <summary>
/// Issue #6: "my groups' open tasks, filtered by one process variable, sorted by due date, first page of 50" over
/// 1,000,000 task rows, through the real <see cref="InboxQueries"/> on SQLite (and PostgreSQL with WBPM_BENCH_POSTGRES).
/// Data: 80% open; one candidate group of five per task (the user is in two: 40%); variables region (five values: 20%)
/// and amount per instance; 10% without a due date. WBPM_BENCH_INBOX_TASKS overrides the row count.
/// Prints the query plan the database chose for the measured query.
/// </summary>
public sealed class InboxScenario : IBenchmarkScenario
{
    private static readonly int TaskCount = int.TryParse(Environment.GetEnvironmentVariable("WBPM_BENCH_INBOX_TASKS"), out var n) ? n : 1_000_000;
    private static readonly string[] Groups = ["g0", "g1", "g2", "g3", "g4"];
    private static readonly string[] Regions = ["north", "south", "east", "west", "central"];
    private const string User = "bench-user";

    public string Name => "inbox";

    public async Task<IReadOnlyList<BenchmarkResult>> RunAsync()
    {
        var results = new List<BenchmarkResult>();
        var providers = new List<DatabaseProvider> { DatabaseProvider.Sqlite };
        if (Environment.GetEnvironmentVariable("WBPM_BENCH_POSTGRES") is { Length: > 0 })
            providers.Add(DatabaseProvider.PostgreSql);
        foreach (var provider in providers)
            results.AddRange(await RunAsync(provider));
        return results;
    }

    private static async Task<IEnumerable<BenchmarkResult>> RunAsync(DatabaseProvider provider)
    {
        await using var host = await RuntimeBenchHost.CreateAsync(provider);
        var now = DateTimeOffset.UtcNow;
        var seeding = Stopwatch.StartNew();
        await SeedAsync(host, provider, now);
        seeding.Stop();
        Console.Error.WriteLine($"  {provider}: seeded {TaskCount:N0} tasks in {seeding.Elapsed.TotalSeconds:F0} s");

        var filter = new InboxFilter
        {
            View = InboxView.MyGroups, Sort = InboxSort.Due,
            Variables = [new VariableFilter("region", VariableType.Text, VariableOperator.Eq, "north")],
        };
        var amountFilter = filter with { Variables = [new VariableFilter("amount", VariableType.Number, VariableOperator.Ge, "9000")] };
        using var capture = new LastInboxCommand();
        var page = await MeasureAsync(host, q => q.RowsAsync(filter, 0, 50));
        await PrintPlanAsync(host, provider, capture.Command);
        var amountPage = await MeasureAsync(host, q => q.RowsAsync(amountFilter, 0, 50));
        var count = await MeasureAsync(host, q => q.CountAsync(filter));
        var counts = await MeasureAsync(host, q => q.CountsAsync(), iterations: 50);
        var rows = $"{TaskCount:N0} tasks";
        return
        [
            Result(provider, "my groups + region = north, by due, first 50", page, "p95 < 50 ms", $"{rows}; 4% of tasks match"),
            Result(provider, "my groups + amount >= 9000, by due, first 50", amountPage, "", $"{rows}; 3% match"),
            Result(provider, "the same list's count (capped at 1,000)", count, "", rows),
            Result(provider, "counts of all six views (navigation)", counts, "", rows),
        ];
    }

    private static BenchmarkResult Result(DatabaseProvider provider, string measure,
        (double P50, double P95, double P99, double Max, double PerSecond) run, string target, string notes) =>
        new($"Inbox over 1M tasks ({provider})", measure, run.PerSecond, run.P50, run.P95, run.P99, run.Max, target, notes);

    private static async Task<(double P50, double P95, double P99, double Max, double PerSecond)> MeasureAsync(RuntimeBenchHost host,
        Func<InboxQueries, Task> query, int iterations = 300)
    {
        await using var scope = AsUser(host);
        var queries = scope.ServiceProvider.GetRequiredService<InboxQueries>();
        for (var i = 0; i < 20; i++)
            await query(queries);
        var samples = new double[iterations];
        var total = Stopwatch.StartNew();
        for (var i = 0; i < iterations; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await query(queries);
            samples[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }
        total.Stop();
        Array.Sort(samples);
        return (Latencies.Percentile(samples, 0.5), Latencies.Percentile(samples, 0.95), Latencies.Percentile(samples, 0.99), samples[^1],
            iterations / total.Elapsed.TotalSeconds);
    }

    private static AsyncServiceScope AsUser(RuntimeBenchHost host)
    {
        var scope = host.Services.CreateAsyncScope();
        var identity = new ClaimsIdentity([
            new Claim(ClaimTypes.NameIdentifier, User), new Claim(ClaimTypes.Name, User),
            new Claim(WbpmClaimTypes.TenantId, RuntimeBenchHost.Tenant), new Claim(ClaimTypes.Role, Role.User)], "Bench");
        scope.ServiceProvider.GetRequiredService<ClaimsCurrentUser>().Set(new ClaimsPrincipal(identity));
        return scope;
    }

    private static async Task SeedAsync(RuntimeBenchHost host, DatabaseProvider provider, DateTimeOffset now)
    {
        await using (var db = host.Open())
        {
            db.Users.Add(new WbpmUser { Id = User, UserName = User, NormalizedUserName = User.ToUpperInvariant(), TenantId = RuntimeBenchHost.Tenant, DisplayName = User });
            foreach (var key in Groups)
            {
                var group = new Group($"id-{key}", RuntimeBenchHost.Tenant, key, key, null);
                if (key is "g0" or "g1")
                    group.AddMember(User);
                db.Groups.Add(group);
            }
            await db.SaveChangesAsync();
        }
        await using var context = host.Open();
        var connection = context.Database.GetDbConnection();
        await connection.OpenAsync();
        var random = new Random(42);
        var sqlite = provider == DatabaseProvider.Sqlite;
        var toBinary = new DateTimeOffsetToBinaryConverter();
        string Date(DateTimeOffset value) => sqlite
            ? ((long)toBinary.ConvertToProvider(value)!).ToString(CultureInfo.InvariantCulture)
            : $"'{value.UtcDateTime:yyyy-MM-dd HH:mm:ss.ffffff}+00'";
        const int batch = 1_000;
        DbTransaction? transaction = null;
        for (var start = 0; start < TaskCount; start += batch)
        {
            if (start % 100_000 == 0)
            {
                if (transaction is not null) await transaction.CommitAsync();
                transaction = await connection.BeginTransactionAsync();
            }
            var tasks = new StringBuilder("INSERT INTO \"UserTasks\" (\"Id\",\"TenantId\",\"ProcessInstanceId\",\"ElementId\",\"TokenId\",\"Name\",\"ProcessName\",\"DefinitionKey\",\"BusinessKey\",\"Assignee\",\"Priority\",\"DueDate\",\"FollowUpDate\",\"Status\",\"CreatedAt\",\"CompletedAt\",\"CompletedBy\",\"Revision\") VALUES ");
            var candidates = new StringBuilder("INSERT INTO \"TaskCandidates\" (\"TaskId\",\"Kind\",\"Value\",\"TenantId\") VALUES ");
            var variables = new StringBuilder("INSERT INTO \"InstanceVariables\" (\"ProcessInstanceId\",\"Name\",\"TenantId\",\"DefinitionKey\",\"Type\",\"TextValue\",\"NumberValue\",\"DateValue\",\"BooleanValue\") VALUES ");
            for (var i = start; i < Math.Min(start + batch, TaskCount); i++)
            {
                var separator = i == start ? "" : ",";
                var id = $"t{i:D8}";
                var instance = $"i{i:D8}";
                var open = random.NextDouble() < 0.8;
                var created = now.AddMinutes(-random.Next(0, 60 * 24 * 60));
                var due = random.NextDouble() < 0.1 ? "NULL" : Date(now.AddMinutes(random.Next(-60 * 24 * 10, 60 * 24 * 30)));
                var status = open ? "'Open'" : "'Completed'";
                var completedAt = open ? "NULL" : Date(created.AddHours(1));
                var completedBy = open ? "NULL" : "'someone'";
                tasks.Append(CultureInfo.InvariantCulture, $"{separator}('{id}','bench','{instance}','review','t1','Review order {i}','Order handling','orders','ORD-{i}',NULL,{random.Next(0, 100)},{due},NULL,{status},{Date(created)},{completedAt},{completedBy},0)");
                candidates.Append(CultureInfo.InvariantCulture, $"{separator}('{id}','Group','{Groups[random.Next(Groups.Length)]}','bench')");
                variables.Append(CultureInfo.InvariantCulture, $"{separator}('{instance}','region','bench','orders','Text','{Regions[random.Next(Regions.Length)]}',NULL,NULL,NULL),");
                variables.Append(CultureInfo.InvariantCulture, $"('{instance}','amount','bench','orders','Number',NULL,{random.Next(0, 10_000)},NULL,NULL)");
            }
            foreach (var sql in new[] { tasks, candidates, variables })
            {
                await using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = sql.ToString();
                await command.ExecuteNonQueryAsync();
            }
        }
        await transaction!.CommitAsync();
        await using var analyze = connection.CreateCommand();
        analyze.CommandText = sqlite ? "ANALYZE" : "ANALYZE \"UserTasks\"; ANALYZE \"TaskCandidates\"; ANALYZE \"InstanceVariables\"";
        analyze.CommandTimeout = 600;
        await analyze.ExecuteNonQueryAsync();
    }

    private static async Task PrintPlanAsync(RuntimeBenchHost host, DatabaseProvider provider, CapturedCommand? measured)
    {
        if (measured is null)
            return;
        await using var db = host.Open();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var explain = connection.CreateCommand();
        explain.CommandText = (provider == DatabaseProvider.Sqlite ? "EXPLAIN QUERY PLAN " : "EXPLAIN (ANALYZE, BUFFERS) ") + measured.CommandText;
        foreach (var (name, value, type) in measured.Parameters)
        {
            var copy = explain.CreateParameter();
            copy.ParameterName = name;
            copy.Value = value;
            copy.DbType = type;
            explain.Parameters.Add(copy);
        }
        Console.Error.WriteLine($"  {provider} plan of the measured query:\n{measured.CommandText}");
        await using var reader = await explain.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            Console.Error.WriteLine("    " + string.Join(" | ", Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetValue(i)?.ToString())));
    }

    private sealed record CapturedCommand(string CommandText, IReadOnlyList<(string Name, object? Value, System.Data.DbType Type)> Parameters);

    /// <summary>Keeps the text and parameters of the last inbox page query EF ran (from its diagnostic events).</summary>
    private sealed class LastInboxCommand : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
    {
        private readonly IDisposable _subscription;
        private readonly List<IDisposable> _listeners = [];

        public LastInboxCommand() => _subscription = DiagnosticListener.AllListeners.Subscribe(this);

        public CapturedCommand? Command { get; private set; }

        public void OnNext(DiagnosticListener listener)
        {
            if (listener.Name == DbLoggerCategory.Name)
                lock (_listeners) _listeners.Add(listener.Subscribe(this));
        }

        public void OnNext(KeyValuePair<string, object?> value)
        {
            if (value.Key == RelationalEventId.CommandExecuting.Name && value.Value is CommandEventData data
                && data.Command.CommandText.Contains("\"UserTasks\"", StringComparison.Ordinal)
                && data.Command.CommandText.Contains("\"DueDate\" IS NOT NULL", StringComparison.Ordinal) && Command is null)
                Command = new CapturedCommand(data.Command.CommandText,
                    [.. data.Command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, p.Value, p.DbType))]);
        }

        public void OnCompleted() { }
        public void OnError(Exception error) { }

        public void Dispose()
        {
            _subscription.Dispose();
            lock (_listeners) _listeners.ForEach(l => l.Dispose());
        }
    }
}
