using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fazhi.Web.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class HistoryOfTheSeedYear : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "OpenedOn",
                table: "med_rooms",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "StatusSince",
                table: "enf_officers",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "RenewedById",
                table: "doc_contracts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "enf_trainings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OfficerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DepartmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Course = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Hours = table.Column<decimal>(type: "TEXT", precision: 8, scale: 1, nullable: false),
                    Organiser = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_enf_trainings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_enf_trainings_enf_officers_OfficerId",
                        column: x => x.OfficerId,
                        principalTable: "enf_officers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_enf_trainings_HeldOn_OfficerId",
                table: "enf_trainings",
                columns: new[] { "HeldOn", "OfficerId" });

            migrationBuilder.CreateIndex(
                name: "IX_enf_trainings_OfficerId_HeldOn",
                table: "enf_trainings",
                columns: new[] { "OfficerId", "HeldOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "enf_trainings");

            migrationBuilder.DropColumn(
                name: "OpenedOn",
                table: "med_rooms");

            migrationBuilder.DropColumn(
                name: "StatusSince",
                table: "enf_officers");

            migrationBuilder.DropColumn(
                name: "RenewedById",
                table: "doc_contracts");
        }
    }
}
