using System.Text;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using Wbpm.Web.Features.Designer;

namespace Wbpm.Tests.Web.Designer;

/// <summary>
/// The typed wrapper's contract with wwwroot/js/designer/bpmnModeler.js: which JS functions it calls with which
/// arguments, and what it makes of their answers. The browser side is proved by the designer journeys (Wbpm.E2E).
/// </summary>
public sealed class BpmnModelerInteropTests
{
    [Fact]
    public async Task Creating_loads_the_designer_module_once_and_hands_it_the_container_and_the_xml()
    {
        var js = new RecordingJs();
        var interop = new BpmnModelerInterop(js, new NoListener());

        await interop.CreateAsync(default, "<definitions/>");
        await interop.CreateAsync(default, "<definitions/>");

        Assert.Single(js.Calls, c => c.Identifier == "import" && (string)c.Args[0]! == BpmnModelerInterop.ModulePath);
        var create = js.Module.Calls.Where(c => c.Identifier == "create").ToList();
        Assert.Equal(2, create.Count);
        Assert.Equal("<definitions/>", create[0].Args[2]);
        Assert.IsType<DotNetObjectReference<BpmnModelerInterop>>(create[0].Args[1]);
        Assert.True(interop.IsReady);
    }

    [Fact]
    public async Task Calls_before_the_modeler_exists_are_refused()
    {
        var interop = new BpmnModelerInterop(new RecordingJs(), new NoListener());

        Assert.False(interop.IsReady);
        await Assert.ThrowsAsync<InvalidOperationException>(() => interop.FitAsync());
        await Assert.ThrowsAsync<InvalidOperationException>(() => interop.GetXmlAsync());
    }

    [Fact]
    public async Task The_xml_is_read_from_a_stream_so_large_models_pass_signalr_s_message_limit()
    {
        var js = new RecordingJs();
        var interop = new BpmnModelerInterop(js, new NoListener());
        await interop.CreateAsync(default, "<definitions/>");
        var large = "<definitions>" + new string('x', 100_000) + "</definitions>";
        js.Designer.Returns["saveXmlStream"] = new BytesStream(Encoding.UTF8.GetBytes(large));

        Assert.Equal(large, await interop.GetXmlAsync());
    }

    [Fact]
    public async Task Issues_go_to_the_canvas_as_one_array_argument()
    {
        var js = new RecordingJs();
        var interop = new BpmnModelerInterop(js, new NoListener());
        await interop.CreateAsync(default, "<definitions/>");

        await interop.ShowIssuesAsync([new CanvasIssue("Task_1", "error", "a"), new CanvasIssue("Flow_1", "warning", "b")]);

        var call = Assert.Single(js.Designer.Calls, c => c.Identifier == "setIssues");
        var issues = Assert.IsType<CanvasIssue[]>(Assert.Single(call.Args));
        Assert.Equal(["Task_1", "Flow_1"], issues.Select(i => i.ElementId));
    }

    [Fact]
    public async Task A_panel_edit_is_sent_as_element_field_and_value()
    {
        var js = new RecordingJs();
        var interop = new BpmnModelerInterop(js, new NoListener());
        await interop.CreateAsync(default, "<definitions/>");
        js.Designer.Returns["update"] = true;

        Assert.True(await interop.UpdateAsync(new PropertyChange("Task_1", "assignee", "bob")));

        var call = Assert.Single(js.Designer.Calls, c => c.Identifier == "update");
        Assert.Equal(new object?[] { "Task_1", "assignee", "bob" }, call.Args);
    }

    [Fact]
    public async Task Canvas_events_reach_the_listener()
    {
        var listener = new CountingListener();
        var interop = new BpmnModelerInterop(new RecordingJs(), listener);

        await interop.OnModelChanged();
        await interop.OnSaveRequested();
        await interop.OnSaveRequested();

        Assert.Equal(1, listener.Changes);
        Assert.Equal(2, listener.Saves);
    }

    [Fact]
    public async Task Disposing_destroys_the_modeler_and_releases_the_module()
    {
        var js = new RecordingJs();
        var interop = new BpmnModelerInterop(js, new NoListener());
        await interop.CreateAsync(default, "<definitions/>");

        await interop.DisposeAsync();

        Assert.Contains(js.Designer.Calls, c => c.Identifier == "destroy");
        Assert.True(js.Designer.Disposed);
        Assert.True(js.Module.Disposed);
    }

    [Fact]
    public async Task Disposing_after_the_browser_went_away_does_not_throw()
    {
        var js = new RecordingJs();
        var interop = new BpmnModelerInterop(js, new NoListener());
        await interop.CreateAsync(default, "<definitions/>");
        js.Designer.Throw = new JSDisconnectedException("gone");

        await interop.DisposeAsync();
    }

    private sealed record Call(string Identifier, object?[] Args);

    /// <summary>The page's IJSRuntime: "import" answers with the module, whose "create" answers with the designer.</summary>
    private sealed class RecordingJs : IJSRuntime
    {
        public List<Call> Calls { get; } = [];
        public RecordingObject Designer { get; } = new();
        public RecordingObject Module { get; }

        public RecordingJs() => Module = new RecordingObject { Returns = { ["create"] = Designer } };

        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, object?[]? args) =>
            InvokeAsync<TValue>(identifier, CancellationToken.None, args);

        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, CancellationToken cancellationToken, object?[]? args)
        {
            Calls.Add(new Call(identifier, args ?? []));
            return ValueTask.FromResult((TValue)(object)Module);
        }
    }

    private sealed class RecordingObject : IJSObjectReference
    {
        public List<Call> Calls { get; } = [];
        public Dictionary<string, object> Returns { get; } = [];
        public bool Disposed { get; private set; }
        public Exception? Throw { get; set; }

        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, object?[]? args) =>
            InvokeAsync<TValue>(identifier, CancellationToken.None, args);

        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, CancellationToken cancellationToken, object?[]? args)
        {
            if (Throw is not null)
                throw Throw;
            Calls.Add(new Call(identifier, args ?? []));
            return ValueTask.FromResult(Returns.TryGetValue(identifier, out var value) ? (TValue)value : default!);
        }

        public ValueTask DisposeAsync()
        {
            if (Throw is not null)
                throw Throw;
            Disposed = true;
            return ValueTask.CompletedTask;
        }
    }

    private sealed class BytesStream(byte[] bytes) : IJSStreamReference
    {
        public long Length => bytes.Length;

        public ValueTask<Stream> OpenReadStreamAsync(long maxAllowedSize = 512000, CancellationToken cancellationToken = default) =>
            bytes.Length > maxAllowedSize
                ? throw new InvalidOperationException("Larger than allowed.")
                : ValueTask.FromResult<Stream>(new MemoryStream(bytes));

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    private sealed class NoListener : IBpmnModelerListener
    {
        public Task ModelChangedAsync() => Task.CompletedTask;
        public Task SelectionChangedAsync(ElementProperties element) => Task.CompletedTask;
        public Task SaveRequestedAsync() => Task.CompletedTask;
    }

    private sealed class CountingListener : IBpmnModelerListener
    {
        public int Changes { get; private set; }
        public int Saves { get; private set; }
        public Task ModelChangedAsync() { Changes++; return Task.CompletedTask; }
        public Task SelectionChangedAsync(ElementProperties element) => Task.CompletedTask;
        public Task SaveRequestedAsync() { Saves++; return Task.CompletedTask; }
    }
}
