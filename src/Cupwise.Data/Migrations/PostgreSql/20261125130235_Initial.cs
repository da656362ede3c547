using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cupwise.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "cups",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Label = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Material = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    RimDiameterMm = table.Column<double>(type: "double precision", nullable: false),
                    VolumeMl = table.Column<double>(type: "double precision", nullable: false),
                    SupportedMethods = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Source = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cups", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "practices",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_practices", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "body_sites",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    View = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Sides = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SnomedCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    SnomedDisplay = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Flags = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ClientRightX = table.Column<double>(type: "double precision", nullable: false),
                    CentreY = table.Column<double>(type: "double precision", nullable: false),
                    DefaultCupId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_body_sites", x => x.Id);
                    table.ForeignKey(
                        name: "FK_body_sites_cups_DefaultCupId",
                        column: x => x.DefaultCupId,
                        principalTable: "cups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "clients",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PracticeId = table.Column<Guid>(type: "uuid", nullable: false),
                    FamilyName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    GivenName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    DateOfBirth = table.Column<DateOnly>(type: "date", nullable: false),
                    Sex = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    Phone = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    HealthHistory = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_clients", x => x.Id);
                    table.ForeignKey(
                        name: "FK_clients_practices_PracticeId",
                        column: x => x.PracticeId,
                        principalTable: "practices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "practitioners",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PracticeId = table.Column<Guid>(type: "uuid", nullable: false),
                    DisplayName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Profession = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_practitioners", x => x.Id);
                    table.ForeignKey(
                        name: "FK_practitioners_practices_PracticeId",
                        column: x => x.PracticeId,
                        principalTable: "practices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "client_revisions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PracticeId = table.Column<Guid>(type: "uuid", nullable: false),
                    ClientId = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    ReplacedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ReplacedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Snapshot = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_client_revisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_client_revisions_clients_ClientId",
                        column: x => x.ClientId,
                        principalTable: "clients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "sessions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PracticeId = table.Column<Guid>(type: "uuid", nullable: false),
                    ClientId = table.Column<Guid>(type: "uuid", nullable: false),
                    PractitionerId = table.Column<Guid>(type: "uuid", nullable: false),
                    Status = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    EndedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Notes = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    Adjuncts = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sessions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_sessions_clients_ClientId",
                        column: x => x.ClientId,
                        principalTable: "clients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_sessions_practices_PracticeId",
                        column: x => x.PracticeId,
                        principalTable: "practices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_sessions_practitioners_PractitionerId",
                        column: x => x.PractitionerId,
                        principalTable: "practitioners",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "cup_applications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SessionId = table.Column<Guid>(type: "uuid", nullable: false),
                    PracticeId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    CupId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SiteId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Side = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    View = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    X = table.Column<double>(type: "double precision", nullable: false),
                    Y = table.Column<double>(type: "double precision", nullable: false),
                    Technique = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Method = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    PumpStrokes = table.Column<int>(type: "integer", nullable: true),
                    SetPressureKpa = table.Column<double>(type: "double precision", nullable: true),
                    PressureKpa = table.Column<double>(type: "double precision", nullable: true),
                    PressureSource = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    PlannedDuration = table.Column<TimeSpan>(type: "interval", nullable: true),
                    AppliedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RemovedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    MarkGrade = table.Column<int>(type: "integer", nullable: true),
                    Sensation = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Notes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cup_applications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_cup_applications_body_sites_SiteId",
                        column: x => x.SiteId,
                        principalTable: "body_sites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_cup_applications_cups_CupId",
                        column: x => x.CupId,
                        principalTable: "cups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_cup_applications_sessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "sessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "outcome_measurements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PracticeId = table.Column<Guid>(type: "uuid", nullable: false),
                    ClientId = table.Column<Guid>(type: "uuid", nullable: false),
                    SessionId = table.Column<Guid>(type: "uuid", nullable: true),
                    Kind = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Joint = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Direction = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    RangeMinimum = table.Column<double>(type: "double precision", nullable: false),
                    RangeMaximum = table.Column<double>(type: "double precision", nullable: false),
                    Unit = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Value = table.Column<double>(type: "double precision", nullable: false),
                    Timing = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    TakenAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    EnteredInError = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_outcome_measurements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_outcome_measurements_clients_ClientId",
                        column: x => x.ClientId,
                        principalTable: "clients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_outcome_measurements_sessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "sessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "session_amendments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SessionId = table.Column<Guid>(type: "uuid", nullable: false),
                    PracticeId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    AmendedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AmendedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Changes = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_session_amendments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_session_amendments_sessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "sessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_body_sites_DefaultCupId",
                table: "body_sites",
                column: "DefaultCupId");

            migrationBuilder.CreateIndex(
                name: "IX_client_revisions_ClientId_Version",
                table: "client_revisions",
                columns: new[] { "ClientId", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_clients_PracticeId_FamilyName_GivenName",
                table: "clients",
                columns: new[] { "PracticeId", "FamilyName", "GivenName" });

            migrationBuilder.CreateIndex(
                name: "IX_cup_applications_CupId",
                table: "cup_applications",
                column: "CupId");

            migrationBuilder.CreateIndex(
                name: "IX_cup_applications_SessionId_Number",
                table: "cup_applications",
                columns: new[] { "SessionId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_cup_applications_SiteId",
                table: "cup_applications",
                column: "SiteId");

            migrationBuilder.CreateIndex(
                name: "IX_outcome_measurements_ClientId",
                table: "outcome_measurements",
                column: "ClientId");

            migrationBuilder.CreateIndex(
                name: "IX_outcome_measurements_PracticeId_ClientId_TakenAt",
                table: "outcome_measurements",
                columns: new[] { "PracticeId", "ClientId", "TakenAt" });

            migrationBuilder.CreateIndex(
                name: "IX_outcome_measurements_SessionId",
                table: "outcome_measurements",
                column: "SessionId");

            migrationBuilder.CreateIndex(
                name: "IX_practices_Name",
                table: "practices",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_practitioners_PracticeId",
                table: "practitioners",
                column: "PracticeId");

            migrationBuilder.CreateIndex(
                name: "IX_session_amendments_SessionId_AmendedAt",
                table: "session_amendments",
                columns: new[] { "SessionId", "AmendedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_sessions_ClientId",
                table: "sessions",
                column: "ClientId");

            migrationBuilder.CreateIndex(
                name: "IX_sessions_PracticeId_ClientId_StartedAt",
                table: "sessions",
                columns: new[] { "PracticeId", "ClientId", "StartedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_sessions_PractitionerId",
                table: "sessions",
                column: "PractitionerId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "client_revisions");

            migrationBuilder.DropTable(
                name: "cup_applications");

            migrationBuilder.DropTable(
                name: "outcome_measurements");

            migrationBuilder.DropTable(
                name: "session_amendments");

            migrationBuilder.DropTable(
                name: "body_sites");

            migrationBuilder.DropTable(
                name: "sessions");

            migrationBuilder.DropTable(
                name: "cups");

            migrationBuilder.DropTable(
                name: "clients");

            migrationBuilder.DropTable(
                name: "practitioners");

            migrationBuilder.DropTable(
                name: "practices");
        }
    }
}
