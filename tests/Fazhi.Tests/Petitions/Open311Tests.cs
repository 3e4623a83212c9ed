using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Xml.Linq;
using Fazhi.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace Fazhi.Tests.Petitions;

/// <summary>The demo town with an Open311 client's key.</summary>
public sealed class Open311Factory : FazhiFactory
{
    public const string Key = "xyz";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Petitions:Open311:Keys:city-app", Key);
    }
}

/// <summary>
/// Open311 GeoReport v2 as an existing client speaks it, with a plain HTTP client: the spec's own example request (its fields,
/// with this town's service code and jurisdiction) filed and followed in JSON and XML; errors in the spec's form.
/// </summary>
public sealed class Open311Tests(Open311Factory app) : IClassFixture<Open311Factory>
{
    /// <summary>The spec's example POST body (GeoReport v2, "POST Service Request"), with the town's code, jurisdiction and a petitioner's attributes.</summary>
    private static FormUrlEncodedContent SpecExample(string apiKey = Open311Factory.Key, string serviceCode = "001", bool withAttributes = true)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("api_key", apiKey), new("jurisdiction_id", "tangxia.gov.cn"), new("service_code", serviceCode), new("lat", "22.7956"), new("long", "114.1083"),
            new("address_string", "1234 5th street"), new("email", "smit333@sfgov.edu"), new("device_id", "tt222111"), new("account_id", "123456"),
            new("first_name", "john"), new("last_name", "smith"), new("phone", "13926006666"), new("description", "A large sinkhole is destroying the street"),
            new("media_url", "http://farm3.static.flickr.com/2002/2212426634_5ed477a060.jpg"),
        };
        if (withAttributes)
        {
            fields.Add(new("attribute[request]", "Repair the street"));
            fields.Add(new("attribute[reasons]", "It is dangerous"));
            fields.Add(new("attribute[home_address]", "塘厦镇莲湖社区 3 号"));
        }

        return new FormUrlEncodedContent(fields);
    }

    [Fact]
    public async Task A_request_is_filed_and_followed_in_json_as_an_ordinary_petition_with_the_same_clocks()
    {
        var client = app.Anonymous();
        var services = await client.GetFromJsonAsync<JsonElement>("/open311/v2/services.json?jurisdiction_id=tangxia.gov.cn");
        var labour = services.EnumerateArray().First(s => s.GetProperty("service_code").GetString() == "001");
        Assert.Equal(("realtime", true), (labour.GetProperty("type").GetString(), labour.GetProperty("metadata").GetBoolean()));
        var definition = await client.GetFromJsonAsync<JsonElement>("/open311/v2/services/001.json");
        Assert.Equal("001", definition.GetProperty("service_code").GetString());
        Assert.Contains(definition.GetProperty("attributes").EnumerateArray(), a => a.GetProperty("code").GetString() == "request" && a.GetProperty("required").GetBoolean());

        var posted = await client.PostAsync("/open311/v2/requests.json", SpecExample());
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.StartsWith("application/json", posted.Content.Headers.ContentType!.ToString(), StringComparison.Ordinal);
        var created = (await posted.Content.ReadFromJsonAsync<JsonElement>())[0];
        var id = created.GetProperty("service_request_id").GetString()!;
        Assert.Matches("^2026-[0-9]+$", id);
        Assert.Equal(JsonValueKind.Null, created.GetProperty("account_id").ValueKind);
        // The client retries (its answer was lost): the same request, not a second petition.
        var retried = (await (await client.PostAsync("/open311/v2/requests.json", SpecExample())).Content.ReadFromJsonAsync<JsonElement>())[0];
        Assert.Equal(id, retried.GetProperty("service_request_id").GetString());

        var one = (await client.GetFromJsonAsync<JsonElement>($"/open311/v2/requests/{id}.json"))[0];
        Assert.Equal((id, "open", "001"), (one.GetProperty("service_request_id").GetString(), one.GetProperty("status").GetString(), one.GetProperty("service_code").GetString()));
        // Received 2026-11-25 10:00 China time: routed and acceptance told within 15 days, by the end of 12-10.
        Assert.Equal(("2026-11-25T10:00:00+08:00", "2026-12-10T23:59:59+08:00"), (one.GetProperty("requested_datetime").GetString(), one.GetProperty("expected_datetime").GetString()));
        Assert.Equal("塘厦镇信访办公室", one.GetProperty("agency_responsible").GetString());
        // The petitioner's story is not published.
        Assert.Equal(JsonValueKind.Null, one.GetProperty("description").ValueKind);

        // Inside it is an ordinary petition: web channel, a claim, on the office's register with its 15-day clock.
        var office = await app.SignedInAsync("petition.officer");
        var list = await office.GetFromJsonAsync<JsonElement>("/api/petitions?q=smith");
        var row = Assert.Single(list.GetProperty("items").EnumerateArray());
        Assert.Equal(("Web", "Claim", "Labour", "2026-12-10"), (row.GetProperty("channel").GetString(), row.GetProperty("class").GetString(), row.GetProperty("category").GetString(),
            row.GetProperty("dueDate").GetString()));
        var view = await office.GetFromJsonAsync<JsonElement>($"/api/petitions/{row.GetProperty("id").GetGuid()}");
        Assert.Equal("city-app", view.GetProperty("open311Client").GetString());
        Assert.Contains("A large sinkhole", view.GetProperty("facts").GetString(), StringComparison.Ordinal);

        // Once answered it reads closed, with the status in its notes.
        var pid = row.GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.NoContent, (await office.PostAsync($"/api/petitions/{pid}/acceptance", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await office.PostAsJsonAsync($"/api/petitions/{pid}/opinion", new { opinion = "已修复路面。" })).StatusCode);
        var closed = await client.GetFromJsonAsync<JsonElement>($"/open311/v2/requests.json?service_request_id={id}");
        Assert.Equal(("closed", "已答复"), (closed[0].GetProperty("status").GetString(), closed[0].GetProperty("status_notes").GetString()));
        var onlyOpen = await client.GetFromJsonAsync<JsonElement>("/open311/v2/requests.json?status=open&service_code=001");
        Assert.DoesNotContain(onlyOpen.EnumerateArray(), r => r.GetProperty("service_request_id").GetString() == id);
    }

    [Fact]
    public async Task The_same_round_trip_in_xml_and_errors_in_the_specs_form()
    {
        var client = app.Anonymous();
        var services = XDocument.Parse(await client.GetStringAsync("/open311/v2/services.xml"));
        Assert.Equal("services", services.Root!.Name.LocalName);
        Assert.Contains(services.Root.Elements("service"), s => s.Element("service_code")!.Value == "100" && s.Element("group")!.Value == "suggestion");
        var definition = XDocument.Parse(await client.GetStringAsync("/open311/v2/services/001.xml"));
        Assert.Equal(4, definition.Root!.Element("attributes")!.Elements("attribute").Count());

        var posted = await client.PostAsync("/open311/v2/requests.xml", SpecExample(serviceCode: "100"));
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.StartsWith("text/xml", posted.Content.Headers.ContentType!.ToString(), StringComparison.Ordinal);
        var created = XDocument.Parse(await posted.Content.ReadAsStringAsync());
        var id = created.Root!.Element("request")!.Element("service_request_id")!.Value;
        var one = XDocument.Parse(await client.GetStringAsync($"/open311/v2/requests/{id}.xml"));
        var request = Assert.Single(one.Root!.Elements("request"));
        Assert.Equal(("open", "100"), (request.Element("status")!.Value, request.Element("service_code")!.Value));
        string[] order = ["service_request_id", "status", "status_notes", "service_name", "service_code", "description", "agency_responsible", "service_notice",
            "requested_datetime", "updated_datetime", "expected_datetime", "address", "address_id", "zipcode", "lat", "long", "media_url"];
        Assert.Equal(order, request.Elements().Select(e => e.Name.LocalName).ToArray());

        // A wrong key: 403 with the spec's error list.
        var refused = await client.PostAsync("/open311/v2/requests.xml", SpecExample(apiKey: "wrong"));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var error = XDocument.Parse(await refused.Content.ReadAsStringAsync()).Root!;
        Assert.Equal(("errors", "403"), (error.Name.LocalName, error.Element("error")!.Element("code")!.Value));
        // Missing content the petition needs (第19条): 400 naming it.
        var incomplete = await client.PostAsync("/open311/v2/requests.json", SpecExample(withAttributes: false));
        Assert.Equal(HttpStatusCode.BadRequest, incomplete.StatusCode);
        var problems = await incomplete.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(400, problems[0].GetProperty("code").GetInt32());
        Assert.Contains("attribute[request]", problems[0].GetProperty("description").GetString(), StringComparison.Ordinal);
        // An unknown service, request or jurisdiction: 404.
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/open311/v2/services/999.json")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/open311/v2/requests/1999-1.json")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/open311/v2/services.json?jurisdiction_id=elsewhere.gov")).StatusCode);
        var range = await client.GetAsync("/open311/v2/requests.json?start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z");
        Assert.Equal(HttpStatusCode.BadRequest, range.StatusCode);
    }
}
