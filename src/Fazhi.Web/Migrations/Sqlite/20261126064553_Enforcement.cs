using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fazhi.Web.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Enforcement : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "enf_actions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DepartmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Matter = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SubjectKind = table.Column<int>(type: "INTEGER", nullable: false),
                    Decision = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Granted = table.Column<bool>(type: "INTEGER", nullable: true),
                    StartedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DecidedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ValidUntil = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: true),
                    OfficerNames = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_enf_actions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "enf_cases",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    DepartmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Source = table.Column<int>(type: "INTEGER", nullable: false),
                    SourceNote = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Procedure = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Matter = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Facts = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    ActOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DiscoveredOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    InvolvesSafety = table.Column<bool>(type: "INTEGER", nullable: false),
                    RegisteredAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RegisteredBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    FiledOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    FiledBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    NotFiledReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ProposedKind = table.Column<int>(type: "INTEGER", nullable: true),
                    ProposedFine = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: false),
                    ProposedConfiscation = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: false),
                    Provisions = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Basis = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    DiscretionRuleId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DiscretionCitation = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    NoticeServedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    MajorPublicInterest = table.Column<bool>(type: "INTEGER", nullable: false),
                    Complex = table.Column<bool>(type: "INTEGER", nullable: false),
                    HearingEligible = table.Column<bool>(type: "INTEGER", nullable: false),
                    ReviewRequired = table.Column<bool>(type: "INTEGER", nullable: false),
                    Statement = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    StatementRecheck = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    HearingRequestedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    HearingWaived = table.Column<bool>(type: "INTEGER", nullable: false),
                    HearingNoticedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    HearingOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    HearingPresider = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    HearingAgents = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    HearingTranscript = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    HearingHeldOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DiscussedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DiscussionParticipants = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    DiscussionConclusion = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    DecisionNumber = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    DecidedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    PenaltyKind = table.Column<int>(type: "INTEGER", nullable: true),
                    Fine = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: false),
                    Confiscation = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: false),
                    Performance = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ServedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ServiceMethod = table.Column<int>(type: "INTEGER", nullable: true),
                    ElectronicConsent = table.Column<bool>(type: "INTEGER", nullable: false),
                    DisclosureToldOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PaidOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PaidAmount = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: true),
                    LateFinePaid = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: true),
                    ClosedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CloseNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ArchivedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    FileNumber = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    RevokedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RevocationReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    IdempotencyKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    LastActedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    LastActedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RowVersion = table.Column<Guid>(type: "TEXT", nullable: false),
                    DecisionAllowance = table.Column<int>(type: "INTEGER", nullable: true),
                    DecisionDueDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DecisionExtendedBy = table.Column<int>(type: "INTEGER", nullable: true),
                    DecisionExtensions = table.Column<int>(type: "INTEGER", nullable: true),
                    DecisionPausedSince = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DecisionRemainingWhenPaused = table.Column<int>(type: "INTEGER", nullable: true),
                    DecisionStartedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DecisionUnit = table.Column<int>(type: "INTEGER", nullable: true),
                    DecisionYellowFrom = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    FilingAllowance = table.Column<int>(type: "INTEGER", nullable: true),
                    FilingDueDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    FilingExtendedBy = table.Column<int>(type: "INTEGER", nullable: true),
                    FilingExtensions = table.Column<int>(type: "INTEGER", nullable: true),
                    FilingPausedSince = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    FilingRemainingWhenPaused = table.Column<int>(type: "INTEGER", nullable: true),
                    FilingStartedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    FilingUnit = table.Column<int>(type: "INTEGER", nullable: true),
                    FilingYellowFrom = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    HearingRequestAllowance = table.Column<int>(type: "INTEGER", nullable: true),
                    HearingRequestDueDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    HearingRequestExtendedBy = table.Column<int>(type: "INTEGER", nullable: true),
                    HearingRequestExtensions = table.Column<int>(type: "INTEGER", nullable: true),
                    HearingRequestPausedSince = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    HearingRequestRemainingWhenPaused = table.Column<int>(type: "INTEGER", nullable: true),
                    HearingRequestStartedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    HearingRequestUnit = table.Column<int>(type: "INTEGER", nullable: true),
                    HearingRequestYellowFrom = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PaymentAllowance = table.Column<int>(type: "INTEGER", nullable: true),
                    PaymentDueDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PaymentExtendedBy = table.Column<int>(type: "INTEGER", nullable: true),
                    PaymentExtensions = table.Column<int>(type: "INTEGER", nullable: true),
                    PaymentPausedSince = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PaymentRemainingWhenPaused = table.Column<int>(type: "INTEGER", nullable: true),
                    PaymentStartedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PaymentUnit = table.Column<int>(type: "INTEGER", nullable: true),
                    PaymentYellowFrom = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ServiceAllowance = table.Column<int>(type: "INTEGER", nullable: true),
                    ServiceDueDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ServiceExtendedBy = table.Column<int>(type: "INTEGER", nullable: true),
                    ServiceExtensions = table.Column<int>(type: "INTEGER", nullable: true),
                    ServicePausedSince = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ServiceRemainingWhenPaused = table.Column<int>(type: "INTEGER", nullable: true),
                    ServiceStartedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ServiceUnit = table.Column<int>(type: "INTEGER", nullable: true),
                    ServiceYellowFrom = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_enf_cases", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "enf_discretion_rules",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DepartmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Violation = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Provision = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Circumstance = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Measure = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    MinFine = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: true),
                    MaxFine = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: true),
                    EffectiveFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EffectiveTo = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_enf_discretion_rules", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "enf_draws",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    DepartmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DepartmentCode = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    AnnouncedNumber = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Seed = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Size = table.Column<int>(type: "INTEGER", nullable: false),
                    Population = table.Column<int>(type: "INTEGER", nullable: false),
                    CaseNumbers = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    DrawnAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DrawnBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_enf_draws", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "enf_officers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DepartmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    CertificateNumber = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Area = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ValidFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ValidUntil = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ExamPassedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ExamScore = table.Column<int>(type: "INTEGER", nullable: true),
                    TrainingHours = table.Column<decimal>(type: "TEXT", precision: 8, scale: 1, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    IsHead = table.Column<bool>(type: "INTEGER", nullable: false),
                    RowVersion = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_enf_officers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "enf_publications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DepartmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ActionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    DocumentNumber = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Matter = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Party = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Content = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    DecidedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Fine = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    PublishedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PublishedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    RetainUntil = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    WithdrawnOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    WithdrawalReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    RowVersion = table.Column<Guid>(type: "TEXT", nullable: false),
                    DueAllowance = table.Column<int>(type: "INTEGER", nullable: false),
                    DueDueDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DueExtendedBy = table.Column<int>(type: "INTEGER", nullable: false),
                    DueExtensions = table.Column<int>(type: "INTEGER", nullable: false),
                    DuePausedSince = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DueRemainingWhenPaused = table.Column<int>(type: "INTEGER", nullable: true),
                    DueStartedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DueUnit = table.Column<int>(type: "INTEGER", nullable: false),
                    DueYellowFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    WithdrawalAllowance = table.Column<int>(type: "INTEGER", nullable: true),
                    WithdrawalDueDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    WithdrawalExtendedBy = table.Column<int>(type: "INTEGER", nullable: true),
                    WithdrawalExtensions = table.Column<int>(type: "INTEGER", nullable: true),
                    WithdrawalPausedSince = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    WithdrawalRemainingWhenPaused = table.Column<int>(type: "INTEGER", nullable: true),
                    WithdrawalStartedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    WithdrawalUnit = table.Column<int>(type: "INTEGER", nullable: true),
                    WithdrawalYellowFrom = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_enf_publications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "enf_reviewers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    DepartmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    HasLegalQualification = table.Column<bool>(type: "INTEGER", nullable: false),
                    ReviewingSince = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_enf_reviewers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "enf_evidence",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Size = table.Column<long>(type: "INTEGER", nullable: true),
                    CollectedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CollectedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Preserved = table.Column<bool>(type: "INTEGER", nullable: false),
                    PreservationOutcome = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    PreservationDecidedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PreservationAllowance = table.Column<int>(type: "INTEGER", nullable: true),
                    PreservationDueDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PreservationExtendedBy = table.Column<int>(type: "INTEGER", nullable: true),
                    PreservationExtensions = table.Column<int>(type: "INTEGER", nullable: true),
                    PreservationPausedSince = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PreservationRemainingWhenPaused = table.Column<int>(type: "INTEGER", nullable: true),
                    PreservationStartedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PreservationUnit = table.Column<int>(type: "INTEGER", nullable: true),
                    PreservationYellowFrom = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_enf_evidence", x => x.Id);
                    table.ForeignKey(
                        name: "FK_enf_evidence_enf_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "enf_cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "enf_extensions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Limit = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Days = table.Column<int>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    ApprovedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ApprovedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_enf_extensions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_enf_extensions_enf_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "enf_cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "enf_parties",
                columns: table => new
                {
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    IdNumber = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Address = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Plate = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Representative = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_enf_parties", x => x.CaseId);
                    table.ForeignKey(
                        name: "FK_enf_parties_enf_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "enf_cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "enf_record_steps",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    FileSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    PreviousHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_enf_record_steps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_enf_record_steps_enf_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "enf_cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "enf_reviews",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SubmittedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Reviewer = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ReviewerName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ReviewedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Failed = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Passed = table.Column<bool>(type: "INTEGER", nullable: true),
                    Opinion = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_enf_reviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_enf_reviews_enf_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "enf_cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "enf_evaluations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DrawId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseNumber = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    DepartmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Vetoes = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    FormPoints = table.Column<int>(type: "INTEGER", nullable: false),
                    ContentPoints = table.Column<int>(type: "INTEGER", nullable: false),
                    Grade = table.Column<int>(type: "INTEGER", nullable: false),
                    Comments = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Evaluator = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    EvaluatedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RectifiedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RectificationNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    RectificationAllowance = table.Column<int>(type: "INTEGER", nullable: true),
                    RectificationDueDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RectificationExtendedBy = table.Column<int>(type: "INTEGER", nullable: true),
                    RectificationExtensions = table.Column<int>(type: "INTEGER", nullable: true),
                    RectificationPausedSince = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RectificationRemainingWhenPaused = table.Column<int>(type: "INTEGER", nullable: true),
                    RectificationStartedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RectificationUnit = table.Column<int>(type: "INTEGER", nullable: true),
                    RectificationYellowFrom = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_enf_evaluations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_enf_evaluations_enf_draws_DrawId",
                        column: x => x.DrawId,
                        principalTable: "enf_draws",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "enf_case_officers",
                columns: table => new
                {
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OfficerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    CertificateNumber = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Role = table.Column<int>(type: "INTEGER", nullable: false),
                    AssignedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecusedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RecusalReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_enf_case_officers", x => new { x.CaseId, x.OfficerId });
                    table.ForeignKey(
                        name: "FK_enf_case_officers_enf_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "enf_cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_enf_case_officers_enf_officers_OfficerId",
                        column: x => x.OfficerId,
                        principalTable: "enf_officers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_enf_actions_DecidedOn_DepartmentId_Kind_Granted",
                table: "enf_actions",
                columns: new[] { "DecidedOn", "DepartmentId", "Kind", "Granted" });

            migrationBuilder.CreateIndex(
                name: "IX_enf_actions_DepartmentId_Kind_DecidedOn",
                table: "enf_actions",
                columns: new[] { "DepartmentId", "Kind", "DecidedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_enf_case_officers_OfficerId",
                table: "enf_case_officers",
                column: "OfficerId");

            migrationBuilder.CreateIndex(
                name: "IX_enf_cases_DecidedOn_DepartmentId_PenaltyKind_Procedure_Fine_Confiscation",
                table: "enf_cases",
                columns: new[] { "DecidedOn", "DepartmentId", "PenaltyKind", "Procedure", "Fine", "Confiscation" });

            migrationBuilder.CreateIndex(
                name: "IX_enf_cases_DecisionNumber",
                table: "enf_cases",
                column: "DecisionNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_enf_cases_DepartmentId_ClosedOn",
                table: "enf_cases",
                columns: new[] { "DepartmentId", "ClosedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_enf_cases_DepartmentId_RegisteredAt",
                table: "enf_cases",
                columns: new[] { "DepartmentId", "RegisteredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_enf_cases_DepartmentId_Status_RegisteredAt",
                table: "enf_cases",
                columns: new[] { "DepartmentId", "Status", "RegisteredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_enf_cases_IdempotencyKey",
                table: "enf_cases",
                column: "IdempotencyKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_enf_cases_Number",
                table: "enf_cases",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_enf_discretion_rules_DepartmentId_Code_EffectiveFrom",
                table: "enf_discretion_rules",
                columns: new[] { "DepartmentId", "Code", "EffectiveFrom" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_enf_draws_DepartmentId_Year",
                table: "enf_draws",
                columns: new[] { "DepartmentId", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_enf_evaluations_DrawId_CaseId",
                table: "enf_evaluations",
                columns: new[] { "DrawId", "CaseId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_enf_evidence_CaseId",
                table: "enf_evidence",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_enf_extensions_CaseId",
                table: "enf_extensions",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_enf_officers_CertificateNumber",
                table: "enf_officers",
                column: "CertificateNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_enf_officers_DepartmentId_Name",
                table: "enf_officers",
                columns: new[] { "DepartmentId", "Name" });

            migrationBuilder.CreateIndex(
                name: "IX_enf_officers_UserName",
                table: "enf_officers",
                column: "UserName");

            migrationBuilder.CreateIndex(
                name: "IX_enf_parties_Name",
                table: "enf_parties",
                column: "Name");

            migrationBuilder.CreateIndex(
                name: "IX_enf_publications_CaseId",
                table: "enf_publications",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_enf_publications_DepartmentId_Status_PublishedOn_Id",
                table: "enf_publications",
                columns: new[] { "DepartmentId", "Status", "PublishedOn", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_enf_publications_DocumentNumber",
                table: "enf_publications",
                column: "DocumentNumber");

            migrationBuilder.CreateIndex(
                name: "IX_enf_publications_Status_PublishedOn_Id",
                table: "enf_publications",
                columns: new[] { "Status", "PublishedOn", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_enf_record_steps_CaseId_Sequence",
                table: "enf_record_steps",
                columns: new[] { "CaseId", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_enf_reviewers_UserName",
                table: "enf_reviewers",
                column: "UserName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_enf_reviews_CaseId",
                table: "enf_reviews",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_enf_reviews_ReviewedAt",
                table: "enf_reviews",
                column: "ReviewedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "enf_actions");

            migrationBuilder.DropTable(
                name: "enf_case_officers");

            migrationBuilder.DropTable(
                name: "enf_discretion_rules");

            migrationBuilder.DropTable(
                name: "enf_evaluations");

            migrationBuilder.DropTable(
                name: "enf_evidence");

            migrationBuilder.DropTable(
                name: "enf_extensions");

            migrationBuilder.DropTable(
                name: "enf_parties");

            migrationBuilder.DropTable(
                name: "enf_publications");

            migrationBuilder.DropTable(
                name: "enf_record_steps");

            migrationBuilder.DropTable(
                name: "enf_reviewers");

            migrationBuilder.DropTable(
                name: "enf_reviews");

            migrationBuilder.DropTable(
                name: "enf_officers");

            migrationBuilder.DropTable(
                name: "enf_draws");

            migrationBuilder.DropTable(
                name: "enf_cases");
        }
    }
}
