using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fazhi.Web.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DeadlineClock : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "PausedSince",
                table: "svc_stage_tasks",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "SuspendedOn",
                table: "svc_applications",
                type: "date",
                nullable: true);

            // Clocks stopped before this migration: the day they stopped was not kept, only that they
            // stand; the stage's start stands in for it (the arithmetic reads only what was left).
            migrationBuilder.Sql("UPDATE svc_stage_tasks SET \"PausedSince\" = \"StartedOn\" WHERE \"Paused\" = " + (ActiveProvider.Contains("Sqlite") ? "1" : "TRUE"));
            migrationBuilder.Sql("UPDATE svc_applications SET \"SuspendedOn\" = (SELECT MAX(t.\"StartedOn\") FROM svc_stage_tasks t WHERE t.\"ApplicationId\" = svc_applications.\"Id\") WHERE \"Status\" = 5");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "PausedSince",
                table: "svc_stage_tasks");

            migrationBuilder.DropColumn(
                name: "SuspendedOn",
                table: "svc_applications");
        }
    }
}
