using System.Text.Json;
using Microsoft.Extensions.Options;
using Wbpm.Infrastructure.Scripts;

namespace Wbpm.Tests.Infrastructure.Scripts;

/// <summary>The sandbox on its own: values in and out, the variables API, and every limit turning into a clear failure.</summary>
public sealed class JavaScriptSandboxTests
{
    private static JavaScriptSandbox Sandbox(Action<ScriptOptions>? configure = null)
    {
        var options = new ScriptOptions { Enabled = true, MaxStatements = 10_000, Timeout = TimeSpan.FromSeconds(5) };
        configure?.Invoke(options);
        return new JavaScriptSandbox(Options.Create(options));
    }

    private static Dictionary<string, JsonElement> Vars(params (string Name, object? Value)[] values) =>
        values.ToDictionary(v => v.Name, v => JsonSerializer.SerializeToElement(v.Value));

    private static string Failure(JavaScriptSandbox sandbox, string script) =>
        Assert.Throws<ScriptFailedException>(() => sandbox.Run(script, Vars())).Message;

    [Fact]
    public void The_last_expression_is_the_result_and_variables_are_readable_as_globals_and_through_get()
    {
        var outcome = Sandbox().Run("var n = variables.get('items').length; amount * n + (variables.has('missing') ? 1 : 0)",
            Vars(("amount", 2.5), ("items", new[] { 1, 2, 3 })));

        Assert.Equal(7.5, outcome.Result!.Value.GetDouble());
        Assert.Empty(outcome.SetVariables);
    }

    [Fact]
    public void Set_variables_come_back_as_json_values_and_a_script_without_a_value_has_no_result()
    {
        var outcome = Sandbox().Run("variables.set('approved', true); variables.set('limits', [1, { max: 2 }]); var x = 1;", Vars());

        Assert.Null(outcome.Result);
        Assert.True(outcome.SetVariables["approved"].GetBoolean());
        Assert.Equal(2, outcome.SetVariables["limits"][1].GetProperty("max").GetInt32());
    }

    [Fact]
    public void A_thrown_error_names_its_message()
    {
        Assert.Contains("Error: amount missing", Failure(Sandbox(), "throw new Error('amount missing')"));
    }

    [Fact]
    public void Invalid_javascript_is_reported_with_its_position()
    {
        Assert.Contains("not valid JavaScript", Failure(Sandbox(), "var = ;"));
    }

    [Fact]
    public void Strict_mode_rejects_assigning_an_undeclared_name()
    {
        Assert.Contains("ReferenceError", Failure(Sandbox(), "undeclared = 1"));
    }

    [Fact]
    public void The_statement_limit_stops_an_endless_loop_even_inside_try_catch()
    {
        Assert.Contains("limit of 10,000 statements", Failure(Sandbox(), "try { for (;;) { } } catch (e) { 'escaped' }"));
    }

    [Fact]
    public void The_time_limit_stops_a_long_script()
    {
        // Only the time limit: an empty loop's step hook allocates ~2 KB a statement, so on a fast machine 200 ms of it
        // passed the default memory limit first.
        var sandbox = Sandbox(o => { o.MaxStatements = int.MaxValue; o.MemoryLimit = long.MaxValue; o.Timeout = TimeSpan.FromMilliseconds(200); });

        Assert.Contains("longer than the limit", Failure(sandbox, "while (true) { }"));
    }

    [Fact]
    public void The_memory_limit_stops_a_script_that_builds_up_data()
    {
        var sandbox = Sandbox(o => { o.MaxStatements = int.MaxValue; o.MemoryLimit = 4 * 1024 * 1024; });

        Assert.Contains("memory limit", Failure(sandbox, "var s = 'x'; var all = []; while (true) { s = s + s; all.push(s); }"));
    }

    [Fact]
    public void Runaway_recursion_is_stopped_by_the_call_depth_limit()
    {
        Assert.Contains("deeper than the limit", Failure(Sandbox(), "function f(n) { return f(n + 1); } f(0)"));
    }

    [Theory]
    [InlineData("System")]
    [InlineData("importNamespace('System')")]
    [InlineData("require('fs')")]
    [InlineData("clrHelper")]
    public void Nothing_of_the_host_is_reachable(string script)
    {
        Assert.Contains("ReferenceError", Failure(Sandbox(), script));
    }

    [Fact]
    public void A_result_larger_than_the_output_limit_fails()
    {
        var sandbox = Sandbox(o => o.MaxOutputLength = 100);

        Assert.Contains("longer than the limit of 100 characters", Failure(sandbox, "new Array(200).join('x')"));
    }
}
