namespace Fazhi.Web.Platform.Identity;

public enum LoginOutcome
{
    Succeeded = 0,
    Failed = 1,

    /// <summary>This failure locked the account, or the account was already locked.</summary>
    LockedOut = 2,

    /// <summary>The account is switched off by an administrator.</summary>
    Disabled = 3,
}

/// <summary>One attempt to sign in (登录日志), kept for administrators to search and export.</summary>
public sealed class LoginLogEntry
{
    /// <summary>Sequential: attempts at the same instant still list in the order they happened.</summary>
    public long Id { get; set; }

    public DateTime At { get; set; }

    public string UserName { get; set; } = "";

    public Guid? UserId { get; set; }

    public LoginOutcome Outcome { get; set; }

    /// <summary><c>web</c> for the login page, <c>api</c> for a bearer token.</summary>
    public string Channel { get; set; } = "";

    public string? Ip { get; set; }

    public string? UserAgent { get; set; }
}
