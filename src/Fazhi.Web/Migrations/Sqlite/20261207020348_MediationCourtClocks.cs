using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fazhi.Web.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MediationCourtClocks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
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
        }
    }
}
