using System.Xml.Linq;

namespace Wbpm.Domain.Modeling.Reading;

/// <summary>
/// The attributes the requester portal reads: who may start a process (wbpm:/camunda:candidateStarterGroups and
/// candidateStarterUsers, as in Camunda 7) and whether a requester may withdraw it (wbpm:withdrawable, ours only).
/// </summary>
internal static class RequesterAttributesReader
{
    public static Process Read(Process process, XElement e) => process with
    {
        CandidateStarterGroups = e.Extension("candidateStarterGroups"),
        CandidateStarterUsers = e.Extension("candidateStarterUsers"),
        Withdrawable = Withdrawable(e),
    };

    public static FlowNode Read(FlowNode node, XElement e) => node with { Withdrawable = Withdrawable(e) };

    private static bool Withdrawable(XElement e) => XmlValues.ParseBool(e.Attribute(BpmnNamespaces.Wbpm + "withdrawable")?.Value, true);
}
