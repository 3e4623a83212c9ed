using Fazhi.Web.Platform.Cases;
using Fazhi.Web.Platform.Data;
using Fazhi.Web.Platform.Localization;
using Fazhi.Web.Platform.Web;

namespace Fazhi.Web.Modules.Documents.Domain;

/// <summary>The body whose documents a plan lists: the party committee's or the government's.</summary>
public enum PlanBody
{
    Government = 0,
    PartyCommittee = 1,
}

public sealed class PlanStep : CaseStep;

/// <summary>One document the plan means to make: its title, the drafting department and the month it is due.</summary>
public sealed class PlanItem : ICasePart
{
    public Guid Id { get; internal set; }

    public Guid CaseId { get; internal set; }

    public string Title { get; internal set; } = "";

    public Guid DepartmentId { get; internal set; }

    public string DepartmentName { get; internal set; } = "";

    public int DueMonth { get; internal set; }
}

/// <summary>
/// 制发计划: a body's half-year plan of normative documents, its items, approved at a meeting (the day and the minutes as a file);
/// a document made outside the plan records why.
/// </summary>
public sealed class DocumentPlan : ICase, IVersioned
{
    private DocumentPlan()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>The legal office, whose register the plans are on.</summary>
    public Guid DepartmentId { get; private set; }

    public PlanBody Body { get; private set; }

    public int Year { get; private set; }

    /// <summary>1 (January to June) or 2 (July to December).</summary>
    public int Half { get; private set; }

    public string? MeetingName { get; private set; }

    public DateOnly? ApprovedOn { get; private set; }

    /// <summary>The minutes (会议纪要), stored by content hash in the platform's file store.</summary>
    public string? MinutesSha256 { get; private set; }

    public string? MinutesType { get; private set; }

    public Guid RowVersion { get; set; }

    public List<PlanItem> Items { get; private set; } = [];

    public List<PlanStep> Steps { get; private set; } = [];

    IReadOnlyList<CaseStep> ICase.Record => Steps;

    public bool Approved => ApprovedOn is not null;

    /// <summary>The months the half covers.</summary>
    public static (int First, int Last) Months(int half) => half == 1 ? (1, 6) : (7, 12);

    public static DocumentPlan Create(Guid officeId, PlanBody body, int year, int half, Actor by)
    {
        var p = new DocumentPlan { Id = Guid.CreateVersion7(), DepartmentId = officeId, Body = body, Year = year, Half = half, RowVersion = Guid.NewGuid() };
        p.Record("created", by, null);
        return p;
    }

    public void AddItem(string? title, Guid departmentId, string departmentName, int? dueMonth, Actor by)
    {
        Workflow.Check(Workflow.Unless(!Approved, "documents.plan_approved", "status"));
        var (first, last) = Months(Half);
        new Validator().Required("title", title, 200).Check(dueMonth is { } m && m >= first && m <= last, "dueMonth", "documents.due_month", first, last).ThrowIfInvalid();
        Items.Add(new PlanItem { Id = Guid.CreateVersion7(), CaseId = Id, Title = title!.Trim(), DepartmentId = departmentId, DepartmentName = departmentName, DueMonth = dueMonth!.Value });
        Record("item_added", by, title.Trim());
    }

    /// <summary>Approved at a meeting (联席会议 / 党委会): its day and its minutes; the items are fixed from then on.</summary>
    public void Approve(string? meeting, DateOnly? on, string? minutesSha256, string? minutesType, Actor by)
    {
        Workflow.Check(Workflow.Unless(!Approved, "documents.plan_approved", "status"));
        Workflow.Check(Workflow.Unless(Items.Count > 0, "documents.plan_empty", "items"));
        new Validator().Required("meeting", meeting, 100).Check(on is not null && on <= by.Today, "approvedOn", "documents.not_in_future")
            .Check(minutesSha256 is not null, "minutes", "required").ThrowIfInvalid();
        MeetingName = meeting!.Trim();
        ApprovedOn = on;
        MinutesSha256 = minutesSha256;
        MinutesType = minutesType;
        Record("approved", by, StepNote.Of("note.pair", MeetingName, NoteArg.Day(on!.Value)));
    }

    private void Record(string kind, Actor by, RecordNote note) =>
        Steps.Add(CaseStep.New<PlanStep>(Id, Workflow.NextSequence(Steps), kind, by, note));
}
