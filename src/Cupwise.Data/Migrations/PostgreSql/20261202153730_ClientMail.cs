using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cupwise.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class ClientMail : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AftercareTemplate",
                table: "practices",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "MailsAftercare",
                table: "practices",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "MailsVisitChanges",
                table: "practices",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "ReminderHoursBefore",
                table: "practices",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "ReminderTemplate",
                table: "practices",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AftercareTemplate",
                table: "practices");

            migrationBuilder.DropColumn(
                name: "MailsAftercare",
                table: "practices");

            migrationBuilder.DropColumn(
                name: "MailsVisitChanges",
                table: "practices");

            migrationBuilder.DropColumn(
                name: "ReminderHoursBefore",
                table: "practices");

            migrationBuilder.DropColumn(
                name: "ReminderTemplate",
                table: "practices");
        }
    }
}
