using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fazhi.Web.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Services : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "svc_items",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    CurrentVersionId = table.Column<Guid>(type: "uuid", nullable: false),
                    CurrentVersion = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    DepartmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Theme = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Online = table.Column<bool>(type: "boolean", nullable: false),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false),
                    RowVersion = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_svc_items", x => x.Id);
                    table.ForeignKey(
                        name: "FK_svc_items_org_nodes_DepartmentId",
                        column: x => x.DepartmentId,
                        principalTable: "org_nodes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "svc_number_sequences",
                columns: table => new
                {
                    Series = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Next = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_svc_number_sequences", x => x.Series);
                });

            migrationBuilder.CreateTable(
                name: "svc_item_versions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ItemId = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    PublishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    DepartmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    LegalBasis = table.Column<string>(type: "text", nullable: false),
                    Conditions = table.Column<string>(type: "text", nullable: false),
                    Materials = table.Column<string>(type: "text", nullable: false),
                    Fees = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    StatutoryLimitDays = table.Column<int>(type: "integer", nullable: false),
                    CommittedLimitDays = table.Column<int>(type: "integer", nullable: false),
                    Place = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Hours = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Online = table.Column<bool>(type: "boolean", nullable: false),
                    MaxVisits = table.Column<int>(type: "integer", nullable: false),
                    Theme = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Stages = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_svc_item_versions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_svc_item_versions_svc_items_ItemId",
                        column: x => x.ItemId,
                        principalTable: "svc_items",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "svc_applications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    QueryToken = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    IdempotencyKey = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ItemId = table.Column<Guid>(type: "uuid", nullable: false),
                    ItemVersionId = table.Column<Guid>(type: "uuid", nullable: false),
                    ItemName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    DepartmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    IntakeDepartmentId = table.Column<Guid>(type: "uuid", nullable: true),
                    Channel = table.Column<int>(type: "integer", nullable: false),
                    WindowId = table.Column<Guid>(type: "uuid", nullable: true),
                    ClerkId = table.Column<Guid>(type: "uuid", nullable: true),
                    CitizenId = table.Column<Guid>(type: "uuid", nullable: true),
                    ApplicantKind = table.Column<int>(type: "integer", nullable: false),
                    ApplicantName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    IdNumber = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: true),
                    CreditCode = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: true),
                    Phone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ContactName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    IdentifierTail = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    ReceivedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    AcceptedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DueDate = table.Column<DateOnly>(type: "date", nullable: true),
                    Visits = table.Column<int>(type: "integer", nullable: false),
                    CurrentStage = table.Column<int>(type: "integer", nullable: true),
                    Materials = table.Column<string>(type: "text", nullable: false),
                    CorrectionItems = table.Column<string>(type: "text", nullable: false),
                    RefusalReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    RowVersion = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_svc_applications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_svc_applications_svc_item_versions_ItemVersionId",
                        column: x => x.ItemVersionId,
                        principalTable: "svc_item_versions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "svc_application_events",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Sequence = table.Column<int>(type: "integer", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    StageName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    DepartmentId = table.Column<Guid>(type: "uuid", nullable: true),
                    ActorName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Note = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_svc_application_events", x => x.Id);
                    table.ForeignKey(
                        name: "FK_svc_application_events_svc_applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "svc_applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_svc_application_events_ApplicationId_Sequence",
                table: "svc_application_events",
                columns: new[] { "ApplicationId", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_svc_applications_CitizenId",
                table: "svc_applications",
                column: "CitizenId");

            migrationBuilder.CreateIndex(
                name: "IX_svc_applications_DepartmentId",
                table: "svc_applications",
                column: "DepartmentId");

            migrationBuilder.CreateIndex(
                name: "IX_svc_applications_IdempotencyKey",
                table: "svc_applications",
                column: "IdempotencyKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_svc_applications_IntakeDepartmentId_ReceivedAt",
                table: "svc_applications",
                columns: new[] { "IntakeDepartmentId", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_svc_applications_ItemVersionId",
                table: "svc_applications",
                column: "ItemVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_svc_applications_Number",
                table: "svc_applications",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_svc_applications_QueryToken",
                table: "svc_applications",
                column: "QueryToken",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_svc_applications_Status_DueDate",
                table: "svc_applications",
                columns: new[] { "Status", "DueDate" });

            migrationBuilder.CreateIndex(
                name: "IX_svc_item_versions_ItemId_Version",
                table: "svc_item_versions",
                columns: new[] { "ItemId", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_svc_items_Code",
                table: "svc_items",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_svc_items_DepartmentId",
                table: "svc_items",
                column: "DepartmentId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "svc_application_events");

            migrationBuilder.DropTable(
                name: "svc_number_sequences");

            migrationBuilder.DropTable(
                name: "svc_applications");

            migrationBuilder.DropTable(
                name: "svc_item_versions");

            migrationBuilder.DropTable(
                name: "svc_items");
        }
    }
}
