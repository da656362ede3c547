using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cupwise.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CupPasses : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Passes",
                table: "cup_applications",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Passes",
                table: "cup_applications");
        }
    }
}
