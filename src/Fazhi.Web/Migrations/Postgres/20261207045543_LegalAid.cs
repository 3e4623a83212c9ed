using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fazhi.Web.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class LegalAid : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "aid_firms",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Licence = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_aid_firms", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "aid_places",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    DepartmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    ModelStation = table.Column<bool>(type: "boolean", nullable: false),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_aid_places", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "aid_subsidy_rates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    City = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Form = table.Column<int>(type: "integer", nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    Amount = table.Column<decimal>(type: "numeric(10,2)", precision: 10, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_aid_subsidy_rates", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "aid_thresholds",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    City = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    MonthlyIncomePerPerson = table.Column<decimal>(type: "numeric(10,2)", precision: 10, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_aid_thresholds", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "aid_lawyers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DepartmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    FirmId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    LicenceNumber = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    LicenceValidUntil = table.Column<DateOnly>(type: "date", nullable: false),
                    Specialities = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_aid_lawyers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_aid_lawyers_aid_firms_FirmId",
                        column: x => x.FirmId,
                        principalTable: "aid_firms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "aid_contacts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PlaceId = table.Column<Guid>(type: "uuid", nullable: false),
                    DepartmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Channel = table.Column<int>(type: "integer", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    Phone = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    MatterType = table.Column<int>(type: "integer", nullable: false),
                    Answer = table.Column<string>(type: "text", nullable: false),
                    ReferredTo = table.Column<int>(type: "integer", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "uuid", nullable: true),
                    RecordedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_aid_contacts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_aid_contacts_aid_places_PlaceId",
                        column: x => x.PlaceId,
                        principalTable: "aid_places",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "aid_applications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    QueryToken = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    PlaceId = table.Column<Guid>(type: "uuid", nullable: false),
                    DepartmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    MatterType = table.Column<int>(type: "integer", nullable: false),
                    Form = table.Column<int>(type: "integer", nullable: false),
                    ApplicantName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    ApplicantIdNumber = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    ApplicantPhone = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    ApplicantAddress = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    GuardianName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    GuardianIdNumber = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Opponent = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Facts = table.Column<string>(type: "text", nullable: false),
                    FiledWhere = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Detained = table.Column<bool>(type: "boolean", nullable: false),
                    RequestedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ForwardedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ReceivedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Ground = table.Column<int>(type: "integer", nullable: false),
                    MeansPath = table.Column<int>(type: "integer", nullable: false),
                    DeclaredIncome = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Household = table.Column<int>(type: "integer", nullable: true),
                    MeansEligible = table.Column<bool>(type: "boolean", nullable: false),
                    ThresholdApplied = table.Column<decimal>(type: "numeric(10,2)", precision: 10, scale: 2, nullable: true),
                    ThresholdFrom = table.Column<DateOnly>(type: "date", nullable: true),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    MaterialsRequested = table.Column<string>(type: "text", nullable: true),
                    MaterialsDue = table.Column<DateOnly>(type: "date", nullable: true),
                    UrgentReason = table.Column<string>(type: "text", nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    RefusalReason = table.Column<string>(type: "text", nullable: true),
                    ObjectedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ObjectionUpheld = table.Column<bool>(type: "boolean", nullable: true),
                    LawyerId = table.Column<Guid>(type: "uuid", nullable: true),
                    AssignedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    AssignmentReason = table.Column<string>(type: "text", nullable: true),
                    Termination = table.Column<int>(type: "integer", nullable: true),
                    ClosingReport = table.Column<string>(type: "text", nullable: true),
                    ClosedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Subsidy = table.Column<decimal>(type: "numeric(10,2)", precision: 10, scale: 2, nullable: true),
                    RowVersion = table.Column<Guid>(type: "uuid", nullable: false),
                    ChangedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    AssignAllowance = table.Column<int>(type: "integer", nullable: true),
                    AssignDueDate = table.Column<DateOnly>(type: "date", nullable: true),
                    AssignExtendedBy = table.Column<int>(type: "integer", nullable: true),
                    AssignExtensions = table.Column<int>(type: "integer", nullable: true),
                    AssignPausedSince = table.Column<DateOnly>(type: "date", nullable: true),
                    AssignRemainingWhenPaused = table.Column<int>(type: "integer", nullable: true),
                    AssignStartedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    AssignUnit = table.Column<int>(type: "integer", nullable: true),
                    AssignYellowFrom = table.Column<DateOnly>(type: "date", nullable: true),
                    ObjectionAllowance = table.Column<int>(type: "integer", nullable: true),
                    ObjectionDueDate = table.Column<DateOnly>(type: "date", nullable: true),
                    ObjectionExtendedBy = table.Column<int>(type: "integer", nullable: true),
                    ObjectionExtensions = table.Column<int>(type: "integer", nullable: true),
                    ObjectionPausedSince = table.Column<DateOnly>(type: "date", nullable: true),
                    ObjectionRemainingWhenPaused = table.Column<int>(type: "integer", nullable: true),
                    ObjectionStartedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ObjectionUnit = table.Column<int>(type: "integer", nullable: true),
                    ObjectionYellowFrom = table.Column<DateOnly>(type: "date", nullable: true),
                    ReviewAllowance = table.Column<int>(type: "integer", nullable: false),
                    ReviewDueDate = table.Column<DateOnly>(type: "date", nullable: false),
                    ReviewExtendedBy = table.Column<int>(type: "integer", nullable: false),
                    ReviewExtensions = table.Column<int>(type: "integer", nullable: false),
                    ReviewPausedSince = table.Column<DateOnly>(type: "date", nullable: true),
                    ReviewRemainingWhenPaused = table.Column<int>(type: "integer", nullable: true),
                    ReviewStartedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ReviewUnit = table.Column<int>(type: "integer", nullable: false),
                    ReviewYellowFrom = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_aid_applications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_aid_applications_aid_lawyers_LawyerId",
                        column: x => x.LawyerId,
                        principalTable: "aid_lawyers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_aid_applications_aid_places_PlaceId",
                        column: x => x.PlaceId,
                        principalTable: "aid_places",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "aid_duty_shifts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PlaceId = table.Column<Guid>(type: "uuid", nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    LawyerId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_aid_duty_shifts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_aid_duty_shifts_aid_lawyers_LawyerId",
                        column: x => x.LawyerId,
                        principalTable: "aid_lawyers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_aid_duty_shifts_aid_places_PlaceId",
                        column: x => x.PlaceId,
                        principalTable: "aid_places",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "aid_quality_checks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    On = table.Column<DateOnly>(type: "date", nullable: false),
                    Score = table.Column<int>(type: "integer", nullable: false),
                    Note = table.Column<string>(type: "text", nullable: false),
                    CheckedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_aid_quality_checks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_aid_quality_checks_aid_applications_CaseId",
                        column: x => x.CaseId,
                        principalTable: "aid_applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "aid_steps",
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
                    table.PrimaryKey("PK_aid_steps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_aid_steps_aid_applications_CaseId",
                        column: x => x.CaseId,
                        principalTable: "aid_applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_aid_applications_ChangedAt",
                table: "aid_applications",
                column: "ChangedAt");

            migrationBuilder.CreateIndex(
                name: "IX_aid_applications_ClosedAt",
                table: "aid_applications",
                column: "ClosedAt");

            migrationBuilder.CreateIndex(
                name: "IX_aid_applications_DecidedAt",
                table: "aid_applications",
                column: "DecidedAt");

            migrationBuilder.CreateIndex(
                name: "IX_aid_applications_DepartmentId_ReceivedAt",
                table: "aid_applications",
                columns: new[] { "DepartmentId", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_aid_applications_LawyerId_Status",
                table: "aid_applications",
                columns: new[] { "LawyerId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_aid_applications_Number",
                table: "aid_applications",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_aid_applications_PlaceId",
                table: "aid_applications",
                column: "PlaceId");

            migrationBuilder.CreateIndex(
                name: "IX_aid_applications_QueryToken",
                table: "aid_applications",
                column: "QueryToken",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_aid_applications_ReceivedAt_MatterType_Form_Status",
                table: "aid_applications",
                columns: new[] { "ReceivedAt", "MatterType", "Form", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_aid_contacts_At_PlaceId_Channel",
                table: "aid_contacts",
                columns: new[] { "At", "PlaceId", "Channel" });

            migrationBuilder.CreateIndex(
                name: "IX_aid_contacts_DepartmentId_At",
                table: "aid_contacts",
                columns: new[] { "DepartmentId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_aid_contacts_PlaceId",
                table: "aid_contacts",
                column: "PlaceId");

            migrationBuilder.CreateIndex(
                name: "IX_aid_duty_shifts_LawyerId",
                table: "aid_duty_shifts",
                column: "LawyerId");

            migrationBuilder.CreateIndex(
                name: "IX_aid_duty_shifts_PlaceId_Day_LawyerId",
                table: "aid_duty_shifts",
                columns: new[] { "PlaceId", "Day", "LawyerId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_aid_lawyers_FirmId",
                table: "aid_lawyers",
                column: "FirmId");

            migrationBuilder.CreateIndex(
                name: "IX_aid_lawyers_LicenceNumber",
                table: "aid_lawyers",
                column: "LicenceNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_aid_places_Code",
                table: "aid_places",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_aid_quality_checks_CaseId",
                table: "aid_quality_checks",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_aid_quality_checks_On",
                table: "aid_quality_checks",
                column: "On");

            migrationBuilder.CreateIndex(
                name: "IX_aid_steps_CaseId_Sequence",
                table: "aid_steps",
                columns: new[] { "CaseId", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_aid_subsidy_rates_City_Form_EffectiveFrom",
                table: "aid_subsidy_rates",
                columns: new[] { "City", "Form", "EffectiveFrom" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_aid_thresholds_City_EffectiveFrom",
                table: "aid_thresholds",
                columns: new[] { "City", "EffectiveFrom" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "aid_contacts");

            migrationBuilder.DropTable(
                name: "aid_duty_shifts");

            migrationBuilder.DropTable(
                name: "aid_quality_checks");

            migrationBuilder.DropTable(
                name: "aid_steps");

            migrationBuilder.DropTable(
                name: "aid_subsidy_rates");

            migrationBuilder.DropTable(
                name: "aid_thresholds");

            migrationBuilder.DropTable(
                name: "aid_applications");

            migrationBuilder.DropTable(
                name: "aid_lawyers");

            migrationBuilder.DropTable(
                name: "aid_places");

            migrationBuilder.DropTable(
                name: "aid_firms");
        }
    }
}
