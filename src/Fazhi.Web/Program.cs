using Fazhi.Web.Components;
using Fazhi.Web.Platform;
using Fazhi.Web.Platform.Data;
using Fazhi.Web.Platform.Modules;

if (Cli.IsKeysInit(args))
{
    return Cli.InitKeys(args, Console.Out);
}

var builder = WebApplication.CreateBuilder(args);
// The platform and every module under Modules/ register themselves (ModuleCatalog).
builder.AddModules();

var app = builder.Build();
var demo = app.Services.GetRequiredService<FazhiOptions>().Demo && !Cli.IsCommand(args);
await app.Services.InitializeDatabaseAsync(demo);

if (Cli.IsCommand(args))
{
    return await Cli.RunAsync(app.Services, args, Console.Out);
}

app.UsePlatform();
app.MapModules();
app.MapRazorComponents<App>();
await app.RunAsync();
return 0;

/// <summary>Entry point, visible to the in-process tests.</summary>
public partial class Program;
