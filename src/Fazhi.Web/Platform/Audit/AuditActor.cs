using System.Security.Claims;

namespace Fazhi.Web.Platform.Audit;

/// <summary>Who is making the current change, and from which address.</summary>
public interface IAuditActor
{
    Guid? UserId { get; }

    string UserName { get; }

    string? Ip { get; }
}

/// <summary>The signed-in user of the current request, or <c>system</c> outside a request.</summary>
public sealed class HttpAuditActor(IHttpContextAccessor accessor) : IAuditActor
{
    public Guid? UserId =>
        Guid.TryParse(accessor.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public string UserName => accessor.HttpContext?.User.Identity?.Name ?? SystemAuditActor.Name;

    public string? Ip => accessor.HttpContext?.Connection.RemoteIpAddress?.ToString();
}

/// <summary>Changes made by the program itself: start-up seeding and command-line tools.</summary>
public sealed class SystemAuditActor : IAuditActor
{
    public const string Name = "system";

    public static readonly SystemAuditActor Instance = new();

    public Guid? UserId => null;

    public string UserName => Name;

    public string? Ip => null;
}

/// <summary>The actor of a request, read once, for work finished after the request's context is gone.</summary>
public sealed record AuditActorSnapshot(Guid? UserId, string UserName, string? Ip) : IAuditActor
{
    public static AuditActorSnapshot Of(IAuditActor actor) => new(actor.UserId, actor.UserName, actor.Ip);
}
