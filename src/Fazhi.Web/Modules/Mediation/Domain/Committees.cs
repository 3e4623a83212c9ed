using Fazhi.Web.Platform.Data;
using Fazhi.Web.Platform.Web;

namespace Fazhi.Web.Modules.Mediation.Domain;

/// <summary>村（居）民委员会、乡镇街道、企事业单位 and sector (行业性、专业性) committees.</summary>
public enum CommitteeKind
{
    Village = 0,
    Community = 1,
    Town = 2,
    Enterprise = 3,
    Sector = 4,
}

public enum CommitteeRole
{
    Chair = 0,
    ViceChair = 1,
    Member = 2,
}

public enum Gender
{
    Female = 0,
    Male = 1,
}

/// <summary>Where a room sits: at the committee, in a police station (驻派出所调解室), a lawyer's studio, a court.</summary>
public enum RoomPlace
{
    Committee = 0,
    PoliceStation = 1,
    LawyerStudio = 2,
    Court = 3,
    Other = 4,
}

/// <summary>调解委员会: who mediates. 人民调解法 第8-9条: 3 to 9 members, a woman among them, 3-year terms.</summary>
public sealed class MediationCommittee : IVersioned
{
    public const int MinMembers = 3;
    public const int MaxMembers = 9;
    public const int TermYears = 3;

    public Guid Id { get; set; }

    public string Code { get; set; } = "";

    public string Name { get; set; } = "";

    /// <summary>The short name its case numbers carry (塘调 in 塘调〔2026〕12号); unique among committees.</summary>
    public string Abbreviation { get; set; } = "";

    public CommitteeKind Kind { get; set; }

    /// <summary>For a sector committee: its field (农村土地承包, 医疗纠纷 …).</summary>
    public string? Sector { get; set; }

    /// <summary>The organisation node it belongs to: its cases are that node's data.</summary>
    public Guid DepartmentId { get; set; }

    /// <summary>When its membership was last reported to the county justice bureau (人民调解法 第9条).</summary>
    public DateOnly? ReportedOn { get; set; }

    public bool IsActive { get; set; } = true;

    public List<CommitteeMember> Members { get; set; } = [];

    public Guid RowVersion { get; set; }

    /// <summary>What does not meet 第8-9条 today, as error codes (warnings, not refusals: the committee still works).</summary>
    public IReadOnlyList<string> Warnings(IReadOnlyDictionary<Guid, Mediator> mediators, DateOnly today)
    {
        var current = Members.Where(m => m.TermFrom <= today && today <= m.TermTo).ToList();
        var warnings = new List<string>();
        if (current.Count is < MinMembers or > MaxMembers)
        {
            warnings.Add("mediation.committee_size");
        }

        if (!current.Any(m => mediators.TryGetValue(m.MediatorId, out var p) && p.Gender == Gender.Female))
        {
            warnings.Add("mediation.committee_no_woman");
        }

        if (Members.Any(m => m.TermTo > m.TermFrom.AddYears(TermYears)))
        {
            warnings.Add("mediation.committee_term_too_long");
        }

        if (Members.Count > 0 && current.Count < Members.Select(m => m.MediatorId).Distinct().Count() && Members.Max(m => m.TermTo) < today)
        {
            warnings.Add("mediation.committee_term_over");
        }

        return warnings;
    }
}

/// <summary>A seat on a committee for a term.</summary>
public sealed class CommitteeMember
{
    public Guid Id { get; set; }

    public Guid CommitteeId { get; set; }

    public Guid MediatorId { get; set; }

    public CommitteeRole Role { get; set; }

    public DateOnly TermFrom { get; set; }

    public DateOnly TermTo { get; set; }
}

/// <summary>调解室: where sessions are held. A room in a police station is told when a case turns violent.</summary>
public sealed class MediationRoom
{
    public Guid Id { get; set; }

    public Guid CommitteeId { get; set; }

    public string Name { get; set; } = "";

    public RoomPlace Place { get; set; }

    /// <summary>The police station node a room sits in.</summary>
    public Guid? PoliceStationId { get; set; }

    /// <summary>The room's duty telephone (an office number, not a person's).</summary>
    public string? DutyPhone { get; set; }

    /// <summary>
    /// The day the room began work (a police-station room: the day it opened in the station); the figures count a room from
    /// that day on. Null for a room registered before the day was kept: it counts in every period.
    /// </summary>
    public DateOnly? OpenedOn { get; set; }

    public bool IsActive { get; set; } = true;
}

/// <summary>调解员: a person who mediates, with an account to sign in with (the mediation management system).</summary>
public sealed class Mediator : IVersioned
{
    public Guid Id { get; set; }

    public string Name { get; set; } = "";

    public Gender Gender { get; set; }

    /// <summary>A natural person's phone: encrypted at rest.</summary>
    public string? Phone { get; set; }

    public List<string> Specialities { get; set; } = [];

    /// <summary>The committee the mediator works for.</summary>
    public Guid CommitteeId { get; set; }

    /// <summary>The staff account the mediator signs in with, if any.</summary>
    public string? UserName { get; set; }

    public bool IsLawyer { get; set; }

    public bool IsActive { get; set; } = true;

    /// <summary>Hours of training, the sum of the trainings recorded.</summary>
    public decimal TrainingHours { get; set; }

    public Guid RowVersion { get; set; }

    public void Check(Validator v)
    {
        v.Required("name", Name, 50)
            .Check(Enum.IsDefined(Gender), "gender", "required")
            .Check(string.IsNullOrWhiteSpace(Phone) || Platform.Privacy.Identifiers.IsPhone(Phone), "phone", "phone_format")
            .Check(Specialities.Count <= 10 && Specialities.All(s => s.Length <= 30), "specialities", "too_long", 30);
    }
}

/// <summary>One training a mediator attended (调解员培训).</summary>
public sealed class MediatorTraining
{
    public Guid Id { get; set; }

    public Guid MediatorId { get; set; }

    public DateOnly On { get; set; }

    public decimal Hours { get; set; }

    public string Topic { get; set; } = "";
}
