using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fazhi.Web.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class MediationStatisticsIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_med_cases_ClosedAt_CommitteeId_Type_Status_Source",
                table: "med_cases");

            migrationBuilder.AddColumn<int>(
                name: "AgreementKind",
                table: "med_cases",
                type: "integer",
                nullable: true);

            // Cases settled before the column existed take their agreement's kind.
            migrationBuilder.Sql("UPDATE med_cases SET \"AgreementKind\" = (SELECT a.\"Kind\" FROM med_agreements a WHERE a.\"CaseId\" = med_cases.\"Id\")");


            migrationBuilder.CreateIndex(
                name: "IX_med_cases_ApprovedAt",
                table: "med_cases",
                column: "ApprovedAt");

            migrationBuilder.CreateIndex(
                name: "IX_med_cases_ClosedAt_DepartmentId_CommitteeId_Type_Status_Sou~",
                table: "med_cases",
                columns: new[] { "ClosedAt", "DepartmentId", "CommitteeId", "Type", "Status", "Source", "AgreementKind" });

            migrationBuilder.CreateIndex(
                name: "IX_med_cases_Status",
                table: "med_cases",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_med_agreements_ConfirmationAppliedOn",
                table: "med_agreements",
                column: "ConfirmationAppliedOn");

            migrationBuilder.CreateIndex(
                name: "IX_med_agreements_CourtDecidedOn",
                table: "med_agreements",
                column: "CourtDecidedOn");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_med_cases_ApprovedAt",
                table: "med_cases");

            migrationBuilder.DropIndex(
                name: "IX_med_cases_ClosedAt_DepartmentId_CommitteeId_Type_Status_Sou~",
                table: "med_cases");

            migrationBuilder.DropIndex(
                name: "IX_med_cases_Status",
                table: "med_cases");

            migrationBuilder.DropIndex(
                name: "IX_med_agreements_ConfirmationAppliedOn",
                table: "med_agreements");

            migrationBuilder.DropIndex(
                name: "IX_med_agreements_CourtDecidedOn",
                table: "med_agreements");

            migrationBuilder.DropColumn(
                name: "AgreementKind",
                table: "med_cases");

            migrationBuilder.CreateIndex(
                name: "IX_med_cases_ClosedAt_CommitteeId_Type_Status_Source",
                table: "med_cases",
                columns: new[] { "ClosedAt", "CommitteeId", "Type", "Status", "Source" });
        }
    }
}
