namespace Fazhi.Web.Platform.Data;

/// <summary>
/// A module's hook into every save of the one context, registered as a singleton service. It sees the
/// detected changes just before they are written (and may set technical columns on them, which are
/// not audited), and may hand back an action that runs once those changes are committed: after the
/// save itself, or at the commit of the write transaction (<see cref="FazhiDbContext.BeginWriteAsync"/>)
/// that holds it. A rolled-back transaction runs none. Read models kept in memory (the public progress
/// answers) use it to drop what a commit made stale.
/// </summary>
public interface ISaveObserver
{
    /// <summary>Called inside the save with the context's tracked changes; null when nothing of interest changed.</summary>
    Action? Saving(FazhiDbContext db);
}
