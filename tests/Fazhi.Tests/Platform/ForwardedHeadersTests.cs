using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.Tests.Infrastructure;

namespace Fazhi.Tests.Platform;

public sealed class BehindProxyFactory : FazhiFactory
{
    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Fazhi:TrustedProxies:0", "127.0.0.1");
    }
}

public sealed class ForwardedHeadersTests(BehindProxyFactory app) : IClassFixture<BehindProxyFactory>
{
    [Fact]
    public async Task Behind_a_trusted_proxy_the_audit_record_keeps_the_citizen_address()
    {
        var admin = await app.SignedInAsync("admin");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/org/windows") { Content = JsonContent.Create(new { number = 77, name = "代理测试", kind = "General" }) };
        request.Headers.Add("X-Forwarded-For", "203.0.113.9");
        var created = await (await admin.SendAsync(request)).Content.ReadFromJsonAsync<JsonElement>();
        var audit = await admin.GetFromJsonAsync<JsonElement>($"/api/audit?entityType=org_windows&entityId={created.GetProperty("id").GetGuid()}");
        Assert.Equal("203.0.113.9", audit.GetProperty("items")[0].GetProperty("ip").GetString());
    }
}

public sealed class UntrustedForwardedHeaderTests(FazhiFactory app) : IClassFixture<FazhiFactory>
{
    [Fact]
    public async Task Without_a_trusted_proxy_a_forwarded_address_is_ignored()
    {
        var admin = await app.SignedInAsync("admin");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/org/windows") { Content = JsonContent.Create(new { number = 78, name = "伪造地址", kind = "General" }) };
        request.Headers.Add("X-Forwarded-For", "203.0.113.9");
        var created = await (await admin.SendAsync(request)).Content.ReadFromJsonAsync<JsonElement>();
        var audit = await admin.GetFromJsonAsync<JsonElement>($"/api/audit?entityType=org_windows&entityId={created.GetProperty("id").GetGuid()}");
        Assert.Equal("127.0.0.1", audit.GetProperty("items")[0].GetProperty("ip").GetString());
    }
}
