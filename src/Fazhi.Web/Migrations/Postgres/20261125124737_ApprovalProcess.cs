using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fazhi.Web.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ApprovalProcess : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "CompletedAt",
                table: "svc_applications",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "CorrectionInPerson",
                table: "svc_applications",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "Decision",
                table: "svc_applications",
                type: "character varying(10)",
                maxLength: 10,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DecisionReason",
                table: "svc_applications",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "DeliveredAt",
                table: "svc_applications",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "DeliveryDueDate",
                table: "svc_applications",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DeliveryMethod",
                table: "svc_applications",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ExtensionDays",
                table: "svc_applications",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "ExtensionReason",
                table: "svc_applications",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ExtensionRequestReason",
                table: "svc_applications",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ExtensionRequestedBy",
                table: "svc_applications",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "LastActedAt",
                table: "svc_applications",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LastActedBy",
                table: "svc_applications",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "LimitDays",
                table: "svc_applications",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<bool>(
                name: "OnTime",
                table: "svc_applications",
                type: "boolean",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "RemainingWhenSuspended",
                table: "svc_applications",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SuspensionKind",
                table: "svc_applications",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SuspensionReason",
                table: "svc_applications",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "WorkingDaysUsed",
                table: "svc_applications",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "YellowFrom",
                table: "svc_applications",
                type: "date",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "svc_complaints",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    Phone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    DepartmentId = table.Column<Guid>(type: "uuid", nullable: true),
                    ApplicationNumber = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Reply = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    HandledBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    HandledAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    RowVersion = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_svc_complaints", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "svc_deadline_alerts",
                columns: table => new
                {
                    SubjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    Level = table.Column<int>(type: "integer", nullable: false),
                    DueDate = table.Column<DateOnly>(type: "date", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "uuid", nullable: false),
                    DepartmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    StageName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    RaisedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ReadAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_svc_deadline_alerts", x => new { x.SubjectId, x.Level, x.DueDate });
                });

            migrationBuilder.CreateTable(
                name: "svc_evaluations",
                columns: table => new
                {
                    ApplicationId = table.Column<Guid>(type: "uuid", nullable: false),
                    ItemId = table.Column<Guid>(type: "uuid", nullable: false),
                    DepartmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Score = table.Column<int>(type: "integer", nullable: false),
                    Comment = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_svc_evaluations", x => x.ApplicationId);
                });

            migrationBuilder.CreateTable(
                name: "svc_notifications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "uuid", nullable: false),
                    CitizenId = table.Column<Guid>(type: "uuid", nullable: true),
                    Phone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Number = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ItemName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Note = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Channel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SentAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    LeaseUntil = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastError = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    ShownAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_svc_notifications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "svc_rectifications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "uuid", nullable: false),
                    DepartmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Score = table.Column<int>(type: "integer", nullable: false),
                    Comment = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    OpenedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DueDate = table.Column<DateOnly>(type: "date", nullable: false),
                    State = table.Column<int>(type: "integer", nullable: false),
                    Measures = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    RectifiedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    RectifiedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Feedback = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ClosedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ClosedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    RowVersion = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_svc_rectifications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "svc_stage_tasks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Stage = table.Column<int>(type: "integer", nullable: false),
                    StageName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    DepartmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    AllowanceDays = table.Column<int>(type: "integer", nullable: false),
                    StartedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    DueDate = table.Column<DateOnly>(type: "date", nullable: false),
                    YellowFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    State = table.Column<int>(type: "integer", nullable: false),
                    Paused = table.Column<bool>(type: "boolean", nullable: false),
                    RemainingWhenPaused = table.Column<int>(type: "integer", nullable: true),
                    ActedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ActedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_svc_stage_tasks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_svc_stage_tasks_svc_applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "svc_applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_svc_applications_ItemId_ReceivedAt",
                table: "svc_applications",
                columns: new[] { "ItemId", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_svc_applications_Status_YellowFrom",
                table: "svc_applications",
                columns: new[] { "Status", "YellowFrom" });

            migrationBuilder.CreateIndex(
                name: "IX_svc_complaints_At",
                table: "svc_complaints",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_svc_deadline_alerts_DepartmentId_RaisedAt",
                table: "svc_deadline_alerts",
                columns: new[] { "DepartmentId", "RaisedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_svc_deadline_alerts_RaisedAt",
                table: "svc_deadline_alerts",
                column: "RaisedAt");

            migrationBuilder.CreateIndex(
                name: "IX_svc_evaluations_DepartmentId_At",
                table: "svc_evaluations",
                columns: new[] { "DepartmentId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_svc_notifications_ApplicationId",
                table: "svc_notifications",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_svc_notifications_CitizenId_CreatedAt",
                table: "svc_notifications",
                columns: new[] { "CitizenId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_svc_notifications_SentAt_CreatedAt",
                table: "svc_notifications",
                columns: new[] { "SentAt", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_svc_rectifications_ApplicationId",
                table: "svc_rectifications",
                column: "ApplicationId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_svc_rectifications_DepartmentId_State",
                table: "svc_rectifications",
                columns: new[] { "DepartmentId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_svc_stage_tasks_ApplicationId",
                table: "svc_stage_tasks",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_svc_stage_tasks_DepartmentId_State_DueDate",
                table: "svc_stage_tasks",
                columns: new[] { "DepartmentId", "State", "DueDate" });

            migrationBuilder.CreateIndex(
                name: "IX_svc_stage_tasks_State_YellowFrom",
                table: "svc_stage_tasks",
                columns: new[] { "State", "YellowFrom" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "svc_complaints");

            migrationBuilder.DropTable(
                name: "svc_deadline_alerts");

            migrationBuilder.DropTable(
                name: "svc_evaluations");

            migrationBuilder.DropTable(
                name: "svc_notifications");

            migrationBuilder.DropTable(
                name: "svc_rectifications");

            migrationBuilder.DropTable(
                name: "svc_stage_tasks");

            migrationBuilder.DropIndex(
                name: "IX_svc_applications_ItemId_ReceivedAt",
                table: "svc_applications");

            migrationBuilder.DropIndex(
                name: "IX_svc_applications_Status_YellowFrom",
                table: "svc_applications");

            migrationBuilder.DropColumn(
                name: "CompletedAt",
                table: "svc_applications");

            migrationBuilder.DropColumn(
                name: "CorrectionInPerson",
                table: "svc_applications");

            migrationBuilder.DropColumn(
                name: "Decision",
                table: "svc_applications");

            migrationBuilder.DropColumn(
                name: "DecisionReason",
                table: "svc_applications");

            migrationBuilder.DropColumn(
                name: "DeliveredAt",
                table: "svc_applications");

            migrationBuilder.DropColumn(
                name: "DeliveryDueDate",
                table: "svc_applications");

            migrationBuilder.DropColumn(
                name: "DeliveryMethod",
                table: "svc_applications");

            migrationBuilder.DropColumn(
                name: "ExtensionDays",
                table: "svc_applications");

            migrationBuilder.DropColumn(
                name: "ExtensionReason",
                table: "svc_applications");

            migrationBuilder.DropColumn(
                name: "ExtensionRequestReason",
                table: "svc_applications");

            migrationBuilder.DropColumn(
                name: "ExtensionRequestedBy",
                table: "svc_applications");

            migrationBuilder.DropColumn(
                name: "LastActedAt",
                table: "svc_applications");

            migrationBuilder.DropColumn(
                name: "LastActedBy",
                table: "svc_applications");

            migrationBuilder.DropColumn(
                name: "LimitDays",
                table: "svc_applications");

            migrationBuilder.DropColumn(
                name: "OnTime",
                table: "svc_applications");

            migrationBuilder.DropColumn(
                name: "RemainingWhenSuspended",
                table: "svc_applications");

            migrationBuilder.DropColumn(
                name: "SuspensionKind",
                table: "svc_applications");

            migrationBuilder.DropColumn(
                name: "SuspensionReason",
                table: "svc_applications");

            migrationBuilder.DropColumn(
                name: "WorkingDaysUsed",
                table: "svc_applications");

            migrationBuilder.DropColumn(
                name: "YellowFrom",
                table: "svc_applications");
        }
    }
}
