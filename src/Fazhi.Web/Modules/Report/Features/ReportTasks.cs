using Fazhi.Web.Modules.Report.Data;
using Fazhi.Web.Modules.Report.Domain;
using Fazhi.Web.Platform.Data;
using Fazhi.Web.Platform.Tasks;

namespace Fazhi.Web.Modules.Report.Features;

internal static class ReportTasks
{
    private static IQueryable<TaskRow> InStatus(IServiceProvider sp, ReportStatus status, ReportStatus? or = null)
    {
        var reports = sp.GetRequiredService<FazhiDbContext>().AnnualReports;
        return reports.Where(r => r.Status == status || r.Status == or)
            .Select(r => new TaskRow { RecordId = r.Id, Number = r.Year.ToString(), Title = r.Title, Party = null, PartyIsPerson = false, DueDate = r.PublicationDue.DueDate, Since = DateTime.MinValue });
    }

    public static IEnumerable<TaskDefinition> All =>
    [
        // A department's sections to write and confirm while inputs are open.
        new("report.inputs", "report.task.inputs", [ReportRoles.Contributor], (sp, actor, ct) =>
        {
            var db = sp.GetRequiredService<FazhiDbContext>();
            var reports = db.AnnualReports;
            return Task.FromResult(db.Set<ReportSection>()
                .Where(s => s.DepartmentId != null && s.DepartmentId == actor.DepartmentId && s.ConfirmedAt == null && reports.Any(r => r.Id == s.ReportId && r.Status == ReportStatus.Inputs))
                .Select(s => new TaskRow { RecordId = s.ReportId, Number = s.DepartmentName ?? "", Title = s.Heading, Party = null, PartyIsPerson = false, DueDate = s.Due!.DueDate, Since = DateTime.MinValue }));
        }, id => $"/report/{id}"),
        new("report.secrecy", "report.task.secrecy", [ReportRoles.SecrecyReviewer], (sp, actor, ct) => Task.FromResult(InStatus(sp, ReportStatus.SecrecyReview)), id => $"/report/{id}"),
        new("report.signoff", "report.task.signoff", [ReportRoles.Leader], (sp, actor, ct) => Task.FromResult(InStatus(sp, ReportStatus.SignOff)), id => $"/report/{id}"),
        new("report.send", "report.task.send", [ReportRoles.Officer], (sp, actor, ct) => Task.FromResult(InStatus(sp, ReportStatus.SignedOff, ReportStatus.Submitted)), id => $"/report/{id}"),
    ];
}
