using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Wbpm.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InboxFormsPortal : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_UserTasks_TenantId_Assignee_Status",
                table: "UserTasks");

            migrationBuilder.AddColumn<long>(
                name: "OverdueNotifiedAt",
                table: "UserTasks",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "InstanceVariables",
                columns: table => new
                {
                    ProcessInstanceId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    TenantId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    DefinitionKey = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    TextValue = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NumberValue = table.Column<double>(type: "REAL", nullable: true),
                    DateValue = table.Column<long>(type: "INTEGER", nullable: true),
                    BooleanValue = table.Column<bool>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InstanceVariables", x => new { x.ProcessInstanceId, x.Name });
                });

            migrationBuilder.CreateTable(
                name: "Notifications",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    TenantId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Recipient = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Link = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ReadAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Notifications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SavedFilters",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    TenantId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    OwnerId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    OwnerName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    FilterJson = table.Column<string>(type: "TEXT", nullable: false),
                    IsDefault = table.Column<bool>(type: "INTEGER", nullable: false),
                    SharedWithGroup = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SavedFilters", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TaskComments",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    TenantId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    TaskId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ProcessInstanceId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Author = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TaskComments", x => x.Id);
                });

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
                name: "IX_UserTasks_TenantId_Status_DueDate_Id",
                table: "UserTasks",
                columns: new[] { "TenantId", "Status", "DueDate", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_InstanceVariables_TenantId_DefinitionKey_Name_Type",
                table: "InstanceVariables",
                columns: new[] { "TenantId", "DefinitionKey", "Name", "Type" });

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

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_TenantId_Recipient_CreatedAt",
                table: "Notifications",
                columns: new[] { "TenantId", "Recipient", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_TenantId_Recipient_ReadAt",
                table: "Notifications",
                columns: new[] { "TenantId", "Recipient", "ReadAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SavedFilters_TenantId_OwnerId_Name",
                table: "SavedFilters",
                columns: new[] { "TenantId", "OwnerId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SavedFilters_TenantId_SharedWithGroup",
                table: "SavedFilters",
                columns: new[] { "TenantId", "SharedWithGroup" });

            migrationBuilder.CreateIndex(
                name: "IX_TaskComments_ProcessInstanceId",
                table: "TaskComments",
                column: "ProcessInstanceId");

            migrationBuilder.CreateIndex(
                name: "IX_TaskComments_TaskId_CreatedAt",
                table: "TaskComments",
                columns: new[] { "TaskId", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "InstanceVariables");

            migrationBuilder.DropTable(
                name: "Notifications");

            migrationBuilder.DropTable(
                name: "SavedFilters");

            migrationBuilder.DropTable(
                name: "TaskComments");

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
                name: "IX_UserTasks_TenantId_Status_DueDate_Id",
                table: "UserTasks");

            migrationBuilder.DropColumn(
                name: "OverdueNotifiedAt",
                table: "UserTasks");

            migrationBuilder.CreateIndex(
                name: "IX_UserTasks_TenantId_Assignee_Status",
                table: "UserTasks",
                columns: new[] { "TenantId", "Assignee", "Status" });
        }
    }
}
