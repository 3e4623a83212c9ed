using Fazhi.Web.Platform.Privacy;
using Fazhi.Web.Platform.Organisation;
using Fazhi.Web.Modules.Services.Data;
using Fazhi.Web.Platform.Organisation.Domain;
using Fazhi.Web.Modules.Services.Domain;
using Fazhi.Web.Modules.Services.Features;
using Fazhi.Web.Platform.Calendar;
using Fazhi.Web.Platform.Cases;
using Fazhi.Web.Platform.Data;
using Fazhi.Web.Platform.Localization;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Modules.Services;

/// <summary>
/// A dozen applications at every point of the process, dated back from today on the working-day calendar,
/// so that a demo town opens with queues, warnings, alerts and a dashboard to look at. Demo mode only,
/// and only into a town without applications (Fazhi:DemoCases, default true).
/// </summary>
public sealed class DemoApplications(FazhiDbContext db, WorkingDayCalendar calendar, TimeProvider time, ApplicationNumbers numbers, OrganisationDirectory directory,
    Microsoft.AspNetCore.Identity.IPasswordHasher<Citizen> hasher)
{
    /// <summary>Item, applicant, working days since acceptance, stages approved since, then: open, suspend, or done (decided, delivered, completed).</summary>
    private static readonly (string Code, string Name, string Id17, int DaysAgo, int Approvals, string Then)[] Plan =
    [
        ("TX-MFBJ-001", "陈志强", "44190019800312151", 2, 0, "open"),
        ("TX-MFBJ-001", "李美玲", "44190019860721182", 9, 1, "open"),
        ("TX-MFBJ-001", "黄伟文", "44190019750109113", 19, 4, "open"),
        ("TX-MFBJ-002", "张建华", "44190019690828134", 8, 0, "open"),
        ("TX-MFBJ-002", "刘晓燕", "44190019900415226", 4, 0, "suspend"),
        ("TX-GC-001", "叶国栋", "44190019721130157", 16, 0, "open"),
        ("TX-GC-001", "钟丽华", "44190019831205248", 30, 1, "done"),
        ("TX-MFBJ-002", "何志明", "44190019780606119", 25, 1, "done"),
        ("TX-MFBJ-003", "罗美娟", "44190019880218262", 6, 0, "open"),
        ("TX-HB-001", "吴建军", "44190019700903171", 3, 0, "open"),
    ];

    public async Task LoadAsync(CancellationToken ct = default)
    {
        if (await db.Applications.AnyAsync(ct))
        {
            return;
        }

        var clerkId = await directory.StaffIdAsync("clerk", ct);
        var windows = await directory.WindowsAsync(ct);
        var window = windows.Count > 0 ? windows[0] : null;
        var clerkDepartment = clerkId is { } id ? await directory.DepartmentOfAsync(id, ct) : null;
        if (clerkId is not { } clerk || window is null)
        {
            return;
        }

        var versions = await db.ServiceItems.AsNoTracking()
            .Join(db.ServiceItemVersions.AsNoTracking(), i => i.CurrentVersionId, v => v.Id, (i, v) => new { i.Code, v })
            .ToDictionaryAsync(x => x.Code, x => x.v, ct);
        var today = ChinaTime.Today(time);
        await using var tx = await db.BeginWriteAsync(ct);
        foreach (var p in Plan)
        {
            if (!versions.TryGetValue(p.Code, out var version))
            {
                continue;
            }

            var day = Back(today, p.DaysAgo);
            var applicant = new Applicant(ApplicantKind.Person, p.Name, Identifiers.WithIdCheck(p.Id17), null, "13800001234", null);
            var app = Application.Receive(await numbers.NextAsync(db, ct), version, applicant, ApplicationChannel.Window,
                window.Id, clerk, clerkDepartment, null, At(day, 9), "clerk");
            app.CheckMaterials(version.Materials.Select(m => new MaterialCheck(m.Key, true)));
            app.Accept(version, calendar, At(day, 9), day, "clerk");
            for (var k = 0; k < p.Approvals && app.CurrentStage < version.Stages.Count - 1; k++)
            {
                var on = calendar.AddWorkingDays(day, k + 1);
                foreach (var task in app.OpenTasks.ToList())
                {
                    app.ApproveStage(version, task.DepartmentId, "同意", Acting(on, 10 + k));
                }
            }

            if (p.Then == "suspend")
            {
                app.Suspend(version, app.OpenTasks.First().DepartmentId, SuspensionKind.ExpertReview, "组织专家论证建房选址安全", Acting(calendar.AddWorkingDays(day, 1), 15));
            }
            else if (p.Then == "done")
            {
                var decided = calendar.AddWorkingDays(day, p.Approvals + 2);
                while (app.CurrentStage < version.Stages.Count - 1)
                {
                    foreach (var task in app.OpenTasks.ToList())
                    {
                        app.ApproveStage(version, task.DepartmentId, null, Acting(decided, 9));
                    }
                }

                app.Decide(version, app.OpenTasks.First().DepartmentId, grant: true, "符合条件，准予许可", Acting(decided, 11));
                app.Deliver(version, DeliveryMethod.Post, Acting(decided, 15));
                app.Complete(version, Acting(calendar.AddWorkingDays(decided, 2), 10));
            }

            db.Applications.Add(app);
        }

        // The demo citizen's online account, with one application of theirs waiting for pre-review; their petition, mediation
        // case and legal-aid application come from those work lines' demos under the same phone.
        var citizen = new Citizen { Id = Guid.CreateVersion7(), Phone = DemoTown.CitizenPhone, PhoneLookup = DemoTown.CitizenPhone, RegisteredAt = At(Back(today, 20), 9), PhoneVerifiedAt = At(Back(today, 20), 9) };
        citizen.PasswordHash = hasher.HashPassword(citizen, DemoTown.Password);
        db.Citizens.Add(citizen);
        if (versions.TryGetValue(Plan[0].Code, out var online))
        {
            db.Applications.Add(Application.Receive(await numbers.NextAsync(db, ct), online,
                new Applicant(ApplicantKind.Person, DemoTown.CitizenName, Identifiers.WithIdCheck("44190019850606262"), null, DemoTown.CitizenPhone, null),
                ApplicationChannel.Online, null, null, null, citizen.Id, At(Back(today, 1), 20), "citizen"));
        }

        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    private Actor Acting(DateOnly day, int hour) => Actor.Seeding("reviewer", "李国强", At(day, hour), calendar);

    private static DateTime At(DateOnly day, int hour) => day.ToDateTime(new TimeOnly(hour, 0), DateTimeKind.Utc) - ChinaTime.Offset;

    private DateOnly Back(DateOnly from, int workingDays)
    {
        var day = from;
        for (var counted = 0; counted < workingDays;)
        {
            day = day.AddDays(-1);
            if (calendar.IsWorkingDay(day))
            {
                counted++;
            }
        }

        return day;
    }
}
