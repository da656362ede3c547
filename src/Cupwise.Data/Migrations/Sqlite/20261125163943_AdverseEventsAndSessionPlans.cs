using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cupwise.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AdverseEventsAndSessionPlans : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "PlanId",
                table: "sessions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "adverse_events",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PracticeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SessionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Severity = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SiteId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    OccurredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    EnteredInError = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_adverse_events", x => x.Id);
                    table.ForeignKey(
                        name: "FK_adverse_events_clients_ClientId",
                        column: x => x.ClientId,
                        principalTable: "clients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_adverse_events_sessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "sessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_sessions_PlanId",
                table: "sessions",
                column: "PlanId");

            migrationBuilder.CreateIndex(
                name: "IX_adverse_events_ClientId",
                table: "adverse_events",
                column: "ClientId");

            migrationBuilder.CreateIndex(
                name: "IX_adverse_events_PracticeId_ClientId_OccurredAt",
                table: "adverse_events",
                columns: new[] { "PracticeId", "ClientId", "OccurredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_adverse_events_SessionId",
                table: "adverse_events",
                column: "SessionId");

            migrationBuilder.AddForeignKey(
                name: "FK_sessions_treatment_plans_PlanId",
                table: "sessions",
                column: "PlanId",
                principalTable: "treatment_plans",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_sessions_treatment_plans_PlanId",
                table: "sessions");

            migrationBuilder.DropTable(
                name: "adverse_events");

            migrationBuilder.DropIndex(
                name: "IX_sessions_PlanId",
                table: "sessions");

            migrationBuilder.DropColumn(
                name: "PlanId",
                table: "sessions");
        }
    }
}
