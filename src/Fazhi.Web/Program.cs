using Fazhi.Web.Components;
using Fazhi.Web.Modules.Organisation;
using Fazhi.Web.Modules.Services;
using Fazhi.Web.Platform;
using Fazhi.Web.Platform.Data;

var builder = WebApplication.CreateBuilder(args);
builder.AddPlatform();
builder.AddOrganisation();
builder.AddServices();

var app = builder.Build();
var demo = app.Services.GetRequiredService<FazhiOptions>().Demo && !Cli.IsCommand(args);
await app.Services.InitializeDatabaseAsync(demo);

if (Cli.IsCommand(args))
{
    return await Cli.RunAsync(app.Services, args, Console.Out);
}

app.UsePlatform();
app.MapOrganisation();
app.MapServices();
app.MapRazorComponents<App>();
await app.RunAsync();
return 0;

/// <summary>Entry point, visible to the in-process tests.</summary>
public partial class Program;
