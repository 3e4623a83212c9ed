using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fazhi.Web.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Mediation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "med_campaigns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    From = table.Column<DateOnly>(type: "date", nullable: false),
                    To = table.Column<DateOnly>(type: "date", nullable: false),
                    ReportDue = table.Column<DateOnly>(type: "date", nullable: false),
                    DepartmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RowVersion = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_med_campaigns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "med_committees",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Abbreviation = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Sector = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    DepartmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    ReportedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false),
                    RowVersion = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_med_committees", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "med_subsidy_rates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    City = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Class = table.Column<int>(type: "integer", nullable: false),
                    Amount = table.Column<decimal>(type: "numeric(10,2)", precision: 10, scale: 2, nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    EffectiveTo = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_med_subsidy_rates", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "med_screening_areas",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CampaignId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    DepartmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    ReportedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ReportedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ZeroReport = table.Column<bool>(type: "boolean", nullable: false),
                    ReportAllowance = table.Column<int>(type: "integer", nullable: false),
                    ReportDueDate = table.Column<DateOnly>(type: "date", nullable: false),
                    ReportExtendedBy = table.Column<int>(type: "integer", nullable: false),
                    ReportExtensions = table.Column<int>(type: "integer", nullable: false),
                    ReportPausedSince = table.Column<DateOnly>(type: "date", nullable: true),
                    ReportRemainingWhenPaused = table.Column<int>(type: "integer", nullable: true),
                    ReportStartedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ReportUnit = table.Column<int>(type: "integer", nullable: false),
                    ReportYellowFrom = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_med_screening_areas", x => x.Id);
                    table.ForeignKey(
                        name: "FK_med_screening_areas_med_campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "med_campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "med_cases",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    CommitteeId = table.Column<Guid>(type: "uuid", nullable: false),
                    DepartmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    RoomId = table.Column<Guid>(type: "uuid", nullable: true),
                    Type = table.Column<int>(type: "integer", nullable: false),
                    Source = table.Column<int>(type: "integer", nullable: false),
                    ReferredBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Facts = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Claims = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    RegisteredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    AcceptedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    RightsNoticeAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ViolenceRisk = table.Column<bool>(type: "boolean", nullable: false),
                    ViolenceNote = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    ClosedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    OutcomeNote = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    IdempotencyKey = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ProposedClass = table.Column<int>(type: "integer", nullable: true),
                    ProposedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ApprovedClass = table.Column<int>(type: "integer", nullable: true),
                    ApprovedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ApprovedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    SubsidyAmount = table.Column<decimal>(type: "numeric(10,2)", precision: 10, scale: 2, nullable: true),
                    LastActedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    LastActedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    RowVersion = table.Column<Guid>(type: "uuid", nullable: false),
                    MonthAllowance = table.Column<int>(type: "integer", nullable: false),
                    MonthDueDate = table.Column<DateOnly>(type: "date", nullable: false),
                    MonthExtendedBy = table.Column<int>(type: "integer", nullable: false),
                    MonthExtensions = table.Column<int>(type: "integer", nullable: false),
                    MonthPausedSince = table.Column<DateOnly>(type: "date", nullable: true),
                    MonthRemainingWhenPaused = table.Column<int>(type: "integer", nullable: true),
                    MonthStartedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    MonthUnit = table.Column<int>(type: "integer", nullable: false),
                    MonthYellowFrom = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_med_cases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_med_cases_med_committees_CommitteeId",
                        column: x => x.CommitteeId,
                        principalTable: "med_committees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "med_committee_members",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CommitteeId = table.Column<Guid>(type: "uuid", nullable: false),
                    MediatorId = table.Column<Guid>(type: "uuid", nullable: false),
                    Role = table.Column<int>(type: "integer", nullable: false),
                    TermFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    TermTo = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_med_committee_members", x => x.Id);
                    table.ForeignKey(
                        name: "FK_med_committee_members_med_committees_CommitteeId",
                        column: x => x.CommitteeId,
                        principalTable: "med_committees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "med_mediators",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Gender = table.Column<int>(type: "integer", nullable: false),
                    Phone = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Specialities = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    CommitteeId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    IsLawyer = table.Column<bool>(type: "boolean", nullable: false),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false),
                    TrainingHours = table.Column<decimal>(type: "numeric(8,1)", precision: 8, scale: 1, nullable: false),
                    RowVersion = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_med_mediators", x => x.Id);
                    table.ForeignKey(
                        name: "FK_med_mediators_med_committees_CommitteeId",
                        column: x => x.CommitteeId,
                        principalTable: "med_committees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "med_rooms",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CommitteeId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Place = table.Column<int>(type: "integer", nullable: false),
                    PoliceStationId = table.Column<Guid>(type: "uuid", nullable: true),
                    DutyPhone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_med_rooms", x => x.Id);
                    table.ForeignKey(
                        name: "FK_med_rooms_med_committees_CommitteeId",
                        column: x => x.CommitteeId,
                        principalTable: "med_committees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "med_screening_findings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AreaId = table.Column<Guid>(type: "uuid", nullable: false),
                    Description = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Type = table.Column<int>(type: "integer", nullable: false),
                    Parties = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Major = table.Column<bool>(type: "boolean", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_med_screening_findings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_med_screening_findings_med_screening_areas_AreaId",
                        column: x => x.AreaId,
                        principalTable: "med_screening_areas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "med_agreements",
                columns: table => new
                {
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Facts = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Terms = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Performance = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    PerformBy = table.Column<DateOnly>(type: "date", nullable: true),
                    EffectiveOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Confirmable = table.Column<bool>(type: "boolean", nullable: false),
                    ConfirmationAppliedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Court = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    CourtAcceptedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CourtDecidedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Confirmed = table.Column<bool>(type: "boolean", nullable: true),
                    ConfirmationAllowance = table.Column<int>(type: "integer", nullable: true),
                    ConfirmationDueDate = table.Column<DateOnly>(type: "date", nullable: true),
                    ConfirmationExtendedBy = table.Column<int>(type: "integer", nullable: true),
                    ConfirmationExtensions = table.Column<int>(type: "integer", nullable: true),
                    ConfirmationPausedSince = table.Column<DateOnly>(type: "date", nullable: true),
                    ConfirmationRemainingWhenPaused = table.Column<int>(type: "integer", nullable: true),
                    ConfirmationStartedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ConfirmationUnit = table.Column<int>(type: "integer", nullable: true),
                    ConfirmationYellowFrom = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_med_agreements", x => x.CaseId);
                    table.ForeignKey(
                        name: "FK_med_agreements_med_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "med_cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "med_case_events",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    Sequence = table.Column<int>(type: "integer", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Actor = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_med_case_events", x => x.Id);
                    table.ForeignKey(
                        name: "FK_med_case_events_med_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "med_cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "med_followups",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    DoneOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Performed = table.Column<bool>(type: "boolean", nullable: true),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    DoneBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
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
                    table.PrimaryKey("PK_med_followups", x => x.Id);
                    table.ForeignKey(
                        name: "FK_med_followups_med_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "med_cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "med_parties",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    Side = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    IdNumber = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Phone = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Address = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Consented = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_med_parties", x => x.Id);
                    table.ForeignKey(
                        name: "FK_med_parties_med_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "med_cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "med_sessions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RoomId = table.Column<Guid>(type: "uuid", nullable: true),
                    MediatorIds = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Attendees = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Record = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    Held = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_med_sessions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_med_sessions_med_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "med_cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "med_case_mediators",
                columns: table => new
                {
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    MediatorId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_med_case_mediators", x => new { x.CaseId, x.MediatorId });
                    table.ForeignKey(
                        name: "FK_med_case_mediators_med_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "med_cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_med_case_mediators_med_mediators_MediatorId",
                        column: x => x.MediatorId,
                        principalTable: "med_mediators",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "med_trainings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    MediatorId = table.Column<Guid>(type: "uuid", nullable: false),
                    On = table.Column<DateOnly>(type: "date", nullable: false),
                    Hours = table.Column<decimal>(type: "numeric(6,1)", precision: 6, scale: 1, nullable: false),
                    Topic = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_med_trainings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_med_trainings_med_mediators_MediatorId",
                        column: x => x.MediatorId,
                        principalTable: "med_mediators",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_med_agreements_EffectiveOn",
                table: "med_agreements",
                column: "EffectiveOn");

            migrationBuilder.CreateIndex(
                name: "IX_med_campaigns_From",
                table: "med_campaigns",
                column: "From");

            migrationBuilder.CreateIndex(
                name: "IX_med_case_events_CaseId_Sequence",
                table: "med_case_events",
                columns: new[] { "CaseId", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_med_case_mediators_MediatorId",
                table: "med_case_mediators",
                column: "MediatorId");

            migrationBuilder.CreateIndex(
                name: "IX_med_cases_ClosedAt_CommitteeId_Type_Status_Source",
                table: "med_cases",
                columns: new[] { "ClosedAt", "CommitteeId", "Type", "Status", "Source" });

            migrationBuilder.CreateIndex(
                name: "IX_med_cases_CommitteeId",
                table: "med_cases",
                column: "CommitteeId");

            migrationBuilder.CreateIndex(
                name: "IX_med_cases_DepartmentId_RegisteredAt",
                table: "med_cases",
                columns: new[] { "DepartmentId", "RegisteredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_med_cases_IdempotencyKey",
                table: "med_cases",
                column: "IdempotencyKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_med_cases_Number",
                table: "med_cases",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_med_cases_RegisteredAt_CommitteeId_Type_Status",
                table: "med_cases",
                columns: new[] { "RegisteredAt", "CommitteeId", "Type", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_med_committee_members_CommitteeId_MediatorId_TermFrom",
                table: "med_committee_members",
                columns: new[] { "CommitteeId", "MediatorId", "TermFrom" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_med_committees_Abbreviation",
                table: "med_committees",
                column: "Abbreviation",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_med_committees_Code",
                table: "med_committees",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_med_committees_DepartmentId",
                table: "med_committees",
                column: "DepartmentId");

            migrationBuilder.CreateIndex(
                name: "IX_med_followups_CaseId",
                table: "med_followups",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_med_followups_DoneOn_DueOn",
                table: "med_followups",
                columns: new[] { "DoneOn", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_med_mediators_CommitteeId",
                table: "med_mediators",
                column: "CommitteeId");

            migrationBuilder.CreateIndex(
                name: "IX_med_mediators_UserName",
                table: "med_mediators",
                column: "UserName");

            migrationBuilder.CreateIndex(
                name: "IX_med_parties_CaseId",
                table: "med_parties",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_med_rooms_CommitteeId",
                table: "med_rooms",
                column: "CommitteeId");

            migrationBuilder.CreateIndex(
                name: "IX_med_screening_areas_CampaignId",
                table: "med_screening_areas",
                column: "CampaignId");

            migrationBuilder.CreateIndex(
                name: "IX_med_screening_areas_DepartmentId_ReportedAt",
                table: "med_screening_areas",
                columns: new[] { "DepartmentId", "ReportedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_med_screening_findings_AreaId",
                table: "med_screening_findings",
                column: "AreaId");

            migrationBuilder.CreateIndex(
                name: "IX_med_sessions_At",
                table: "med_sessions",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_med_sessions_CaseId_At",
                table: "med_sessions",
                columns: new[] { "CaseId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_med_subsidy_rates_City_Class_EffectiveFrom",
                table: "med_subsidy_rates",
                columns: new[] { "City", "Class", "EffectiveFrom" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_med_trainings_MediatorId_On",
                table: "med_trainings",
                columns: new[] { "MediatorId", "On" });

            migrationBuilder.CreateIndex(
                name: "IX_med_trainings_On",
                table: "med_trainings",
                column: "On");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "med_agreements");

            migrationBuilder.DropTable(
                name: "med_case_events");

            migrationBuilder.DropTable(
                name: "med_case_mediators");

            migrationBuilder.DropTable(
                name: "med_committee_members");

            migrationBuilder.DropTable(
                name: "med_followups");

            migrationBuilder.DropTable(
                name: "med_parties");

            migrationBuilder.DropTable(
                name: "med_rooms");

            migrationBuilder.DropTable(
                name: "med_screening_findings");

            migrationBuilder.DropTable(
                name: "med_sessions");

            migrationBuilder.DropTable(
                name: "med_subsidy_rates");

            migrationBuilder.DropTable(
                name: "med_trainings");

            migrationBuilder.DropTable(
                name: "med_screening_areas");

            migrationBuilder.DropTable(
                name: "med_cases");

            migrationBuilder.DropTable(
                name: "med_mediators");

            migrationBuilder.DropTable(
                name: "med_campaigns");

            migrationBuilder.DropTable(
                name: "med_committees");
        }
    }
}
