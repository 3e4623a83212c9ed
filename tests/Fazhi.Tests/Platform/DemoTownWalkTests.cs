using System.Net;
using System.Text.RegularExpressions;
using Fazhi.Tests.Infrastructure;
using Fazhi.Web.Platform.Localization;
using Fazhi.Web.Platform.Organisation;

namespace Fazhi.Tests.Platform;

/// <summary>
/// Every demo account of every module signs in to the demo town and walks its pages, in each language: the home page greets
/// it with its tasks, every page its menu and home page link to opens, and no page shows a raw string key.
/// </summary>
public sealed partial class DemoTownWalkTests(DemoTownFactory app) : IClassFixture<DemoTownFactory>
{
    /// <summary>The first parts of every string key (home, enforcement, mediation, ...), from the one table.</summary>
    private static readonly Regex RawKey = new(
        "((?<!<code)>\\s*|(placeholder|title|aria-label|alt)=\")(" + string.Join('|', new Text().GetAllStrings(false).Select(s => s.Name.Split('.')[0]).Distinct().Select(Regex.Escape))
        + ")\\.[A-Za-z0-9_]+(\\.[A-Za-z0-9_]+)*(\\s*<|\")",
        RegexOptions.Compiled);

    [GeneratedRegex("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex Ids();

    [GeneratedRegex("href=\"(/[^\"#?]*)(\\?[^\"#]*)?\"")]
    private static partial Regex Link();

    private static readonly string[] NotPages = ["/api/", "/culture/", "/logout", "/css/", "/js/", "/_", "/favicon", "/openapi", "/health"];

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en")]
    public async Task Every_demo_account_walks_its_pages_with_no_raw_string_key_in_either_language(string language)
    {
        var accounts = DemoTown.Accounts.ToList();
        Assert.Contains(accounts, a => a.UserName == "mediator");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var account in accounts)
        {
            var client = await app.BrowserSignedInAsync(account.UserName);
            client.DefaultRequestHeaders.Add("Accept-Language", language);
            var home = await client.GetAsync("/");
            var html = await home.Content.ReadAsStringAsync();
            Assert.True(home.StatusCode == HttpStatusCode.OK, $"{account.UserName}: / answers {(int)home.StatusCode}");
            Assert.Contains("id=\"welcome\"", html, StringComparison.Ordinal);
            Assert.Contains(account.Name, html, StringComparison.Ordinal);

            // The home page, its menu and the pages they link to (one step further), each once per language.
            var queue = new Queue<(string Url, int Depth)>([("/", 0), ("/tasks", 0), ("/alerts", 0)]);
            while (queue.TryDequeue(out var next))
            {
                // One record page per route: /enforcement/cases/{id} is walked once, not once per case.
                var key = Ids().Replace(next.Url.Split('?')[0], "{id}");
                if (!seen.Add(account.UserName + " " + key) || !seen.Add(key) && next.Depth > 0)
                {
                    continue;
                }

                var response = await client.GetAsync(next.Url);
                var page = await response.Content.ReadAsStringAsync();
                if ((int)response.StatusCode is >= 300 and < 400)
                {
                    // A link to the citizens' side sends staff to its own sign-in.
                    continue;
                }

                if (response.StatusCode != HttpStatusCode.OK)
                {
                    problems.Add($"{account.UserName} {next.Url}: {(int)response.StatusCode}");
                    continue;
                }

                if (RawKey.Match(page) is { Success: true } raw)
                {
                    problems.Add($"{account.UserName} {next.Url} ({language}): {raw.Value}");
                }

                if (next.Depth < 2)
                {
                    foreach (Match m in Link().Matches(page))
                    {
                        var url = WebUtility.HtmlDecode(m.Value[6..^1]);
                        if (!NotPages.Any(p => url.StartsWith(p, StringComparison.Ordinal)) && !url.Contains("/export", StringComparison.Ordinal)
                            && !url.EndsWith(".docx", StringComparison.Ordinal) && !url.EndsWith(".xlsx", StringComparison.Ordinal))
                        {
                            queue.Enqueue((url, next.Depth + 1));
                        }
                    }
                }
            }
        }

        Assert.True(seen.Count > 40, $"only {seen.Count} pages walked");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
