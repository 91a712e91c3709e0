using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Wbpm.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class HistoryKeyedByInstanceAndSequence : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_HistoryEvents",
                table: "HistoryEvents");

            migrationBuilder.DropIndex(
                name: "IX_HistoryEvents_ProcessInstanceId_Sequence",
                table: "HistoryEvents");

            migrationBuilder.DropColumn(
                name: "Id",
                table: "HistoryEvents");

            migrationBuilder.AddPrimaryKey(
                name: "PK_HistoryEvents",
                table: "HistoryEvents",
                columns: new[] { "ProcessInstanceId", "Sequence" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_HistoryEvents",
                table: "HistoryEvents");

            migrationBuilder.AddColumn<string>(
                name: "Id",
                table: "HistoryEvents",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddPrimaryKey(
                name: "PK_HistoryEvents",
                table: "HistoryEvents",
                column: "Id");

            migrationBuilder.CreateIndex(
                name: "IX_HistoryEvents_ProcessInstanceId_Sequence",
                table: "HistoryEvents",
                columns: new[] { "ProcessInstanceId", "Sequence" });
        }
    }
}
