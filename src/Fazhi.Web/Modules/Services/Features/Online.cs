using Fazhi.Web.Platform.Privacy;
using Fazhi.Web.Platform.Organisation;
using Fazhi.Web.Modules.Services.Data;
using System.Security.Claims;
using Fazhi.Web.Modules.Services.Domain;
using Fazhi.Web.Platform.Data;
using Fazhi.Web.Platform.Files;
using Fazhi.Web.Platform.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Modules.Services.Features;

public sealed record UploadInput(string MaterialKey, string FileName, Stream Content)
{
    /// <summary>The form's files named <c>file-{materialKey}</c>, one per material, empty inputs left out.</summary>
    public static List<UploadInput> FromForm(IFormFileCollection files) =>
        files.Where(f => f.Length > 0 && f.Name.StartsWith("file-", StringComparison.Ordinal))
            .Select(f => new UploadInput(f.Name[5..], f.FileName, f.OpenReadStream()))
            .ToList();
}

public sealed record OnlineApplicationInput(string? ItemCode, ApplicantInput? Applicant, IReadOnlyList<UploadInput> Files);

/// <summary>一网: citizens register with a phone and password, apply online with uploads, and follow their applications.</summary>
public sealed class OnlineService(FazhiDbContext db, CatalogService catalog, ApplicationNumbers numbers, FileStore files, TimeProvider time, Platform.Calendar.WorkingDayCalendar calendar, IPasswordHasher<Citizen> hasher, IConfiguration configuration, OrganisationDirectory directory)
{
    public const string Scheme = "Citizen";
    public const int MaxFailures = 5;

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    public async Task<Citizen> RegisterAsync(string? phone, string? password, CancellationToken ct = default)
    {
        var p = phone?.Trim() ?? "";
        new Validator()
            .Check(Identifiers.IsMobile(p), "phone", "phone_format")
            .Check(password is { Length: >= 8 } && password.Any(char.IsLetter) && password.Any(char.IsDigit), "password", "citizen.password_weak")
            .ThrowIfInvalid();
        if (await db.Citizens.AnyAsync(c => c.PhoneLookup == p, ct))
        {
            throw new DomainException("citizen.phone_taken", "phone", ErrorKind.Conflict);
        }

        var citizen = new Citizen { Id = Guid.CreateVersion7(), Phone = p, PhoneLookup = p, RegisteredAt = Now };
        citizen.PasswordHash = hasher.HashPassword(citizen, password!);
        db.Citizens.Add(citizen);
        await db.SaveChangesAsync(ct);
        return citizen;
    }

    /// <summary>Checks the password; five failures lock the account for 15 minutes, like staff accounts.</summary>
    public async Task<Citizen> CheckAsync(string? phone, string? password, CancellationToken ct = default)
    {
        var p = phone?.Trim() ?? "";
        var citizen = await db.Citizens.SingleOrDefaultAsync(c => c.PhoneLookup == p, ct);
        if (citizen?.LockedUntil is { } until && until > Now)
        {
            throw new DomainException("auth.locked_out", "phone", ErrorKind.Forbidden);
        }

        if (citizen is null || hasher.VerifyHashedPassword(citizen, citizen.PasswordHash, password ?? "") == PasswordVerificationResult.Failed)
        {
            if (citizen is not null && ++citizen.FailedLogins >= MaxFailures)
            {
                citizen.FailedLogins = 0;
                citizen.LockedUntil = Now.AddMinutes(15);
            }

            await db.SaveChangesAsync(ct);
            throw new DomainException("auth.invalid_credentials", "password");
        }

        citizen.FailedLogins = 0;
        citizen.LockedUntil = null;
        await db.SaveChangesAsync(ct);
        return citizen;
    }

    public static ClaimsPrincipal Principal(Citizen c) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, c.Id.ToString()), new Claim(ClaimTypes.Name, Masking.Phone(c.Phone))], Scheme));

    public static async Task SignInAsync(HttpContext http, Citizen c) =>
        await http.SignInAsync(Scheme, Principal(c));

    public static Guid? CitizenId(ClaimsPrincipal user) =>
        user.Identities.Any(i => i.AuthenticationType == Scheme) && Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    /// <summary>Submits an online application for pre-review: no visit is counted.</summary>
    public async Task<IntakeResponse> SubmitAsync(Guid citizenId, OnlineApplicationInput input, CancellationToken ct = default)
    {
        var v = new Validator().Required("itemCode", input.ItemCode, 50).Check(input.Applicant is not null, "applicant", "required");
        var applicant = IntakeService.ToApplicant(input.Applicant, v);
        v.ThrowIfInvalid();
        var version = await catalog.CurrentVersionAsync(input.ItemCode!.Trim(), ct);
        if (!version.Online)
        {
            throw new DomainException("online.not_online", "itemCode");
        }

        var stored = await StoreAsync(version, input.Files, ct);
        var phone = await db.Citizens.Where(c => c.Id == citizenId).Select(c => c.Phone).SingleAsync(ct);
        // Online applications arrive at the citizen service centre, whose window clerks pre-review them.
        var centreCode = configuration["Fazhi:ServiceCentreCode"] ?? "TX-SVC";
        var centre = (await directory.ByCodeAsync(centreCode, ct))?.Id;
        await using var tx = await db.BeginWriteAsync(ct);
        var app = Application.Receive(await numbers.NextAsync(db, ct), version, applicant!, ApplicationChannel.Online,
            null, null, centre, citizenId, Now, Masking.Phone(phone));
        app.CheckMaterials(version.Materials.Select(m => new MaterialCheck(m.Key, stored.Any(s => s.MaterialKey == m.Key))));
        db.Applications.Add(app);
        foreach (var s in stored)
        {
            s.ApplicationId = app.Id;
            db.UploadedFiles.Add(s);
        }

        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new IntakeResponse(app.Id, app.Number, app.QueryToken, app.Status);
    }

    /// <summary>Adds the corrected materials and sends the application back to pre-review.</summary>
    public async Task ResubmitAsync(Guid citizenId, Guid applicationId, IReadOnlyList<UploadInput> uploads, CancellationToken ct = default)
    {
        var app = await db.Applications.Include(a => a.Events).SingleOrDefaultAsync(a => a.Id == applicationId && a.CitizenId == citizenId, ct)
            ?? throw DomainException.NotFound();
        var version = await db.ServiceItemVersions.AsNoTracking().SingleAsync(x => x.Id == app.ItemVersionId, ct);
        var stored = await StoreAsync(version, uploads, ct);
        foreach (var s in stored)
        {
            s.ApplicationId = app.Id;
            db.UploadedFiles.Add(s);
        }

        var keys = await db.UploadedFiles.Where(f => f.ApplicationId == app.Id).Select(f => f.MaterialKey).ToListAsync(ct);
        keys.AddRange(stored.Select(s => s.MaterialKey));
        var checks = version.Materials.Select(m => new MaterialCheck(m.Key, keys.Contains(m.Key))).ToList();
        if (app.Status == ApplicationStatus.Suspended)
        {
            // Corrections asked for during review: their arrival starts the clock again.
            await db.Entry(app).Collection(a => a.Tasks).LoadAsync(ct);
            app.ReceiveCorrectionsOnline(checks, Now, Platform.Localization.ChinaTime.Today(time), calendar, Masking.Phone(app.Phone));
        }
        else
        {
            app.ResubmitOnline(checks, Now, Masking.Phone(app.Phone));
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>The account's own phone, in full, to fill in its forms.</summary>
    public Task<string> PhoneAsync(Guid citizenId, CancellationToken ct = default) =>
        db.Citizens.Where(c => c.Id == citizenId).Select(c => c.Phone).SingleAsync(ct);

    public async Task<List<ApplicationRow>> MineAsync(Guid citizenId, CancellationToken ct = default) =>
        await db.Applications.AsNoTracking().Where(a => a.CitizenId == citizenId).OrderByDescending(a => a.ReceivedAt)
            .Select(a => new ApplicationRow(a.Id, a.Number, a.ItemName, a.ApplicantName, a.Channel, a.Status, a.ReceivedAt, a.DueDate, a.Visits))
            .ToListAsync(ct);

    public async Task<Application> MineAsync(Guid citizenId, Guid id, CancellationToken ct = default) =>
        await db.Applications.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id && a.CitizenId == citizenId, ct) ?? throw DomainException.NotFound();

    public async Task<List<UploadedFile>> FilesAsync(Guid applicationId, CancellationToken ct = default) =>
        await db.UploadedFiles.AsNoTracking().Where(f => f.ApplicationId == applicationId).OrderBy(f => f.UploadedAt).ToListAsync(ct);

    private async Task<List<UploadedFile>> StoreAsync(ServiceItemVersion version, IReadOnlyList<UploadInput> uploads, CancellationToken ct)
    {
        var result = new List<UploadedFile>();
        var v = new Validator();
        foreach (var u in uploads)
        {
            var field = "files." + u.MaterialKey;
            if (version.Materials.All(m => m.Key != u.MaterialKey))
            {
                v.Check(false, field, "upload.unknown_material");
                continue;
            }

            try
            {
                var s = await files.SaveAsync(u.Content, field, FileKinds.Documents, ct);
                result.Add(new UploadedFile
                {
                    Id = Guid.CreateVersion7(), MaterialKey = u.MaterialKey, FileName = Path.GetFileName(u.FileName).Length > 200 ? Path.GetFileName(u.FileName)[..200] : Path.GetFileName(u.FileName),
                    ContentType = s.ContentType, Size = s.Size, Sha256 = s.Sha256, UploadedAt = Now,
                });
            }
            catch (DomainException d)
            {
                v.Check(false, field, d.Code, [.. d.Args]);
            }
        }

        v.ThrowIfInvalid();
        return result;
    }
}

public static class OnlineApi
{
    public static IEndpointRouteBuilder MapOnline(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/services/online").WithTags("Online");
        api.MapPost("/register", async (CitizenCredentials c, OnlineService s, HttpContext http) =>
        {
            var citizen = await s.RegisterAsync(c.Phone, c.Password);
            await OnlineService.SignInAsync(http, citizen);
            return TypedResults.Created("/api/services/online/applications", new OnlineAccount(citizen.Id, Platform.Privacy.Masking.Phone(citizen.Phone) ?? ""));
        }).AllowAnonymous().WithSummary("Register a citizen account (mobile phone and password) and sign in with its cookie.");
        api.MapPost("/login", async (CitizenCredentials c, OnlineService s, HttpContext http) =>
        {
            await OnlineService.SignInAsync(http, await s.CheckAsync(c.Phone, c.Password));
            return TypedResults.NoContent();
        }).AllowAnonymous().WithSummary("Sign a citizen in (cookie).");
        api.MapGroup("/account").RequireAuthorization(p => p.AddAuthenticationSchemes(OnlineService.Scheme).RequireAuthenticatedUser()).MapPhoneVerification();
        var mine = api.MapGroup("/applications").RequireAuthorization(p => p.AddAuthenticationSchemes(OnlineService.Scheme).RequireAuthenticatedUser());
        mine.MapGet("/", async (HttpContext http, OnlineService s) => TypedResults.Ok(await s.MineAsync(OnlineService.CitizenId(http.User)!.Value)))
            .WithSummary("The signed-in citizen's applications.");
        mine.MapPost("/", Submit).DisableAntiforgery().WithMetadata(new MultipartForm(
            [
                new FormField("itemCode", "The item's code (事项编码)", Required: true),
                new FormField("kind", "Person or Organisation", Required: true, Values: ["Person", "Organisation"]),
                new FormField("name", "The applicant's name", Required: true),
                new FormField("idNumber", "A person's ID number (公民身份号码)"),
                new FormField("creditCode", "An organisation's unified social credit code"),
                new FormField("phone", "A phone number", Required: true),
                new FormField("contactName", "An organisation's contact person"),
            ],
            "file-{materialKey}: one file per required material, PDF, JPEG or PNG (recognised by content)"))
            .WithSummary("Apply online: multipart form with itemCode, kind, name, idNumber or creditCode, phone, and one file-{materialKey} per material (PDF, JPEG or PNG).");
        mine.MapPost("/{id:guid}/corrections", async (Guid id, HttpContext http, OnlineService s) =>
        {
            // The application is the citizen's own, and the body a form, before any of it is read.
            await s.MineAsync(OnlineService.CitizenId(http.User)!.Value, id);
            MultipartUpload.RequireMultipart(http.Request);
            var form = await http.Request.ReadFormAsync();
            await s.ResubmitAsync(OnlineService.CitizenId(http.User)!.Value, id, UploadInput.FromForm(form.Files));
            return TypedResults.NoContent();
        }).DisableAntiforgery().WithMetadata(new MultipartForm([], "file-{materialKey}: one file per material the correction notice names, PDF, JPEG or PNG"))
            .WithSummary("Send the corrections a correction notice asked for (at pre-review or during review): one file-{materialKey} per material.");
        return app;
    }

    private static async Task<Microsoft.AspNetCore.Http.HttpResults.Created<IntakeResponse>> Submit(HttpContext http, OnlineService s)
    {
        MultipartUpload.RequireMultipart(http.Request);
        var form = await http.Request.ReadFormAsync();
        var kind = Enum.TryParse<ApplicantKind>(form["kind"], out var k) ? k : (ApplicantKind?)null;
        var uploads = UploadInput.FromForm(form.Files);
        var input = new OnlineApplicationInput(form["itemCode"],
            new ApplicantInput(kind, form["name"], form["idNumber"], form["creditCode"], form["phone"], form["contactName"]), uploads);
        var created = await s.SubmitAsync(OnlineService.CitizenId(http.User)!.Value, input);
        return TypedResults.Created($"/api/services/online/applications/{created.Id}", created);
    }
}

public sealed record CitizenCredentials(string? Phone, string? Password);

/// <summary>The account just registered: its id and the phone it signs in with (masked, as everywhere).</summary>
public sealed record OnlineAccount(Guid Id, string Phone);
