using Wbpm.Domain.Modeling;
using static Wbpm.Tests.Domain.Modeling.BpmnSnippets;

namespace Wbpm.Tests.Domain.Forms;

/// <summary>A process start -> user task "u" (carrying the given form content) -> end.</summary>
internal static class FormXml
{
    public static string TaskWithForm(string formContent) => Around(
        $"""
        <userTask id="u" name="Approve" wbpm:assignee="ann">
          <extensionElements><wbpm:formDefinition>{formContent}</wbpm:formDefinition></extensionElements>
        </userTask>
        """, "u");

    public static FormDefinition Form(string formContent) =>
        BpmnReader.ReadString(TaskWithForm(formContent)).GetNode<UserTask>("u").FormDefinition!;
}
