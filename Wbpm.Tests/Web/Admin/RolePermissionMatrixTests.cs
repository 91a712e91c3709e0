using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.JSInterop;
using Radzen;
using Wbpm.Domain.Security;
using Wbpm.Web.Features.Admin.Roles;

namespace Wbpm.Tests.Web.Admin;

public sealed partial class RolePermissionMatrixTests
{
    [Fact]
    public async Task EveryCellShowsWhatRolePermissionsGrants()
    {
        var html = await RenderAsync<RolePermissionMatrix>();

        var cells = CellPattern().Matches(html).ToDictionary(m => (m.Groups["role"].Value, m.Groups["permission"].Value), m => m.Groups["granted"].Value == "true");
        Assert.Equal(Role.All.Count * Permission.All.Count, cells.Count);
        foreach (var role in Role.All)
            foreach (var permission in Permission.All)
                Assert.Equal(RolePermissions.For(role).Contains(permission), cells[(role, permission)]);
    }

    [Fact]
    public async Task DescribesEveryRoleAndPermission()
    {
        var html = await RenderAsync<RolePermissionMatrix>();

        Assert.All(Role.All, role => Assert.Contains(System.Net.WebUtility.HtmlEncode(Role.Describe(role)), html));
        Assert.All(Permission.All, permission => Assert.Contains(System.Net.WebUtility.HtmlEncode(Permission.Describe(permission)), html));
    }

    private static async Task<string> RenderAsync<TComponent>() where TComponent : IComponent
    {
        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton<IJSRuntime, NoJsRuntime>();
        services.AddRadzenComponents();
        await using var provider = services.BuildServiceProvider();
        await using var renderer = new HtmlRenderer(provider, NullLoggerFactory.Instance);
        return await renderer.Dispatcher.InvokeAsync(async () =>
            (await renderer.RenderComponentAsync<TComponent>()).ToHtmlString());
    }

    [GeneratedRegex(@"data-role=""(?<role>[^""]+)"" data-permission=""(?<permission>[^""]+)"" data-granted=""(?<granted>true|false)""")]
    private static partial Regex CellPattern();

    /// <summary>Static rendering runs no JavaScript; Radzen components only need the service to exist.</summary>
    private sealed class NoJsRuntime : IJSRuntime
    {
        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, object?[]? args) => ValueTask.FromResult(default(TValue)!);

        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, CancellationToken cancellationToken, object?[]? args) =>
            ValueTask.FromResult(default(TValue)!);
    }
}
