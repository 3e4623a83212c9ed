using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fazhi.Web.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DeadlineRegister : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "sys_deadline_alerts",
                columns: table => new
                {
                    SubjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Level = table.Column<int>(type: "INTEGER", nullable: false),
                    DueDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Module = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    RecordId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DepartmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Label = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Link = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RaisedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ReadAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sys_deadline_alerts", x => new { x.SubjectId, x.Kind, x.Level, x.DueDate });
                });

            migrationBuilder.CreateTable(
                name: "sys_deadlines",
                columns: table => new
                {
                    SubjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Module = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    RecordId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DepartmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Label = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Link = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Unit = table.Column<int>(type: "INTEGER", nullable: false),
                    Allowance = table.Column<int>(type: "INTEGER", nullable: false),
                    StartedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DueDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    YellowFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Paused = table.Column<bool>(type: "INTEGER", nullable: false),
                    NextAlertOn = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sys_deadlines", x => new { x.SubjectId, x.Kind });
                });

            migrationBuilder.CreateIndex(
                name: "IX_sys_deadline_alerts_DepartmentId_RaisedAt",
                table: "sys_deadline_alerts",
                columns: new[] { "DepartmentId", "RaisedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_sys_deadline_alerts_RaisedAt",
                table: "sys_deadline_alerts",
                column: "RaisedAt");

            migrationBuilder.CreateIndex(
                name: "IX_sys_deadlines_DepartmentId_DueDate",
                table: "sys_deadlines",
                columns: new[] { "DepartmentId", "DueDate" });

            migrationBuilder.CreateIndex(
                name: "IX_sys_deadlines_Paused_NextAlertOn",
                table: "sys_deadlines",
                columns: new[] { "Paused", "NextAlertOn" });

            migrationBuilder.CreateIndex(
                name: "IX_sys_deadlines_RecordId",
                table: "sys_deadlines",
                column: "RecordId");

            // The register starts with every clock the one-door line has running, keeping the monitor's
            // place, and the alerts raised so far move over unchanged.
            migrationBuilder.Sql("""
                INSERT INTO sys_deadlines ("SubjectId", "Kind", "Module", "RecordId", "DepartmentId", "Title", "Label", "Link", "Unit", "Allowance", "StartedOn", "DueDate", "YellowFrom", "Paused", "NextAlertOn")
                SELECT a."Id", 'services.decision', 'services', a."Id", a."DepartmentId", a."Number" || ' ' || a."ItemName", NULL, '/review/' || a."Id", 0, a."LimitDays",
                       date(a."AcceptedAt", '+8 hours'), a."DueDate", a."YellowFrom", CASE WHEN a."Status" = 5 THEN 1 ELSE 0 END, CASE WHEN a."Status" = 5 THEN NULL ELSE a."NextAlertOn" END
                FROM svc_applications a WHERE a."Status" IN (2, 5) AND a."DueDate" IS NOT NULL AND a."YellowFrom" IS NOT NULL AND a."AcceptedAt" IS NOT NULL
                """);
            migrationBuilder.Sql("""
                INSERT INTO sys_deadlines ("SubjectId", "Kind", "Module", "RecordId", "DepartmentId", "Title", "Label", "Link", "Unit", "Allowance", "StartedOn", "DueDate", "YellowFrom", "Paused", "NextAlertOn")
                SELECT t."Id", 'services.stage', 'services', t."ApplicationId", t."DepartmentId", a."Number" || ' ' || a."ItemName", t."StageName", '/review/' || a."Id", 0, t."AllowanceDays",
                       t."StartedOn", t."DueDate", t."YellowFrom", t."Paused", CASE WHEN t."Paused" = 1 THEN NULL ELSE t."NextAlertOn" END
                FROM svc_stage_tasks t JOIN svc_applications a ON a."Id" = t."ApplicationId" WHERE t."State" = 0 AND a."Status" IN (2, 5)
                """);
            migrationBuilder.Sql("""
                INSERT INTO sys_deadline_alerts ("SubjectId", "Kind", "Level", "DueDate", "Module", "RecordId", "DepartmentId", "Title", "Label", "Link", "RaisedAt", "ReadAt")
                SELECT al."SubjectId", CASE WHEN al."StageName" IS NULL THEN 'services.decision' ELSE 'services.stage' END, al."Level", al."DueDate", 'services',
                       al."ApplicationId", al."DepartmentId", a."Number" || ' ' || a."ItemName", al."StageName", '/review/' || a."Id", al."RaisedAt", al."ReadAt"
                FROM svc_deadline_alerts al JOIN svc_applications a ON a."Id" = al."ApplicationId"
                """);

            migrationBuilder.DropTable(
                name: "svc_deadline_alerts");

            migrationBuilder.DropIndex(
                name: "IX_svc_stage_tasks_State_Paused_NextAlertOn",
                table: "svc_stage_tasks");

            migrationBuilder.DropIndex(
                name: "IX_svc_applications_Status_NextAlertOn",
                table: "svc_applications");

            migrationBuilder.DropColumn(
                name: "NextAlertOn",
                table: "svc_stage_tasks");

            migrationBuilder.DropColumn(
                name: "NextAlertOn",
                table: "svc_applications");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "sys_deadline_alerts");

            migrationBuilder.DropTable(
                name: "sys_deadlines");

            migrationBuilder.AddColumn<DateOnly>(
                name: "NextAlertOn",
                table: "svc_stage_tasks",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "NextAlertOn",
                table: "svc_applications",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "svc_deadline_alerts",
                columns: table => new
                {
                    SubjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Level = table.Column<int>(type: "INTEGER", nullable: false),
                    DueDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DepartmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RaisedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ReadAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    StageName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_svc_deadline_alerts", x => new { x.SubjectId, x.Level, x.DueDate });
                });

            migrationBuilder.CreateIndex(
                name: "IX_svc_stage_tasks_State_Paused_NextAlertOn",
                table: "svc_stage_tasks",
                columns: new[] { "State", "Paused", "NextAlertOn" });

            migrationBuilder.CreateIndex(
                name: "IX_svc_applications_Status_NextAlertOn",
                table: "svc_applications",
                columns: new[] { "Status", "NextAlertOn" });

            migrationBuilder.CreateIndex(
                name: "IX_svc_deadline_alerts_DepartmentId_RaisedAt",
                table: "svc_deadline_alerts",
                columns: new[] { "DepartmentId", "RaisedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_svc_deadline_alerts_RaisedAt",
                table: "svc_deadline_alerts",
                column: "RaisedAt");
        }
    }
}
