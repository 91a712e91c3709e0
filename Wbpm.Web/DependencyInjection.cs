using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Radzen;
using Wbpm.Web.Api;
using Wbpm.Web.Components;
using Wbpm.Web.Components.Account;
using Wbpm.Web.Features.Designer;
using Wbpm.Web.Health;
using Wbpm.Web.Observability;
using Wbpm.Web.Security;

namespace Wbpm.Web;

public static class DependencyInjection
{
    public static IServiceCollection AddWbpmWeb(this IServiceCollection services, IConfiguration configuration)
    {
        var auth = configuration.GetSection("Wbpm:Auth").Get<AuthOptions>() ?? new AuthOptions();
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddRadzenComponents();
        services.AddSingleton<DesignerPresence>();
        services.AddHttpContextAccessor();

        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider>(sp => new RevalidatingIdentityStateProvider(
            sp.GetRequiredService<ILoggerFactory>(), sp.GetRequiredService<IServiceScopeFactory>(), auth.RevalidationInterval));
        services.TryAddEnumerable(ServiceDescriptor.Scoped<CircuitHandler, CurrentUserCircuitHandler>());

        WbpmAuthentication.Register(services);
        services.ConfigureApplicationCookie(options => CookiePolicy.Configure(options, auth));
        // Open requests re-check the security stamp (disabled users, changed roles) at this interval.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = auth.RevalidationInterval);
        services.AddAuthorization(PermissionPolicies.Register);

        services.AddProblemDetails();
        services.AddExceptionHandler<DomainExceptionHandler>();
        services.AddOpenApi("v1");
        services.AddWbpmHealthChecks();
        return services;
    }

    public static WebApplication UseWbpmWeb(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
            app.UseHsts();
        app.UseExceptionHandler();
        app.UseStatusCodePages(StatusCodeProblems.WriteForApiAsync);
        app.UseAuthentication();
        app.UseMiddleware<CurrentUserMiddleware>();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapStaticAssets();
        app.MapWbpmHealthChecks();
        app.MapWbpmObservability();
        app.MapOpenApi("/openapi/{documentName}.json");
        app.UseSwaggerUI(o =>
        {
            o.SwaggerEndpoint("/openapi/v1.json", "Wbpm API v1");
            o.RoutePrefix = "swagger";
        });
        app.MapAccountEndpoints();
        app.MapWbpmApi();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}

/// <summary><c>Wbpm:Auth</c>: session lifetime and how quickly access changes reach open sessions.</summary>
public sealed class AuthOptions
{
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromHours(8);
    public TimeSpan RevalidationInterval { get; set; } = TimeSpan.FromMinutes(1);
}
