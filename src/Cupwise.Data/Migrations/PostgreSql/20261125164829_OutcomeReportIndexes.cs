using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cupwise.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class OutcomeReportIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_sessions_PracticeId_Status_PlanId_StartedAt_PractitionerId",
                table: "sessions",
                columns: new[] { "PracticeId", "Status", "PlanId", "StartedAt", "PractitionerId" });

            migrationBuilder.CreateIndex(
                name: "IX_outcome_measurements_PracticeId_Kind_Timing_EnteredInError_~",
                table: "outcome_measurements",
                columns: new[] { "PracticeId", "Kind", "Timing", "EnteredInError", "SessionId", "TakenAt", "Value" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_sessions_PracticeId_Status_PlanId_StartedAt_PractitionerId",
                table: "sessions");

            migrationBuilder.DropIndex(
                name: "IX_outcome_measurements_PracticeId_Kind_Timing_EnteredInError_~",
                table: "outcome_measurements");
        }
    }
}
