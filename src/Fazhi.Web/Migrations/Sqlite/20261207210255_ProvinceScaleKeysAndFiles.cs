using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fazhi.Web.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ProvinceScaleKeysAndFiles : Migration
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

            migrationBuilder.CreateTable(
                name: "sys_dp_keys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FriendlyName = table.Column<string>(type: "TEXT", nullable: true),
                    Xml = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sys_dp_keys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "sys_file_chunks",
                columns: table => new
                {
                    Key = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Seq = table.Column<int>(type: "INTEGER", nullable: false),
                    Data = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sys_file_chunks", x => new { x.Key, x.Seq });
                });

            migrationBuilder.CreateTable(
                name: "sys_files",
                columns: table => new
                {
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    Chunks = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sys_files", x => x.Sha256);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "sys_dp_keys");

            migrationBuilder.DropTable(
                name: "sys_file_chunks");

            migrationBuilder.DropTable(
                name: "sys_files");

            migrationBuilder.DropColumn(
                name: "RecordsFrozen",
                table: "rpt_snapshot_figures");
        }
    }
}
