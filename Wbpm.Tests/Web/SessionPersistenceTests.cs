using Microsoft.EntityFrameworkCore;
using Wbpm.Infrastructure.Persistence;
using System.Net;
using Wbpm.Tests.Support;

namespace Wbpm.Tests.Web;

/// <summary>Cookie keys live in the database: a session survives a restart and is valid on every node.</summary>
public sealed class SessionPersistenceTests
{
    [Fact]
    public async Task ASessionCookieIsAcceptedByAnotherNodeOfTheSameDatabase()
    {
        string cookie;
        using (var first = new WbpmAppFactory())
        {
            var client = first.CreateBrowserClient();
            var response = await WbpmAppFactory.SignInAsync(client, "viewer", WbpmAppFactory.DemoPassword);
            cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("wbpm.session=", StringComparison.Ordinal)).Split(';')[0];

            using var second = WbpmAppFactory.OnDataDirectory(first.DataDirectory);
            var other = second.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/me");
            request.Headers.Add("Cookie", cookie);
            Assert.Equal(HttpStatusCode.OK, (await other.SendAsync(request)).StatusCode);

            // The key ring is in the database, not in a folder of one machine.
            var database = new WbpmDbContextFactory(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(first.DataDirectory, "wbpm.db")}");
            await using var db = database.Create(TenantScope.AllTenants);
            Assert.NotEmpty(await db.DataProtectionKeys.ToListAsync());
        }
    }
}
