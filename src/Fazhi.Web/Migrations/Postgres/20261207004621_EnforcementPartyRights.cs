using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fazhi.Web.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class EnforcementPartyRights : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "IdLookup",
                table: "enf_parties",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Discussion",
                table: "enf_extensions",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "FirstViolationOnly",
                table: "enf_discretion_rules",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTime>(
                name: "ServedAt",
                table: "enf_cases",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ServiceProofSha256",
                table: "enf_cases",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ServiceRecipient",
                table: "enf_cases",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "StatementAllowance",
                table: "enf_cases",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "StatementDueDate",
                table: "enf_cases",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "StatementExtendedBy",
                table: "enf_cases",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "StatementExtensions",
                table: "enf_cases",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "StatementPausedSince",
                table: "enf_cases",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "StatementRemainingWhenPaused",
                table: "enf_cases",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "StatementStartedOn",
                table: "enf_cases",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "StatementUnit",
                table: "enf_cases",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "StatementWaivedOn",
                table: "enf_cases",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "StatementYellowFrom",
                table: "enf_cases",
                type: "date",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "enf_pauses",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    Reason = table.Column<int>(type: "integer", nullable: false),
                    Note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    From = table.Column<DateOnly>(type: "date", nullable: false),
                    To = table.Column<DateOnly>(type: "date", nullable: true),
                    PausedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ResumedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
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

            migrationBuilder.CreateIndex(
                name: "IX_enf_parties_IdLookup",
                table: "enf_parties",
                column: "IdLookup");

            migrationBuilder.CreateIndex(
                name: "IX_enf_pauses_CaseId",
                table: "enf_pauses",
                column: "CaseId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "enf_pauses");

            migrationBuilder.DropIndex(
                name: "IX_enf_parties_IdLookup",
                table: "enf_parties");

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
        }
    }
}
