using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Xml;
using Fazhi.Web.Modules.Petitions.Data;
using Fazhi.Web.Modules.Petitions.Domain;
using Fazhi.Web.Platform.Data;
using Fazhi.Web.Platform.Localization;
using Fazhi.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Modules.Petitions.Features;

/// <summary>An Open311 service: a matter category a petition may be filed under (a claim), or suggestions.</summary>
public sealed record Open311Code(string Code, PetitionClass Class, MatterCategory Category, string Group);

/// <summary>An Open311 error (the spec's own form: a list of code and description), with its HTTP status.</summary>
public sealed class Open311Exception(int status, string description) : Exception(description)
{
    public int Status { get; } = status;
}

/// <summary>
/// Open311 GeoReport v2 over petitions: the services are the matter categories (claims) and suggestions; a request filed here
/// is an ordinary petition by the web channel with the same clocks, found by its service_request_id (the number in ASCII, not
/// the petitioner's token). Accusations are not offered (their identity is sealed) and not listed.
/// </summary>
public sealed class Open311Service(FazhiDbContext db, PetitionService petitions, IConfiguration configuration, Text text, TimeProvider time)
{
    public static IReadOnlyList<Open311Code> Services { get; } =
    [
        .. Enum.GetValues<MatterCategory>().Select(c => new Open311Code(((int)c + 1).ToString("000", CultureInfo.InvariantCulture), PetitionClass.Claim, c, "petition")),
        new("100", PetitionClass.Suggestion, MatterCategory.Other, "suggestion"),
    ];

    /// <summary>The attributes every service asks (信访工作条例 第19条: the request, the reasons and the petitioner's address).</summary>
    public static IReadOnlyList<(string Code, string Datatype, bool Required, int Order)> Attributes { get; } =
        [("request", "text", true, 1), ("reasons", "text", true, 2), ("home_address", "string", true, 3), ("id_number", "string", false, 4)];

    public string Jurisdiction => configuration["Petitions:Open311:Jurisdiction"] ?? "tangxia.gov.cn";

    public void CheckJurisdiction(string? jurisdiction)
    {
        if (!string.IsNullOrEmpty(jurisdiction) && !string.Equals(jurisdiction, Jurisdiction, StringComparison.OrdinalIgnoreCase))
        {
            throw new Open311Exception(404, $"jurisdiction_id not found: {jurisdiction}");
        }
    }

    /// <summary>The client an api_key belongs to (Petitions:Open311:Keys:{client} = key), compared in constant time; 403 otherwise.</summary>
    public string Client(string? apiKey)
    {
        foreach (var entry in configuration.GetSection("Petitions:Open311:Keys").GetChildren())
        {
            if (!string.IsNullOrEmpty(entry.Value) && apiKey is not null
                && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(entry.Value), Encoding.UTF8.GetBytes(apiKey)))
            {
                return entry.Key;
            }
        }

        throw new Open311Exception(403, "Invalid api_key received -- can't proceed with create_request.");
    }

    public Open311Code Service(string? code) =>
        Services.FirstOrDefault(s => s.Code == code) ?? throw new Open311Exception(404, $"service_code not found: {code}");

    public string Name(Open311Code s) => s.Class == PetitionClass.Suggestion ? text["petitions.class.Suggestion"].Value : text["petitions.category." + s.Category].Value;

    /// <summary>POST requests: the form as the spec names it, entered as a petition. Field errors come back as the spec's 400s.</summary>
    public async Task<(string Id, string Notice)> FileAsync(IFormCollection form, CancellationToken ct)
    {
        CheckJurisdiction(form["jurisdiction_id"]);
        var client = Client(form["api_key"]);
        var service = Service(form["service_code"]);
        string? Get(string name) => form[name].FirstOrDefault() is { Length: > 0 } v ? v.Trim() : null;
        string? Attribute(string code) => Get($"attribute[{code}]");
        var where = Get("address_string") ?? (Get("lat") is { } lat && Get("long") is { } lng ? $"{lat},{lng}" : null) ?? Get("address_id");
        var errors = new List<string>();
        if (where is null)
        {
            errors.Add("location not provided: send lat and long, address_string or address_id");
        }

        var name = string.Concat(Get("last_name"), Get("first_name"));
        if (name.Length == 0)
        {
            errors.Add("first_name or last_name not provided");
        }

        if (Get("description") is null)
        {
            errors.Add("description not provided");
        }

        errors.AddRange(Attributes.Where(a => a.Required && Attribute(a.Code) is null).Select(a => $"attribute[{a.Code}] not provided"));
        if (errors.Count > 0)
        {
            throw new Open311Exception(400, string.Join("; ", errors));
        }

        var facts = Get("description")! + "\n" + Text.In("petitions.open311.where", english: false) + where;
        // Open311 has no idempotency key: the same client posting the same request again within 10 minutes (a retry after a
        // lost answer) gets the first one's id, not a second petition.
        var subject = Truncate(Get("description")!, 100);
        var phone = Get("phone");
        var since = time.GetUtcNow().UtcDateTime.AddMinutes(-10);
        var again = await db.Petitions.AsNoTracking()
            .Where(p => p.Open311Client == client && p.Class == service.Class && p.Category == service.Category && p.Subject == subject && p.ReceivedAt >= since
                && (phone == null ? p.PhoneLookup == null : p.PhoneLookup == phone))
            .OrderBy(p => p.ReceivedAt).Select(p => p.RequestId).FirstOrDefaultAsync(ct);
        if (again is not null)
        {
            return (again, Text.In("petitions.open311.notice", english: false));
        }

        try
        {
            var (created, _) = await petitions.RegisterAsync(new RegisterRequest(PetitionChannel.Web, service.Class, service.Category, subject,
                Attribute("request"), facts, Attribute("reasons"), name, Attribute("id_number"), Get("phone"), Attribute("home_address")), null, client, ct);
            var id = await db.Petitions.AsNoTracking().Where(p => p.Id == created.Id).Select(p => p.RequestId).SingleAsync(ct);
            return (id, Text.In("petitions.open311.notice", english: false));
        }
        catch (ValidationFailedException e)
        {
            throw new Open311Exception(400, string.Join("; ", e.Errors.Select(x => $"{x.Field}: {Text.In("error." + x.Code, english: true)}")));
        }
    }

    private static string Truncate(string s, int length) => s.Length <= length ? s : s[..length];

    /// <summary>GET requests (and requests/{id}): by ids, or by codes, dates (at most 90 days, the last 90 by default) and status; at most 1,000.</summary>
    public async Task<IReadOnlyList<IReadOnlyList<(string Name, object? Value)>>> RequestsAsync(
        string? ids, string? codes, string? start, string? end, string? status, DateTime now, CancellationToken ct)
    {
        var q = db.Petitions.AsNoTracking().Where(p => p.Class != PetitionClass.Accusation);
        if (!string.IsNullOrWhiteSpace(ids))
        {
            var list = ids.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(1000).ToList();
            q = q.Where(p => list.Contains(p.RequestId));
        }
        else
        {
            var to = Instant(end, "end_date") ?? now;
            var from = Instant(start, "start_date") ?? (to > DateTime.MinValue.AddDays(91) ? to.AddDays(-90) : DateTime.MinValue);
            if (to - from > TimeSpan.FromDays(90) || from > to)
            {
                throw new Open311Exception(400, "start_date and end_date may not span more than 90 days");
            }

            q = q.Where(p => p.ReceivedAt >= from && p.ReceivedAt <= to);
            if (!string.IsNullOrWhiteSpace(codes))
            {
                var chosen = codes.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Service).ToList();
                var claims = chosen.Where(s => s.Class == PetitionClass.Claim).Select(s => s.Category).ToList();
                var suggestions = chosen.Any(s => s.Class == PetitionClass.Suggestion);
                q = q.Where(p => (p.Class == PetitionClass.Claim && claims.Contains(p.Category)) || (suggestions && p.Class == PetitionClass.Suggestion));
            }

            if (!string.IsNullOrWhiteSpace(status))
            {
                var wanted = status.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
                if (wanted.Any(w => w is not ("open" or "closed")))
                {
                    throw new Open311Exception(400, "status must be open or closed");
                }

                if (!(wanted.Contains("open") && wanted.Contains("closed")))
                {
                    var closed = Closed;
                    q = wanted.Contains("closed") ? q.Where(p => closed.Contains(p.Status)) : q.Where(p => !closed.Contains(p.Status));
                }
            }
        }

        var rows = await q.OrderByDescending(p => p.ReceivedAt).Take(1000)
            .Select(p => new
            {
                p.RequestId, p.Status, p.Class, p.Category, p.HandlerName, p.ReceivedAt, p.ChangedAt, Due = p.DueOn,
            }).ToListAsync(ct);
        var agency = configuration["Petitions:Organ"] ?? "塘厦镇信访办公室";
        return [.. rows.Select(p =>
        {
            var service = Services.FirstOrDefault(s => s.Class == p.Class && (s.Class == PetitionClass.Suggestion || s.Category == p.Category)) ?? Services[^1];
            IReadOnlyList<(string, object?)> fields =
            [
                ("service_request_id", p.RequestId),
                ("status", Closed.Contains(p.Status) ? "closed" : "open"),
                ("status_notes", Text.In("petitions.status." + p.Status, english: false)),
                ("service_name", Name(service)),
                ("service_code", service.Code),
                // A petition's story is the petitioner's: it is not published.
                ("description", null),
                ("agency_responsible", p.HandlerName ?? agency),
                ("service_notice", null),
                ("requested_datetime", W3C(p.ReceivedAt)),
                ("updated_datetime", W3C(p.ChangedAt)),
                // The end of the China day the running limit falls on.
                ("expected_datetime", p.Due is { } due && !Closed.Contains(p.Status) ? W3C(ChinaTime.StartOfDayUtc(due.AddDays(1)).AddSeconds(-1)) : null),
                ("address", null), ("address_id", null), ("zipcode", null), ("lat", null), ("long", null), ("media_url", null),
            ];
            return fields;
        })];
    }

    private static readonly PetitionStatus[] Closed =
        [PetitionStatus.NotAccepted, PetitionStatus.Diverted, PetitionStatus.Answered, PetitionStatus.Reviewed, PetitionStatus.ReReviewed, PetitionStatus.Referred];

    private static DateTime? Instant(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        // W3C datetimes carry their zone (Z or ±hh:mm).
        return System.Text.RegularExpressions.Regex.IsMatch(value, "(Z|[+-][0-9]{2}:[0-9]{2})$")
            && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d.UtcDateTime
            : throw new Open311Exception(400, $"{field} is not a W3C datetime with a time zone");
    }

    /// <summary>China time with its offset, as the spec requires a zone: 2026-12-07T14:03:00+08:00.</summary>
    public static string W3C(DateTime utc) =>
        new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}

/// <summary>Writes Open311's answers: a JSON array (or object) of fields in the spec's order, or the XML the spec shows.</summary>
internal static class Open311Writer
{
    public static IResult Write(string format, string root, string item, IEnumerable<IReadOnlyList<(string Name, object? Value)>> items, bool single = false)
    {
        var list = items.ToList();
        if (format == "xml")
        {
            var sb = new StringBuilder();
            using (var w = XmlWriter.Create(sb, new XmlWriterSettings { Indent = true, Encoding = Encoding.UTF8 }))
            {
                w.WriteStartDocument();
                w.WriteStartElement(single ? item : root);
                foreach (var fields in list)
                {
                    if (!single)
                    {
                        w.WriteStartElement(item);
                    }

                    WriteFields(w, fields);
                    if (!single)
                    {
                        w.WriteEndElement();
                    }
                }

                w.WriteEndElement();
            }

            return Results.Text(sb.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal), "text/xml; charset=utf-8", Encoding.UTF8);
        }

        var json = new System.Text.Json.Nodes.JsonArray();
        foreach (var fields in list)
        {
            json.Add(ToJson(fields));
        }

        return Results.Text(single ? json[0]!.ToJsonString(Options) : json.ToJsonString(Options), "application/json; charset=utf-8", Encoding.UTF8);
    }

    public static IResult Error(string format, int status, string description)
    {
        var result = Write(format, "errors", "error", [[("code", status), ("description", description)]]);
        return new StatusResult(result, status);
    }

    private static readonly System.Text.Json.JsonSerializerOptions Options = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static System.Text.Json.Nodes.JsonObject ToJson(IReadOnlyList<(string Name, object? Value)> fields)
    {
        var o = new System.Text.Json.Nodes.JsonObject();
        foreach (var (name, value) in fields)
        {
            o[name] = value switch
            {
                null => null,
                IEnumerable<IReadOnlyList<(string, object?)>> nested => new System.Text.Json.Nodes.JsonArray([.. nested.Select(n => (System.Text.Json.Nodes.JsonNode)ToJson(n))]),
                bool b => b,
                int i => i,
                _ => value.ToString(),
            };
        }

        return o;
    }

    private static void WriteFields(XmlWriter w, IReadOnlyList<(string Name, object? Value)> fields)
    {
        foreach (var (name, value) in fields)
        {
            w.WriteStartElement(name);
            switch (value)
            {
                case IEnumerable<IReadOnlyList<(string Name, object? Value)>> nested:
                    // attributes → attribute, values → value
                    var child = name.EndsWith('s') ? name[..^1] : name;
                    foreach (var n in nested)
                    {
                        w.WriteStartElement(child);
                        WriteFields(w, n);
                        w.WriteEndElement();
                    }

                    break;
                case bool b:
                    w.WriteString(b ? "true" : "false");
                    break;
                case null:
                    break;
                default:
                    w.WriteString(Convert.ToString(value, CultureInfo.InvariantCulture));
                    break;
            }

            w.WriteEndElement();
        }
    }

    private sealed class StatusResult(IResult inner, int status) : IResult
    {
        public Task ExecuteAsync(HttpContext http)
        {
            http.Response.StatusCode = status;
            return inner.ExecuteAsync(http);
        }
    }
}

public static class Open311Api
{
    public static void MapOpen311(this IEndpointRouteBuilder app)
    {
        // The spec's own protocol (its errors are its list of code and description, not problem details): kept out of the OpenAPI document.
        var g = app.MapGroup("/open311/v2").AllowAnonymous().RequireRateLimiting(PublicLookups.RateLimitPolicy).ExcludeFromDescription();
        g.MapGet("/services.{format}", (string format, string? jurisdiction_id, Open311Service s) => Run(format, () =>
        {
            s.CheckJurisdiction(jurisdiction_id);
            return Task.FromResult(Open311Writer.Write(format, "services", "service", Open311Service.Services.Select(x => (IReadOnlyList<(string, object?)>)
            [
                ("service_code", x.Code), ("service_name", s.Name(x)), ("description", s.Name(x)), ("metadata", true), ("type", "realtime"),
                ("keywords", x.Group == "petition" ? "信访,petition" : "建议,suggestion"), ("group", x.Group),
            ])));
        }));
        g.MapGet("/services/{code}.{format}", (string code, string format, string? jurisdiction_id, Open311Service s, Text text) => Run(format, () =>
        {
            s.CheckJurisdiction(jurisdiction_id);
            var service = s.Service(code);
            IReadOnlyList<(string, object?)> definition =
            [
                ("service_code", service.Code),
                ("attributes", Open311Service.Attributes.Select(a => (IReadOnlyList<(string, object?)>)
                [
                    ("variable", true), ("code", a.Code), ("datatype", a.Datatype), ("required", a.Required), ("datatype_description", null), ("order", a.Order),
                    ("description", Text.In("petitions.open311.attribute." + a.Code, english: false)),
                ]).ToList()),
            ];
            return Task.FromResult(Open311Writer.Write(format, "service_definition", "service_definition", [definition], single: true));
        }));
        g.MapPost("/requests.{format}", (string format, HttpContext http, Open311Service s) => Run(format, async () =>
        {
            if (!http.Request.HasFormContentType)
            {
                throw new Open311Exception(400, "the body must be application/x-www-form-urlencoded");
            }

            var (id, notice) = await s.FileAsync(await http.Request.ReadFormAsync(http.RequestAborted), http.RequestAborted);
            return Open311Writer.Write(format, "service_requests", "request", [[("service_request_id", id), ("service_notice", notice), ("account_id", null)]]);
        })).DisableAntiforgery();
        g.MapGet("/requests/{id}.{format}", (string id, string format, string? jurisdiction_id, Open311Service s, TimeProvider time) => Run(format, async () =>
        {
            s.CheckJurisdiction(jurisdiction_id);
            var rows = await s.RequestsAsync(id, null, null, null, null, time.GetUtcNow().UtcDateTime, default);
            return rows.Count == 0 ? throw new Open311Exception(404, $"service_request_id not found: {id}") : Open311Writer.Write(format, "service_requests", "request", rows);
        }));
        g.MapGet("/requests.{format}", (string format, string? jurisdiction_id, string? service_request_id, string? service_code, string? start_date, string? end_date,
            string? status, Open311Service s, TimeProvider time) => Run(format, async () =>
        {
            s.CheckJurisdiction(jurisdiction_id);
            return Open311Writer.Write(format, "service_requests", "request",
                await s.RequestsAsync(service_request_id, service_code, start_date, end_date, status, time.GetUtcNow().UtcDateTime, default));
        }));
    }

    private static async Task<IResult> Run(string format, Func<Task<IResult>> answer)
    {
        format = format.ToLowerInvariant();
        if (format is not ("json" or "xml"))
        {
            return Open311Writer.Error("json", 404, $"format not found: {format} (json or xml)");
        }

        try
        {
            return await answer();
        }
        catch (Open311Exception e)
        {
            return Open311Writer.Error(format, e.Status, e.Message);
        }
    }
}
