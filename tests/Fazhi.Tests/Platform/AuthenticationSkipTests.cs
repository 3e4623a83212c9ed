using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.Tests.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Fazhi.Tests.Platform;

/// <summary>
/// A request that carries no credentials (no cookie, no Authorization header) is anonymous without building any
/// authentication handler (issue 11: a public look-up after a text message to thousands of citizens); a request that
/// carries any still goes through authentication.
/// </summary>
public sealed class AuthenticationSkipTests(AuthenticationSkipTests.CountingFactory app) : IClassFixture<AuthenticationSkipTests.CountingFactory>
{
    [Fact]
    public async Task A_request_without_credentials_builds_no_authentication_handler()
    {
        var client = app.Anonymous();
        var before = app.Handlers.Count;
        var ping = await client.GetAsync("/api/public/ping");
        Assert.Equal(HttpStatusCode.OK, ping.StatusCode);
        Assert.Equal(before, app.Handlers.Count);

        // A protected API still challenges the anonymous caller with its 401 problem details.
        var alerts = await client.GetAsync("/api/alerts");
        Assert.Equal(HttpStatusCode.Unauthorized, alerts.StatusCode);
        Assert.Equal("application/problem+json", alerts.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_bearer_token_or_a_cookie_is_still_authenticated()
    {
        var bearer = await app.SignedInAsync("supervisor");
        var before = app.Handlers.Count;
        var alerts = await bearer.GetFromJsonAsync<JsonElement>("/api/alerts");
        Assert.Equal(JsonValueKind.Object, alerts.ValueKind);
        Assert.True(app.Handlers.Count > before, "the bearer request went through authentication");

        var browser = await app.BrowserSignedInAsync("supervisor");
        var page = await browser.GetAsync("/supervision");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);

        // A cookie that is not a sign-in (here the language choice) is read by the handlers and stays anonymous.
        var stranger = app.Anonymous();
        stranger.DefaultRequestHeaders.Add("Cookie", ".AspNetCore.Culture=c%3Den%7Cuic%3Den");
        before = app.Handlers.Count;
        Assert.Equal(HttpStatusCode.Unauthorized, (await stranger.GetAsync("/api/alerts")).StatusCode);
        Assert.True(app.Handlers.Count > before);
    }

    /// <summary>The platform with every authentication handler it builds counted.</summary>
    public sealed class CountingFactory : FazhiFactory
    {
        public HandlerCount Handlers { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services =>
            {
                services.AddSingleton(Handlers);
                services.AddScoped<IAuthenticationHandlerProvider, CountingHandlerProvider>();
            });
        }
    }

    public sealed class HandlerCount
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public void Add() => Interlocked.Increment(ref _count);
    }

    private sealed class CountingHandlerProvider(IAuthenticationSchemeProvider schemes, HandlerCount count) : IAuthenticationHandlerProvider
    {
        private readonly AuthenticationHandlerProvider _inner = new(schemes);

        public async Task<IAuthenticationHandler?> GetHandlerAsync(HttpContext context, string authenticationScheme)
        {
            var handler = await _inner.GetHandlerAsync(context, authenticationScheme);
            if (handler is not null)
            {
                count.Add();
            }

            return handler;
        }
    }
}
