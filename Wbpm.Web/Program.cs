using Wbpm.Infrastructure;
using Wbpm.Web;
using Wbpm.Web.Observability;

var builder = WebApplication.CreateBuilder(args);
builder.Configuration.AddRepositorySettings(builder.Environment);
// Serve package assets (Radzen, ...) from the build output in any environment, not only Development;
// a published app has no runtime manifest and this is a no-op there.
builder.WebHost.UseStaticWebAssets();
builder.Logging.AddWbpmLogging(builder.Configuration);
builder.Services.AddWbpmInfrastructure(builder.Configuration, builder.Environment.ContentRootPath);
builder.Services.AddWbpmWeb(builder.Configuration);

var app = builder.Build();
app.UseWbpmWeb();
app.Run();

/// <summary>Entry point, public for WebApplicationFactory in the tests.</summary>
public partial class Program;
