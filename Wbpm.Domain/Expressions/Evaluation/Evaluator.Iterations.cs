using Wbpm.Domain.Expressions.Syntax;

namespace Wbpm.Domain.Expressions.Evaluation;

/// <summary>for / some / every over one or more iteration contexts (DMN 1.3 §10.3.2.13, §10.3.2.14).</summary>
internal sealed partial class Evaluator
{
    private List<object?>? EvalFor(ForNode loop, Scope scope)
    {
        var results = new List<object?>();
        var completed = Iterate(loop.Iterations, 0, scope, inner =>
        {
            results.Add(Eval(loop.Body, inner));
            EnsureListSize(results.Count);
            return true;
        });
        if (!completed)
        {
            return null;
        }

        _context.AllocateList(results.Count);
        return results;
    }

    /// <summary>some: true if any element satisfies the condition, else false. every: false if any does not (null counts as not).</summary>
    private bool? EvalQuantified(QuantifiedNode quantified, Scope scope)
    {
        var decided = false;
        var completed = Iterate(quantified.Iterations, 0, scope, inner =>
        {
            var satisfied = Eval(quantified.Condition, inner) is true;
            if (satisfied != quantified.IsEvery)
            {
                decided = true;
                return false; // stop: some found a match, or every found a failure
            }

            return true;
        });
        if (!completed && !decided)
        {
            return null;
        }

        return decided ? !quantified.IsEvery : quantified.IsEvery;
    }

    /// <summary>
    /// Runs <paramref name="body"/> for the cartesian product of the iteration contexts. Returns false when
    /// the body stopped early or a source was null (the caller decides which).
    /// </summary>
    private bool Iterate(IReadOnlyList<IterationContext> iterations, int index, Scope scope, Func<Scope, bool> body)
    {
        if (index == iterations.Count)
        {
            return body(scope);
        }

        var iteration = iterations[index];
        var elements = Elements(iteration, scope);
        if (elements is null)
        {
            return false;
        }

        foreach (var element in elements)
        {
            _context.Step();
            if (!Iterate(iterations, index + 1, scope.With(iteration.Name, element), body))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A list, a single value (as a singleton), or the integers of `from..to` (ascending or descending).</summary>
    private IEnumerable<object?>? Elements(IterationContext iteration, Scope scope)
    {
        var source = Eval(iteration.Source, scope);
        if (iteration.RangeEnd is null)
        {
            return source switch
            {
                null => null,
                IReadOnlyList<object?> list => list,
                _ => [source],
            };
        }

        if (source is not decimal from || Eval(iteration.RangeEnd, scope) is not decimal to
            || from != decimal.Truncate(from) || to != decimal.Truncate(to))
        {
            return null;
        }

        return IntegerRange(from, to);
    }

    private static IEnumerable<object?> IntegerRange(decimal from, decimal to)
    {
        var step = from <= to ? 1m : -1m;
        for (var i = from; step > 0 ? i <= to : i >= to; i += step)
        {
            yield return i;
        }
    }

    private void EnsureListSize(int count)
    {
        if (count > _context.Options.MaxListSize)
        {
            _context.AllocateList(count); // throws with the standard message
        }
    }
}
