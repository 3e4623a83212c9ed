using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fazhi.Web.Migrations.Sqlite
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Licence = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_aid_firms", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "aid_places",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    DepartmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ModelStation = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_aid_places", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "aid_subsidy_rates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    City = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Form = table.Column<int>(type: "INTEGER", nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 10, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_aid_subsidy_rates", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "aid_thresholds",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    City = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    MonthlyIncomePerPerson = table.Column<decimal>(type: "TEXT", precision: 10, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_aid_thresholds", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "aid_lawyers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DepartmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FirmId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    LicenceNumber = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    LicenceValidUntil = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Specialities = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PlaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DepartmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Channel = table.Column<int>(type: "INTEGER", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    MatterType = table.Column<int>(type: "INTEGER", nullable: false),
                    Answer = table.Column<string>(type: "TEXT", nullable: false),
                    ReferredTo = table.Column<int>(type: "INTEGER", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    QueryToken = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    PlaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DepartmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MatterType = table.Column<int>(type: "INTEGER", nullable: false),
                    Form = table.Column<int>(type: "INTEGER", nullable: false),
                    ApplicantName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    ApplicantIdNumber = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    ApplicantPhone = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    ApplicantAddress = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    GuardianName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    GuardianIdNumber = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Opponent = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Facts = table.Column<string>(type: "TEXT", nullable: false),
                    FiledWhere = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Detained = table.Column<bool>(type: "INTEGER", nullable: false),
                    RequestedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ForwardedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ReceivedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Ground = table.Column<int>(type: "INTEGER", nullable: false),
                    MeansPath = table.Column<int>(type: "INTEGER", nullable: false),
                    DeclaredIncome = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Household = table.Column<int>(type: "INTEGER", nullable: true),
                    MeansEligible = table.Column<bool>(type: "INTEGER", nullable: false),
                    ThresholdApplied = table.Column<decimal>(type: "TEXT", precision: 10, scale: 2, nullable: true),
                    ThresholdFrom = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    MaterialsRequested = table.Column<string>(type: "TEXT", nullable: true),
                    MaterialsDue = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    UrgentReason = table.Column<string>(type: "TEXT", nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RefusalReason = table.Column<string>(type: "TEXT", nullable: true),
                    ObjectedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ObjectionUpheld = table.Column<bool>(type: "INTEGER", nullable: true),
                    LawyerId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AssignedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AssignmentReason = table.Column<string>(type: "TEXT", nullable: true),
                    Termination = table.Column<int>(type: "INTEGER", nullable: true),
                    ClosingReport = table.Column<string>(type: "TEXT", nullable: true),
                    ClosedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Subsidy = table.Column<decimal>(type: "TEXT", precision: 10, scale: 2, nullable: true),
                    RowVersion = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChangedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AssignAllowance = table.Column<int>(type: "INTEGER", nullable: true),
                    AssignDueDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    AssignExtendedBy = table.Column<int>(type: "INTEGER", nullable: true),
                    AssignExtensions = table.Column<int>(type: "INTEGER", nullable: true),
                    AssignPausedSince = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    AssignRemainingWhenPaused = table.Column<int>(type: "INTEGER", nullable: true),
                    AssignStartedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    AssignUnit = table.Column<int>(type: "INTEGER", nullable: true),
                    AssignYellowFrom = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ObjectionAllowance = table.Column<int>(type: "INTEGER", nullable: true),
                    ObjectionDueDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ObjectionExtendedBy = table.Column<int>(type: "INTEGER", nullable: true),
                    ObjectionExtensions = table.Column<int>(type: "INTEGER", nullable: true),
                    ObjectionPausedSince = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ObjectionRemainingWhenPaused = table.Column<int>(type: "INTEGER", nullable: true),
                    ObjectionStartedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ObjectionUnit = table.Column<int>(type: "INTEGER", nullable: true),
                    ObjectionYellowFrom = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ReviewAllowance = table.Column<int>(type: "INTEGER", nullable: false),
                    ReviewDueDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ReviewExtendedBy = table.Column<int>(type: "INTEGER", nullable: false),
                    ReviewExtensions = table.Column<int>(type: "INTEGER", nullable: false),
                    ReviewPausedSince = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ReviewRemainingWhenPaused = table.Column<int>(type: "INTEGER", nullable: true),
                    ReviewStartedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ReviewUnit = table.Column<int>(type: "INTEGER", nullable: false),
                    ReviewYellowFrom = table.Column<DateOnly>(type: "TEXT", nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PlaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    LawyerId = table.Column<Guid>(type: "TEXT", nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    On = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Score = table.Column<int>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", nullable: false),
                    CheckedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Note = table.Column<string>(type: "TEXT", nullable: true),
                    PreviousHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false, defaultValue: ""),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false, defaultValue: "")
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
