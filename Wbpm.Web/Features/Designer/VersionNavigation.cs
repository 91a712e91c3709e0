namespace Wbpm.Web.Features.Designer;

/// <summary>The versions dialog's answer "go to this page", relative to /processes/{draftId}/ (versions/{id}, compare/{from}/{to}).</summary>
public sealed record VersionNavigation(string RelativePath);
