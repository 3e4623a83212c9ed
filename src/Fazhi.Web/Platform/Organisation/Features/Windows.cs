using Fazhi.Web.Platform.Organisation.Domain;
using Fazhi.Web.Platform.Data;
using Fazhi.Web.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Platform.Organisation.Features;

public sealed record WindowDto(Guid Id, int Number, string Name, WindowKind Kind, string? Theme, bool IsActive, Guid RowVersion);

public sealed record SaveWindowRequest(int? Number, string? Name, WindowKind? Kind, string? Theme, bool IsActive = true, Guid? RowVersion = null);

/// <summary>The numbered windows of the citizen service centre.</summary>
public sealed class WindowService(FazhiDbContext db)
{
    public const int MaxNumber = 999;

    public async Task<List<WindowDto>> ListAsync(CancellationToken ct = default) =>
        await db.Windows.AsNoTracking().OrderBy(w => w.Number)
            .Select(w => new WindowDto(w.Id, w.Number, w.Name, w.Kind, w.Theme, w.IsActive, w.RowVersion))
            .ToListAsync(ct);

    public async Task<WindowDto> GetAsync(Guid id, CancellationToken ct = default) =>
        (await ListAsync(ct)).FirstOrDefault(w => w.Id == id) ?? throw DomainException.NotFound();

    public async Task<WindowDto> CreateAsync(SaveWindowRequest r, CancellationToken ct = default)
    {
        Validate(r);
        await CheckNumberFreeAsync(r.Number!.Value, null, ct);
        var window = Window.Create(r.Number.Value, r.Name!, r.Kind!.Value, r.Theme);
        db.Windows.Add(window);
        await db.SaveChangesAsync(ct);
        return await GetAsync(window.Id, ct);
    }

    public async Task<WindowDto> UpdateAsync(Guid id, SaveWindowRequest r, CancellationToken ct = default)
    {
        Validate(r);
        var window = await db.Windows.SingleOrDefaultAsync(w => w.Id == id, ct) ?? throw DomainException.NotFound();
        if (r.RowVersion is { } version && version != window.RowVersion)
        {
            throw new DomainException("concurrency_conflict", "rowVersion", ErrorKind.Conflict);
        }

        await CheckNumberFreeAsync(r.Number!.Value, id, ct);
        window.Update(r.Number.Value, r.Name!, r.Kind!.Value, r.Theme, r.IsActive);
        await db.SaveChangesAsync(ct);
        return await GetAsync(id, ct);
    }

    private async Task CheckNumberFreeAsync(int number, Guid? self, CancellationToken ct)
    {
        if (await db.Windows.AnyAsync(w => w.Number == number && w.Id != self, ct))
        {
            throw new DomainException("window.number_taken", "number", ErrorKind.Conflict, number);
        }
    }

    private static void Validate(SaveWindowRequest r) => new Validator()
        .Check(r.Number is >= 1 and <= MaxNumber, "number", "out_of_range", 1, MaxNumber)
        .Required("name", r.Name, 100)
        .Check(r.Kind is not null && Enum.IsDefined(r.Kind.Value), "kind", "required")
        .Check(r.Kind != WindowKind.Thematic || !string.IsNullOrWhiteSpace(r.Theme), "theme", "window.theme_required")
        .MaxLength("theme", r.Theme, 100)
        .ThrowIfInvalid();
}

public static class WindowApi
{
    public static RouteGroupBuilder MapWindows(this RouteGroupBuilder org)
    {
        org.MapGet("/windows", async (WindowService s) => TypedResults.Ok(await s.ListAsync()))
            .WithSummary("The service centre's windows, by number.");
        org.MapGet("/windows/{id:guid}", async (Guid id, WindowService s) => TypedResults.Ok(await s.GetAsync(id)))
            .WithSummary("One window.");
        org.MapPost("/windows", Create).RequireAuthorization(OrganisationSetup.ManagePolicy)
            .WithSummary("Add a window (general or thematic) with its number.");
        org.MapPut("/windows/{id:guid}", async (Guid id, SaveWindowRequest r, WindowService s) => TypedResults.Ok(await s.UpdateAsync(id, r)))
            .RequireAuthorization(OrganisationSetup.ManagePolicy)
            .WithSummary("Rename, renumber or close a window.");
        return org;
    }

    private static async Task<Created<WindowDto>> Create(SaveWindowRequest r, WindowService s)
    {
        var w = await s.CreateAsync(r);
        return TypedResults.Created($"/api/org/windows/{w.Id}", w);
    }
}
