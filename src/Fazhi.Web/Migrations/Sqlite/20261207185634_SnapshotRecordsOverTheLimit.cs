using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fazhi.Web.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SnapshotRecordsOverTheLimit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "RecordsFrozen",
                table: "rpt_snapshot_figures",
                type: "INTEGER",
                nullable: false,
                defaultValue: true); // every snapshot before this froze its records one by one
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "RecordsFrozen",
                table: "rpt_snapshot_figures");
        }
    }
}
