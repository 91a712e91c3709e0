namespace Wbpm.Web.Features.Designer;

/// <summary>What the canvas tells the page; implemented by the designer page, called on its renderer's context.</summary>
public interface IBpmnModelerListener
{
    /// <summary>The diagram changed (debounced in JS: one call per burst of edits).</summary>
    Task ModelChangedAsync();

    /// <summary>The selection changed, or the selected element did; with nothing selected, the process.</summary>
    Task SelectionChangedAsync(ElementProperties element);

    /// <summary>Ctrl+S (or Cmd+S) anywhere on the page.</summary>
    Task SaveRequestedAsync();
}
