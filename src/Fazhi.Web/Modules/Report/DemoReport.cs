using System.Security.Claims;
using System.Text;
using Fazhi.Web.Modules.Report.Data;
using Fazhi.Web.Modules.Report.Domain;
using Fazhi.Web.Modules.Report.Features;
using Fazhi.Web.Platform.Calendar;
using Fazhi.Web.Platform.Cases;
using Fazhi.Web.Platform.Data;
using Fazhi.Web.Platform.Files;
using Fazhi.Web.Platform.Localization;
using Fazhi.Web.Platform.Organisation;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Modules.Report;

/// <summary>
/// The demo town's 2019 report, as Tangxia sent it to the city on 18 March 2020 (shared/seed): the seed's text with every figure
/// it prints as a slot over the work lines' records, the police's change in incidents supplied with its source, and the whole
/// workflow walked (departments' sections confirmed, secrecy review, the leaders' sign-off, submission, publication), so the
/// first run opens a generated, public 2019 report whose every figure leads to its records.
/// </summary>
public sealed class DemoReport(FazhiDbContext db, OrganisationDirectory directory, WorkingDayCalendar calendar, FileStore files, IServiceScopeFactory scopes, IConfiguration configuration)
{
    public const int Year = 2019;

    public async Task LoadAsync(CancellationToken ct = default)
    {
        if (await db.AnnualReports.AnyAsync(ct) || !Platform.Modules.ModuleCatalog.Named(ReportModule.ModuleName)!.WantsDemoCases(configuration))
        {
            return;
        }

        var codes = await directory.IdsByCodeAsync(ct);
        if (!codes.TryGetValue("TX-LAW", out var office) || await directory.StaffIdAsync("fzb.report", ct) is not { } officerId)
        {
            return;
        }

        var names = await directory.NamesAsync(ct);
        DateTime At(int month, int day, int hour = 10) => ChinaTime.StartOfDayUtc(new DateOnly(Year + 1, month, day)).AddHours(hour);
        Actor As(string user, string name, DateTime at) => Actor.Seeding(user, name, at, calendar);
        var officer = As("fzb.report", "陈思远", At(1, 6));

        var report = AnnualReport.Create(Year, ReportLevel.Town, office, "塘厦镇2019年法治政府建设年度报告", "市人民政府", "塘厦镇人民政府", officer);
        report.Describe(report.Title, report.Addressee, report.Issuer, new DateOnly(Year + 1, 3, 18), officer);
        var source = await files.SaveAsync(new MemoryStream(SourcePdf()), "file", FileKinds.Documents, ct);
        report.AddSupplied(new SuppliedFigure
        {
            Name = "supplied.police_incidents_change", Label = "违法犯罪警情同比变化", Value = -0.223m, Kind = SlotFormat.Change,
            Source = "公安分局《2019年塘厦辖区治安形势分析》", SuppliedById = codes.GetValueOrDefault("TX-POLICE"), SuppliedByName = "公安分局",
            FileSha256 = source.Sha256, FileContentType = source.ContentType, FileSize = source.Size, FileName = "2019年塘厦辖区治安形势分析.pdf",
        }, As("fzb.report", "陈思远", At(1, 8)));
        report.SetSections([.. Seed2019.Sections.Select(s => new ReportSection
        {
            Part = s.Part, WorkLine = s.Line, Heading = s.Heading, Text = s.Text,
            DepartmentId = s.Department is { } code ? codes[code] : null, DepartmentName = s.Department is { } c ? names[codes[c]] : null,
        })], s => ReportService.Problem(s, report), As("fzb.report", "陈思远", At(1, 10)));
        report.OpenInputs(As("fzb.report", "陈思远", At(1, 13)));
        var day = 14;
        foreach (var s in report.Sections.Where(s => s.DepartmentId is not null).ToList())
        {
            report.ConfirmSection(s, s.Text, x => ReportService.Problem(x, report), As("dept." + s.Order, s.DepartmentName!, At(2, Math.Min(28, day++))));
        }

        db.AnnualReports.Add(report);
        await db.SaveChangesAsync(ct);

        // Generated as the rule-of-law office would: its account (the whole town in its scope) asks every figure by name.
        ReportSnapshot snapshot;
        using (var scope = scopes.CreateScope())
        {
            var accessor = scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>();
            var previous = accessor.HttpContext;
            accessor.HttpContext = new DefaultHttpContext
            {
                RequestServices = scope.ServiceProvider,
                User = new ClaimsPrincipal(new ClaimsIdentity(
                    [new Claim(ClaimTypes.NameIdentifier, officerId.ToString()), new Claim(ClaimTypes.Name, "fzb.report"), new Claim(ClaimTypes.Role, ReportRoles.Officer)], "demo")),
            };
            try
            {
                var scoped = scope.ServiceProvider.GetRequiredService<FazhiDbContext>();
                var loaded = await scoped.AnnualReports.AsNoTracking().AsSplitQuery().SingleAsync(r => r.Id == report.Id, ct);
                snapshot = await scope.ServiceProvider.GetRequiredService<ReportGenerator>().ComputeAsync(loaded, 1, As("fzb.report", "陈思远", At(3, 2, 9)), ct);
            }
            finally
            {
                accessor.HttpContext = previous;
            }
        }

        report.Generated(snapshot.Number, As("fzb.report", "陈思远", At(3, 2, 9)));
        db.ReportSnapshots.Add(snapshot);
        report.ToReview(As("fzb.report", "陈思远", At(3, 2)));
        report.Clear("未发现涉密内容。", As("secrecy.review", "郑国强", At(3, 6)));
        report.SignOff(snapshot.Id, As("town.leader", "梁文博", At(3, 18, 9)));
        report.Submit(As("fzb.report", "陈思远", At(3, 18, 15)));
        report.Publish(As("fzb.report", "陈思远", At(3, 25)));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>A one-page PDF standing in for the police's analysis (the demo's source document).</summary>
    private static byte[] SourcePdf() => Encoding.ASCII.GetBytes(
        "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n" +
        "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");
}
