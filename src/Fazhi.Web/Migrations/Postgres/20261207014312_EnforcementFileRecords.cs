using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fazhi.Web.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class EnforcementFileRecords : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "CertificatesShownOn",
                table: "enf_cases",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CertificatesShownTo",
                table: "enf_cases",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HearingSignatureNote",
                table: "enf_cases",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "HearingTranscriptSigned",
                table: "enf_cases",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "RecusalDecidedBy",
                table: "enf_case_officers",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
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
                name: "RecusalDecidedBy",
                table: "enf_case_officers");
        }
    }
}
