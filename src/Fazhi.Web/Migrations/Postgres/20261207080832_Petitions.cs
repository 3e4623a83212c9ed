using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fazhi.Web.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Petitions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "CodeAttempts",
                table: "svc_citizens",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTime>(
                name: "CodeExpires",
                table: "svc_citizens",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CodeHash",
                table: "svc_citizens",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "PhoneVerifiedAt",
                table: "svc_citizens",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PhoneLookup",
                table: "med_parties",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "AidApplicationId",
                table: "med_cases",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AidNumber",
                table: "med_cases",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReferredFromLink",
                table: "med_cases",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ApplicantPhoneLookup",
                table: "aid_applications",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReferredFrom",
                table: "aid_applications",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReferredFromLink",
                table: "aid_applications",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "pet_petitions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    QueryToken = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    RequestId = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    DepartmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    HandlerDepartmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Channel = table.Column<int>(type: "integer", nullable: false),
                    Class = table.Column<int>(type: "integer", nullable: false),
                    Category = table.Column<int>(type: "integer", nullable: false),
                    Subject = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Request = table.Column<string>(type: "text", nullable: false),
                    Facts = table.Column<string>(type: "text", nullable: false),
                    Reasons = table.Column<string>(type: "text", nullable: false),
                    PetitionerName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    PetitionerIdNumber = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    PetitionerPhone = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    PetitionerAddress = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    IdLookup = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    PhoneLookup = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    SealedName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    SealedIdNumber = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    SealedPhone = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    SealedAddress = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    GroupSize = table.Column<int>(type: "integer", nullable: false),
                    Representatives = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    RepeatOfId = table.Column<Guid>(type: "uuid", nullable: true),
                    RepeatOfNumber = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    ClosedAsRepeat = table.Column<bool>(type: "boolean", nullable: false),
                    ReceivedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ReceivedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    HandlerName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    RoutedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    SentBack = table.Column<int>(type: "integer", nullable: false),
                    DecidedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DecisionReason = table.Column<string>(type: "text", nullable: true),
                    Route = table.Column<int>(type: "integer", nullable: true),
                    ExtensionReason = table.Column<string>(type: "text", nullable: true),
                    AnsweredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    AnsweredInTime = table.Column<bool>(type: "boolean", nullable: true),
                    Opinion = table.Column<string>(type: "text", nullable: true),
                    ReviewRequestedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ReviewBody = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ReviewOpinion = table.Column<string>(type: "text", nullable: true),
                    ReviewUpheld = table.Column<bool>(type: "boolean", nullable: true),
                    ReviewedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ReReviewRequestedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ReReviewBody = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ReReviewOpinion = table.Column<string>(type: "text", nullable: true),
                    ReReviewUpheld = table.Column<bool>(type: "boolean", nullable: true),
                    ReReviewedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    MediationCaseId = table.Column<Guid>(type: "uuid", nullable: true),
                    MediationNumber = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    ReferredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Rating = table.Column<int>(type: "integer", nullable: true),
                    RatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Open311Client = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    RowVersion = table.Column<Guid>(type: "uuid", nullable: false),
                    ChangedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: true),
                    AnswerAllowance = table.Column<int>(type: "integer", nullable: true),
                    AnswerDueDate = table.Column<DateOnly>(type: "date", nullable: true),
                    AnswerExtendedBy = table.Column<int>(type: "integer", nullable: true),
                    AnswerExtensions = table.Column<int>(type: "integer", nullable: true),
                    AnswerPausedSince = table.Column<DateOnly>(type: "date", nullable: true),
                    AnswerRemainingWhenPaused = table.Column<int>(type: "integer", nullable: true),
                    AnswerStartedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    AnswerUnit = table.Column<int>(type: "integer", nullable: true),
                    AnswerYellowFrom = table.Column<DateOnly>(type: "date", nullable: true),
                    ReReviewAllowance = table.Column<int>(type: "integer", nullable: true),
                    ReReviewDueDate = table.Column<DateOnly>(type: "date", nullable: true),
                    ReReviewExtendedBy = table.Column<int>(type: "integer", nullable: true),
                    ReReviewExtensions = table.Column<int>(type: "integer", nullable: true),
                    ReReviewPausedSince = table.Column<DateOnly>(type: "date", nullable: true),
                    ReReviewRemainingWhenPaused = table.Column<int>(type: "integer", nullable: true),
                    ReReviewStartedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ReReviewUnit = table.Column<int>(type: "integer", nullable: true),
                    ReReviewYellowFrom = table.Column<DateOnly>(type: "date", nullable: true),
                    ReReviewWindowAllowance = table.Column<int>(type: "integer", nullable: true),
                    ReReviewWindowDueDate = table.Column<DateOnly>(type: "date", nullable: true),
                    ReReviewWindowExtendedBy = table.Column<int>(type: "integer", nullable: true),
                    ReReviewWindowExtensions = table.Column<int>(type: "integer", nullable: true),
                    ReReviewWindowPausedSince = table.Column<DateOnly>(type: "date", nullable: true),
                    ReReviewWindowRemainingWhenPaused = table.Column<int>(type: "integer", nullable: true),
                    ReReviewWindowStartedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ReReviewWindowUnit = table.Column<int>(type: "integer", nullable: true),
                    ReReviewWindowYellowFrom = table.Column<DateOnly>(type: "date", nullable: true),
                    ReviewAllowance = table.Column<int>(type: "integer", nullable: true),
                    ReviewDueDate = table.Column<DateOnly>(type: "date", nullable: true),
                    ReviewExtendedBy = table.Column<int>(type: "integer", nullable: true),
                    ReviewExtensions = table.Column<int>(type: "integer", nullable: true),
                    ReviewPausedSince = table.Column<DateOnly>(type: "date", nullable: true),
                    ReviewRemainingWhenPaused = table.Column<int>(type: "integer", nullable: true),
                    ReviewStartedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ReviewUnit = table.Column<int>(type: "integer", nullable: true),
                    ReviewYellowFrom = table.Column<DateOnly>(type: "date", nullable: true),
                    ReviewWindowAllowance = table.Column<int>(type: "integer", nullable: true),
                    ReviewWindowDueDate = table.Column<DateOnly>(type: "date", nullable: true),
                    ReviewWindowExtendedBy = table.Column<int>(type: "integer", nullable: true),
                    ReviewWindowExtensions = table.Column<int>(type: "integer", nullable: true),
                    ReviewWindowPausedSince = table.Column<DateOnly>(type: "date", nullable: true),
                    ReviewWindowRemainingWhenPaused = table.Column<int>(type: "integer", nullable: true),
                    ReviewWindowStartedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ReviewWindowUnit = table.Column<int>(type: "integer", nullable: true),
                    ReviewWindowYellowFrom = table.Column<DateOnly>(type: "date", nullable: true),
                    RouteAllowance = table.Column<int>(type: "integer", nullable: false),
                    RouteDueDate = table.Column<DateOnly>(type: "date", nullable: false),
                    RouteExtendedBy = table.Column<int>(type: "integer", nullable: false),
                    RouteExtensions = table.Column<int>(type: "integer", nullable: false),
                    RoutePausedSince = table.Column<DateOnly>(type: "date", nullable: true),
                    RouteRemainingWhenPaused = table.Column<int>(type: "integer", nullable: true),
                    RouteStartedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    RouteUnit = table.Column<int>(type: "integer", nullable: false),
                    RouteYellowFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    SendBackAllowance = table.Column<int>(type: "integer", nullable: true),
                    SendBackDueDate = table.Column<DateOnly>(type: "date", nullable: true),
                    SendBackExtendedBy = table.Column<int>(type: "integer", nullable: true),
                    SendBackExtensions = table.Column<int>(type: "integer", nullable: true),
                    SendBackPausedSince = table.Column<DateOnly>(type: "date", nullable: true),
                    SendBackRemainingWhenPaused = table.Column<int>(type: "integer", nullable: true),
                    SendBackStartedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    SendBackUnit = table.Column<int>(type: "integer", nullable: true),
                    SendBackYellowFrom = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pet_petitions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "pet_oversights",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    By = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Request = table.Column<string>(type: "text", nullable: false),
                    AnsweredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Answer = table.Column<string>(type: "text", nullable: true),
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
                    table.PrimaryKey("PK_pet_oversights", x => x.Id);
                    table.ForeignKey(
                        name: "FK_pet_oversights_pet_petitions_CaseId",
                        column: x => x.CaseId,
                        principalTable: "pet_petitions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "pet_steps",
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
                    table.PrimaryKey("PK_pet_steps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_pet_steps_pet_petitions_CaseId",
                        column: x => x.CaseId,
                        principalTable: "pet_petitions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_med_parties_PhoneLookup",
                table: "med_parties",
                column: "PhoneLookup");

            migrationBuilder.CreateIndex(
                name: "IX_aid_applications_ApplicantPhoneLookup",
                table: "aid_applications",
                column: "ApplicantPhoneLookup");

            migrationBuilder.CreateIndex(
                name: "IX_pet_oversights_CaseId",
                table: "pet_oversights",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_pet_petitions_AnsweredAt_AnsweredInTime",
                table: "pet_petitions",
                columns: new[] { "AnsweredAt", "AnsweredInTime" });

            migrationBuilder.CreateIndex(
                name: "IX_pet_petitions_ChangedAt",
                table: "pet_petitions",
                column: "ChangedAt");

            migrationBuilder.CreateIndex(
                name: "IX_pet_petitions_DepartmentId_ReceivedAt",
                table: "pet_petitions",
                columns: new[] { "DepartmentId", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_pet_petitions_HandlerDepartmentId_Status",
                table: "pet_petitions",
                columns: new[] { "HandlerDepartmentId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_pet_petitions_IdLookup_Category",
                table: "pet_petitions",
                columns: new[] { "IdLookup", "Category" });

            migrationBuilder.CreateIndex(
                name: "IX_pet_petitions_MediationCaseId",
                table: "pet_petitions",
                column: "MediationCaseId");

            migrationBuilder.CreateIndex(
                name: "IX_pet_petitions_Number",
                table: "pet_petitions",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_pet_petitions_PhoneLookup_Category",
                table: "pet_petitions",
                columns: new[] { "PhoneLookup", "Category" });

            migrationBuilder.CreateIndex(
                name: "IX_pet_petitions_QueryToken",
                table: "pet_petitions",
                column: "QueryToken",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_pet_petitions_ReceivedAt_Channel_Class_Category_Status_Repe~",
                table: "pet_petitions",
                columns: new[] { "ReceivedAt", "Channel", "Class", "Category", "Status", "RepeatOfId", "GroupSize", "Rating", "MediationCaseId" });

            migrationBuilder.CreateIndex(
                name: "IX_pet_petitions_RequestId",
                table: "pet_petitions",
                column: "RequestId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_pet_petitions_ReReviewRequestedAt",
                table: "pet_petitions",
                column: "ReReviewRequestedAt");

            migrationBuilder.CreateIndex(
                name: "IX_pet_petitions_ReviewRequestedAt",
                table: "pet_petitions",
                column: "ReviewRequestedAt");

            migrationBuilder.CreateIndex(
                name: "IX_pet_petitions_Status_DueOn",
                table: "pet_petitions",
                columns: new[] { "Status", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_pet_steps_CaseId_Sequence",
                table: "pet_steps",
                columns: new[] { "CaseId", "Sequence" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "pet_oversights");

            migrationBuilder.DropTable(
                name: "pet_steps");

            migrationBuilder.DropTable(
                name: "pet_petitions");

            migrationBuilder.DropIndex(
                name: "IX_med_parties_PhoneLookup",
                table: "med_parties");

            migrationBuilder.DropIndex(
                name: "IX_aid_applications_ApplicantPhoneLookup",
                table: "aid_applications");

            migrationBuilder.DropColumn(
                name: "CodeAttempts",
                table: "svc_citizens");

            migrationBuilder.DropColumn(
                name: "CodeExpires",
                table: "svc_citizens");

            migrationBuilder.DropColumn(
                name: "CodeHash",
                table: "svc_citizens");

            migrationBuilder.DropColumn(
                name: "PhoneVerifiedAt",
                table: "svc_citizens");

            migrationBuilder.DropColumn(
                name: "PhoneLookup",
                table: "med_parties");

            migrationBuilder.DropColumn(
                name: "AidApplicationId",
                table: "med_cases");

            migrationBuilder.DropColumn(
                name: "AidNumber",
                table: "med_cases");

            migrationBuilder.DropColumn(
                name: "ReferredFromLink",
                table: "med_cases");

            migrationBuilder.DropColumn(
                name: "ApplicantPhoneLookup",
                table: "aid_applications");

            migrationBuilder.DropColumn(
                name: "ReferredFrom",
                table: "aid_applications");

            migrationBuilder.DropColumn(
                name: "ReferredFromLink",
                table: "aid_applications");
        }
    }
}
