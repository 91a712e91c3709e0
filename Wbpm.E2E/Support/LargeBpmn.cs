using System.Text;

namespace Wbpm.E2E.Support;

/// <summary>A valid BPMN with diagram of about <c>elements</c> shapes and flows: a chain of tasks in rows.</summary>
public static class LargeBpmn
{
    public static string Chain(int elements)
    {
        // start + end + n tasks + n+1 flows = 2n + 3 elements, at least the number asked for.
        var tasks = Math.Max(1, (elements - 2) / 2);
        var process = new StringBuilder();
        var diagram = new StringBuilder();
        process.Append("<startEvent id=\"start\"/>");
        Shape(diagram, "start", 0, 36, 36);
        var previous = "start";
        for (var i = 1; i <= tasks; i++)
        {
            var id = "task_" + i;
            process.Append($"<task id=\"{id}\" name=\"Step {i}\"/><sequenceFlow id=\"f_{i}\" sourceRef=\"{previous}\" targetRef=\"{id}\"/>");
            Shape(diagram, id, i, 100, 80);
            Edge(diagram, "f_" + i, i - 1, i);
            previous = id;
        }
        process.Append($"<endEvent id=\"end\"/><sequenceFlow id=\"f_end\" sourceRef=\"{previous}\" targetRef=\"end\"/>");
        Shape(diagram, "end", tasks + 1, 36, 36);
        Edge(diagram, "f_end", tasks, tasks + 1);
        return $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI"
                         xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI"
                         id="defs" targetNamespace="http://wbpm.dev/e2e">
              <process id="large_{elements}" name="Large {elements}" isExecutable="true">{process}</process>
              <bpmndi:BPMNDiagram id="d"><bpmndi:BPMNPlane id="plane" bpmnElement="large_{elements}">{diagram}</bpmndi:BPMNPlane></bpmndi:BPMNDiagram>
            </definitions>
            """;
    }

    private const int PerRow = 20;

    private static (int X, int Y) Slot(int index) => (100 + index % PerRow * 150, 100 + index / PerRow * 150);

    private static void Shape(StringBuilder diagram, string id, int index, int width, int height)
    {
        var (x, y) = Slot(index);
        diagram.Append($"<bpmndi:BPMNShape id=\"{id}_di\" bpmnElement=\"{id}\"><dc:Bounds x=\"{x}\" y=\"{y}\" width=\"{width}\" height=\"{height}\"/></bpmndi:BPMNShape>");
    }

    private static void Edge(StringBuilder diagram, string id, int from, int to)
    {
        var (x1, y1) = Slot(from);
        var (x2, y2) = Slot(to);
        diagram.Append($"<bpmndi:BPMNEdge id=\"{id}_di\" bpmnElement=\"{id}\"><di:waypoint x=\"{x1 + 36}\" y=\"{y1 + 18}\"/><di:waypoint x=\"{x2}\" y=\"{y2 + 18}\"/></bpmndi:BPMNEdge>");
    }
}
