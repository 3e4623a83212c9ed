using Fazhi.Web.Modules.LegalAid.Data;
using Fazhi.Web.Modules.LegalAid.Domain;
using Fazhi.Web.Platform.Cases;
using Fazhi.Web.Platform.Data;
using Fazhi.Web.Platform.Lists;
using Fazhi.Web.Platform.Localization;
using Fazhi.Web.Platform.Privacy;
using Fazhi.Web.Platform.Scope;
using Fazhi.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Modules.LegalAid.Features;

/// <summary>接待: where, how, who (optional), the matter, the answer given and where it was referred.</summary>
public sealed record ContactRequest(Guid? PlaceId, ContactChannel? Channel, string? Name, string? Phone, MatterType? MatterType, string? Answer, Referral? ReferredTo);

/// <summary>A contact in a list: the name masked, the phone not shown.</summary>
public sealed record ContactRow(Guid Id, DateTime At, string Place, ContactChannel Channel, string? Name, MatterType Matter, string Answer, Referral ReferredTo, Guid? ApplicationId);

public sealed record ContactFilter(DateOnly? From = null, DateOnly? To = null, Guid? PlaceId = null, ContactChannel? Channel = null, int Page = 1, int PageSize = 50);

/// <summary>Contacts at the centre and the stations: logged in half a minute, listed by day, counted by place and channel.</summary>
public sealed class ContactService(FazhiDbContext db, DataScopeResolver scopes, ActorSource actors)
{
    public async Task<IQueryable<AidContact>> ScopedAsync(CancellationToken ct = default)
    {
        var scope = await scopes.CurrentAsync(ct);
        return db.AidContacts.AsNoTracking().WithinScope(scope, c => c.DepartmentId, _ => Guid.Empty);
    }

    /// <summary>Logs a contact; the same Idempotency-Key again (a double Enter) returns the first.</summary>
    public async Task<NewRecord> LogAsync(ContactRequest r, string? idempotencyKey = null, CancellationToken ct = default)
    {
        new Validator()
            .Check(r.PlaceId is not null, "placeId", "required")
            .Check(r.Channel is { } c && Enum.IsDefined(c), "channel", "required")
            .MaxLength("name", r.Name, 50)
            .Check(string.IsNullOrWhiteSpace(r.Phone) || Identifiers.IsPhone(r.Phone), "phone", "phone_format")
            .Check(r.MatterType is { } m && Enum.IsDefined(m), "matterType", "required")
            .Required("answer", r.Answer, 2000)
            .Check(r.ReferredTo is null || Enum.IsDefined(r.ReferredTo.Value), "referredTo", "required")
            .ThrowIfInvalid();
        var key = Idempotency.Normalise(idempotencyKey);
        var by = await actors.CurrentAsync(ct);
        var place = await db.AidPlaces.AsNoTracking().WithinScope(by.Scope, p => p.DepartmentId, _ => Guid.Empty).SingleOrDefaultAsync(p => p.Id == r.PlaceId && p.IsActive, ct)
            ?? throw DomainException.NotFound("placeId");
        // A double submit of the one form: the key is the contact's own id, so the second insert is refused by the key and answered with the first.
        var id = key is null ? Guid.CreateVersion7() : KeyedId(key, by.UserName);
        if (key is not null && await db.AidContacts.AsNoTracking().AnyAsync(x => x.Id == id, ct))
        {
            return new NewRecord(id);
        }

        db.AidContacts.Add(new AidContact
        {
            Id = id, PlaceId = place.Id, DepartmentId = place.DepartmentId, Channel = r.Channel!.Value, At = by.Now,
            Name = string.IsNullOrWhiteSpace(r.Name) ? null : r.Name.Trim(), Phone = string.IsNullOrWhiteSpace(r.Phone) ? null : r.Phone.Trim(),
            MatterType = r.MatterType!.Value, Answer = r.Answer!.Trim(), ReferredTo = r.ReferredTo ?? Referral.None, RecordedBy = by.UserName,
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (key is not null)
        {
            db.ChangeTracker.Clear();
        }

        return new NewRecord(id);
    }

    /// <summary>The same key from the same account names the same contact.</summary>
    private static Guid KeyedId(string key, string userName)
    {
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes("aid-contact|" + userName + "|" + key));
        return new Guid(hash.AsSpan(0, 16));
    }

    public async Task<Paged<ContactRow>> ListAsync(ContactFilter f, CancellationToken ct = default)
    {
        new Validator().Check(f.From is null || f.From.Value.Year is >= 2000 and <= 2100, "from", "legalaid.date_out_of_range")
            .Check(f.To is null || f.To.Value.Year is >= 2000 and <= 2100, "to", "legalaid.date_out_of_range").ThrowIfInvalid();
        var q = await ScopedAsync(ct);
        if (f.From is { } from)
        {
            var start = ChinaTime.StartOfDayUtc(from);
            q = q.Where(c => c.At >= start);
        }

        if (f.To is { } to)
        {
            var end = ChinaTime.StartOfDayUtc(to.AddDays(1));
            q = q.Where(c => c.At < end);
        }

        if (f.PlaceId is { } p)
        {
            q = q.Where(c => c.PlaceId == p);
        }

        if (f.Channel is { } ch)
        {
            q = q.Where(c => c.Channel == ch);
        }

        var places = await db.AidPlaces.AsNoTracking().ToDictionaryAsync(x => x.Id, x => x.Name, ct);
        var page = await q.OrderByDescending(c => c.At).ToPageAsync(f.Page, f.PageSize, ct);
        return page.With([.. page.Items.Select(c => new ContactRow(c.Id, c.At, places.GetValueOrDefault(c.PlaceId, ""), c.Channel, c.Name is null ? null : Masking.Name(c.Name),
            c.MatterType, Masking.IdentifiersIn(c.Answer), c.ReferredTo, c.ApplicationId))]);
    }

    /// <summary>A contact to start an application from: the name and the matter carried over to the form.</summary>
    public async Task<AidContact?> FindAsync(Guid id, CancellationToken ct = default) =>
        await (await ScopedAsync(ct)).SingleOrDefaultAsync(c => c.Id == id, ct);
}

public static class ContactApi
{
    public static RouteGroupBuilder MapContacts(this RouteGroupBuilder g)
    {
        g.MapGet("/contacts", async ([AsParameters] ContactQuery q, ContactService s) => TypedResults.Ok(await s.ListAsync(q.Filter)))
            .WithSummary("Contacts in the caller's scope, newest first: filter by days, place and channel; names masked, phones never listed.");
        g.MapGet("/contacts/export", async ([AsParameters] ContactQuery q, ContactService s, Text text) =>
                await ListExport.ExcelAsync(await s.ListAsync(q.Filter with { Page = 1, PageSize = Paging.ExportRows }), text, "legal-aid-contacts.xlsx",
                    new ListColumn<ContactRow>("legalaid.contact.at", r => r.At),
                    new ListColumn<ContactRow>("legalaid.place", r => r.Place),
                    new ListColumn<ContactRow>("legalaid.channel", r => text["legalaid.channel." + r.Channel].Value),
                    new ListColumn<ContactRow>("field.name", r => r.Name ?? ""),
                    new ListColumn<ContactRow>("field.matterType", r => text["legalaid.matter." + r.Matter].Value),
                    new ListColumn<ContactRow>("legalaid.contact.answer", r => r.Answer),
                    new ListColumn<ContactRow>("legalaid.contact.referred", r => text["legalaid.referral." + r.ReferredTo].Value)))
            .WithSummary("The contacts the filter keeps, as Excel (up to 10,000 rows).").ProducesExcel();
        g.MapPost("/contacts", async (ContactRequest r, [Microsoft.AspNetCore.Mvc.FromHeader(Name = "Idempotency-Key")] string? key, ContactService s) =>
            {
                var created = await s.LogAsync(r, key);
                return TypedResults.Created($"/api/legal-aid/contacts/{created.Id}", created);
            })
            .WithSummary("接待: log a visit, a 12348 call or an online question. An Idempotency-Key makes a double submit log one contact.");
        return g;
    }
}

public sealed record ContactQuery(DateOnly? From, DateOnly? To, Guid? PlaceId, ContactChannel? Channel, int? Page)
{
    public ContactFilter Filter => new(From, To, PlaceId, Channel, Page ?? 1);
}
