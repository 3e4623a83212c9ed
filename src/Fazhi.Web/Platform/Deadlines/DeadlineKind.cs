namespace Fazhi.Web.Platform.Deadlines;

/// <summary>
/// A kind of statutory clock a module's records carry, e.g. <c>services.stage</c> (one department's
/// part of a review) or <c>services.decision</c> (the whole application's decision limit). The alert
/// list names each alert by the kind's label.
/// </summary>
public sealed record DeadlineKind(string Key, string LabelKey);
