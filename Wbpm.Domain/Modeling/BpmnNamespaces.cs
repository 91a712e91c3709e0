using System.Xml.Linq;

namespace Wbpm.Domain.Modeling;

/// <summary>The XML namespaces BPMN documents use, and our extension namespace.</summary>
public static class BpmnNamespaces
{
    /// <summary>BPMN 2.0 semantic model (spec section 8).</summary>
    public static readonly XNamespace Model = "http://www.omg.org/spec/BPMN/20100524/MODEL";

    /// <summary>BPMN 2.0 diagram interchange (spec section 12).</summary>
    public static readonly XNamespace Di = "http://www.omg.org/spec/BPMN/20100524/DI";

    public static readonly XNamespace DiagramCommon = "http://www.omg.org/spec/DD/20100524/DC";
    public static readonly XNamespace DiagramInterchange = "http://www.omg.org/spec/DD/20100524/DI";
    public static readonly XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";

    /// <summary>Our extension attributes and elements (prefix <c>wbpm</c>). Wins over camunda when both are set.</summary>
    public static readonly XNamespace Wbpm = "http://wbpm.dev/schema/bpmn";

    /// <summary>Camunda 7 extensions, accepted so Camunda 7 users can bring their models.</summary>
    public static readonly XNamespace Camunda = "http://camunda.org/schema/1.0/bpmn";
}
