using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Data.Sqlite;

namespace Fazhi.Bench;

/// <summary>Bulk-loads applications straight into the SQLite file: benchmark data, not audited records.</summary>
internal static class Seeder
{
    public static List<string> SeedSqlite(string dbFile, int rows, int openRows)
    {
        using var conn = new SqliteConnection($"Data Source={dbFile}");
        conn.Open();
        var versions = new List<(string Id, string ItemId, string Name, string Dept)>();
        using (var q = conn.CreateCommand())
        {
            q.CommandText = "SELECT v.Id, v.ItemId, v.Name, v.DepartmentId FROM svc_item_versions v JOIN svc_items i ON i.CurrentVersionId = v.Id";
            using var r = q.ExecuteReader();
            while (r.Read())
            {
                versions.Add((r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3)));
            }
        }

        using (var pragma = conn.CreateCommand())
        {
            pragma.CommandText = "PRAGMA synchronous=OFF;";
            pragma.ExecuteNonQuery();
        }

        var tokens = new List<string>(rows);
        var start = new DateTime(2019, 1, 2, 1, 0, 0, DateTimeKind.Utc);
        using var tx = conn.BeginTransaction();
        using var app = conn.CreateCommand();
        app.Transaction = tx;
        app.CommandText = """
            INSERT INTO svc_applications (Id, Number, QueryToken, ItemId, ItemVersionId, ItemName, DepartmentId, Channel, ApplicantKind, ApplicantName,
              IdNumber, Phone, IdentifierTail, Status, ReceivedAt, AcceptedAt, DueDate, Visits, CurrentStage, Materials, CorrectionItems, RowVersion)
            VALUES ($id, $number, $token, $item, $version, $name, $dept, 0, 0, $applicant, $idno, '13800001234', $tail, $status, $at, $at, $due, 1, 0, '[]', '[]', $rv)
            """;
        var p = new Dictionary<string, SqliteParameter>();
        foreach (var n in new[] { "$id", "$number", "$token", "$item", "$version", "$name", "$dept", "$applicant", "$idno", "$tail", "$status", "$at", "$due", "$rv" })
        {
            p[n] = app.Parameters.Add(new SqliteParameter(n, ""));
        }

        using var ev = conn.CreateCommand();
        ev.Transaction = tx;
        ev.CommandText = "INSERT INTO svc_application_events (Id, ApplicationId, Sequence, At, Kind, StageName, DepartmentId, ActorName) VALUES ($id, $app, $seq, $at, $kind, $stage, $dept, 'clerk')";
        var e = new Dictionary<string, SqliteParameter>();
        foreach (var n in new[] { "$id", "$app", "$seq", "$at", "$kind", "$stage", "$dept" })
        {
            e[n] = ev.Parameters.Add(new SqliteParameter(n, ""));
        }

        for (var i = 0; i < rows; i++)
        {
            var v = versions[i % versions.Count];
            var id = Guid.CreateVersion7().ToString().ToUpperInvariant();
            var at = start.AddMinutes(i * 3L % (7L * 365 * 24 * 60));
            var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(18)).Replace('+', '-').Replace('/', '_');
            tokens.Add(token);
            var idno = "44190019850612" + (i % 10000).ToString("0000", CultureInfo.InvariantCulture);
            p["$id"].Value = id;
            p["$number"].Value = $"TX{at.Year}-{i:0000000}";
            p["$token"].Value = token;
            p["$item"].Value = v.ItemId;
            p["$version"].Value = v.Id;
            p["$name"].Value = v.Name;
            p["$dept"].Value = v.Dept;
            p["$applicant"].Value = "申请人" + (i % 9973).ToString(CultureInfo.InvariantCulture);
            p["$idno"].Value = idno;
            p["$tail"].Value = idno[^6..];
            p["$status"].Value = i < openRows ? 2 : 4;
            p["$at"].Value = at.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture);
            p["$due"].Value = DateOnly.FromDateTime(at.AddDays(28)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            p["$rv"].Value = Guid.NewGuid().ToString().ToUpperInvariant();
            app.ExecuteNonQuery();
            var kinds = new[] { "received", "accepted", "stage_started" };
            for (var k = 0; k < kinds.Length; k++)
            {
                e["$id"].Value = Guid.CreateVersion7().ToString().ToUpperInvariant();
                e["$app"].Value = id;
                e["$seq"].Value = k + 1;
                e["$at"].Value = at.AddSeconds(k).ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture);
                e["$kind"].Value = kinds[k];
                e["$stage"].Value = k == 2 ? "审查" : DBNull.Value;
                e["$dept"].Value = k == 2 ? v.Dept : DBNull.Value;
                ev.ExecuteNonQuery();
            }
        }

        tx.Commit();
        return tokens;
    }
}
