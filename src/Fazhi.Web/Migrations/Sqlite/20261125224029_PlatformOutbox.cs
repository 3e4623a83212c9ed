using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fazhi.Web.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PlatformOutbox : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "sys_outbox",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Module = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Template = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Recipient = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    AccountId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RecordId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Values = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    Culture = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SentAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    LeaseUntil = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ShownAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sys_outbox", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_sys_outbox_AccountId_CreatedAt",
                table: "sys_outbox",
                columns: new[] { "AccountId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_sys_outbox_RecordId",
                table: "sys_outbox",
                column: "RecordId");

            migrationBuilder.CreateIndex(
                name: "IX_sys_outbox_SentAt_CreatedAt",
                table: "sys_outbox",
                columns: new[] { "SentAt", "CreatedAt" });

            // Messages already in the one-door line's outbox move to the platform's, sent or not.
            migrationBuilder.Sql("""
                INSERT INTO sys_outbox ("Id", "Module", "Template", "Channel", "Recipient", "AccountId", "RecordId", "Values", "Culture", "CreatedAt", "SentAt", "Attempts", "LeaseUntil", "LastError", "ShownAt")
                SELECT n."Id", 'services', 'services.' || n."Kind", n."Channel", CASE WHEN n."CitizenId" IS NULL THEN n."Phone" END, n."CitizenId", n."ApplicationId",
                       json_object('number', n."Number", 'item', n."ItemName", 'note', n."Note"), 'zh-CN', n."CreatedAt", n."SentAt", n."Attempts", n."LeaseUntil", n."LastError", n."ShownAt"
                FROM svc_notifications n
                """);

            migrationBuilder.DropTable(
                name: "svc_notifications");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "sys_outbox");

            migrationBuilder.CreateTable(
                name: "svc_notifications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CitizenId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ItemName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    LeaseUntil = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Number = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    SentAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ShownAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_svc_notifications", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_svc_notifications_ApplicationId",
                table: "svc_notifications",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_svc_notifications_CitizenId_CreatedAt",
                table: "svc_notifications",
                columns: new[] { "CitizenId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_svc_notifications_SentAt_CreatedAt",
                table: "svc_notifications",
                columns: new[] { "SentAt", "CreatedAt" });
        }
    }
}
