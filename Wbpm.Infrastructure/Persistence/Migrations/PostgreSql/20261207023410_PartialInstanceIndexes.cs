using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Wbpm.Infrastructure.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class PartialInstanceIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ProcessInstances_ParentInstanceId_ParentCallId",
                table: "ProcessInstances");

            migrationBuilder.DropIndex(
                name: "IX_ProcessInstances_TenantId_BusinessKey",
                table: "ProcessInstances");

            migrationBuilder.CreateIndex(
                name: "IX_ProcessInstances_ParentInstanceId_ParentCallId",
                table: "ProcessInstances",
                columns: new[] { "ParentInstanceId", "ParentCallId" },
                filter: "\"ParentInstanceId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_ProcessInstances_TenantId_BusinessKey",
                table: "ProcessInstances",
                columns: new[] { "TenantId", "BusinessKey" },
                filter: "\"BusinessKey\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ProcessInstances_ParentInstanceId_ParentCallId",
                table: "ProcessInstances");

            migrationBuilder.DropIndex(
                name: "IX_ProcessInstances_TenantId_BusinessKey",
                table: "ProcessInstances");

            migrationBuilder.CreateIndex(
                name: "IX_ProcessInstances_ParentInstanceId_ParentCallId",
                table: "ProcessInstances",
                columns: new[] { "ParentInstanceId", "ParentCallId" });

            migrationBuilder.CreateIndex(
                name: "IX_ProcessInstances_TenantId_BusinessKey",
                table: "ProcessInstances",
                columns: new[] { "TenantId", "BusinessKey" });
        }
    }
}
