using Wbpm.Domain.Modeling;
using Wbpm.Domain.Modeling.Validation;
using Wbpm.Domain.Security;

namespace Wbpm.Infrastructure.Designer;

/// <summary>One finding for the designer's issue list and canvas markers. ElementId is null when the problem is in the
/// document as a whole (for example malformed XML, then Line/Column say where).</summary>
public sealed record DraftIssue(string? ElementId, ValidationSeverity Severity, string Message, int? Line = null, int? Column = null);

/// <summary>
/// Runs the server-side <see cref="ModelValidator"/> (FEEL-checked) over the designer's current XML. Unreadable XML is
/// reported as issues too, rather than thrown, because the designer calls this on every change.
/// </summary>
public sealed class DraftValidation(ModelValidator validator, ICurrentUser currentUser)
{
    public IReadOnlyList<DraftIssue> Validate(string xml)
    {
        currentUser.Require(Permission.WorkflowView);
        ProcessModel model;
        try
        {
            model = BpmnReader.ReadString(xml);
        }
        catch (BpmnParseException e)
        {
            return e.Errors.Select(error => new DraftIssue(error.ElementId, ValidationSeverity.Error, error.Message,
                error.Line > 0 ? error.Line : null, error.Line > 0 ? error.Column : null)).ToList();
        }
        return validator.Validate(model).Select(i => new DraftIssue(i.ElementId, i.Severity, i.Message)).ToList();
    }
}
