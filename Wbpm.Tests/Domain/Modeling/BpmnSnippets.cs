namespace Wbpm.Tests.Domain.Modeling;

/// <summary>Small BPMN documents for tests: default BPMN namespace, wbpm: and camunda: prefixes declared.</summary>
public static class BpmnSnippets
{
    public const string Namespaces =
        "xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" xmlns:wbpm=\"http://wbpm.dev/schema/bpmn\" " +
        "xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\"";

    /// <summary>A definitions document with one executable process "p" holding <paramref name="body"/>.</summary>
    public static string Process(string body, string rootElements = "") =>
        $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions {Namespaces} id="defs" targetNamespace="http://example.com/test">
          {rootElements}
          <process id="p" name="Test process" isExecutable="true">
            {body}
          </process>
        </definitions>
        """;

    /// <summary>start -> (node) -> end, with flows f1 and f2.</summary>
    public static string Around(string node, string nodeId, string rootElements = "") => Process(
        $"""
        <startEvent id="start"/>
        <sequenceFlow id="f1" sourceRef="start" targetRef="{nodeId}"/>
        {node}
        <sequenceFlow id="f2" sourceRef="{nodeId}" targetRef="end"/>
        <endEvent id="end"/>
        """, rootElements);
}
