using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cupwise.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PracticeCups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "PracticeId",
                table: "cups",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_cups_PracticeId",
                table: "cups",
                column: "PracticeId");

            migrationBuilder.AddForeignKey(
                name: "FK_cups_practices_PracticeId",
                table: "cups",
                column: "PracticeId",
                principalTable: "practices",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_cups_practices_PracticeId",
                table: "cups");

            migrationBuilder.DropIndex(
                name: "IX_cups_PracticeId",
                table: "cups");

            migrationBuilder.DropColumn(
                name: "PracticeId",
                table: "cups");
        }
    }
}
