namespace Wbpm.Domain.Expressions.Evaluation;

/// <summary>
/// FEEL three-valued logic (DMN 1.3 §10.3.2.5, table 51): false and anything is false, true or anything is
/// true; otherwise a null or non-boolean operand makes the result null.
/// </summary>
internal static class TernaryLogic
{
    public static bool? AsBoolean(object? value) => value as bool?;

    public static bool? And(bool? left, bool? right) =>
        left == false || right == false ? false : left == true && right == true ? true : null;

    public static bool? Or(bool? left, bool? right) =>
        left == true || right == true ? true : left == false && right == false ? false : null;

    public static bool? Not(bool? value) => value is null ? null : !value.Value;
}
