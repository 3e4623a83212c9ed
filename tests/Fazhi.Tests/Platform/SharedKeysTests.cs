using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.Tests.Infrastructure;
using Fazhi.Web.Platform.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fazhi.Tests.Platform;

/// <summary>A second server process of the same database (another machine behind the same nginx): its own host, the first's data.</summary>
internal sealed class SameDatabaseFactory(FazhiFactory first) : FazhiFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Database:DataDirectory", first.DataDirectory);
        if (OnPostgres)
        {
            builder.UseSetting("ConnectionStrings:Fazhi", first.PostgresConnection);
        }
    }
}

/// <summary>A process of the same database given another personal-data key (a misconfigured machine).</summary>
internal sealed class WrongKeyFactory(FazhiFactory first) : FazhiFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Database:DataDirectory", first.DataDirectory);
        if (OnPostgres)
        {
            builder.UseSetting("ConnectionStrings:Fazhi", first.PostgresConnection);
        }

        builder.UseSetting("Privacy:Key", Convert.ToBase64String([.. Enumerable.Range(7, 32).Select(i => (byte)i)]));
        builder.UseSetting("Privacy:IndexKey", Convert.ToBase64String([.. Enumerable.Range(9, 32).Select(i => (byte)i)]));
    }
}

/// <summary>The keys of sign-ins live in the database, encrypted: any process of it reads any other's tokens and cookies.</summary>
public sealed class SharedKeysTests(DemoTownFactory app) : IClassFixture<DemoTownFactory>
{
    [Fact]
    public async Task A_token_and_a_cookie_from_one_process_work_on_another_of_the_same_database_and_its_keys_are_stored_encrypted()
    {
        var token = (await (await app.Anonymous().PostAsJsonAsync("/api/auth/login", new { userName = "supervisor", password = FazhiFactory.DemoPassword }))
            .Content.ReadFromJsonAsync<FazhiFactory.TokenResponse>())!.AccessToken;
        var browser = await app.BrowserSignedInAsync("supervisor");
        var cookie = string.Join("; ", (await browser.GetAsync("/")).RequestMessage!.Headers.TryGetValues("Cookie", out var sent) ? sent : []);

        await using var other = new SameDatabaseFactory(app);
        var client = other.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var me = await client.GetAsync("/api/auth/me");
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Equal("supervisor", (await me.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("userName").GetString());

        // The page session too: the cookie the first process set opens a page on the second.
        Assert.False(string.IsNullOrEmpty(cookie));
        using var page = new HttpRequestMessage(HttpMethod.Get, "/tasks");
        page.Headers.Add("Cookie", cookie);
        Assert.Equal(HttpStatusCode.OK, (await other.Anonymous().SendAsync(page)).StatusCode);

        // A process of another database (its own keys) does not read them.
        var stranger = new DemoTownFactory();
        await ((IAsyncLifetime)stranger).InitializeAsync();
        try
        {
            var refused = stranger.Anonymous();
            refused.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            Assert.Equal(HttpStatusCode.Unauthorized, (await refused.GetAsync("/api/auth/me")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await (await stranger.SignedInAsync("supervisor")).GetAsync("/api/auth/me")).StatusCode);
        }
        finally
        {
            await ((IAsyncLifetime)stranger).DisposeAsync();
        }

        // A process given another personal-data key stops at start, naming the cause, before it writes keys of its own.
        await using (var wrong = new WrongKeyFactory(app))
        {
            var thrown = await Assert.ThrowsAsync<InvalidOperationException>(() => wrong.Services.InitializeDatabaseAsync(false));
            Assert.Contains("sys_dp_keys", thrown.Message, StringComparison.Ordinal);
        }

        // The keys are rows of the database, each encrypted: a copy of the database alone opens no session.
        using var scope = app.Services.CreateScope();
        var keys = await scope.ServiceProvider.GetRequiredService<FazhiDbContext>().DataProtectionKeys.AsNoTracking().ToListAsync();
        Assert.NotEmpty(keys);
        Assert.All(keys, k =>
        {
            Assert.Contains("<encryptedKey", k.Xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<masterKey", k.Xml, StringComparison.Ordinal);
        });
    }
}
