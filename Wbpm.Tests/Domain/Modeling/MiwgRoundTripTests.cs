using System.Xml.Linq;
using Wbpm.Domain.Modeling;

namespace Wbpm.Tests.Domain.Modeling;

/// <summary>Every MIWG reference model reads, and writes back semantically identical (elements, attributes, DI).</summary>
public sealed class MiwgRoundTripTests
{
    [Fact]
    public void AllTwentyOneReferenceModelsArePresent() => Assert.Equal(21, MiwgFixtures.Names.Count);

    [Theory]
    [MemberData(nameof(MiwgFixtures.Names), MemberType = typeof(MiwgFixtures))]
    public void ReferenceModelReadsWithoutError(string name)
    {
        using var stream = File.OpenRead(MiwgFixtures.PathOf(name));
        var model = new BpmnReader().Read(stream);
        Assert.NotEmpty(model.Definitions.RootElements);
    }

    [Theory]
    [MemberData(nameof(MiwgFixtures.Names), MemberType = typeof(MiwgFixtures))]
    public void ReferenceModelWritesBackEveryElementAttributeAndDiagramShape(string name)
    {
        using var stream = File.OpenRead(MiwgFixtures.PathOf(name));
        var model = new BpmnReader().Read(stream);

        var written = BpmnWriter.Write(model);

        var original = XDocument.Load(MiwgFixtures.PathOf(name));
        XmlCanonicalForm.AssertEquivalent(original, XDocument.Parse(written), name);
    }

    [Theory]
    [MemberData(nameof(MiwgFixtures.Names), MemberType = typeof(MiwgFixtures))]
    public void ReferenceModelWrittenOutputReadsBackToTheSameOutput(string name)
    {
        using var stream = File.OpenRead(MiwgFixtures.PathOf(name));
        var once = BpmnWriter.Write(new BpmnReader().Read(stream));

        var twice = BpmnWriter.Write(BpmnReader.ReadString(once));

        XmlCanonicalForm.AssertEquivalent(XDocument.Parse(once), XDocument.Parse(twice), name);
    }
}
