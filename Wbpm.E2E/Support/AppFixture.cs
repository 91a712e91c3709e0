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

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        await Server.DisposeAsync();
    }
}
