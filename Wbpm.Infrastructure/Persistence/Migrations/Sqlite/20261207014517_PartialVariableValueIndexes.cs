using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Wbpm.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PartialVariableValueIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_InstanceVariables_TenantId_Name_DateValue_ProcessInstanceId",
                table: "InstanceVariables");

            migrationBuilder.DropIndex(
                name: "IX_InstanceVariables_TenantId_Name_NumberValue_ProcessInstanceId",
                table: "InstanceVariables");

            migrationBuilder.DropIndex(
                name: "IX_InstanceVariables_TenantId_Name_TextValue_ProcessInstanceId",
                table: "InstanceVariables");

            migrationBuilder.CreateIndex(
                name: "IX_InstanceVariables_TenantId_Name_DateValue_ProcessInstanceId",
                table: "InstanceVariables",
                columns: new[] { "TenantId", "Name", "DateValue", "ProcessInstanceId" },
                filter: "\"DateValue\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_InstanceVariables_TenantId_Name_NumberValue_ProcessInstanceId",
                table: "InstanceVariables",
                columns: new[] { "TenantId", "Name", "NumberValue", "ProcessInstanceId" },
                filter: "\"NumberValue\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_InstanceVariables_TenantId_Name_TextValue_ProcessInstanceId",
                table: "InstanceVariables",
                columns: new[] { "TenantId", "Name", "TextValue", "ProcessInstanceId" },
                filter: "\"TextValue\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_InstanceVariables_TenantId_Name_DateValue_ProcessInstanceId",
                table: "InstanceVariables");

            migrationBuilder.DropIndex(
                name: "IX_InstanceVariables_TenantId_Name_NumberValue_ProcessInstanceId",
                table: "InstanceVariables");

            migrationBuilder.DropIndex(
                name: "IX_InstanceVariables_TenantId_Name_TextValue_ProcessInstanceId",
                table: "InstanceVariables");

            migrationBuilder.CreateIndex(
                name: "IX_InstanceVariables_TenantId_Name_DateValue_ProcessInstanceId",
                table: "InstanceVariables",
                columns: new[] { "TenantId", "Name", "DateValue", "ProcessInstanceId" });

            migrationBuilder.CreateIndex(
                name: "IX_InstanceVariables_TenantId_Name_NumberValue_ProcessInstanceId",
                table: "InstanceVariables",
                columns: new[] { "TenantId", "Name", "NumberValue", "ProcessInstanceId" });

            migrationBuilder.CreateIndex(
                name: "IX_InstanceVariables_TenantId_Name_TextValue_ProcessInstanceId",
                table: "InstanceVariables",
                columns: new[] { "TenantId", "Name", "TextValue", "ProcessInstanceId" });
        }
    }
}
