using Fazhi.Web.Modules.Documents.Data;
using Fazhi.Web.Modules.Documents.Domain;
using Fazhi.Web.Modules.Documents.Features;
using Fazhi.Web.Platform.Cases;
using Fazhi.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Modules.Documents.Contracts;

/// <summary>
/// What another work line asks a legal advisor: the topic (a code of <see cref="LegalOpinions.Topics"/>), a subject, the question
/// with its facts, the advisor (one of <see cref="LegalOpinions.AdvisorsAsync"/>), the working days (5 by default), and the record it
/// comes from (its work line, number and page).
/// </summary>
public sealed record OpinionAskFromRecord(string? Topic, string? Subject, string? Question, Guid? AdvisorId, int? WorkingDays, string FromModule, string FromNumber, string FromLink);

public sealed record AskedOpinion(Guid Id, string Number, string AdvisorName, DateOnly Due);

/// <summary>A request as the asking work line follows it: number, status key, advisor, due day, whether answered in time, and the opinion's page.</summary>
public sealed record OpinionLink(Guid Id, string Number, string StatusKey, string Advisor, DateOnly Due, bool Answered, bool? InTime, string Link, string? Opinion, DateTime? AnsweredAt);

public sealed record AdvisorOption(Guid Id, string Name, string Firm);

/// <summary>
/// Documents' public face for legal advisors: any work line asks for a written opinion on its record (an enforcement case, a
/// petition) in its own save, and follows it. The request is on the deadline register of the asking department.
/// </summary>
public sealed class LegalOpinions(FazhiDbContext db, OpinionService opinions)
{
    /// <summary>The topics a request may name, as codes and their label keys.</summary>
    public static IReadOnlyList<(string Code, string LabelKey)> Topics { get; } =
        [.. Enum.GetValues<OpinionTopic>().Select(t => (t.ToString(), "documents.topic." + t))];

    /// <summary>The advisors whose firm is under contract today.</summary>
    public async Task<IReadOnlyList<AdvisorOption>> AdvisorsAsync(CancellationToken ct = default) =>
        [.. (await opinions.ChoicesAsync(ct)).Select(a => new AdvisorOption(a.Id, a.Name, a.Firm))];

    /// <summary>Adds the request to the caller's unit of work, for the department of the record (saved with the caller's step).</summary>
    public async Task<AskedOpinion> AskAsync(OpinionAskFromRecord r, Guid departmentId, Actor by, CancellationToken ct = default)
    {
        var topic = Enum.TryParse<OpinionTopic>(r.Topic, out var t) && Enum.IsDefined(t) ? t : (OpinionTopic?)null;
        var made = await opinions.AskInSaveAsync(new OpinionAsk(topic, r.Subject, r.Question, r.AdvisorId, r.WorkingDays, r.FromModule, r.FromNumber, r.FromLink), departmentId, by, ct);
        return new AskedOpinion(made.Id, made.Number, made.AdvisorName, made.Due);
    }

    /// <summary>The requests asked from one record, newest first, with the opinion's text once given: the record's page shows it (its readers need no Documents role).</summary>
    public async Task<IReadOnlyList<OpinionLink>> ForRecordAsync(string fromModule, string fromNumber, CancellationToken ct = default) =>
        [.. (await db.OpinionRequests.AsNoTracking().Where(o => o.SourceModule == fromModule && o.SourceNumber == fromNumber).OrderByDescending(o => o.AskedAt)
            .Select(o => new { o.Id, o.Number, o.Status, o.AdvisorName, Due = o.Due.DueDate, o.AnsweredInTime, o.Opinion, o.AnsweredAt }).ToListAsync(ct))
            .Select(o => new OpinionLink(o.Id, o.Number, "documents.opinion_status." + o.Status, o.AdvisorName, o.Due, o.Status == OpinionStatus.Answered, o.AnsweredInTime,
                $"/documents/opinions/{o.Id}", o.Opinion, o.AnsweredAt))];
}
