using Fazhi.Web.Platform.Privacy;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Data.Sqlite;

namespace Fazhi.Bench;

/// <summary>Bulk-loads applications straight into the SQLite file: benchmark data, not audited records.</summary>
internal static class Seeder
{
    /// <summary>The current version of every demo item, and a connection set for bulk loading.</summary>
    private static List<(string Id, string ItemId, string Name, string Dept)> PrepareSqlite(SqliteConnection conn)
    {
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

        using var pragma = conn.CreateCommand();
        pragma.CommandText = "PRAGMA synchronous=OFF;";
        pragma.ExecuteNonQuery();
        return versions;
    }

    /// <summary>
    /// The key file the bench's server uses (it runs as in production, where a key must be configured), and
    /// a protector over it, so that seeded personal data is encrypted as the platform would have written it.
    /// </summary>
    public static (string KeyFile, PersonalDataProtector Protector) Keys()
    {
        // Outside the scenarios' folders, which are deleted and seeded again; kept across runs with them.
        var file = Path.Combine(Path.GetTempPath(), "fazhi-bench-keys.json");
        if (!File.Exists(file))
        {
            KeyRing.Generate(KeyAlgorithms.Aes256Gcm, DateTime.UtcNow).Save(file);
        }

        return (file, new PersonalDataProtector(KeyRing.Load(file)));
    }

    public static List<string> SeedSqlite(string dbFile, int rows, int openRows, PersonalDataProtector protector)
    {
        using var conn = new SqliteConnection($"Data Source={dbFile}");
        conn.Open();
        var versions = PrepareSqlite(conn);

        var tokens = new List<string>(rows);
        var start = new DateTime(2019, 1, 2, 1, 0, 0, DateTimeKind.Utc);
        using var tx = conn.BeginTransaction();
        using var app = conn.CreateCommand();
        app.Transaction = tx;
        app.CommandText = """
            INSERT INTO svc_applications (Id, Number, QueryToken, ItemId, ItemVersionId, ItemName, DepartmentId, Channel, ApplicantKind, ApplicantName,
              IdNumber, Phone, IdentifierTail, Status, ReceivedAt, AcceptedAt, DueDate, Visits, CurrentStage, Materials, CorrectionItems, RowVersion,
              LimitDays, PromisedVisits, CorrectionInPerson, ExtensionDays, ChangedAt)
            VALUES ($id, $number, $token, $item, $version, $name, $dept, 0, 0, $applicant, $idno, $phone, $tail, $status, $at, $at, $due, 1, 0, '[]', '[]', $rv,
              20, 1, 0, 0, $at)
            """;
        var p = new Dictionary<string, SqliteParameter>();
        foreach (var n in new[] { "$id", "$number", "$token", "$item", "$version", "$name", "$dept", "$applicant", "$idno", "$phone", "$tail", "$status", "$at", "$due", "$rv" })
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
            p["$idno"].Value = protector.Protect(idno);
            p["$phone"].Value = protector.Protect("13800001234");
            p["$tail"].Value = protector.Index(PersonalKind.IdentifierTail, idno[^6..]);
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

    /// <summary>
    /// Applications received evenly over seven years up to <paramref name="today"/>; the newest
    /// <paramref name="openRows"/> are in review, each with a first-stage task whose due date lies between
    /// 20 days ago and 40 days ahead, so that the monitor finds every warning level. The others are completed.
    /// </summary>
    public static void SeedSupervisionSqlite(string dbFile, int rows, int openRows, DateOnly today, PersonalDataProtector protector)
    {
        using var conn = new SqliteConnection($"Data Source={dbFile}");
        conn.Open();
        var versions = PrepareSqlite(conn);

        using var tx = conn.BeginTransaction();
        using var app = conn.CreateCommand();
        app.Transaction = tx;
        app.CommandText = """
            INSERT INTO svc_applications (Id, Number, QueryToken, ItemId, ItemVersionId, ItemName, DepartmentId, Channel, ApplicantKind, ApplicantName,
              IdNumber, Phone, IdentifierTail, Status, ReceivedAt, AcceptedAt, DueDate, YellowFrom, LimitDays, Visits, PromisedVisits, CurrentStage,
              Materials, CorrectionItems, Decision, DecidedAt, OnTime, WorkingDaysUsed, CompletedAt, RowVersion, CorrectionInPerson, ExtensionDays, ChangedAt)
            VALUES ($id, $number, $token, $item, $version, $name, $dept, 0, 0, '申请人', $idno, $phone, $tail, $status, $at, $at,
              $due, $yellow, 20, $visits, 1, $stage, '[]', '[]', $decision, $decided, $ontime, $used, $decided, $rv, 0, 0, $at)
            """;
        var p = new Dictionary<string, SqliteParameter>();
        app.Parameters.Add(new SqliteParameter("$idno", protector.Protect("441900198506120000")));
        app.Parameters.Add(new SqliteParameter("$phone", protector.Protect("13800001234")));
        app.Parameters.Add(new SqliteParameter("$tail", protector.Index(PersonalKind.IdentifierTail, "120000")));
        foreach (var n in new[] { "$id", "$number", "$token", "$item", "$version", "$name", "$dept", "$status", "$at", "$due", "$yellow", "$visits", "$stage", "$decision", "$decided", "$ontime", "$used", "$rv" })
        {
            p[n] = app.Parameters.Add(new SqliteParameter(n, ""));
        }

        using var task = conn.CreateCommand();
        task.Transaction = tx;
        task.CommandText = """
            INSERT INTO svc_stage_tasks (Id, ApplicationId, Stage, StageName, DepartmentId, AllowanceDays, StartedOn, DueDate, YellowFrom, State, Paused)
            VALUES ($id, $app, 0, '审查', $dept, 10, $started, $due, $yellow, 0, 0)
            """;
        var t = new Dictionary<string, SqliteParameter>();
        foreach (var n in new[] { "$id", "$app", "$dept", "$started", "$due", "$yellow" })
        {
            t[n] = task.Parameters.Add(new SqliteParameter(n, ""));
        }

        var end = today.ToDateTime(new TimeOnly(1, 0), DateTimeKind.Utc);
        var span = TimeSpan.FromDays(7 * 365).Ticks / rows;
        string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        for (var i = 0; i < rows; i++)
        {
            var v = versions[i % versions.Count];
            var id = Guid.CreateVersion7().ToString().ToUpperInvariant();
            var at = end.AddTicks(-(rows - i) * span);
            var open = i >= rows - openRows;
            var received = DateOnly.FromDateTime(at);
            var due = open ? today.AddDays((i % 60) - 20) : received.AddDays(28);
            p["$id"].Value = id;
            p["$number"].Value = $"TX{at.Year}-{i:0000000}";
            p["$token"].Value = Convert.ToBase64String(RandomNumberGenerator.GetBytes(18)).Replace('+', '-').Replace('/', '_');
            p["$item"].Value = v.ItemId;
            p["$version"].Value = v.Id;
            p["$name"].Value = v.Name;
            p["$dept"].Value = v.Dept;
            p["$status"].Value = open ? 2 : 4;
            p["$at"].Value = at.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture);
            p["$due"].Value = Day(due);
            p["$yellow"].Value = Day(due.AddDays(-4));
            p["$visits"].Value = i % 3 == 0 ? 0 : i % 17 == 0 ? 2 : 1;
            p["$stage"].Value = open ? 0 : DBNull.Value;
            p["$decision"].Value = open ? DBNull.Value : "granted";
            p["$decided"].Value = open ? DBNull.Value : at.AddDays(i % 30).ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture);
            p["$ontime"].Value = open ? DBNull.Value : i % 11 != 0;
            p["$used"].Value = open ? DBNull.Value : i % 25;
            p["$rv"].Value = Guid.NewGuid().ToString().ToUpperInvariant();
            app.ExecuteNonQuery();
            if (open)
            {
                t["$id"].Value = Guid.CreateVersion7().ToString().ToUpperInvariant();
                t["$app"].Value = id;
                t["$dept"].Value = v.Dept;
                t["$started"].Value = Day(received);
                t["$due"].Value = Day(due);
                t["$yellow"].Value = Day(due.AddDays(-2));
                task.ExecuteNonQuery();
            }
        }

        using var register = conn.CreateCommand();
        register.Transaction = tx;
        register.CommandText = RegisterSql.Replace("@paused", "0", StringComparison.Ordinal).Replace("@started", "date(a.\"AcceptedAt\")", StringComparison.Ordinal);
        register.ExecuteNonQuery();
        tx.Commit();
    }

    /// <summary>
    /// The deadline register as the platform keeps it for these rows: each application's decision limit and
    /// its open stage task's limit, watched from their yellow day (the demo town's own are there already).
    /// </summary>
    private const string RegisterSql = """
        INSERT INTO sys_deadlines ("SubjectId", "Kind", "Module", "RecordId", "DepartmentId", "Title", "Label", "Link", "Unit", "Allowance", "StartedOn", "DueDate", "YellowFrom", "Paused", "NextAlertOn")
        SELECT a."Id", 'services.decision', 'services', a."Id", a."DepartmentId", a."Number" || ' ' || a."ItemName", NULL, '/review/' || a."Id", 0, a."LimitDays",
               @started, a."DueDate", a."YellowFrom", @paused, a."YellowFrom"
        FROM svc_applications a WHERE a."Status" = 2
        ON CONFLICT DO NOTHING;
        INSERT INTO sys_deadlines ("SubjectId", "Kind", "Module", "RecordId", "DepartmentId", "Title", "Label", "Link", "Unit", "Allowance", "StartedOn", "DueDate", "YellowFrom", "Paused", "NextAlertOn")
        SELECT t."Id", 'services.stage', 'services', t."ApplicationId", t."DepartmentId", a."Number" || ' ' || a."ItemName", t."StageName", '/review/' || a."Id", 0, t."AllowanceDays",
               t."StartedOn", t."DueDate", t."YellowFrom", @paused, t."YellowFrom"
        FROM svc_stage_tasks t JOIN svc_applications a ON a."Id" = t."ApplicationId" WHERE t."State" = 0 AND a."Status" = 2
        ON CONFLICT DO NOTHING;
        """;

    /// <summary>The same data as <see cref="SeedSupervisionSqlite"/>, generated inside PostgreSQL.</summary>
    public static async Task SeedSupervisionPostgresAsync(string connection, int rows, int openRows, DateOnly today, PersonalDataProtector protector)
    {
        await using var conn = new Npgsql.NpgsqlConnection(connection);
        await conn.OpenAsync();
        async Task Run(string sql)
        {
            await using var cmd = new Npgsql.NpgsqlCommand(sql, conn) { CommandTimeout = 0 };
            cmd.Parameters.AddWithValue("rows", rows);
            cmd.Parameters.AddWithValue("open", openRows);
            cmd.Parameters.AddWithValue("today", today);
            // One applicant's data for every row, encrypted once: the figures here do not read it.
            cmd.Parameters.AddWithValue("idno", protector.Protect("441900198506120000")!);
            cmd.Parameters.AddWithValue("phone", protector.Protect("13800001234")!);
            cmd.Parameters.AddWithValue("tail", protector.Index(PersonalKind.IdentifierTail, "120000")!);
            await cmd.ExecuteNonQueryAsync();
        }

        await Run("""
            WITH v AS (
              SELECT v."Id", v."ItemId", v."Name", v."DepartmentId", (row_number() OVER (ORDER BY v."Id")) - 1 AS k
              FROM svc_item_versions v JOIN svc_items i ON i."CurrentVersionId" = v."Id"),
            n AS (SELECT count(*) AS c FROM v),
            g AS (
              SELECT i, i >= @rows - @open AS open,
                     (@today::timestamp + interval '1 hour') - (@rows - i) * (interval '2555 days' / @rows) AS at
              FROM generate_series(0, @rows - 1) AS i),
            d AS (
              SELECT g.*, CASE WHEN g.open THEN @today + ((g.i % 60) - 20) ELSE g.at::date + 28 END AS due FROM g)
            -- Tokens have the receipt's shape (URL-safe base64 of 18 bytes), as the platform makes them.
            INSERT INTO svc_applications ("Id", "Number", "QueryToken", "ItemId", "ItemVersionId", "ItemName", "DepartmentId", "Channel", "ApplicantKind",
              "ApplicantName", "IdNumber", "Phone", "IdentifierTail", "Status", "ReceivedAt", "AcceptedAt", "DueDate", "YellowFrom", "LimitDays",
              "Visits", "PromisedVisits", "CurrentStage", "Materials", "CorrectionItems", "Decision", "DecidedAt", "OnTime", "WorkingDaysUsed", "CompletedAt", "RowVersion")
            SELECT gen_random_uuid(), 'TX' || extract(year FROM d.at) || '-' || lpad(d.i::text, 7, '0'), translate(encode(substring(decode(md5(d.i::text || random()::text) || md5(random()::text), 'hex') FROM 1 FOR 18), 'base64'), '+/', '-_'), v."ItemId", v."Id", v."Name",
              v."DepartmentId", 0, 0, '申请人', @idno, @phone, @tail, CASE WHEN d.open THEN 2 ELSE 4 END, d.at AT TIME ZONE 'UTC',
              d.at AT TIME ZONE 'UTC', d.due, d.due - 4, 20,
              CASE WHEN d.i % 3 = 0 THEN 0 WHEN d.i % 17 = 0 THEN 2 ELSE 1 END, 1, CASE WHEN d.open THEN 0 END, '[]', '[]',
              CASE WHEN d.open THEN NULL ELSE 'granted' END, CASE WHEN d.open THEN NULL ELSE (d.at + (d.i % 30) * interval '1 day') AT TIME ZONE 'UTC' END,
              CASE WHEN d.open THEN NULL ELSE d.i % 11 <> 0 END, CASE WHEN d.open THEN NULL ELSE d.i % 25 END,
              CASE WHEN d.open THEN NULL ELSE (d.at + (d.i % 30) * interval '1 day') AT TIME ZONE 'UTC' END, gen_random_uuid()
            FROM d, n, v WHERE v.k = d.i % n.c
            """);
        await Run("""
            INSERT INTO svc_stage_tasks ("Id", "ApplicationId", "Stage", "StageName", "DepartmentId", "AllowanceDays", "StartedOn", "DueDate", "YellowFrom", "State", "Paused")
            SELECT gen_random_uuid(), a."Id", 0, '审查', a."DepartmentId", 10, a."ReceivedAt"::date, a."DueDate", a."DueDate" - 2, 0, false
            FROM svc_applications a WHERE a."Status" = 2
            """);
        await Run(RegisterSql.Replace("@paused", "false", StringComparison.Ordinal).Replace("@started", "a.\"AcceptedAt\"::date", StringComparison.Ordinal));
        await Run("VACUUM ANALYZE svc_applications");
        await Run("VACUUM ANALYZE sys_deadlines");
        await Run("VACUUM ANALYZE svc_stage_tasks");
    }
}
