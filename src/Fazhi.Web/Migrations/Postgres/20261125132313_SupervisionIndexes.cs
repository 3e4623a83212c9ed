using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fazhi.Web.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SupervisionIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_svc_stage_tasks_DepartmentId_State_DueDate",
                table: "svc_stage_tasks");

            migrationBuilder.CreateIndex(
                name: "IX_svc_stage_tasks_DepartmentId_State_Paused_DueDate",
                table: "svc_stage_tasks",
                columns: new[] { "DepartmentId", "State", "Paused", "DueDate" });

            migrationBuilder.CreateIndex(
                name: "IX_svc_applications_ReceivedAt",
                table: "svc_applications",
                column: "ReceivedAt");

            migrationBuilder.CreateIndex(
                name: "IX_svc_applications_Status_DepartmentId_ItemId_DueDate_YellowF~",
                table: "svc_applications",
                columns: new[] { "Status", "DepartmentId", "ItemId", "DueDate", "YellowFrom" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_svc_stage_tasks_DepartmentId_State_Paused_DueDate",
                table: "svc_stage_tasks");

            migrationBuilder.DropIndex(
                name: "IX_svc_applications_ReceivedAt",
                table: "svc_applications");

            migrationBuilder.DropIndex(
                name: "IX_svc_applications_Status_DepartmentId_ItemId_DueDate_YellowF~",
                table: "svc_applications");

            migrationBuilder.CreateIndex(
                name: "IX_svc_stage_tasks_DepartmentId_State_DueDate",
                table: "svc_stage_tasks",
                columns: new[] { "DepartmentId", "State", "DueDate" });
        }
    }
}
