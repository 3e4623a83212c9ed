using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fazhi.Web.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Publicity : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "pub_businesses",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CreditCode = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: false),
                    CommunityId = table.Column<Guid>(type: "uuid", nullable: false),
                    CommunityName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    RegisteredOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Active = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pub_businesses", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "pub_duty_reports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    DepartmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    DepartmentName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    HeadName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Text = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    FileSha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    FileType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    HeardAt = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    HeardOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Evaluation = table.Column<int>(type: "integer", nullable: true),
                    EvaluationNote = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    EvaluatedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    SubmittedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RowVersion = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pub_duty_reports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "pub_events",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ReportId = table.Column<Guid>(type: "uuid", nullable: false),
                    DepartmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    ReporterName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Place = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Organiser = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Law = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Audience = table.Column<int>(type: "integer", nullable: false),
                    PeopleReached = table.Column<int>(type: "integer", nullable: false),
                    Printed = table.Column<int>(type: "integer", nullable: false),
                    HandedOut = table.Column<int>(type: "integer", nullable: false),
                    SchoolId = table.Column<Guid>(type: "uuid", nullable: true),
                    SiteId = table.Column<Guid>(type: "uuid", nullable: true),
                    Fingerprint = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pub_events", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "pub_exams",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "date", nullable: false),
                    FullMarks = table.Column<decimal>(type: "numeric(6,2)", precision: 6, scale: 2, nullable: false),
                    PassMark = table.Column<decimal>(type: "numeric(6,2)", precision: 6, scale: 2, nullable: false),
                    ExcellentMark = table.Column<decimal>(type: "numeric(6,2)", precision: 6, scale: 2, nullable: false),
                    RowVersion = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pub_exams", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "pub_letters",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Level = table.Column<int>(type: "integer", nullable: false),
                    DepartmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    SignerName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CounterpartId = table.Column<Guid>(type: "uuid", nullable: true),
                    BusinessId = table.Column<Guid>(type: "uuid", nullable: true),
                    CounterpartName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SignedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    FileSha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CounterpartKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pub_letters", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "pub_lists",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DepartmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    DepartmentName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    EffectiveTo = table.Column<DateOnly>(type: "date", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    RowVersion = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pub_lists", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "pub_posts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ReportId = table.Column<Guid>(type: "uuid", nullable: false),
                    DepartmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    ReporterName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Channel = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Link = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Fingerprint = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pub_posts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "pub_reporters",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    FirstMonth = table.Column<DateOnly>(type: "date", nullable: false),
                    OwedMonth = table.Column<DateOnly>(type: "date", nullable: false),
                    Active = table.Column<bool>(type: "boolean", nullable: false),
                    RowVersion = table.Column<Guid>(type: "uuid", nullable: false),
                    DueAllowance = table.Column<int>(type: "integer", nullable: false),
                    DueDueDate = table.Column<DateOnly>(type: "date", nullable: false),
                    DueExtendedBy = table.Column<int>(type: "integer", nullable: false),
                    DueExtensions = table.Column<int>(type: "integer", nullable: false),
                    DuePausedSince = table.Column<DateOnly>(type: "date", nullable: true),
                    DueRemainingWhenPaused = table.Column<int>(type: "integer", nullable: true),
                    DueStartedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    DueUnit = table.Column<int>(type: "integer", nullable: false),
                    DueYellowFrom = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pub_reporters", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "pub_reports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DepartmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    ReporterName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Month = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ConfirmedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ConfirmedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    RowVersion = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pub_reports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "pub_schools",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    CommunityId = table.Column<Guid>(type: "uuid", nullable: true),
                    CommunityName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    StudyCornerOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Active = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pub_schools", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "pub_sessions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    DepartmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    DepartmentName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Topic = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Place = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Speaker = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pub_sessions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "pub_sites",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Level = table.Column<int>(type: "integer", nullable: false),
                    CommunityId = table.Column<Guid>(type: "uuid", nullable: true),
                    CommunityName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    OpenedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pub_sites", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "pub_work_points",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Text = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    IssuedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    RowVersion = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pub_work_points", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "pub_event_photos",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    EventId = table.Column<Guid>(type: "uuid", nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pub_event_photos", x => x.Id);
                    table.ForeignKey(
                        name: "FK_pub_event_photos_pub_events_EventId",
                        column: x => x.EventId,
                        principalTable: "pub_events",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "pub_exam_candidates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ExamId = table.Column<Guid>(type: "uuid", nullable: false),
                    StaffId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    DepartmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    DepartmentName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ExemptReason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Score = table.Column<decimal>(type: "numeric(6,2)", precision: 6, scale: 2, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pub_exam_candidates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_pub_exam_candidates_pub_exams_ExamId",
                        column: x => x.ExamId,
                        principalTable: "pub_exams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "pub_list_items",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ListId = table.Column<Guid>(type: "uuid", nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false),
                    Law = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Audience = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Method = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pub_list_items", x => x.Id);
                    table.ForeignKey(
                        name: "FK_pub_list_items_pub_lists_ListId",
                        column: x => x.ListId,
                        principalTable: "pub_lists",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "pub_report_steps",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    Sequence = table.Column<int>(type: "integer", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Actor = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ActorName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Note = table.Column<string>(type: "text", nullable: true),
                    PreviousHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, defaultValue: ""),
                    Hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, defaultValue: "")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pub_report_steps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_pub_report_steps_pub_reports_CaseId",
                        column: x => x.CaseId,
                        principalTable: "pub_reports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "pub_session_attendees",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SessionId = table.Column<Guid>(type: "uuid", nullable: false),
                    StaffId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    DepartmentName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pub_session_attendees", x => x.Id);
                    table.ForeignKey(
                        name: "FK_pub_session_attendees_pub_sessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "pub_sessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_pub_businesses_CommunityId",
                table: "pub_businesses",
                column: "CommunityId");

            migrationBuilder.CreateIndex(
                name: "IX_pub_businesses_CreditCode",
                table: "pub_businesses",
                column: "CreditCode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_pub_duty_reports_DepartmentId_Year",
                table: "pub_duty_reports",
                columns: new[] { "DepartmentId", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_pub_event_photos_EventId_Sha256",
                table: "pub_event_photos",
                columns: new[] { "EventId", "Sha256" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_pub_events_Date",
                table: "pub_events",
                column: "Date");

            migrationBuilder.CreateIndex(
                name: "IX_pub_events_DepartmentId_Fingerprint",
                table: "pub_events",
                columns: new[] { "DepartmentId", "Fingerprint" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_pub_events_ReportId_Date",
                table: "pub_events",
                columns: new[] { "ReportId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_pub_events_SchoolId",
                table: "pub_events",
                column: "SchoolId");

            migrationBuilder.CreateIndex(
                name: "IX_pub_exam_candidates_ExamId_StaffId",
                table: "pub_exam_candidates",
                columns: new[] { "ExamId", "StaffId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_pub_exams_Year",
                table: "pub_exams",
                column: "Year",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_pub_letters_DepartmentId_Year",
                table: "pub_letters",
                columns: new[] { "DepartmentId", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_pub_letters_Year_BusinessId",
                table: "pub_letters",
                columns: new[] { "Year", "BusinessId" });

            migrationBuilder.CreateIndex(
                name: "IX_pub_letters_Year_Level_CounterpartKey",
                table: "pub_letters",
                columns: new[] { "Year", "Level", "CounterpartKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_pub_list_items_ListId",
                table: "pub_list_items",
                column: "ListId");

            migrationBuilder.CreateIndex(
                name: "IX_pub_lists_DepartmentId_EffectiveFrom",
                table: "pub_lists",
                columns: new[] { "DepartmentId", "EffectiveFrom" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_pub_lists_Year",
                table: "pub_lists",
                column: "Year");

            migrationBuilder.CreateIndex(
                name: "IX_pub_posts_Date",
                table: "pub_posts",
                column: "Date");

            migrationBuilder.CreateIndex(
                name: "IX_pub_posts_DepartmentId_Fingerprint",
                table: "pub_posts",
                columns: new[] { "DepartmentId", "Fingerprint" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_pub_posts_ReportId_Date",
                table: "pub_posts",
                columns: new[] { "ReportId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_pub_report_steps_CaseId_Sequence",
                table: "pub_report_steps",
                columns: new[] { "CaseId", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_pub_reports_DepartmentId_Month",
                table: "pub_reports",
                columns: new[] { "DepartmentId", "Month" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_pub_reports_Status_Month",
                table: "pub_reports",
                columns: new[] { "Status", "Month" });

            migrationBuilder.CreateIndex(
                name: "IX_pub_schools_Name",
                table: "pub_schools",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_pub_session_attendees_SessionId_StaffId",
                table: "pub_session_attendees",
                columns: new[] { "SessionId", "StaffId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_pub_sessions_DepartmentId_Kind_Date_Topic",
                table: "pub_sessions",
                columns: new[] { "DepartmentId", "Kind", "Date", "Topic" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_pub_sessions_Kind_Date",
                table: "pub_sessions",
                columns: new[] { "Kind", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_pub_sites_Name",
                table: "pub_sites",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_pub_work_points_Year",
                table: "pub_work_points",
                column: "Year",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "pub_businesses");

            migrationBuilder.DropTable(
                name: "pub_duty_reports");

            migrationBuilder.DropTable(
                name: "pub_event_photos");

            migrationBuilder.DropTable(
                name: "pub_exam_candidates");

            migrationBuilder.DropTable(
                name: "pub_letters");

            migrationBuilder.DropTable(
                name: "pub_list_items");

            migrationBuilder.DropTable(
                name: "pub_posts");

            migrationBuilder.DropTable(
                name: "pub_report_steps");

            migrationBuilder.DropTable(
                name: "pub_reporters");

            migrationBuilder.DropTable(
                name: "pub_schools");

            migrationBuilder.DropTable(
                name: "pub_session_attendees");

            migrationBuilder.DropTable(
                name: "pub_sites");

            migrationBuilder.DropTable(
                name: "pub_work_points");

            migrationBuilder.DropTable(
                name: "pub_events");

            migrationBuilder.DropTable(
                name: "pub_exams");

            migrationBuilder.DropTable(
                name: "pub_lists");

            migrationBuilder.DropTable(
                name: "pub_reports");

            migrationBuilder.DropTable(
                name: "pub_sessions");
        }
    }
}
