namespace Fazhi.Web.Platform.Citizens;

/// <summary>
/// The signed-in online citizen: their account, the phone it was opened with (the key every work line knows them by), and
/// whether they proved that phone with a code sent to it. A work line that finds matters by the phone answers nothing until
/// it is proved: anyone may open an account with any number.
/// </summary>
public sealed record CitizenKey(Guid AccountId, string Phone, bool PhoneVerified);

/// <summary>
/// One matter of a citizen's in one work line, as their one page lists it: the work line (its module name), what it is (a
/// string key of that module, or a title as it is written), its number, its status (a string key), the next date that matters to them and what it is,
/// and where to follow it.
/// </summary>
public sealed record CitizenMatter(string WorkLine, string KindKey, string Number, string StatusKey, DateOnly? NextDate, string? NextKey, string Link, DateTime Since, string? Title = null);

/// <summary>
/// A work line's part of a citizen's one page: every matter of theirs it holds. Each module that keeps matters a citizen may
/// follow registers one (<c>AddScoped&lt;ICitizenMatters, …&gt;</c>); the page asks them all and never reads a module's tables.
/// An implementation finds the citizen by a blind index of the phone (or the account), so the look-up reads one index.
/// </summary>
public interface ICitizenMatters
{
    Task<IReadOnlyList<CitizenMatter>> ForAsync(CitizenKey citizen, CancellationToken ct = default);
}

/// <summary>Who the signed-in online citizen is (the one-door line's accounts give it); null when no citizen is signed in.</summary>
public interface ICitizenIdentity
{
    /// <summary>The authentication scheme of citizen sign-in: a module's page for citizens names it in its [Authorize].</summary>
    const string Scheme = "Citizen";

    Task<CitizenKey?> CurrentAsync(CancellationToken ct = default);
}
