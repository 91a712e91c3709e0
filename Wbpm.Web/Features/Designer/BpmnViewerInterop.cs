using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace Wbpm.Web.Features.Designer;

/// <summary>
/// A read-only diagram (wwwroot/js/designer/bpmnViewer.js, bpmn-js NavigatedViewer) with optional CSS markers per
/// element id. One instance per canvas; dispose with the component.
/// </summary>
public sealed class BpmnViewerInterop(IJSRuntime js) : IAsyncDisposable
{
    private IJSObjectReference? _module;
    private IJSObjectReference? _viewer;

    public async Task ShowAsync(ElementReference container, string xml, IReadOnlyDictionary<string, string>? markers = null)
    {
        _module ??= await js.InvokeAsync<IJSObjectReference>("import", "./js/designer/bpmnViewer.js");
        if (_viewer is not null)
        {
            await _viewer.InvokeVoidAsync("destroy");
            await _viewer.DisposeAsync();
        }
        _viewer = await _module.InvokeAsync<IJSObjectReference>("show", container, xml, markers ?? new Dictionary<string, string>());
    }

    public Task FitAsync() => _viewer?.InvokeVoidAsync("fit").AsTask() ?? Task.CompletedTask;

    public Task<bool> ScrollToAsync(string elementId) => _viewer?.InvokeAsync<bool>("select", elementId).AsTask() ?? Task.FromResult(false);

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_viewer is not null)
            {
                await _viewer.InvokeVoidAsync("destroy");
                await _viewer.DisposeAsync();
            }
            if (_module is not null)
                await _module.DisposeAsync();
        }
        catch (JSDisconnectedException)
        {
            // The browser is gone: its viewer went with it.
        }
    }
}
