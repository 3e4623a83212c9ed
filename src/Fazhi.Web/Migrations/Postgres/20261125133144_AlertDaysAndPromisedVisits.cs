using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fazhi.Web.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AlertDaysAndPromisedVisits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_svc_stage_tasks_State_YellowFrom",
                table: "svc_stage_tasks");

            migrationBuilder.DropIndex(
                name: "IX_svc_applications_Status_YellowFrom",
                table: "svc_applications");

            migrationBuilder.AddColumn<DateOnly>(
                name: "NextAlertOn",
                table: "svc_stage_tasks",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "NextAlertOn",
                table: "svc_applications",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PromisedVisits",
                table: "svc_applications",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateIndex(
                name: "IX_svc_stage_tasks_State_Paused_NextAlertOn",
                table: "svc_stage_tasks",
                columns: new[] { "State", "Paused", "NextAlertOn" });

            migrationBuilder.CreateIndex(
                name: "IX_svc_applications_Status_NextAlertOn",
                table: "svc_applications",
                columns: new[] { "Status", "NextAlertOn" });

            // Existing applications keep the promise of the version they were taken under, and open
            // deadlines are looked at again by the monitor (its alert key stops a repeat).
            migrationBuilder.Sql("UPDATE svc_applications SET \"PromisedVisits\" = (SELECT v.\"MaxVisits\" FROM svc_item_versions v WHERE v.\"Id\" = svc_applications.\"ItemVersionId\")");
            migrationBuilder.Sql("UPDATE svc_applications SET \"NextAlertOn\" = \"YellowFrom\" WHERE \"Status\" = 2");
            migrationBuilder.Sql("UPDATE svc_stage_tasks SET \"NextAlertOn\" = \"YellowFrom\" WHERE \"State\" = 0");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
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

            migrationBuilder.DropColumn(
                name: "PromisedVisits",
                table: "svc_applications");

            migrationBuilder.CreateIndex(
                name: "IX_svc_stage_tasks_State_YellowFrom",
                table: "svc_stage_tasks",
                columns: new[] { "State", "YellowFrom" });

            migrationBuilder.CreateIndex(
                name: "IX_svc_applications_Status_YellowFrom",
                table: "svc_applications",
                columns: new[] { "Status", "YellowFrom" });
        }
    }
}
