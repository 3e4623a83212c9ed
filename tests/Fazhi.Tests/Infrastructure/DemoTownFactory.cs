namespace Fazhi.Tests.Infrastructure;

/// <summary>
/// The demo town as a first run shows it: every module's sample cases loaded (Fazhi:DemoCases=true). A module added
/// later is in it without an edit here.
/// </summary>
public sealed class DemoTownFactory : FazhiFactory
{
    protected override bool AllDemoCases => true;
}
