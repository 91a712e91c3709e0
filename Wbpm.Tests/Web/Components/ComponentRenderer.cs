using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.JSInterop;
using Radzen;
using Wbpm.Web.Security;

namespace Wbpm.Tests.Web.Components;

/// <summary>
/// Renders a component to HTML with the framework's HtmlRenderer (bunit cannot be restored here), signed in as
/// the given principal, with the services Radzen and AuthorizeView need.
/// </summary>
public static class ComponentRenderer
{
    public static async Task<string> RenderAsync<TComponent>(ClaimsPrincipal user, IDictionary<string, object?>? parameters = null,
        Action<IServiceCollection>? configure = null)
        where TComponent : IComponent
    {
        var services = new ServiceCollection();
        configure?.Invoke(services);
        services.AddLogging();
        services.AddRadzenComponents();
        services.AddAuthorizationCore(PermissionPolicies.Register);
        services.AddCascadingAuthenticationState();
        services.AddSingleton<AuthenticationStateProvider>(new FixedAuthenticationStateProvider(user));
        services.AddSingleton<NavigationManager>(new TestNavigationManager());
        services.AddSingleton<IJSRuntime, NoJsRuntime>();
        await using var provider = services.BuildServiceProvider();
        await using var renderer = new HtmlRenderer(provider, provider.GetRequiredService<ILoggerFactory>());
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var root = await renderer.RenderComponentAsync<CascadingAuthenticationRoot<TComponent>>(
                ParameterView.FromDictionary(new Dictionary<string, object?> { ["Parameters"] = parameters }));
            await root.QuiescenceTask;
            return root.ToHtmlString();
        });
    }

    private sealed class FixedAuthenticationStateProvider(ClaimsPrincipal user) : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(user));
    }

    private sealed class TestNavigationManager : NavigationManager
    {
        public TestNavigationManager() => Initialize("http://localhost/", "http://localhost/");
    }

    private sealed class NoJsRuntime : IJSRuntime
    {
        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, object?[]? args) => ValueTask.FromResult(default(TValue)!);
        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, CancellationToken cancellationToken, object?[]? args) => ValueTask.FromResult(default(TValue)!);
    }
}

/// <summary>Wraps a component in the cascading authentication state that AuthorizeView reads.</summary>
public sealed class CascadingAuthenticationRoot<TComponent> : ComponentBase where TComponent : IComponent
{
    [Parameter] public IDictionary<string, object?>? Parameters { get; set; }

    protected override void BuildRenderTree(Microsoft.AspNetCore.Components.Rendering.RenderTreeBuilder builder)
    {
        builder.OpenComponent<CascadingAuthenticationState>(0);
        builder.AddAttribute(1, nameof(CascadingAuthenticationState.ChildContent), (RenderFragment)(inner =>
        {
            inner.OpenComponent<TComponent>(0);
            if (Parameters is not null)
                inner.AddMultipleAttributes(1, Parameters!);
            inner.CloseComponent();
        }));
        builder.CloseComponent();
    }
}
