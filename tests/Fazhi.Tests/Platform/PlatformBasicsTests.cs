using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Fazhi.Tests.Infrastructure;
using Fazhi.Web.Platform.Organisation.Domain;
using Fazhi.Web.Platform.Identity;
using Fazhi.Web.Platform.Localization;

namespace Fazhi.Tests.Platform;

public sealed class PlatformBasicsTests(FazhiFactory app) : IClassFixture<FazhiFactory>
{
    [Fact]
    public async Task Health_answers_200_when_the_database_is_reachable()
    {
        var response = await app.Anonymous().GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_api()
    {
        var doc = await app.Anonymous().GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = doc.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/auth/login", paths);
        Assert.Contains("/api/calendar/add-working-days", paths);
        Assert.Contains("/api/org/staff/{id}", paths);
        Assert.Contains("/api/audit/verify", paths);

        var page = await app.Anonymous().GetStringAsync("/api-docs");
        Assert.Contains("/openapi/v1.json", page);
        Assert.Contains("/api/calendar/add-working-days", page);
    }

    [Theory]
    [InlineData("/login")]
    [InlineData("/healthz")]
    [InlineData("/api/calendar/is-working-day?date=2026-01-01")]
    public async Task Every_response_carries_the_security_headers(string url)
    {
        var response = await app.Anonymous().GetAsync(url);
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("script-src 'self'", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task Malformed_json_gets_400_problem_details_not_a_500()
    {
        var client = app.Anonymous();
        using var body = new StringContent("{\"userName\": \"admin\", \"password\": ", Encoding.UTF8, "application/json");
        var problem = await (await client.PostAsync("/api/auth/login", body)).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("request.malformed_json", problem.Code());
    }

    [Fact]
    public async Task A_value_of_the_wrong_type_is_named_by_its_field()
    {
        var admin = await app.SignedInAsync("admin");
        using var body = new StringContent("{\"number\": \"seven\", \"name\": \"x\", \"kind\": \"General\"}", Encoding.UTF8, "application/json");
        var problem = await (await admin.PostAsync("/api/org/windows", body)).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("request.wrong_type", problem.Code());
        Assert.Equal("number", problem.GetProperty("field").GetString());
    }

    [Fact]
    public async Task An_unknown_field_is_refused_by_name()
    {
        var admin = await app.SignedInAsync("admin");
        var response = await admin.PostAsJsonAsync("/api/org/windows", new { number = 88, name = "x", kind = "General", colour = "red" });
        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("colour", problem.GetProperty("field").GetString());
    }

    [Fact]
    public async Task An_oversized_body_gets_413()
    {
        var admin = await app.SignedInAsync("admin");
        var huge = new string('x', 2 * 1024 * 1024);
        using var body = new StringContent($"{{\"number\": 1, \"name\": \"{huge}\", \"kind\": \"General\"}}", Encoding.UTF8, "application/json");
        var problem = await (await admin.PostAsync("/api/org/windows", body)).ReadProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal("request.too_large", problem.Code());
    }

    [Fact]
    public async Task Errors_speak_English_when_the_user_chose_English()
    {
        var response = await app.Anonymous().GetAsync("/api/calendar/add-working-days?from=x&days=1&culture=en");
        var problem = await response.ReadProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("must be a date", problem.GetProperty("errors").GetProperty("from")[0].GetString());
    }
}

public sealed class TranslationTests
{
    [Fact]
    public void Every_string_has_both_languages_and_no_key_appears_twice()
    {
        var entries = Text.Entries.ToList();
        Assert.All(entries, e =>
        {
            Assert.False(string.IsNullOrWhiteSpace(e.Zh), e.Key);
            Assert.False(string.IsNullOrWhiteSpace(e.En), e.Key);
        });
        Assert.Equal(entries.Count, entries.Select(e => e.Key).Distinct().Count());
    }

    [Fact]
    public void Every_key_the_pages_and_code_use_is_translated()
    {
        var keys = Text.Entries.Select(e => e.Key).ToHashSet();
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Fazhi.slnx")))
        {
            root = root.Parent;
        }

        Assert.NotNull(root);
        var used = Directory.EnumerateFiles(Path.Combine(root.FullName, "src"), "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".razor", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
            .SelectMany(f => Regex.Matches(File.ReadAllText(f), "(?:T|text)\\[\"([a-z][A-Za-z0-9_.]*[A-Za-z0-9_])\"").Select(m => m.Groups[1].Value))
            .ToHashSet();
        Assert.NotEmpty(used);
        var missing = used.Where(k => !keys.Contains(k)).ToList();
        Assert.True(missing.Count == 0, "untranslated: " + string.Join(", ", missing));

        // Keys built from enums and role codes.
        var built = Roles.All.Select(r => "role." + r)
            .Concat(Enum.GetNames<OrgNodeKind>().Select(k => "kind." + k))
            .Concat(Enum.GetNames<WindowKind>().Select(k => "window.kind." + k))
            .Concat(Enum.GetNames<DataScope>().Select(k => "scope." + k))
            .Concat(Enum.GetNames<LoginOutcome>().Select(k => "loginlog.outcome." + k))
            .Concat(Enum.GetNames<DayOfWeek>().Select(k => "weekday." + k))
            .Concat(Enum.GetNames<DayOfWeek>().Select(k => "weekday.short." + k));
        var missingBuilt = built.Where(k => !keys.Contains(k)).ToList();
        Assert.True(missingBuilt.Count == 0, "untranslated: " + string.Join(", ", missingBuilt));
    }
}
