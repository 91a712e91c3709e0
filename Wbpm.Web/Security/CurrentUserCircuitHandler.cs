using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Wbpm.Infrastructure.Identity;

namespace Wbpm.Web.Security;

/// <summary>
/// Interactive pages have no HttpContext: this keeps the circuit's current user in step with its authentication
/// state, including when revalidation signs a disabled user out of an open page.
/// </summary>
internal sealed class CurrentUserCircuitHandler(AuthenticationStateProvider authentication, ClaimsCurrentUser currentUser)
    : CircuitHandler, IDisposable
{
    public override async Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        authentication.AuthenticationStateChanged += OnAuthenticationChanged;
        currentUser.Set((await authentication.GetAuthenticationStateAsync()).User);
    }

    public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(Func<CircuitInboundActivityContext, Task> next) =>
        async context =>
        {
            currentUser.Set((await authentication.GetAuthenticationStateAsync()).User);
            await next(context);
        };

    private void OnAuthenticationChanged(Task<AuthenticationState> state) => _ = UpdateAsync(state);

    private async Task UpdateAsync(Task<AuthenticationState> state) => currentUser.Set((await state).User);

    public void Dispose() => authentication.AuthenticationStateChanged -= OnAuthenticationChanged;
}
