using Fazhi.Web.Platform.Deadlines;
using Fazhi.Web.Platform.Web;

namespace Fazhi.Web.Modules.LegalAid.Domain;

/// <summary>法律援助事项 (法律援助法 第31条), and criminal matters (第24-25条).</summary>
public enum MatterType
{
    StateCompensation = 0,
    SocialInsurance = 1,
    Pension = 2,
    Support = 3,
    Labour = 4,
    Capacity = 5,
    PersonalInjury = 6,
    Environment = 7,
    Criminal = 8,
    Other = 9,
}

/// <summary>法律援助服务形式 (第22条).</summary>
public enum ServiceForm
{
    Consultation = 0,
    Drafting = 1,
    CivilRepresentation = 2,
    AdministrativeRepresentation = 3,
    CriminalDefence = 4,
    ArbitrationRepresentation = 5,
    DutyLawyer = 6,
}

/// <summary>Where people are received: the town's public legal service centre and the community stations.</summary>
public enum PlaceKind
{
    Centre = 0,
    Station = 1,
}

/// <summary>接待的渠道: a visit, the 12348 hotline, an online question.</summary>
public enum ContactChannel
{
    Visit = 0,
    Hotline = 1,
    Online = 2,
}

/// <summary>Where a contact was sent on: nowhere (answered), an aid application, mediation, a petition, another office.</summary>
public enum Referral
{
    None = 0,
    Application = 1,
    Mediation = 2,
    Petition = 3,
    OtherOffice = 4,
}

/// <summary>A place that receives people (公共法律服务中心 / 工作站); its node is the data scope of what it records.</summary>
public sealed class AidPlace
{
    public Guid Id { get; set; }

    public string Code { get; set; } = "";

    public string Name { get; set; } = "";

    public PlaceKind Kind { get; set; }

    public Guid DepartmentId { get; set; }

    /// <summary>省级示范工作站.</summary>
    public bool ModelStation { get; set; }

    public bool IsActive { get; set; } = true;
}

public sealed class LawFirm
{
    public Guid Id { get; set; }

    public string Name { get; set; } = "";

    /// <summary>统一社会信用代码 or the firm's licence number.</summary>
    public string Licence { get; set; } = "";
}

/// <summary>
/// A lawyer of the legal-aid pool (法律援助律师库): firm, specialities, licence validity. The licence is a clock on the one
/// register: yellow 30 days before it lapses, red once it has.
/// </summary>
public sealed class AidLawyer : IHasDeadlines
{
    public Guid Id { get; set; }

    /// <summary>The node that keeps the pool (the centre's): whose alerts the licence raises.</summary>
    public Guid DepartmentId { get; set; }

    public Guid FirmId { get; set; }

    public string Name { get; set; } = "";

    /// <summary>执业证号.</summary>
    public string LicenceNumber { get; set; } = "";

    /// <summary>The last day the licence is valid (annual inspection); a lapsing licence raises an alert.</summary>
    public DateOnly LicenceValidUntil { get; set; }

    public List<MatterType> Specialities { get; set; } = [];

    public bool IsActive { get; set; } = true;

    public bool LicensedOn(DateOnly day) => IsActive && LicenceValidUntil >= day;

    Guid IHasDeadlines.RecordId => Id;

    IEnumerable<Deadline> IHasDeadlines.Deadlines => IsActive
        ? [new Deadline(LegalAidModule.LicenceAlert, Id, new DeadlineClock
        {
            StartedOn = LicenceValidUntil.AddYears(-1), Allowance = 365, Unit = DeadlineUnit.CalendarDays, DueDate = LicenceValidUntil, YellowFrom = LicenceValidUntil.AddDays(-30),
        }, DepartmentId, Name, LicenceNumber, "/legal-aid/lawyers")]
        : [];

    public void Validate() =>
        new Validator().Required("name", Name, 50).Required("licenceNumber", LicenceNumber, 30).ThrowIfInvalid();
}

/// <summary>值班律师: who is on duty at a place on a day (第22条 duty lawyer).</summary>
public sealed class DutyShift
{
    public Guid Id { get; set; }

    public Guid PlaceId { get; set; }

    public DateOnly Day { get; set; }

    public Guid LawyerId { get; set; }
}

/// <summary>
/// The city's economic-hardship threshold (经济困难标准, 法律援助法 第34条: set by the province or city), monthly income per
/// household member, effective-dated: the test uses the rule in force on the day of application.
/// </summary>
public sealed class HardshipThreshold
{
    public Guid Id { get; set; }

    public string City { get; set; } = "";

    public DateOnly EffectiveFrom { get; set; }

    public decimal MonthlyIncomePerPerson { get; set; }
}

/// <summary>The lawyer's subsidy (办案补贴) for a case by service form, effective-dated per city.</summary>
public sealed class AidSubsidyRate
{
    public Guid Id { get; set; }

    public string City { get; set; } = "";

    public ServiceForm Form { get; set; }

    public DateOnly EffectiveFrom { get; set; }

    public decimal Amount { get; set; }
}

/// <summary>接待: a visit, a hotline call or an online question, logged in half a minute.</summary>
public sealed class AidContact
{
    public Guid Id { get; set; }

    public Guid PlaceId { get; set; }

    public Guid DepartmentId { get; set; }

    public ContactChannel Channel { get; set; }

    public DateTime At { get; set; }

    /// <summary>Who asked, when they said: optional.</summary>
    public string? Name { get; set; }

    /// <summary>Encrypted at rest.</summary>
    public string? Phone { get; set; }

    public MatterType MatterType { get; set; }

    /// <summary>The question and the answer given: a person's story, encrypted at rest.</summary>
    public string Answer { get; set; } = "";

    public Referral ReferredTo { get; set; }

    /// <summary>The application it became, when it did.</summary>
    public Guid? ApplicationId { get; set; }

    public string RecordedBy { get; set; } = "";
}
