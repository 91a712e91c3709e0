using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Wbpm.Infrastructure.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class Runtime : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "EventSubscriptions",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    TenantId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ProcessInstanceId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    DefinitionId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Name = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    CorrelationKey = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    ElementId = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    IsStartEvent = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EventSubscriptions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ExternalTasks",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    TenantId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ProcessInstanceId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    DefinitionKey = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    ElementId = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    TokenId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Topic = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    WorkerId = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    LockExpiresAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Retries = table.Column<int>(type: "integer", nullable: true),
                    ErrorMessage = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExternalTasks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "HistoryEvents",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    TenantId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ProcessInstanceId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ActivityInstanceId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ElementId = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    ElementType = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ElementName = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UserId = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Sequence = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HistoryEvents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ProcessInstances",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    TenantId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    DefinitionId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    DefinitionKey = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    DefinitionVersion = table.Column<int>(type: "integer", nullable: false),
                    BusinessKey = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    HasIncident = table.Column<bool>(type: "boolean", nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    StartedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    EndedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ParentInstanceId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ParentCallId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    StateJson = table.Column<string>(type: "text", nullable: false),
                    Revision = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProcessInstances", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "UserTasks",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    TenantId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ProcessInstanceId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ElementId = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    TokenId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    ProcessName = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    DefinitionKey = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    BusinessKey = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    Assignee = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Priority = table.Column<int>(type: "integer", nullable: false),
                    DueDate = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    FollowUpDate = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    FormKey = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    FormId = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CompletedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CompletedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Revision = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UserTasks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TaskCandidates",
                columns: table => new
                {
                    TaskId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Kind = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Value = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    TenantId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TaskCandidates", x => new { x.TaskId, x.Kind, x.Value });
                    table.ForeignKey(
                        name: "FK_TaskCandidates_UserTasks_TaskId",
                        column: x => x.TaskId,
                        principalTable: "UserTasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_EventSubscriptions_DefinitionId",
                table: "EventSubscriptions",
                column: "DefinitionId");

            migrationBuilder.CreateIndex(
                name: "IX_EventSubscriptions_ProcessInstanceId",
                table: "EventSubscriptions",
                column: "ProcessInstanceId");

            migrationBuilder.CreateIndex(
                name: "IX_EventSubscriptions_TenantId_Kind_Name_CorrelationKey",
                table: "EventSubscriptions",
                columns: new[] { "TenantId", "Kind", "Name", "CorrelationKey" });

            migrationBuilder.CreateIndex(
                name: "IX_ExternalTasks_ProcessInstanceId",
                table: "ExternalTasks",
                column: "ProcessInstanceId");

            migrationBuilder.CreateIndex(
                name: "IX_ExternalTasks_TenantId_Topic_CreatedAt",
                table: "ExternalTasks",
                columns: new[] { "TenantId", "Topic", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_HistoryEvents_ProcessInstanceId_Sequence",
                table: "HistoryEvents",
                columns: new[] { "ProcessInstanceId", "Sequence" });

            migrationBuilder.CreateIndex(
                name: "IX_ProcessInstances_DefinitionId",
                table: "ProcessInstances",
                column: "DefinitionId");

            migrationBuilder.CreateIndex(
                name: "IX_ProcessInstances_ParentInstanceId_ParentCallId",
                table: "ProcessInstances",
                columns: new[] { "ParentInstanceId", "ParentCallId" });

            migrationBuilder.CreateIndex(
                name: "IX_ProcessInstances_TenantId_BusinessKey",
                table: "ProcessInstances",
                columns: new[] { "TenantId", "BusinessKey" });

            migrationBuilder.CreateIndex(
                name: "IX_ProcessInstances_TenantId_DefinitionKey_Status",
                table: "ProcessInstances",
                columns: new[] { "TenantId", "DefinitionKey", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_ProcessInstances_TenantId_StartedAt",
                table: "ProcessInstances",
                columns: new[] { "TenantId", "StartedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ProcessInstances_TenantId_Status",
                table: "ProcessInstances",
                columns: new[] { "TenantId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_TaskCandidates_TenantId_Kind_Value",
                table: "TaskCandidates",
                columns: new[] { "TenantId", "Kind", "Value" });

            migrationBuilder.CreateIndex(
                name: "IX_UserTasks_ProcessInstanceId",
                table: "UserTasks",
                column: "ProcessInstanceId");

            migrationBuilder.CreateIndex(
                name: "IX_UserTasks_TenantId_Assignee_Status",
                table: "UserTasks",
                columns: new[] { "TenantId", "Assignee", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_UserTasks_TenantId_Status_CreatedAt",
                table: "UserTasks",
                columns: new[] { "TenantId", "Status", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EventSubscriptions");

            migrationBuilder.DropTable(
                name: "ExternalTasks");

            migrationBuilder.DropTable(
                name: "HistoryEvents");

            migrationBuilder.DropTable(
                name: "ProcessInstances");

            migrationBuilder.DropTable(
                name: "TaskCandidates");

            migrationBuilder.DropTable(
                name: "UserTasks");
        }
    }
}
