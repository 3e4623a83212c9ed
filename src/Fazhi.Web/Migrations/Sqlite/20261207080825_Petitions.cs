using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fazhi.Web.Migrations.Sqlite
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
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTime>(
                name: "CodeExpires",
                table: "svc_citizens",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CodeHash",
                table: "svc_citizens",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "PhoneVerifiedAt",
                table: "svc_citizens",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PhoneLookup",
                table: "med_parties",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "AidApplicationId",
                table: "med_cases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AidNumber",
                table: "med_cases",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReferredFromLink",
                table: "med_cases",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ApplicantPhoneLookup",
                table: "aid_applications",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReferredFrom",
                table: "aid_applications",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReferredFromLink",
                table: "aid_applications",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "pet_petitions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    QueryToken = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    RequestId = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    DepartmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    HandlerDepartmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Channel = table.Column<int>(type: "INTEGER", nullable: false),
                    Class = table.Column<int>(type: "INTEGER", nullable: false),
                    Category = table.Column<int>(type: "INTEGER", nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Request = table.Column<string>(type: "TEXT", nullable: false),
                    Facts = table.Column<string>(type: "TEXT", nullable: false),
                    Reasons = table.Column<string>(type: "TEXT", nullable: false),
                    PetitionerName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    PetitionerIdNumber = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    PetitionerPhone = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    PetitionerAddress = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    IdLookup = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    PhoneLookup = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    SealedName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    SealedIdNumber = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    SealedPhone = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    SealedAddress = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    GroupSize = table.Column<int>(type: "INTEGER", nullable: false),
                    Representatives = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    RepeatOfId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RepeatOfNumber = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    ClosedAsRepeat = table.Column<bool>(type: "INTEGER", nullable: false),
                    ReceivedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ReceivedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    HandlerName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    RoutedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SentBack = table.Column<int>(type: "INTEGER", nullable: false),
                    DecidedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DecisionReason = table.Column<string>(type: "TEXT", nullable: true),
                    Route = table.Column<int>(type: "INTEGER", nullable: true),
                    ExtensionReason = table.Column<string>(type: "TEXT", nullable: true),
                    AnsweredAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AnsweredInTime = table.Column<bool>(type: "INTEGER", nullable: true),
                    Opinion = table.Column<string>(type: "TEXT", nullable: true),
                    ReviewRequestedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ReviewBody = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ReviewOpinion = table.Column<string>(type: "TEXT", nullable: true),
                    ReviewUpheld = table.Column<bool>(type: "INTEGER", nullable: true),
                    ReviewedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ReReviewRequestedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ReReviewBody = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ReReviewOpinion = table.Column<string>(type: "TEXT", nullable: true),
                    ReReviewUpheld = table.Column<bool>(type: "INTEGER", nullable: true),
                    ReReviewedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    MediationCaseId = table.Column<Guid>(type: "TEXT", nullable: true),
                    MediationNumber = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    ReferredAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Rating = table.Column<int>(type: "INTEGER", nullable: true),
                    RatedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Open311Client = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    RowVersion = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChangedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    AnswerAllowance = table.Column<int>(type: "INTEGER", nullable: true),
                    AnswerDueDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    AnswerExtendedBy = table.Column<int>(type: "INTEGER", nullable: true),
                    AnswerExtensions = table.Column<int>(type: "INTEGER", nullable: true),
                    AnswerPausedSince = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    AnswerRemainingWhenPaused = table.Column<int>(type: "INTEGER", nullable: true),
                    AnswerStartedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    AnswerUnit = table.Column<int>(type: "INTEGER", nullable: true),
                    AnswerYellowFrom = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ReReviewAllowance = table.Column<int>(type: "INTEGER", nullable: true),
                    ReReviewDueDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ReReviewExtendedBy = table.Column<int>(type: "INTEGER", nullable: true),
                    ReReviewExtensions = table.Column<int>(type: "INTEGER", nullable: true),
                    ReReviewPausedSince = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ReReviewRemainingWhenPaused = table.Column<int>(type: "INTEGER", nullable: true),
                    ReReviewStartedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ReReviewUnit = table.Column<int>(type: "INTEGER", nullable: true),
                    ReReviewYellowFrom = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ReReviewWindowAllowance = table.Column<int>(type: "INTEGER", nullable: true),
                    ReReviewWindowDueDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ReReviewWindowExtendedBy = table.Column<int>(type: "INTEGER", nullable: true),
                    ReReviewWindowExtensions = table.Column<int>(type: "INTEGER", nullable: true),
                    ReReviewWindowPausedSince = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ReReviewWindowRemainingWhenPaused = table.Column<int>(type: "INTEGER", nullable: true),
                    ReReviewWindowStartedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ReReviewWindowUnit = table.Column<int>(type: "INTEGER", nullable: true),
                    ReReviewWindowYellowFrom = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ReviewAllowance = table.Column<int>(type: "INTEGER", nullable: true),
                    ReviewDueDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ReviewExtendedBy = table.Column<int>(type: "INTEGER", nullable: true),
                    ReviewExtensions = table.Column<int>(type: "INTEGER", nullable: true),
                    ReviewPausedSince = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ReviewRemainingWhenPaused = table.Column<int>(type: "INTEGER", nullable: true),
                    ReviewStartedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ReviewUnit = table.Column<int>(type: "INTEGER", nullable: true),
                    ReviewYellowFrom = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ReviewWindowAllowance = table.Column<int>(type: "INTEGER", nullable: true),
                    ReviewWindowDueDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ReviewWindowExtendedBy = table.Column<int>(type: "INTEGER", nullable: true),
                    ReviewWindowExtensions = table.Column<int>(type: "INTEGER", nullable: true),
                    ReviewWindowPausedSince = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ReviewWindowRemainingWhenPaused = table.Column<int>(type: "INTEGER", nullable: true),
                    ReviewWindowStartedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ReviewWindowUnit = table.Column<int>(type: "INTEGER", nullable: true),
                    ReviewWindowYellowFrom = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RouteAllowance = table.Column<int>(type: "INTEGER", nullable: false),
                    RouteDueDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RouteExtendedBy = table.Column<int>(type: "INTEGER", nullable: false),
                    RouteExtensions = table.Column<int>(type: "INTEGER", nullable: false),
                    RoutePausedSince = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RouteRemainingWhenPaused = table.Column<int>(type: "INTEGER", nullable: true),
                    RouteStartedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RouteUnit = table.Column<int>(type: "INTEGER", nullable: false),
                    RouteYellowFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    SendBackAllowance = table.Column<int>(type: "INTEGER", nullable: true),
                    SendBackDueDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    SendBackExtendedBy = table.Column<int>(type: "INTEGER", nullable: true),
                    SendBackExtensions = table.Column<int>(type: "INTEGER", nullable: true),
                    SendBackPausedSince = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    SendBackRemainingWhenPaused = table.Column<int>(type: "INTEGER", nullable: true),
                    SendBackStartedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    SendBackUnit = table.Column<int>(type: "INTEGER", nullable: true),
                    SendBackYellowFrom = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pet_petitions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "pet_oversights",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    By = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Request = table.Column<string>(type: "TEXT", nullable: false),
                    AnsweredAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Answer = table.Column<string>(type: "TEXT", nullable: true),
                    DueAllowance = table.Column<int>(type: "INTEGER", nullable: false),
                    DueDueDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DueExtendedBy = table.Column<int>(type: "INTEGER", nullable: false),
                    DueExtensions = table.Column<int>(type: "INTEGER", nullable: false),
                    DuePausedSince = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DueRemainingWhenPaused = table.Column<int>(type: "INTEGER", nullable: true),
                    DueStartedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DueUnit = table.Column<int>(type: "INTEGER", nullable: false),
                    DueYellowFrom = table.Column<DateOnly>(type: "TEXT", nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Note = table.Column<string>(type: "TEXT", nullable: true),
                    PreviousHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false, defaultValue: ""),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false, defaultValue: "")
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
                name: "IX_pet_petitions_ReceivedAt_Channel_Class_Category_Status_RepeatOfId_GroupSize_Rating_MediationCaseId",
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
