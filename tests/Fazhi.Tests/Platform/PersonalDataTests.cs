using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Fazhi.Tests.Infrastructure;
using Fazhi.Tests.Services;
using Fazhi.Web.Platform;
using Fazhi.Web.Platform.Audit;
using Fazhi.Web.Platform.Data;
using Fazhi.Web.Platform.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fazhi.Tests.Platform;

/// <summary>Personal data encrypted at rest: unit rules of the protector.</summary>
public sealed class PersonalDataProtectorTests
{
    [Theory]
    [InlineData(KeyAlgorithms.Aes256Gcm)]
    [InlineData(KeyAlgorithms.Sm4Gcm)]
    public void A_value_reads_back_from_its_ciphertext_which_differs_every_time_and_names_its_key(string algorithm)
    {
        var protector = new PersonalDataProtector(KeyRing.Generate(algorithm, DateTime.UnixEpoch));
        var a = protector.Protect(IntakeTests.ValidId)!;
        var b = protector.Protect(IntakeTests.ValidId)!;
        Assert.StartsWith("enc1:k1:", a, StringComparison.Ordinal);
        Assert.NotEqual(a, b);
        Assert.DoesNotContain(IntakeTests.ValidId, a, StringComparison.Ordinal);
        Assert.Equal(IntakeTests.ValidId, protector.Unprotect(a));
        Assert.Equal(IntakeTests.ValidId, protector.Unprotect(b));
    }

    [Fact]
    public void A_tampered_value_is_refused_rather_than_read_wrong()
    {
        var protector = new PersonalDataProtector(KeyRing.Generate(KeyAlgorithms.Sm4Gcm, DateTime.UnixEpoch));
        var stored = protector.Protect("13800001234")!;
        var bytes = Convert.FromBase64String(stored["enc1:k1:".Length..]);
        bytes[^1] ^= 1;
        Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(() => protector.Unprotect("enc1:k1:" + Convert.ToBase64String(bytes)));
    }

    [Fact]
    public void After_rotation_old_values_still_read_and_new_ones_use_the_new_key_with_another_cipher()
    {
        var ring = KeyRing.Generate(KeyAlgorithms.Aes256Gcm, DateTime.UnixEpoch);
        var protector = new PersonalDataProtector(ring);
        var old = protector.Protect("13800001234")!;
        protector.Use(ring.Rotated(KeyAlgorithms.Sm4Gcm, DateTime.UnixEpoch));
        var fresh = protector.Protect("13800001234")!;
        Assert.StartsWith("enc1:k2:", fresh, StringComparison.Ordinal);
        Assert.Equal("13800001234", protector.Unprotect(old));
        Assert.Equal("13800001234", protector.Unprotect(fresh));
        Assert.StartsWith("enc1:k2:", protector.Reprotect(old)!, StringComparison.Ordinal);
    }

    [Fact]
    public void A_blind_index_matches_the_same_value_written_another_way_and_only_under_the_same_key()
    {
        var protector = new PersonalDataProtector(KeyRing.Generate(KeyAlgorithms.Aes256Gcm, DateTime.UnixEpoch));
        Assert.Equal(protector.Index(PersonalKind.IdNumber, "44190019850612301x"), protector.Index(PersonalKind.IdNumber, " 44190019850612301X "));
        Assert.Equal(protector.Index(PersonalKind.Phone, "138 0000 1234"), protector.Index(PersonalKind.Phone, "13800001234"));
        Assert.NotEqual(protector.Index(PersonalKind.Phone, "13800001234"), protector.Index(PersonalKind.Phone, "13800001235"));
        var other = new PersonalDataProtector(KeyRing.Generate(KeyAlgorithms.Aes256Gcm, DateTime.UnixEpoch));
        Assert.NotEqual(protector.Index(PersonalKind.Phone, "13800001234"), other.Index(PersonalKind.Phone, "13800001234"));
    }
}

/// <summary>The platform as a development run starts it: it makes its own key file beside the database.</summary>
public sealed class KeyFileFactory : FazhiFactory
{
    protected override bool FixedKey => false;
}

/// <summary>Personal data in the database: never in clear, readable through the application, masked in the audit record.</summary>
public sealed class PersonalDataAtRestTests(KeyFileFactory app) : IClassFixture<KeyFileFactory>
{
    private const string Phone = "13712345678";
    private const string CitizenPhone = "13987654321";
    private const string ComplaintPhone = "13611112222";

    private async Task<(Guid Id, string Number)> TakeAsync(string idNumber)
    {
        var clerk = await app.SignedInAsync("clerk");
        var window = (await clerk.GetFromJsonAsync<JsonElement>("/api/org/windows")).EnumerateArray().First().GetProperty("id").GetGuid();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/services/applications")
        {
            Content = JsonContent.Create(new
            {
                itemCode = "TX-SB-002", windowId = window, outcome = "correction", correctionItems = new[] { "申请表未签名" },
                applicant = new { kind = "Person", name = "林晓雨", idNumber, phone = Phone },
            }),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        var response = await clerk.SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("id").GetGuid(), body.GetProperty("number").GetString()!);
    }

    private Task<List<string>> StoredTextAsync() =>
        StoredText.ReadAsync(app, "svc_applications", "svc_application_events", "svc_citizens", "svc_complaints", "sys_outbox", "sys_audit_entries", "org_staff");

    [Fact]
    public async Task No_ID_number_or_phone_is_stored_in_clear_and_the_application_still_shows_them_to_its_clerk()
    {
        var idNumber = Fazhi.Web.Platform.Privacy.Identifiers.WithIdCheck("44190019900307452");
        var (id, number) = await TakeAsync(idNumber);
        var citizen = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = true });
        Assert.Equal(HttpStatusCode.Created, (await citizen.PostAsJsonAsync("/api/services/online/register", new { phone = CitizenPhone, password = "abc12345" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await app.Anonymous().PostAsJsonAsync("/api/public/complaints", new { text = "窗口推诿", phone = ComplaintPhone })).StatusCode);

        var stored = await StoredTextAsync();
        foreach (var secret in new[] { idNumber, Phone, CitizenPhone, ComplaintPhone })
        {
            Assert.DoesNotContain(stored, s => s.Contains(secret, StringComparison.Ordinal));
        }

        // The clerk reads the application in full; the citizen logs in with the phone; the kiosk finds it by number and tail.
        var clerk = await app.SignedInAsync("clerk");
        var application = await clerk.GetFromJsonAsync<JsonElement>($"/api/services/applications/{id}");
        Assert.Equal(idNumber, application.GetProperty("idNumber").GetString());
        Assert.Equal(Phone, application.GetProperty("phone").GetString());
        var again = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = true, AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.NoContent, (await again.PostAsJsonAsync("/api/services/online/login", new { phone = CitizenPhone, password = "abc12345" })).StatusCode);
        var kiosk = await app.Anonymous().GetStringAsync($"/kiosk?number={number}&tail={idNumber[^6..]}");
        Assert.Contains("林*雨", kiosk, StringComparison.Ordinal);

        // The audit record holds the values masked, and its chain verifies.
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FazhiDbContext>();
        var created = await db.AuditEntries.AsNoTracking().Where(e => e.EntityType == "svc_applications" && e.EntityId == id.ToString() && e.Action == "create").SingleAsync();
        Assert.Contains("\"IdNumber\":\"" + idNumber[..4] + "**********" + idNumber[^4..] + "\"", created.After, StringComparison.Ordinal);
        Assert.Contains("\"Phone\":\"137****5678\"", created.After, StringComparison.Ordinal);
        Assert.DoesNotContain("IdNumberLookup", created.After, StringComparison.Ordinal);
        Assert.True((await scope.ServiceProvider.GetRequiredService<AuditVerifier>().VerifyAsync()).Intact);

        // The development key was made beside the database, not in it.
        Assert.True(File.Exists(PersonalDataKeySource.DevelopmentKeyFile(app.DataDirectory)));
    }

    [Fact]
    public async Task A_database_written_in_clear_is_sealed_in_place_and_its_audit_chain_still_verifies()
    {
        var idNumber = Fazhi.Web.Platform.Privacy.Identifiers.WithIdCheck("44190019881121663");
        var (id, number) = await TakeAsync(idNumber);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            // As an earlier version left it: values in clear, no look-up index, and an audit entry holding them in clear.
            var db = scope.ServiceProvider.GetRequiredService<FazhiDbContext>();
            var key = db.Provider == DatabaseProvider.Sqlite ? id.ToString().ToUpperInvariant() : id.ToString();
            await db.Database.ExecuteSqlRawAsync(
                "UPDATE svc_applications SET \"IdNumber\" = {0}, \"Phone\" = {1}, \"IdentifierTail\" = {2}, \"IdNumberLookup\" = NULL WHERE CAST(\"Id\" AS TEXT) = {3}",
                idNumber, Phone, idNumber[^6..], key);
            await using var tx = await db.BeginWriteAsync();
            var head = await db.AuditHeads.SingleAsync();
            db.AuditEntries.Add(AuditChain.Append(head,
                new AuditDraft(head, "svc_applications", id.ToString(), null, "update", "{}", $"{{\"IdNumber\":\"{idNumber}\",\"Phone\":\"{Phone}\"}}"),
                SystemAuditActor.Instance, AuditChain.Truncate(DateTime.UtcNow)));
            await db.SaveChangesAsync();
            await tx.CommitAsync();
            await db.Database.ExecuteSqlRawAsync("DELETE FROM sys_settings");
        }

        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<PersonalDataSealer>().SealIfNeededAsync();
        }

        Assert.DoesNotContain(await StoredTextAsync(), s => s.Contains(idNumber, StringComparison.Ordinal) || s.Contains(Phone, StringComparison.Ordinal));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<FazhiDbContext>();
            Assert.True((await scope.ServiceProvider.GetRequiredService<AuditVerifier>().VerifyAsync()).Intact);
            Assert.Equal(1, await db.AuditEntries.CountAsync(e => e.Action == "reseal"));
        }

        var kiosk = await app.Anonymous().GetStringAsync($"/kiosk?number={number}&tail={idNumber[^6..]}");
        Assert.Contains("林*雨", kiosk, StringComparison.Ordinal);
        Assert.Equal(idNumber, (await (await app.SignedInAsync("clerk")).GetFromJsonAsync<JsonElement>($"/api/services/applications/{id}")).GetProperty("idNumber").GetString());
    }

    [Fact]
    public async Task Keys_rotate_re_encrypts_everything_under_a_new_key_and_the_data_still_reads()
    {
        var idNumber = Fazhi.Web.Platform.Privacy.Identifiers.WithIdCheck("44190019750802113");
        var (id, _) = await TakeAsync(idNumber);
        var output = new StringWriter();
        Assert.Equal(0, await Cli.RunAsync(app.Services, ["keys", "rotate", "--algorithm", KeyAlgorithms.Sm4Gcm], output));
        Assert.Contains("SM4-GCM", output.ToString(), StringComparison.Ordinal);

        var ring = KeyRing.Load(PersonalDataKeySource.DevelopmentKeyFile(app.DataDirectory));
        Assert.Equal(KeyAlgorithms.Sm4Gcm, ring.Current.Algorithm);
        Assert.True(ring.Keys.Count >= 2);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FazhiDbContext>();
        var stored = await db.Database.SqlQueryRaw<string>("SELECT \"IdNumber\" AS \"Value\" FROM svc_applications WHERE \"IdNumber\" IS NOT NULL").ToListAsync();
        Assert.All(stored, s => Assert.StartsWith($"enc1:{ring.Current.Id}:", s, StringComparison.Ordinal));
        Assert.Equal(idNumber, (await (await app.SignedInAsync("clerk")).GetFromJsonAsync<JsonElement>($"/api/services/applications/{id}")).GetProperty("idNumber").GetString());
    }
}
