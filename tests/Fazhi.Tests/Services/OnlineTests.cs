using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Fazhi.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Fazhi.Tests.Services;

public sealed class OnlineTests(FazhiFactory app) : IClassFixture<FazhiFactory>
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
    private static readonly byte[] Exe = [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00];

    private async Task<HttpClient> CitizenAsync(string phone)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var r = await client.PostAsJsonAsync("/api/services/online/register", new { phone, password = "abc12345" });
        Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        return client;
    }

    private static MultipartFormDataContent Form(string code, params (string Key, byte[] Bytes, string Name)[] files)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(code), "itemCode" }, { new StringContent("Person"), "kind" }, { new StringContent("林小雨"), "name" },
            { new StringContent(IntakeTests.ValidId), "idNumber" }, { new StringContent("13900001111"), "phone" },
        };
        foreach (var (key, bytes, name) in files)
        {
            var part = new ByteArrayContent(bytes);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            form.Add(part, "file-" + key, name);
        }

        return form;
    }

    [Fact]
    public async Task The_application_form_is_filled_with_the_accounts_own_phone()
    {
        var citizen = await CitizenAsync("13900007777");
        var form = await citizen.GetStringAsync("/citizen/apply/TX-SB-002");
        Assert.Contains("value=\"13900007777\"", form, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_online_application_is_pre_reviewed_at_a_window_and_counts_zero_trips()
    {
        var citizen = await CitizenAsync("13900001111");
        var created = await citizen.PostAsync("/api/services/online/applications", Form("TX-SB-002", ("form", Pdf, "申请表.pdf"), ("id", Pdf, "身份证.pdf")));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("PendingPreReview", body.GetProperty("status").GetString());
        var id = body.GetProperty("id").GetGuid();

        var clerk = await app.SignedInAsync("clerk");
        var pending = await clerk.GetFromJsonAsync<JsonElement>("/api/services/applications?status=PendingPreReview");
        Assert.Contains(pending.GetProperty("items").EnumerateArray(), a => a.GetProperty("id").GetGuid() == id);
        var accepted = await clerk.PostAsJsonAsync($"/api/services/applications/{id}/intake-decision", new { outcome = "accept" });
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);

        var mine = await citizen.GetFromJsonAsync<JsonElement>("/api/services/online/applications");
        var row = mine.EnumerateArray().Single();
        Assert.Equal("Accepted", row.GetProperty("status").GetString());
        Assert.Equal(0, row.GetProperty("visits").GetInt32());

        // The acceptance reaches the citizen as an in-app message, shown once.
        using (var scope = app.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<Fazhi.Web.Platform.Notifications.NotificationDispatcher>().DispatchAsync();
        }

        var number = body.GetProperty("number").GetString()!;
        var home = await citizen.GetStringAsync("/citizen");
        Assert.Contains("id=\"messages\"", home);
        Assert.Contains(number, home[home.IndexOf("id=\"messages\"", StringComparison.Ordinal)..]);
        Assert.DoesNotContain("id=\"messages\"", await citizen.GetStringAsync("/citizen"));
    }

    [Fact]
    public async Task A_disguised_executable_is_refused_and_no_application_is_left_behind()
    {
        var citizen = await CitizenAsync("13900002222");
        var response = await citizen.PostAsync("/api/services/online/applications", Form("TX-SB-002", ("form", Pdf, "申请表.pdf"), ("id", Exe, "身份证.pdf")));
        var problem = await response.ReadProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("files.id", problem.ErrorFields());
        Assert.Contains("upload.type_not_allowed", problem.GetProperty("fieldCodes").GetProperty("files.id").EnumerateArray().Select(c => c.GetString()));
        Assert.Empty((await citizen.GetFromJsonAsync<JsonElement>("/api/services/online/applications")).EnumerateArray());
    }

    [Fact]
    public async Task A_citizen_sees_only_their_own_applications_and_staff_cookies_do_not_open_them()
    {
        var one = await CitizenAsync("13900003333");
        await one.PostAsync("/api/services/online/applications", Form("TX-SB-002", ("form", Pdf, "a.pdf"), ("id", Pdf, "b.pdf")));
        var two = await CitizenAsync("13900004444");
        Assert.Empty((await two.GetFromJsonAsync<JsonElement>("/api/services/online/applications")).EnumerateArray());

        var clerk = await app.SignedInAsync("clerk");
        Assert.Equal(HttpStatusCode.Unauthorized, (await clerk.GetAsync("/api/services/online/applications")).StatusCode);
    }

    [Fact]
    public async Task An_item_that_is_not_online_cannot_be_applied_for_online()
    {
        var citizen = await CitizenAsync("13900005555");
        var response = await citizen.PostAsync("/api/services/online/applications", Form("TX-MFBJ-001", ("form", Pdf, "a.pdf")));
        Assert.Equal("online.not_online", (await response.ReadProblemAsync(HttpStatusCode.UnprocessableEntity)).Code());
    }

    [Fact]
    public async Task Registering_twice_with_one_phone_is_refused()
    {
        await CitizenAsync("13900006666");
        var again = await app.Anonymous().PostAsJsonAsync("/api/services/online/register", new { phone = "13900006666", password = "abc12345" });
        Assert.Equal("citizen.phone_taken", (await again.ReadProblemAsync(HttpStatusCode.Conflict)).Code());
    }
}
