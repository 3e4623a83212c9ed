using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fazhi.Web.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ComplaintHandling : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "AssignedAt",
                table: "svc_complaints",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AssignedBy",
                table: "svc_complaints",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "AssignedTo",
                table: "svc_complaints",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ClosedAt",
                table: "svc_complaints",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ClosedBy",
                table: "svc_complaints",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "QueryToken",
                table: "svc_complaints",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "State",
                table: "svc_complaints",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateIndex(
                name: "IX_svc_complaints_AssignedTo_State",
                table: "svc_complaints",
                columns: new[] { "AssignedTo", "State" });

            // Complaints sent before this version get their own unguessable link to the answer.
            migrationBuilder.Sql("UPDATE svc_complaints SET \"QueryToken\" = lower(hex(randomblob(18)))");

            migrationBuilder.CreateIndex(
                name: "IX_svc_complaints_QueryToken",
                table: "svc_complaints",
                column: "QueryToken",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_svc_complaints_AssignedTo_State",
                table: "svc_complaints");

            migrationBuilder.DropIndex(
                name: "IX_svc_complaints_QueryToken",
                table: "svc_complaints");

            migrationBuilder.DropColumn(
                name: "AssignedAt",
                table: "svc_complaints");

            migrationBuilder.DropColumn(
                name: "AssignedBy",
                table: "svc_complaints");

            migrationBuilder.DropColumn(
                name: "AssignedTo",
                table: "svc_complaints");

            migrationBuilder.DropColumn(
                name: "ClosedAt",
                table: "svc_complaints");

            migrationBuilder.DropColumn(
                name: "ClosedBy",
                table: "svc_complaints");

            migrationBuilder.DropColumn(
                name: "QueryToken",
                table: "svc_complaints");

            migrationBuilder.DropColumn(
                name: "State",
                table: "svc_complaints");
        }
    }
}
