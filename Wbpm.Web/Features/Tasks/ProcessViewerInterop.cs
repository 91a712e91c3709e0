using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace Wbpm.Web.Features.Tasks;

/// <summary>
/// The read-only process diagram of wwwroot/js/tasks/processViewer.js (bpmn-js NavigatedViewer, loaded on first use),
/// with the instance's active elements marked. Dispose with the component: it destroys the viewer.
/// </summary>
public sealed class ProcessViewerInterop(IJSRuntime js) : IAsyncDisposable
{
    public const string ModulePath = "./js/tasks/processViewer.js";

    private IJSObjectReference? _module;
    private IJSObjectReference? _viewer;

    /// <summary>Shows <paramref name="xml"/> in <paramref name="container"/>; <paramref name="currentId"/> is highlighted most.</summary>
    public async Task ShowAsync(ElementReference container, string xml, IReadOnlyList<string> activeIds, string? currentId)
    {
        _module ??= await js.InvokeAsync<IJSObjectReference>("import", ModulePath);
        if (_viewer is not null)
        {
            await _viewer.InvokeVoidAsync("destroy");
            await _viewer.DisposeAsync();
        }
        // Cast to object: an array passed alone to a params object?[] would be spread into separate JS arguments.
        _viewer = await _module.InvokeAsync<IJSObjectReference>("create", container, xml, (object)activeIds.ToArray(), currentId);
    }

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
            // The browser is gone (tab closed): its viewer went with it.
        }
    }
}
