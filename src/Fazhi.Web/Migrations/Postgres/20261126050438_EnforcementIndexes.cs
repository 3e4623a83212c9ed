using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fazhi.Web.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class EnforcementIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_enf_publications_DepartmentId_Status_PublishedOn",
                table: "enf_publications");

            migrationBuilder.DropIndex(
                name: "IX_enf_publications_Status_PublishedOn",
                table: "enf_publications");

            migrationBuilder.CreateIndex(
                name: "IX_enf_publications_DepartmentId_Status_PublishedOn_Id",
                table: "enf_publications",
                columns: new[] { "DepartmentId", "Status", "PublishedOn", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_enf_publications_Status_PublishedOn_Id",
                table: "enf_publications",
                columns: new[] { "Status", "PublishedOn", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_enf_publications_DepartmentId_Status_PublishedOn_Id",
                table: "enf_publications");

            migrationBuilder.DropIndex(
                name: "IX_enf_publications_Status_PublishedOn_Id",
                table: "enf_publications");

            migrationBuilder.CreateIndex(
                name: "IX_enf_publications_DepartmentId_Status_PublishedOn",
                table: "enf_publications",
                columns: new[] { "DepartmentId", "Status", "PublishedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_enf_publications_Status_PublishedOn",
                table: "enf_publications",
                columns: new[] { "Status", "PublishedOn" });
        }
    }
}
