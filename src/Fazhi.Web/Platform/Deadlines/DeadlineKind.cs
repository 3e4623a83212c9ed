namespace Fazhi.Web.Platform.Deadlines;

/// <summary>
/// A kind of statutory clock a module's records carry, e.g. <c>services.stage</c> (one department's
/// part of a review) or <c>services.decision</c> (the whole application's decision limit). The alert
/// list names each alert by the kind's label.
/// </summary>
public sealed record DeadlineKind(string Key, string LabelKey, DeadlineOwner Owner = DeadlineOwner.Staff);

/// <summary>Whose time a clock counts: a limit staff must meet, or a window a party may use (the alert list shows the first by default).</summary>
public enum DeadlineOwner
{
    /// <summary>A duty of the department: it must act before the clock ends.</summary>
    Staff = 0,

    /// <summary>A right of the party: they may act until the clock ends (the 30-day window for judicial confirmation).</summary>
    Party = 1,

    /// <summary>Another body's limit the department watches but does not owe (a court's time to decide, the level above's review).</summary>
    Other = 2,
}
