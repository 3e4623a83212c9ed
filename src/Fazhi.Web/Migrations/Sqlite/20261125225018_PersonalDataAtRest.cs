using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fazhi.Web.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PersonalDataAtRest : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_svc_citizens_Phone",
                table: "svc_citizens");

            migrationBuilder.AddColumn<string>(
                name: "PhoneLookup",
                table: "svc_citizens",
                type: "TEXT",
                maxLength: 40,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "IdNumberLookup",
                table: "svc_applications",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "sys_settings",
                columns: table => new
                {
                    Key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Value = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sys_settings", x => x.Key);
                });

            // Each account gets a distinct stand-in until the platform, at its next start, writes the keyed
            // index of its phone (PersonalDataSealer): the values themselves are encrypted there too.
            migrationBuilder.Sql("UPDATE svc_citizens SET \"PhoneLookup\" = 'x' || \"Id\"");

            migrationBuilder.CreateIndex(
                name: "IX_svc_citizens_PhoneLookup",
                table: "svc_citizens",
                column: "PhoneLookup",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_svc_applications_IdNumberLookup",
                table: "svc_applications",
                column: "IdNumberLookup");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "sys_settings");

            migrationBuilder.DropIndex(
                name: "IX_svc_citizens_PhoneLookup",
                table: "svc_citizens");

            migrationBuilder.DropIndex(
                name: "IX_svc_applications_IdNumberLookup",
                table: "svc_applications");

            migrationBuilder.DropColumn(
                name: "PhoneLookup",
                table: "svc_citizens");

            migrationBuilder.DropColumn(
                name: "IdNumberLookup",
                table: "svc_applications");

            migrationBuilder.CreateIndex(
                name: "IX_svc_citizens_Phone",
                table: "svc_citizens",
                column: "Phone",
                unique: true);
        }
    }
}
