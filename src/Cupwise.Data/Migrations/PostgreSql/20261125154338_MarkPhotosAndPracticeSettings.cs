using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cupwise.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class MarkPhotosAndPracticeSettings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "WorkingHours",
                table: "practitioners",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: false,
                defaultValue: "Monday 09:00-17:00;Tuesday 09:00-17:00;Wednesday 09:00-17:00;Thursday 09:00-17:00;Friday 09:00-17:00");

            migrationBuilder.AddColumn<int>(
                name: "MinimumSiteIntervalDays",
                table: "practices",
                type: "integer",
                nullable: false,
                defaultValue: 3);

            migrationBuilder.AddColumn<string>(
                name: "TimeZoneId",
                table: "practices",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "UTC");

            migrationBuilder.CreateTable(
                name: "mark_photos",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PracticeId = table.Column<Guid>(type: "uuid", nullable: false),
                    ClientId = table.Column<Guid>(type: "uuid", nullable: false),
                    SessionId = table.Column<Guid>(type: "uuid", nullable: true),
                    SiteId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Side = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    TakenAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UploadedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ContentType = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Width = table.Column<int>(type: "integer", nullable: false),
                    Height = table.Column<int>(type: "integer", nullable: false),
                    ByteLength = table.Column<long>(type: "bigint", nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Notes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    EnteredInError = table.Column<bool>(type: "boolean", nullable: false),
                    EnteredInErrorReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_mark_photos", x => x.Id);
                    table.ForeignKey(
                        name: "FK_mark_photos_body_sites_SiteId",
                        column: x => x.SiteId,
                        principalTable: "body_sites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_mark_photos_clients_ClientId",
                        column: x => x.ClientId,
                        principalTable: "clients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_mark_photos_sessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "sessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "mark_photo_contents",
                columns: table => new
                {
                    PhotoId = table.Column<Guid>(type: "uuid", nullable: false),
                    PracticeId = table.Column<Guid>(type: "uuid", nullable: false),
                    Bytes = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_mark_photo_contents", x => x.PhotoId);
                    table.ForeignKey(
                        name: "FK_mark_photo_contents_mark_photos_PhotoId",
                        column: x => x.PhotoId,
                        principalTable: "mark_photos",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_mark_photos_ClientId",
                table: "mark_photos",
                column: "ClientId");

            migrationBuilder.CreateIndex(
                name: "IX_mark_photos_PracticeId_ClientId_TakenAt",
                table: "mark_photos",
                columns: new[] { "PracticeId", "ClientId", "TakenAt" });

            migrationBuilder.CreateIndex(
                name: "IX_mark_photos_SessionId",
                table: "mark_photos",
                column: "SessionId");

            migrationBuilder.CreateIndex(
                name: "IX_mark_photos_SiteId",
                table: "mark_photos",
                column: "SiteId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "mark_photo_contents");

            migrationBuilder.DropTable(
                name: "mark_photos");

            migrationBuilder.DropColumn(
                name: "WorkingHours",
                table: "practitioners");

            migrationBuilder.DropColumn(
                name: "MinimumSiteIntervalDays",
                table: "practices");

            migrationBuilder.DropColumn(
                name: "TimeZoneId",
                table: "practices");
        }
    }
}
