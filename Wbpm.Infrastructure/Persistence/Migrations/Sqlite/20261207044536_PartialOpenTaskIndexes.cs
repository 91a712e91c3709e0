using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Wbpm.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PartialOpenTaskIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_UserTasks_Status_DueDate_OverdueNotifiedAt",
                table: "UserTasks");

            migrationBuilder.DropIndex(
                name: "IX_UserTasks_TenantId_Assignee_Status_DueDate_Id",
                table: "UserTasks");

            migrationBuilder.DropIndex(
                name: "IX_UserTasks_TenantId_CompletedBy_Status_CompletedAt",
                table: "UserTasks");

            migrationBuilder.DropIndex(
                name: "IX_UserTasks_TenantId_Status_CreatedAt",
                table: "UserTasks");

            migrationBuilder.DropIndex(
                name: "IX_UserTasks_TenantId_Status_DueDate_Id",
                table: "UserTasks");

            migrationBuilder.CreateIndex(
                name: "IX_UserTasks_DueDate_OverdueNotifiedAt",
                table: "UserTasks",
                columns: new[] { "DueDate", "OverdueNotifiedAt" },
                filter: "\"Status\" = 'Open' AND \"DueDate\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_UserTasks_TenantId_Assignee_DueDate_Id",
                table: "UserTasks",
                columns: new[] { "TenantId", "Assignee", "DueDate", "Id" },
                filter: "\"Status\" = 'Open'");

            migrationBuilder.CreateIndex(
                name: "IX_UserTasks_TenantId_CompletedBy_CompletedAt",
                table: "UserTasks",
                columns: new[] { "TenantId", "CompletedBy", "CompletedAt" },
                filter: "\"Status\" = 'Completed'");

            migrationBuilder.CreateIndex(
                name: "IX_UserTasks_TenantId_CreatedAt",
                table: "UserTasks",
                columns: new[] { "TenantId", "CreatedAt" },
                filter: "\"Status\" = 'Open'");

            migrationBuilder.CreateIndex(
                name: "IX_UserTasks_TenantId_DueDate_Id",
                table: "UserTasks",
                columns: new[] { "TenantId", "DueDate", "Id" },
                filter: "\"Status\" = 'Open'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_UserTasks_DueDate_OverdueNotifiedAt",
                table: "UserTasks");

            migrationBuilder.DropIndex(
                name: "IX_UserTasks_TenantId_Assignee_DueDate_Id",
                table: "UserTasks");

            migrationBuilder.DropIndex(
                name: "IX_UserTasks_TenantId_CompletedBy_CompletedAt",
                table: "UserTasks");

            migrationBuilder.DropIndex(
                name: "IX_UserTasks_TenantId_CreatedAt",
                table: "UserTasks");

            migrationBuilder.DropIndex(
                name: "IX_UserTasks_TenantId_DueDate_Id",
                table: "UserTasks");

            migrationBuilder.CreateIndex(
                name: "IX_UserTasks_Status_DueDate_OverdueNotifiedAt",
                table: "UserTasks",
                columns: new[] { "Status", "DueDate", "OverdueNotifiedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_UserTasks_TenantId_Assignee_Status_DueDate_Id",
                table: "UserTasks",
                columns: new[] { "TenantId", "Assignee", "Status", "DueDate", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_UserTasks_TenantId_CompletedBy_Status_CompletedAt",
                table: "UserTasks",
                columns: new[] { "TenantId", "CompletedBy", "Status", "CompletedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_UserTasks_TenantId_Status_CreatedAt",
                table: "UserTasks",
                columns: new[] { "TenantId", "Status", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_UserTasks_TenantId_Status_DueDate_Id",
                table: "UserTasks",
                columns: new[] { "TenantId", "Status", "DueDate", "Id" });
        }
    }
}
