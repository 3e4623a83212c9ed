using Fazhi.Web.Platform.Reports;

namespace Fazhi.Web.Modules.Report.Domain;

/// <summary>Where a figure of a snapshot came from.</summary>
public enum FigureSource
{
    /// <summary>Counted over the platform's records at generation.</summary>
    Records = 0,

    /// <summary>Supplied by a department with its source document.</summary>
    Supplied = 1,
}

/// <summary>Where the year before's value of a change came from.</summary>
public enum PreviousSource
{
    None = 0,

    /// <summary>The year before's records.</summary>
    Records = 1,

    /// <summary>The year before's report (no records of that year in the platform).</summary>
    Report = 2,
}

/// <summary>
/// A generated report: the text as it was (title, addressee, sections) and every figure it prints with the records behind it,
/// frozen, so the same document can be produced again after the records change, and compared with them (re-check).
/// </summary>
public sealed class ReportSnapshot
{
    public Guid Id { get; set; }

    public Guid ReportId { get; set; }

    /// <summary>1, 2, 3 … within the report.</summary>
    public int Number { get; set; }

    public int Year { get; set; }

    public DateTime GeneratedAt { get; set; }

    public string GeneratedBy { get; set; } = "";

    public string Title { get; set; } = "";

    public string Addressee { get; set; } = "";

    public string Issuer { get; set; } = "";

    public DateOnly IssuedOn { get; set; }

    public string Language { get; set; } = "zh-CN";

    /// <summary>The sections as they were: JSON of <see cref="FrozenSection"/>.</summary>
    public string SectionsJson { get; set; } = "[]";

    /// <summary>How long it took to compute, in milliseconds.</summary>
    public int Milliseconds { get; set; }

    public List<SnapshotFigure> Figures { get; set; } = [];
}

public sealed record FrozenSection(int Order, ReportPart Part, WorkLine WorkLine, string Heading, string Text, string? DepartmentName);

/// <summary>One figure of a snapshot (a figure and its period): its value, the year before's for a change, and its records.</summary>
public sealed class SnapshotFigure
{
    public Guid Id { get; set; }

    public Guid SnapshotId { get; set; }

    /// <summary><see cref="Slot.Key"/>: the figure, and <c>@prev</c> for the year before.</summary>
    public string Key { get; set; } = "";

    public string Name { get; set; } = "";

    /// <summary>The module that counts it; <c>supplied</c> for a supplied figure.</summary>
    public string Module { get; set; } = "";

    /// <summary>Its label when generated, in the report's language.</summary>
    public string Label { get; set; } = "";

    public DateOnly From { get; set; }

    public DateOnly To { get; set; }

    public decimal Value { get; set; }

    public bool IsRate { get; set; }

    public bool IsSum { get; set; }

    public FigureSource Source { get; set; }

    /// <summary>For a supplied figure: the department and the source document.</summary>
    public string? SourceNote { get; set; }

    public string? SourceFileSha256 { get; set; }

    /// <summary>The default print of a supplied figure (count, rate or change).</summary>
    public SlotFormat SuppliedKind { get; set; }

    public decimal? Previous { get; set; }

    public PreviousSource PreviousSource { get; set; }

    public int RecordCount { get; set; }

    /// <summary>The records behind it when generated (gzip JSON of <see cref="FigureRecord"/>s: number, title, masked party, date, link).</summary>
    public byte[] Records { get; set; } = [];

    /// <summary>
    /// Whether <see cref="Records"/> holds the records behind it: false when they numbered more than the office's limit
    /// (<c>Report:FrozenRecordsLimit</c>, a province's millions of applications), and the snapshot keeps their count only.
    /// </summary>
    public bool RecordsFrozen { get; set; } = true;
}
