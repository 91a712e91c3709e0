using Wbpm.E2E.Pages;

namespace Wbpm.E2E.Support;

/// <summary>A running app and a launched Chromium, shared by the journeys of one test class.</summary>
public sealed class AppFixture : IAsyncLifetime
{
    public AppServer Server { get; private set; } = null!;
    public BrowserSession Browser { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Server = new AppServer();
        Browser = await BrowserSession.LaunchAsync();
    }

    public Task<UserPage> NewPageAsync() => Browser.NewPageAsync(Server.BaseUrl);

    /// <summary>A new browser context signed in as the demo user <paramref name="userName"/>, interactive.</summary>
    public async Task<UserPage> SignInAsync(string userName)
    {
        var user = await NewPageAsync();
        await new LoginPage(user.Page).SignInAsync(userName, AppServer.DemoPassword);
        return user;
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        await Server.DisposeAsync();
    }
}
