using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fazhi.Web.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Documents : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "doc_advisors",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    FirmId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    PracticeNumber = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Phone = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false),
                    RowVersion = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_doc_advisors", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "doc_assignments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AdvisorId = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Level = table.Column<int>(type: "integer", nullable: false),
                    From = table.Column<DateOnly>(type: "date", nullable: false),
                    To = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_doc_assignments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "doc_comments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SubjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Name = table.Column<string>(type: "text", nullable: true),
                    Text = table.Column<string>(type: "text", nullable: false),
                    Answer = table.Column<string>(type: "text", nullable: true),
                    AnsweredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    AnsweredBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_doc_comments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "doc_contracts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    FirmId = table.Column<Guid>(type: "uuid", nullable: false),
                    DepartmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    From = table.Column<DateOnly>(type: "date", nullable: false),
                    To = table.Column<DateOnly>(type: "date", nullable: false),
                    Fee = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    Scope = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    RowVersion = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_doc_contracts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "doc_decisions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Slug = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Matter = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    DepartmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    DepartmentName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    DecidedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    RowVersion = table.Column<Guid>(type: "uuid", nullable: false),
                    ChangedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_doc_decisions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "doc_directories",
                columns: table => new
                {
                    Year = table.Column<int>(type: "integer", nullable: false),
                    PublishedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    PublishedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_doc_directories", x => x.Year);
                });

            migrationBuilder.CreateTable(
                name: "doc_documents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DraftNumber = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Slug = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    DepartmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    DepartmentName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    PlanItemId = table.Column<Guid>(type: "uuid", nullable: true),
                    OutsidePlanReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    AffectsRights = table.Column<bool>(type: "boolean", nullable: false),
                    Provisional = table.Column<bool>(type: "boolean", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CommentClosedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CheckEarliestOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Checker = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    OpinionRequestId = table.Column<Guid>(type: "uuid", nullable: true),
                    Conclusion = table.Column<int>(type: "integer", nullable: true),
                    CheckOpinion = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    CheckedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Checks = table.Column<int>(type: "integer", nullable: false),
                    CheckedVersion = table.Column<int>(type: "integer", nullable: true),
                    MeetingName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    MeetingOn = table.Column<DateOnly>(type: "date", nullable: true),
                    MeetingDecision = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    PublishedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    EffectiveOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ExpiresOn = table.Column<DateOnly>(type: "date", nullable: true),
                    FiledOn = table.Column<DateOnly>(type: "date", nullable: true),
                    FiledWith = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    FilingReference = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    FiledInTime = table.Column<bool>(type: "boolean", nullable: true),
                    RepealedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    RepealReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Amendments = table.Column<int>(type: "integer", nullable: false),
                    RowVersion = table.Column<Guid>(type: "uuid", nullable: false),
                    ChangedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CheckAllowance = table.Column<int>(type: "integer", nullable: true),
                    CheckDueDate = table.Column<DateOnly>(type: "date", nullable: true),
                    CheckExtendedBy = table.Column<int>(type: "integer", nullable: true),
                    CheckExtensions = table.Column<int>(type: "integer", nullable: true),
                    CheckPausedSince = table.Column<DateOnly>(type: "date", nullable: true),
                    CheckRemainingWhenPaused = table.Column<int>(type: "integer", nullable: true),
                    CheckStartedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CheckUnit = table.Column<int>(type: "integer", nullable: true),
                    CheckYellowFrom = table.Column<DateOnly>(type: "date", nullable: true),
                    CommentAllowance = table.Column<int>(type: "integer", nullable: true),
                    CommentDueDate = table.Column<DateOnly>(type: "date", nullable: true),
                    CommentExtendedBy = table.Column<int>(type: "integer", nullable: true),
                    CommentExtensions = table.Column<int>(type: "integer", nullable: true),
                    CommentPausedSince = table.Column<DateOnly>(type: "date", nullable: true),
                    CommentRemainingWhenPaused = table.Column<int>(type: "integer", nullable: true),
                    CommentStartedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CommentUnit = table.Column<int>(type: "integer", nullable: true),
                    CommentYellowFrom = table.Column<DateOnly>(type: "date", nullable: true),
                    FilingAllowance = table.Column<int>(type: "integer", nullable: true),
                    FilingDueDate = table.Column<DateOnly>(type: "date", nullable: true),
                    FilingExtendedBy = table.Column<int>(type: "integer", nullable: true),
                    FilingExtensions = table.Column<int>(type: "integer", nullable: true),
                    FilingPausedSince = table.Column<DateOnly>(type: "date", nullable: true),
                    FilingRemainingWhenPaused = table.Column<int>(type: "integer", nullable: true),
                    FilingStartedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    FilingUnit = table.Column<int>(type: "integer", nullable: true),
                    FilingYellowFrom = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_doc_documents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "doc_evaluations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AdvisorId = table.Column<Guid>(type: "uuid", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Grade = table.Column<int>(type: "integer", nullable: false),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    By = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_doc_evaluations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "doc_firms",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Licence = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Contact = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false),
                    RowVersion = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_doc_firms", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "doc_legal_staff",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Position = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Since = table.Column<DateOnly>(type: "date", nullable: false),
                    Until = table.Column<DateOnly>(type: "date", nullable: true),
                    RowVersion = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_doc_legal_staff", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "doc_opinions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    DepartmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    DepartmentName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Topic = table.Column<int>(type: "integer", nullable: false),
                    Subject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Question = table.Column<string>(type: "text", nullable: false),
                    SourceModule = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    SourceNumber = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    SourceLink = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    AdvisorId = table.Column<Guid>(type: "uuid", nullable: false),
                    AdvisorName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    FirmName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    AskedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    Opinion = table.Column<string>(type: "text", nullable: true),
                    FileSha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    FileType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    AnsweredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    AnsweredInTime = table.Column<bool>(type: "boolean", nullable: true),
                    Rating = table.Column<int>(type: "integer", nullable: true),
                    RatingNote = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    RowVersion = table.Column<Guid>(type: "uuid", nullable: false),
                    DueAllowance = table.Column<int>(type: "integer", nullable: false),
                    DueDueDate = table.Column<DateOnly>(type: "date", nullable: false),
                    DueExtendedBy = table.Column<int>(type: "integer", nullable: false),
                    DueExtensions = table.Column<int>(type: "integer", nullable: false),
                    DuePausedSince = table.Column<DateOnly>(type: "date", nullable: true),
                    DueRemainingWhenPaused = table.Column<int>(type: "integer", nullable: true),
                    DueStartedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    DueUnit = table.Column<int>(type: "integer", nullable: false),
                    DueYellowFrom = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_doc_opinions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "doc_plans",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DepartmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Body = table.Column<int>(type: "integer", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Half = table.Column<int>(type: "integer", nullable: false),
                    MeetingName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ApprovedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    MinutesSha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    MinutesType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    RowVersion = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_doc_plans", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "doc_decision_phases",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    Stage = table.Column<int>(type: "integer", nullable: false),
                    State = table.Column<int>(type: "integer", nullable: false),
                    StartedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    DoneOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Summary = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    By = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    SkipReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    FileSha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    FileType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    DueAllowance = table.Column<int>(type: "integer", nullable: true),
                    DueDueDate = table.Column<DateOnly>(type: "date", nullable: true),
                    DueExtendedBy = table.Column<int>(type: "integer", nullable: true),
                    DueExtensions = table.Column<int>(type: "integer", nullable: true),
                    DuePausedSince = table.Column<DateOnly>(type: "date", nullable: true),
                    DueRemainingWhenPaused = table.Column<int>(type: "integer", nullable: true),
                    DueStartedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    DueUnit = table.Column<int>(type: "integer", nullable: true),
                    DueYellowFrom = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_doc_decision_phases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_doc_decision_phases_doc_decisions_CaseId",
                        column: x => x.CaseId,
                        principalTable: "doc_decisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "doc_decision_steps",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    Sequence = table.Column<int>(type: "integer", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Actor = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ActorName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Note = table.Column<string>(type: "text", nullable: true),
                    PreviousHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, defaultValue: ""),
                    Hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, defaultValue: "")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_doc_decision_steps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_doc_decision_steps_doc_decisions_CaseId",
                        column: x => x.CaseId,
                        principalTable: "doc_decisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "doc_document_steps",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    Sequence = table.Column<int>(type: "integer", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Actor = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ActorName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Note = table.Column<string>(type: "text", nullable: true),
                    PreviousHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, defaultValue: ""),
                    Hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, defaultValue: "")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_doc_document_steps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_doc_document_steps_doc_documents_CaseId",
                        column: x => x.CaseId,
                        principalTable: "doc_documents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "doc_versions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "character varying(100000)", maxLength: 100000, nullable: false),
                    Note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    By = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_doc_versions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_doc_versions_doc_documents_CaseId",
                        column: x => x.CaseId,
                        principalTable: "doc_documents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "doc_opinion_steps",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    Sequence = table.Column<int>(type: "integer", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Actor = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ActorName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Note = table.Column<string>(type: "text", nullable: true),
                    PreviousHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, defaultValue: ""),
                    Hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, defaultValue: "")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_doc_opinion_steps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_doc_opinion_steps_doc_opinions_CaseId",
                        column: x => x.CaseId,
                        principalTable: "doc_opinions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "doc_plan_items",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    DepartmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    DepartmentName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    DueMonth = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_doc_plan_items", x => x.Id);
                    table.ForeignKey(
                        name: "FK_doc_plan_items_doc_plans_CaseId",
                        column: x => x.CaseId,
                        principalTable: "doc_plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "doc_plan_steps",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    Sequence = table.Column<int>(type: "integer", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Actor = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ActorName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Note = table.Column<string>(type: "text", nullable: true),
                    PreviousHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, defaultValue: ""),
                    Hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, defaultValue: "")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_doc_plan_steps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_doc_plan_steps_doc_plans_CaseId",
                        column: x => x.CaseId,
                        principalTable: "doc_plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_doc_advisors_FirmId",
                table: "doc_advisors",
                column: "FirmId");

            migrationBuilder.CreateIndex(
                name: "IX_doc_advisors_PracticeNumber",
                table: "doc_advisors",
                column: "PracticeNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_doc_assignments_AdvisorId",
                table: "doc_assignments",
                column: "AdvisorId");

            migrationBuilder.CreateIndex(
                name: "IX_doc_assignments_UnitId_To",
                table: "doc_assignments",
                columns: new[] { "UnitId", "To" });

            migrationBuilder.CreateIndex(
                name: "IX_doc_comments_SubjectId_At",
                table: "doc_comments",
                columns: new[] { "SubjectId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_doc_contracts_FirmId_To",
                table: "doc_contracts",
                columns: new[] { "FirmId", "To" });

            migrationBuilder.CreateIndex(
                name: "IX_doc_contracts_Number",
                table: "doc_contracts",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_doc_decision_phases_CaseId_Stage",
                table: "doc_decision_phases",
                columns: new[] { "CaseId", "Stage" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_doc_decision_steps_CaseId_Sequence",
                table: "doc_decision_steps",
                columns: new[] { "CaseId", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_doc_decisions_Number",
                table: "doc_decisions",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_doc_decisions_Slug",
                table: "doc_decisions",
                column: "Slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_doc_decisions_Year_Status",
                table: "doc_decisions",
                columns: new[] { "Year", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_doc_document_steps_CaseId_Sequence",
                table: "doc_document_steps",
                columns: new[] { "CaseId", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_doc_documents_ChangedAt",
                table: "doc_documents",
                column: "ChangedAt");

            migrationBuilder.CreateIndex(
                name: "IX_doc_documents_DepartmentId_CreatedAt",
                table: "doc_documents",
                columns: new[] { "DepartmentId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_doc_documents_DraftNumber",
                table: "doc_documents",
                column: "DraftNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_doc_documents_Kind_PublishedOn",
                table: "doc_documents",
                columns: new[] { "Kind", "PublishedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_doc_documents_Number",
                table: "doc_documents",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_doc_documents_Slug",
                table: "doc_documents",
                column: "Slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_doc_documents_Status_EffectiveOn_ExpiresOn",
                table: "doc_documents",
                columns: new[] { "Status", "EffectiveOn", "ExpiresOn" });

            migrationBuilder.CreateIndex(
                name: "IX_doc_evaluations_AdvisorId_Year",
                table: "doc_evaluations",
                columns: new[] { "AdvisorId", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_doc_firms_Name",
                table: "doc_firms",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_doc_legal_staff_UnitId_Until",
                table: "doc_legal_staff",
                columns: new[] { "UnitId", "Until" });

            migrationBuilder.CreateIndex(
                name: "IX_doc_opinion_steps_CaseId_Sequence",
                table: "doc_opinion_steps",
                columns: new[] { "CaseId", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_doc_opinions_AdvisorId_AskedAt",
                table: "doc_opinions",
                columns: new[] { "AdvisorId", "AskedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_doc_opinions_AnsweredAt_Status",
                table: "doc_opinions",
                columns: new[] { "AnsweredAt", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_doc_opinions_DepartmentId_AskedAt",
                table: "doc_opinions",
                columns: new[] { "DepartmentId", "AskedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_doc_opinions_Number",
                table: "doc_opinions",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_doc_plan_items_CaseId",
                table: "doc_plan_items",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_doc_plan_steps_CaseId_Sequence",
                table: "doc_plan_steps",
                columns: new[] { "CaseId", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_doc_plans_Body_Year_Half",
                table: "doc_plans",
                columns: new[] { "Body", "Year", "Half" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_doc_versions_CaseId_Number",
                table: "doc_versions",
                columns: new[] { "CaseId", "Number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "doc_advisors");

            migrationBuilder.DropTable(
                name: "doc_assignments");

            migrationBuilder.DropTable(
                name: "doc_comments");

            migrationBuilder.DropTable(
                name: "doc_contracts");

            migrationBuilder.DropTable(
                name: "doc_decision_phases");

            migrationBuilder.DropTable(
                name: "doc_decision_steps");

            migrationBuilder.DropTable(
                name: "doc_directories");

            migrationBuilder.DropTable(
                name: "doc_document_steps");

            migrationBuilder.DropTable(
                name: "doc_evaluations");

            migrationBuilder.DropTable(
                name: "doc_firms");

            migrationBuilder.DropTable(
                name: "doc_legal_staff");

            migrationBuilder.DropTable(
                name: "doc_opinion_steps");

            migrationBuilder.DropTable(
                name: "doc_plan_items");

            migrationBuilder.DropTable(
                name: "doc_plan_steps");

            migrationBuilder.DropTable(
                name: "doc_versions");

            migrationBuilder.DropTable(
                name: "doc_decisions");

            migrationBuilder.DropTable(
                name: "doc_opinions");

            migrationBuilder.DropTable(
                name: "doc_plans");

            migrationBuilder.DropTable(
                name: "doc_documents");
        }
    }
}
