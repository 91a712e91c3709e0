using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace Wbpm.Web.Features.Designer;

/// <summary>
/// Typed access to the bpmn-js modeler in wwwroot/js/designer/bpmnModeler.js. The module and the bpmn-js bundle load
/// on first use only (other pages never pay for them); events come back through <see cref="IBpmnModelerListener"/>.
/// Dispose with the component: it destroys the modeler and releases the .NET reference JS holds.
/// </summary>
public sealed class BpmnModelerInterop(IJSRuntime js, IBpmnModelerListener listener) : IAsyncDisposable
{
    public const string ModulePath = "./js/designer/bpmnModeler.js";

    private IJSObjectReference? _module;
    private IJSObjectReference? _designer;
    private DotNetObjectReference<BpmnModelerInterop>? _self;

    public bool IsReady => _designer is not null;

    /// <summary>Creates the modeler in <paramref name="container"/> and shows <paramref name="xml"/>.</summary>
    public async Task CreateAsync(ElementReference container, string xml)
    {
        _module ??= await js.InvokeAsync<IJSObjectReference>("import", ModulePath);
        _self ??= DotNetObjectReference.Create(this);
        _designer = await _module.InvokeAsync<IJSObjectReference>("create", container, _self, xml);
    }

    /// <summary>Replaces the diagram (reload after a conflict). Returns the number of import warnings.</summary>
    public Task<int> ImportAsync(string xml) => Designer.InvokeAsync<int>("importXml", xml).AsTask();

    /// <summary>Largest diagram XML accepted from the browser; the reader's own cap is 10 M characters.</summary>
    public const long MaxXmlBytes = 20 * 1024 * 1024;

    /// <summary>The diagram as BPMN XML. Streamed, because a real model is larger than one SignalR message may be.</summary>
    public async Task<string> GetXmlAsync()
    {
        var reference = await Designer.InvokeAsync<IJSStreamReference>("saveXmlStream");
        await using var stream = await reference.OpenReadStreamAsync(MaxXmlBytes);
        using var reader = new StreamReader(stream, System.Text.Encoding.UTF8);
        return await reader.ReadToEndAsync();
    }

    /// <summary>
    /// True when the canvas has an edit it has not reported yet (change events are debounced): a Save or Deploy
    /// clicked right after an edit must count it, or it would think there is nothing to save.
    /// </summary>
    public Task<bool> TakePendingChangeAsync() => Designer.InvokeAsync<bool>("takePendingChange").AsTask();

    public Task FitAsync() => Designer.InvokeVoidAsync("fit").AsTask();

    public Task<int> ElementCountAsync() => Designer.InvokeAsync<int>("elementCount").AsTask();

    /// <summary>Downloads the diagram as "bpmn", "svg" or "png" under <paramref name="fileName"/>.</summary>
    public Task DownloadAsync(string format, string fileName) => Designer.InvokeVoidAsync("download", format, fileName).AsTask();

    /// <summary>Marks elements red (error) or amber (warning) and puts a badge with the messages on them.</summary>
    // Cast to object: an array passed alone to a params object?[] would be spread into separate JS arguments.
    public Task ShowIssuesAsync(IEnumerable<CanvasIssue> issues) => Designer.InvokeVoidAsync("setIssues", (object)issues.ToArray()).AsTask();

    /// <summary>Selects the element and scrolls it into view; false when it is not on the canvas.</summary>
    public Task<bool> SelectAsync(string elementId) => Designer.InvokeAsync<bool>("select", elementId).AsTask();

    /// <summary>Applies one panel edit through bpmn-js' modeling API (undoable like any canvas edit).</summary>
    public Task<bool> UpdateAsync(PropertyChange change) =>
        Designer.InvokeAsync<bool>("update", change.ElementId, change.Field, change.Value).AsTask();

    [JSInvokable]
    public Task OnModelChanged() => listener.ModelChangedAsync();

    [JSInvokable]
    public Task OnSelectionChanged(ElementProperties element) => listener.SelectionChangedAsync(element);

    [JSInvokable]
    public Task OnSaveRequested() => listener.SaveRequestedAsync();

    private IJSObjectReference Designer => _designer ?? throw new InvalidOperationException("Call CreateAsync first.");

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_designer is not null)
            {
                await _designer.InvokeVoidAsync("destroy");
                await _designer.DisposeAsync();
            }
            if (_module is not null)
                await _module.DisposeAsync();
        }
        catch (JSDisconnectedException)
        {
            // The browser is gone (tab closed): its modeler went with it.
        }
        _self?.Dispose();
    }
}

/// <summary>An issue as the canvas shows it; severity is "error" or "warning".</summary>
public sealed record CanvasIssue(string ElementId, string Severity, string Message);
