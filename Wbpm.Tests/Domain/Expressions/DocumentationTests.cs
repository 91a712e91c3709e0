using Wbpm.Domain.Expressions;

namespace Wbpm.Tests.Domain.Expressions;

/// <summary>docs/expressions.md documents every built-in function with its exact signature.</summary>
public sealed class DocumentationTests
{
    private static readonly string Documentation = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docs", "expressions.md"));

    public static TheoryData<string> Signatures => new(FeelEngine.BuiltInFunctionSignatures);

    [Theory]
    [MemberData(nameof(Signatures))]
    public void EveryBuiltInFunctionIsDocumented(string signature) =>
        Assert.Contains($"`{signature}`", Documentation, StringComparison.Ordinal);
}
