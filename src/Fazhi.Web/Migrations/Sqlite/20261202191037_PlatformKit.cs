using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fazhi.Web.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PlatformKit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_svc_applications_IdempotencyKey",
                table: "svc_applications");

            migrationBuilder.DropIndex(
                name: "IX_med_cases_IdempotencyKey",
                table: "med_cases");

            migrationBuilder.DropIndex(
                name: "IX_enf_cases_IdempotencyKey",
                table: "enf_cases");

            migrationBuilder.DropColumn(
                name: "IdempotencyKey",
                table: "svc_applications");

            migrationBuilder.DropColumn(
                name: "IdempotencyKey",
                table: "med_cases");

            migrationBuilder.DropColumn(
                name: "LastActedAt",
                table: "med_cases");

            migrationBuilder.DropColumn(
                name: "LastActedBy",
                table: "med_cases");

            migrationBuilder.DropColumn(
                name: "IdempotencyKey",
                table: "enf_cases");

            migrationBuilder.DropColumn(
                name: "LastActedAt",
                table: "enf_cases");

            migrationBuilder.DropColumn(
                name: "LastActedBy",
                table: "enf_cases");

            migrationBuilder.AddColumn<Guid>(
                name: "RecordId",
                table: "sys_audit_entries",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ActorDisplayName",
                table: "svc_application_events",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Hash",
                table: "svc_application_events",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "PreviousHash",
                table: "svc_application_events",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "ActorName",
                table: "med_case_events",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Hash",
                table: "med_case_events",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "PreviousHash",
                table: "med_case_events",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AlterColumn<string>(
                name: "PreviousHash",
                table: "enf_record_steps",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 64);

            migrationBuilder.AlterColumn<string>(
                name: "Hash",
                table: "enf_record_steps",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 64);

            migrationBuilder.AddColumn<string>(
                name: "ActorName",
                table: "enf_record_steps",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "sys_idempotency_keys",
                columns: table => new
                {
                    Module = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RecordId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DepartmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OwnerId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sys_idempotency_keys", x => new { x.Module, x.Key });
                });

            migrationBuilder.CreateTable(
                name: "sys_search",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Entity = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    RecordId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Text = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sys_search", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "sys_signed_heads",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    SignedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    KeyId = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Signature = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sys_signed_heads", x => x.Sequence);
                });

            migrationBuilder.CreateIndex(
                name: "IX_sys_audit_entries_RecordId_Sequence",
                table: "sys_audit_entries",
                columns: new[] { "RecordId", "Sequence" });

            migrationBuilder.CreateIndex(
                name: "IX_sys_search_Entity_RecordId",
                table: "sys_search",
                columns: new[] { "Entity", "RecordId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_sys_search_RecordId",
                table: "sys_search",
                column: "RecordId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "sys_idempotency_keys");

            migrationBuilder.DropTable(
                name: "sys_search");

            migrationBuilder.DropTable(
                name: "sys_signed_heads");

            migrationBuilder.DropIndex(
                name: "IX_sys_audit_entries_RecordId_Sequence",
                table: "sys_audit_entries");

            migrationBuilder.DropColumn(
                name: "RecordId",
                table: "sys_audit_entries");

            migrationBuilder.DropColumn(
                name: "ActorDisplayName",
                table: "svc_application_events");

            migrationBuilder.DropColumn(
                name: "Hash",
                table: "svc_application_events");

            migrationBuilder.DropColumn(
                name: "PreviousHash",
                table: "svc_application_events");

            migrationBuilder.DropColumn(
                name: "ActorName",
                table: "med_case_events");

            migrationBuilder.DropColumn(
                name: "Hash",
                table: "med_case_events");

            migrationBuilder.DropColumn(
                name: "PreviousHash",
                table: "med_case_events");

            migrationBuilder.DropColumn(
                name: "ActorName",
                table: "enf_record_steps");

            migrationBuilder.AddColumn<string>(
                name: "IdempotencyKey",
                table: "svc_applications",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "IdempotencyKey",
                table: "med_cases",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "LastActedAt",
                table: "med_cases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LastActedBy",
                table: "med_cases",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "PreviousHash",
                table: "enf_record_steps",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 64,
                oldDefaultValue: "");

            migrationBuilder.AlterColumn<string>(
                name: "Hash",
                table: "enf_record_steps",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 64,
                oldDefaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "IdempotencyKey",
                table: "enf_cases",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "LastActedAt",
                table: "enf_cases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LastActedBy",
                table: "enf_cases",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_svc_applications_IdempotencyKey",
                table: "svc_applications",
                column: "IdempotencyKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_med_cases_IdempotencyKey",
                table: "med_cases",
                column: "IdempotencyKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_enf_cases_IdempotencyKey",
                table: "enf_cases",
                column: "IdempotencyKey",
                unique: true);
        }
    }
}
