namespace Fazhi.Web.Platform.Data;

/// <summary>
/// An aggregate with an optimistic-concurrency token: a new value is written on every change,
/// so two people saving the same record at once cannot both win (the second gets 409).
/// </summary>
public interface IVersioned
{
    Guid RowVersion { get; set; }
}
