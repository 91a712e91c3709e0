using System.Security;

namespace Wbpm.Infrastructure.Designer;

/// <summary>
/// The XML of a new, empty process: one start event with its diagram shape, so the canvas opens with something to
/// draw from. Declares the wbpm namespace so our attributes need no extra declaration later.
/// </summary>
internal static class BlankProcess
{
    public static string Xml(string key, string name) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                          xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI"
                          xmlns:dc="http://www.omg.org/spec/DD/20100524/DC"
                          xmlns:wbpm="http://wbpm.dev/schema/bpmn"
                          id="Definitions_{key}" targetNamespace="http://wbpm.dev/bpmn" exporter="Wbpm" exporterVersion="1">
          <bpmn:process id="{key}" name="{SecurityElement.Escape(name)}" isExecutable="true">
            <bpmn:startEvent id="StartEvent_1" name="Start" />
          </bpmn:process>
          <bpmndi:BPMNDiagram id="BPMNDiagram_1">
            <bpmndi:BPMNPlane id="BPMNPlane_1" bpmnElement="{key}">
              <bpmndi:BPMNShape id="StartEvent_1_di" bpmnElement="StartEvent_1">
                <dc:Bounds x="180" y="160" width="36" height="36" />
              </bpmndi:BPMNShape>
            </bpmndi:BPMNPlane>
          </bpmndi:BPMNDiagram>
        </bpmn:definitions>
        """;

    /// <summary>A process id that is a valid XML NCName and unlikely to clash: Process_ + 8 hex digits.</summary>
    public static string NewKey() => "Process_" + Guid.NewGuid().ToString("N")[..8];
}
