using System.Text.Json;
using Jint;
using Jint.Native;
using Jint.Parser;
using Jint.Runtime;
using Jint.Runtime.Debugger;
using Microsoft.Extensions.Options;

namespace Wbpm.Infrastructure.Scripts;

/// <summary>What a script handed back: the value of its last expression (null: none) and the variables it set.</summary>
public sealed record ScriptOutcome(JsonElement? Result, IReadOnlyDictionary<string, JsonElement> SetVariables);

/// <summary>
/// Runs one ECMAScript 5 script (Jint) in a fresh engine with no host access: no CLR (AllowClr is never called, so
/// there is no <c>System</c>, <c>importNamespace</c> or <c>require</c>), strict mode, and limits on statements, time,
/// call depth and allocated memory. Variables go in as JSON text parsed by the script's own JSON.parse, so the script
/// only ever sees plain JavaScript values (copies); results come out through JSON.stringify. Thread-safe: nothing is
/// shared between runs.
/// </summary>
public sealed class JavaScriptSandbox(IOptions<ScriptOptions> options)
{
    // The variables API: process variables as globals (read) and `variables.get/set/has`. Changes are collected in a
    // plain object the prelude returns as its completion value, so the script itself cannot reach the collection.
    private const string Prelude = """
        (function (global, input) {
            var values = JSON.parse(input), changes = {};
            Object.keys(values).forEach(function (name) { global[name] = values[name]; });
            global.variables = Object.freeze({
                get: function (name) { return Object.prototype.hasOwnProperty.call(values, name) ? values[name] : undefined; },
                has: function (name) { return Object.prototype.hasOwnProperty.call(values, name); },
                set: function (name, value) {
                    if (typeof name !== 'string' || name.length === 0) throw new TypeError('variables.set needs a variable name');
                    values[name] = value;
                    changes[name] = value;
                }
            });
            return changes;
        })(this, __wbpmInput);
        """;

    /// <exception cref="ScriptFailedException">The script threw, broke a limit or returned a value that is not JSON.</exception>
    public ScriptOutcome Run(string script, IReadOnlyDictionary<string, JsonElement> variables)
    {
        var limits = options.Value;
        var allocatedAtStart = GC.GetAllocatedBytesForCurrentThread();
        var engine = new Engine(o => o
            .Strict()
            .MaxStatements(limits.MaxStatements)
            .TimeoutInterval(limits.Timeout)
            .LimitRecursion(limits.MaxRecursion)
            .DebugMode());
        // Jint 2 has no memory limit of its own: its step hook (debug mode) runs before every statement on this thread,
        // so the bytes this thread allocated since the start bound what the script can build up. Step mode costs about
        // 2 KB and a few microseconds per statement: fine for the short scripts of script tasks.
        engine.Step += (_, _) =>
        {
            var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedAtStart;
            if (allocated > limits.MemoryLimit)
                throw new ScriptFailedException($"The script allocated more than the memory limit of {limits.MemoryLimit:N0} bytes.");
            return StepMode.Into;
        };
        try
        {
            engine.SetValue("__wbpmInput", JsonSerializer.Serialize(variables));
            var changes = engine.Execute(Prelude).GetCompletionValue();
            engine.Execute("__wbpmInput = undefined;");
            var completion = engine.Execute(script).GetCompletionValue();
            var result = ToJson(engine, completion, limits, "the script's result");
            var set = ToJson(engine, changes, limits, "the variables the script set");
            var setVariables = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            if (set is { ValueKind: JsonValueKind.Object } changed)
                foreach (var property in changed.EnumerateObject())
                    setVariables[property.Name] = property.Value.Clone();
            return new ScriptOutcome(result, setVariables);
        }
        catch (ScriptFailedException)
        {
            throw;
        }
        catch (JavaScriptException e)
        {
            throw new ScriptFailedException($"The script threw {e.Error} (line {e.LineNumber}).");
        }
        catch (ParserException e)
        {
            throw new ScriptFailedException($"The script is not valid JavaScript (ECMAScript 5): {e.Description} (line {e.LineNumber}, column {e.Column}).");
        }
        catch (StatementsCountOverflowException)
        {
            throw new ScriptFailedException($"The script ran more than the limit of {limits.MaxStatements:N0} statements (an endless loop?).");
        }
        catch (RecursionDepthOverflowException)
        {
            throw new ScriptFailedException($"The script nested calls deeper than the limit of {limits.MaxRecursion} (runaway recursion?).");
        }
        catch (TimeoutException)
        {
            throw new ScriptFailedException($"The script ran longer than the limit of {limits.Timeout.TotalSeconds:0.###} s.");
        }
    }

    /// <summary>JSON.stringify of a script value (null when it has no JSON form: undefined, a function).</summary>
    private static JsonElement? ToJson(Engine engine, JsValue value, ScriptOptions limits, string what)
    {
        if (value.IsUndefined())
            return null;
        var text = engine.Json.Stringify(JsValue.Undefined, [value]);
        if (!text.IsString())
            return null;
        var json = text.AsString();
        if (json.Length > limits.MaxOutputLength)
            throw new ScriptFailedException($"The JSON of {what} is longer than the limit of {limits.MaxOutputLength:N0} characters.");
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
