using Fazhi.Web.Modules.Publicity.Data;
using Fazhi.Web.Modules.Publicity.Domain;
using Fazhi.Web.Platform.Data;
using Fazhi.Web.Platform.Scope;
using Fazhi.Web.Platform.Tasks;

namespace Fazhi.Web.Modules.Publicity.Features;

internal static class PublicityTasks
{
    private static readonly string[] Office = [PublicityRoles.Officer];

    public static IEnumerable<TaskDefinition> All =>
    [
        // Submitted months waiting for the legal office's confirmation.
        new("publicity.confirm", "publicity.task.confirm", Office, async (sp, actor, ct) => (await sp.GetRequiredService<ReportService>().ScopedReportsAsync(ct))
            .Where(r => r.Status == ReportStatus.Submitted)
            .Select(r => new TaskRow { RecordId = r.Id, Number = r.ReporterName, Title = "publicity.task.month", Party = null, PartyIsPerson = false, DueDate = null, Since = r.SubmittedAt ?? DateTime.MinValue }),
            id => $"/publicity/reports/{id}"),
        // A reporter's own: the months returned for correction, and the month owed once it is over.
        new("publicity.returned", "publicity.task.returned", [PublicityRoles.Reporter], async (sp, actor, ct) => (await sp.GetRequiredService<ReportService>().ScopedReportsAsync(ct))
            .Where(r => r.Status == ReportStatus.Returned && r.DepartmentId == actor.DepartmentId)
            .Select(r => new TaskRow { RecordId = r.Id, Number = r.ReporterName, Title = "publicity.task.month", Party = null, PartyIsPerson = false, DueDate = null, Since = r.SubmittedAt ?? DateTime.MinValue }),
            id => $"/publicity/reports/{id}"),
        new("publicity.owed", "publicity.task.owed", [PublicityRoles.Reporter], (sp, actor, ct) =>
        {
            var db = sp.GetRequiredService<FazhiDbContext>();
            var thisMonth = MonthlyReport.MonthOf(actor.Today);
            return Task.FromResult(db.PublicityReporters.Where(r => r.Active && r.Id == actor.DepartmentId && r.OwedMonth < thisMonth)
                .Select(r => new TaskRow { RecordId = r.Id, Number = r.Name, Title = "publicity.task.month", Party = null, PartyIsPerson = false, DueDate = r.Due.DueDate, Since = DateTime.MinValue }));
        }, _ => "/publicity"),
        // Duty reports waiting to be heard and judged.
        new("publicity.hearing", "publicity.task.hearing", Office, (sp, actor, ct) =>
        {
            var db = sp.GetRequiredService<FazhiDbContext>();
            return Task.FromResult(db.DutyReports.WithinScope(actor.Scope, d => d.DepartmentId, _ => Guid.Empty).Where(d => d.Evaluation == null)
                .Select(d => new TaskRow { RecordId = d.Id, Number = d.DepartmentName, Title = "publicity.task.duty", Party = d.HeadName, PartyIsPerson = false, DueDate = null, Since = d.SubmittedAt }));
        }, id => $"/publicity/duty/{id}"),
    ];
}
