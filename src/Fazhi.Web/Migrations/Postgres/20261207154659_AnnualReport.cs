using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fazhi.Web.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AnnualReport : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "rpt_reports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Level = table.Column<int>(type: "integer", nullable: false),
                    DepartmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Addressee = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Issuer = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    IssuedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Language = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    SignedSnapshotId = table.Column<Guid>(type: "uuid", nullable: true),
                    PublishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    RowVersion = table.Column<Guid>(type: "uuid", nullable: false),
                    PublicationDueAllowance = table.Column<int>(type: "integer", nullable: false),
                    PublicationDueDueDate = table.Column<DateOnly>(type: "date", nullable: false),
                    PublicationDueExtendedBy = table.Column<int>(type: "integer", nullable: false),
                    PublicationDueExtensions = table.Column<int>(type: "integer", nullable: false),
                    PublicationDuePausedSince = table.Column<DateOnly>(type: "date", nullable: true),
                    PublicationDueRemainingWhenPaused = table.Column<int>(type: "integer", nullable: true),
                    PublicationDueStartedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    PublicationDueUnit = table.Column<int>(type: "integer", nullable: false),
                    PublicationDueYellowFrom = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rpt_reports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "rpt_snapshots",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ReportId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    GeneratedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    GeneratedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Addressee = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Issuer = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    IssuedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Language = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    SectionsJson = table.Column<string>(type: "text", nullable: false),
                    Milliseconds = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rpt_snapshots", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "rpt_report_steps",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    Sequence = table.Column<int>(type: "integer", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Actor = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ActorName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    PreviousHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, defaultValue: ""),
                    Hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, defaultValue: "")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rpt_report_steps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_rpt_report_steps_rpt_reports_CaseId",
                        column: x => x.CaseId,
                        principalTable: "rpt_reports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "rpt_sections",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ReportId = table.Column<Guid>(type: "uuid", nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false),
                    Part = table.Column<int>(type: "integer", nullable: false),
                    WorkLine = table.Column<int>(type: "integer", nullable: false),
                    Heading = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Text = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    DepartmentId = table.Column<Guid>(type: "uuid", nullable: true),
                    DepartmentName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ConfirmedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ConfirmedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
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
                    table.PrimaryKey("PK_rpt_sections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_rpt_sections_rpt_reports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "rpt_reports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "rpt_supplied",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ReportId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    Label = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Value = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Source = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    SuppliedById = table.Column<Guid>(type: "uuid", nullable: true),
                    SuppliedByName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    SuppliedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    FileSha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    FileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    FileContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    FileSize = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rpt_supplied", x => x.Id);
                    table.ForeignKey(
                        name: "FK_rpt_supplied_rpt_reports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "rpt_reports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "rpt_snapshot_figures",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SnapshotId = table.Column<Guid>(type: "uuid", nullable: false),
                    Key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Name = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    Module = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Label = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    From = table.Column<DateOnly>(type: "date", nullable: false),
                    To = table.Column<DateOnly>(type: "date", nullable: false),
                    Value = table.Column<decimal>(type: "numeric(24,12)", precision: 24, scale: 12, nullable: false),
                    IsRate = table.Column<bool>(type: "boolean", nullable: false),
                    IsSum = table.Column<bool>(type: "boolean", nullable: false),
                    Source = table.Column<int>(type: "integer", nullable: false),
                    SourceNote = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    SourceFileSha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    SuppliedKind = table.Column<int>(type: "integer", nullable: false),
                    Previous = table.Column<decimal>(type: "numeric(24,12)", precision: 24, scale: 12, nullable: true),
                    PreviousSource = table.Column<int>(type: "integer", nullable: false),
                    RecordCount = table.Column<int>(type: "integer", nullable: false),
                    Records = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rpt_snapshot_figures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_rpt_snapshot_figures_rpt_snapshots_SnapshotId",
                        column: x => x.SnapshotId,
                        principalTable: "rpt_snapshots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_rpt_report_steps_CaseId_Sequence",
                table: "rpt_report_steps",
                columns: new[] { "CaseId", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_rpt_reports_DepartmentId_Year_Level",
                table: "rpt_reports",
                columns: new[] { "DepartmentId", "Year", "Level" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_rpt_sections_ReportId_Order",
                table: "rpt_sections",
                columns: new[] { "ReportId", "Order" });

            migrationBuilder.CreateIndex(
                name: "IX_rpt_snapshot_figures_SnapshotId_Key",
                table: "rpt_snapshot_figures",
                columns: new[] { "SnapshotId", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_rpt_snapshots_ReportId_Number",
                table: "rpt_snapshots",
                columns: new[] { "ReportId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_rpt_snapshots_Year",
                table: "rpt_snapshots",
                column: "Year");

            migrationBuilder.CreateIndex(
                name: "IX_rpt_supplied_ReportId_Name",
                table: "rpt_supplied",
                columns: new[] { "ReportId", "Name" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "rpt_report_steps");

            migrationBuilder.DropTable(
                name: "rpt_sections");

            migrationBuilder.DropTable(
                name: "rpt_snapshot_figures");

            migrationBuilder.DropTable(
                name: "rpt_supplied");

            migrationBuilder.DropTable(
                name: "rpt_snapshots");

            migrationBuilder.DropTable(
                name: "rpt_reports");
        }
    }
}
