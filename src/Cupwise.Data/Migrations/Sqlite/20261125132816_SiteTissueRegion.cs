using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cupwise.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SiteTissueRegion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Tissue",
                table: "body_sites",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                defaultValue: "Back"); // a valid region for existing rows; the catalogue sync then sets each site's own
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Tissue",
                table: "body_sites");
        }
    }
}
