using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fazhi.Web.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class EnforcementAndMediationFidelity : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ViolenceToldTo",
                table: "med_cases",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "CourtAcceptanceAllowance",
                table: "med_agreements",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "CourtAcceptanceDueDate",
                table: "med_agreements",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "CourtAcceptanceExtendedBy",
                table: "med_agreements",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "CourtAcceptanceExtensions",
                table: "med_agreements",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "CourtAcceptancePausedSince",
                table: "med_agreements",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "CourtAcceptanceRemainingWhenPaused",
                table: "med_agreements",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "CourtAcceptanceStartedOn",
                table: "med_agreements",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "CourtAcceptanceUnit",
                table: "med_agreements",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "CourtAcceptanceYellowFrom",
                table: "med_agreements",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "CourtDecisionAllowance",
                table: "med_agreements",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "CourtDecisionDueDate",
                table: "med_agreements",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "CourtDecisionExtendedBy",
                table: "med_agreements",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "CourtDecisionExtensions",
                table: "med_agreements",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "CourtDecisionPausedSince",
                table: "med_agreements",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "CourtDecisionRemainingWhenPaused",
                table: "med_agreements",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "CourtDecisionStartedOn",
                table: "med_agreements",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "CourtDecisionUnit",
                table: "med_agreements",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "CourtDecisionYellowFrom",
                table: "med_agreements",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "FamilyMatter",
                table: "med_agreements",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "IdLookup",
                table: "enf_parties",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Discussion",
                table: "enf_extensions",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "FirstViolationOnly",
                table: "enf_discretion_rules",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTime>(
                name: "ActAt",
                table: "enf_cases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ActPlace",
                table: "enf_cases",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "CertificatesShownOn",
                table: "enf_cases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CertificatesShownTo",
                table: "enf_cases",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HearingSignatureNote",
                table: "enf_cases",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "HearingTranscriptSigned",
                table: "enf_cases",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "NoticeNumber",
                table: "enf_cases",
                type: "TEXT",
                maxLength: 60,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ServedAt",
                table: "enf_cases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ServiceProofSha256",
                table: "enf_cases",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ServiceRecipient",
                table: "enf_cases",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "StatementAllowance",
                table: "enf_cases",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "StatementDueDate",
                table: "enf_cases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "StatementExtendedBy",
                table: "enf_cases",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "StatementExtensions",
                table: "enf_cases",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "StatementPausedSince",
                table: "enf_cases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "StatementRemainingWhenPaused",
                table: "enf_cases",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "StatementStartedOn",
                table: "enf_cases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "StatementUnit",
                table: "enf_cases",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "StatementWaivedOn",
                table: "enf_cases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "StatementYellowFrom",
                table: "enf_cases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RecusalDecidedBy",
                table: "enf_case_officers",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "enf_pauses",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Reason = table.Column<int>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    From = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    To = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PausedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ResumedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_enf_pauses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_enf_pauses_enf_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "enf_cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "sys_personal_reads",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    What = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SubjectId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ReadBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sys_personal_reads", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_enf_parties_IdLookup",
                table: "enf_parties",
                column: "IdLookup");

            migrationBuilder.CreateIndex(
                name: "IX_enf_pauses_CaseId",
                table: "enf_pauses",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_sys_personal_reads_CaseId",
                table: "sys_personal_reads",
                column: "CaseId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "enf_pauses");

            migrationBuilder.DropTable(
                name: "sys_personal_reads");

            migrationBuilder.DropIndex(
                name: "IX_enf_parties_IdLookup",
                table: "enf_parties");

            migrationBuilder.DropColumn(
                name: "ViolenceToldTo",
                table: "med_cases");

            migrationBuilder.DropColumn(
                name: "CourtAcceptanceAllowance",
                table: "med_agreements");

            migrationBuilder.DropColumn(
                name: "CourtAcceptanceDueDate",
                table: "med_agreements");

            migrationBuilder.DropColumn(
                name: "CourtAcceptanceExtendedBy",
                table: "med_agreements");

            migrationBuilder.DropColumn(
                name: "CourtAcceptanceExtensions",
                table: "med_agreements");

            migrationBuilder.DropColumn(
                name: "CourtAcceptancePausedSince",
                table: "med_agreements");

            migrationBuilder.DropColumn(
                name: "CourtAcceptanceRemainingWhenPaused",
                table: "med_agreements");

            migrationBuilder.DropColumn(
                name: "CourtAcceptanceStartedOn",
                table: "med_agreements");

            migrationBuilder.DropColumn(
                name: "CourtAcceptanceUnit",
                table: "med_agreements");

            migrationBuilder.DropColumn(
                name: "CourtAcceptanceYellowFrom",
                table: "med_agreements");

            migrationBuilder.DropColumn(
                name: "CourtDecisionAllowance",
                table: "med_agreements");

            migrationBuilder.DropColumn(
                name: "CourtDecisionDueDate",
                table: "med_agreements");

            migrationBuilder.DropColumn(
                name: "CourtDecisionExtendedBy",
                table: "med_agreements");

            migrationBuilder.DropColumn(
                name: "CourtDecisionExtensions",
                table: "med_agreements");

            migrationBuilder.DropColumn(
                name: "CourtDecisionPausedSince",
                table: "med_agreements");

            migrationBuilder.DropColumn(
                name: "CourtDecisionRemainingWhenPaused",
                table: "med_agreements");

            migrationBuilder.DropColumn(
                name: "CourtDecisionStartedOn",
                table: "med_agreements");

            migrationBuilder.DropColumn(
                name: "CourtDecisionUnit",
                table: "med_agreements");

            migrationBuilder.DropColumn(
                name: "CourtDecisionYellowFrom",
                table: "med_agreements");

            migrationBuilder.DropColumn(
                name: "FamilyMatter",
                table: "med_agreements");

            migrationBuilder.DropColumn(
                name: "IdLookup",
                table: "enf_parties");

            migrationBuilder.DropColumn(
                name: "Discussion",
                table: "enf_extensions");

            migrationBuilder.DropColumn(
                name: "FirstViolationOnly",
                table: "enf_discretion_rules");

            migrationBuilder.DropColumn(
                name: "ActAt",
                table: "enf_cases");

            migrationBuilder.DropColumn(
                name: "ActPlace",
                table: "enf_cases");

            migrationBuilder.DropColumn(
                name: "CertificatesShownOn",
                table: "enf_cases");

            migrationBuilder.DropColumn(
                name: "CertificatesShownTo",
                table: "enf_cases");

            migrationBuilder.DropColumn(
                name: "HearingSignatureNote",
                table: "enf_cases");

            migrationBuilder.DropColumn(
                name: "HearingTranscriptSigned",
                table: "enf_cases");

            migrationBuilder.DropColumn(
                name: "NoticeNumber",
                table: "enf_cases");

            migrationBuilder.DropColumn(
                name: "ServedAt",
                table: "enf_cases");

            migrationBuilder.DropColumn(
                name: "ServiceProofSha256",
                table: "enf_cases");

            migrationBuilder.DropColumn(
                name: "ServiceRecipient",
                table: "enf_cases");

            migrationBuilder.DropColumn(
                name: "StatementAllowance",
                table: "enf_cases");

            migrationBuilder.DropColumn(
                name: "StatementDueDate",
                table: "enf_cases");

            migrationBuilder.DropColumn(
                name: "StatementExtendedBy",
                table: "enf_cases");

            migrationBuilder.DropColumn(
                name: "StatementExtensions",
                table: "enf_cases");

            migrationBuilder.DropColumn(
                name: "StatementPausedSince",
                table: "enf_cases");

            migrationBuilder.DropColumn(
                name: "StatementRemainingWhenPaused",
                table: "enf_cases");

            migrationBuilder.DropColumn(
                name: "StatementStartedOn",
                table: "enf_cases");

            migrationBuilder.DropColumn(
                name: "StatementUnit",
                table: "enf_cases");

            migrationBuilder.DropColumn(
                name: "StatementWaivedOn",
                table: "enf_cases");

            migrationBuilder.DropColumn(
                name: "StatementYellowFrom",
                table: "enf_cases");

            migrationBuilder.DropColumn(
                name: "RecusalDecidedBy",
                table: "enf_case_officers");
        }
    }
}
