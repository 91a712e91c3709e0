using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wbpm.Infrastructure.Runtime;

namespace Wbpm.Infrastructure.Persistence.Configurations;

/// <summary>User task read rows and their candidates (one aggregate: candidates are written with the task).</summary>
internal sealed class UserTaskConfiguration : IEntityTypeConfiguration<UserTask>
{
    private const string OpenOnly = "\"Status\" = 'Open'";

    public void Configure(EntityTypeBuilder<UserTask> builder)
    {
        builder.ToTable("UserTasks");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).HasMaxLength(64);
        builder.Property(t => t.TenantId).HasMaxLength(64).IsRequired();
        builder.Property(t => t.ProcessInstanceId).HasMaxLength(64).IsRequired();
        builder.Property(t => t.ElementId).HasMaxLength(255).IsRequired();
        builder.Property(t => t.TokenId).HasMaxLength(64).IsRequired();
        builder.Property(t => t.Name).HasMaxLength(500);
        builder.Property(t => t.ProcessName).HasMaxLength(500);
        builder.Property(t => t.DefinitionKey).HasMaxLength(255).IsRequired();
        builder.Property(t => t.BusinessKey).HasMaxLength(255);
        builder.Property(t => t.Assignee).HasMaxLength(256);
        builder.Property(t => t.Status).HasConversion<string>().HasMaxLength(16).IsRequired();
        builder.Property(t => t.FormKey).HasMaxLength(500);
        builder.Property(t => t.FormId).HasMaxLength(255);
        builder.Property(t => t.CompletedBy).HasMaxLength(256);
        builder.Property(t => t.Revision).IsConcurrencyToken();
        // Two overdue sweeps (two nodes) never both notify: the second one's UPDATE matches no row.
        builder.Property(t => t.OverdueNotifiedAt).IsConcurrencyToken();
        builder.HasMany(t => t.Candidates).WithOne().HasForeignKey(c => c.TaskId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(t => t.Candidates).HasField("_candidates");

        // Inbox: my open tasks (by due date); an instance's tasks; open tasks by creation, by due date (the inbox's
        // default order: read in index order, candidates and variables checked per row, stop at the page size);
        // completed by me. Partial indexes: a task enters the open ones when created and leaves them when completed,
        // instead of every index being rewritten with the new status (a completion wrote five index entries twice).
        // The planner uses them only for queries that say the same literal status (never a parameter).
        builder.HasIndex(t => new { t.TenantId, t.Assignee, t.DueDate, t.Id }).HasFilter(OpenOnly);
        builder.HasIndex(t => new { t.TenantId, t.CreatedAt }).HasFilter(OpenOnly);
        builder.HasIndex(t => new { t.TenantId, t.DueDate, t.Id }).HasFilter(OpenOnly);
        builder.HasIndex(t => new { t.TenantId, t.CompletedBy, t.CompletedAt }).HasFilter("\"Status\" = 'Completed'");
        builder.HasIndex(t => t.ProcessInstanceId);
        // The overdue sweep: open tasks with a due date, by due date, not yet notified.
        builder.HasIndex(t => new { t.DueDate, t.OverdueNotifiedAt }).HasFilter(OpenOnly + " AND \"DueDate\" IS NOT NULL");
    }
}

internal sealed class TaskCandidateConfiguration : IEntityTypeConfiguration<TaskCandidate>
{
    public void Configure(EntityTypeBuilder<TaskCandidate> builder)
    {
        builder.ToTable("TaskCandidates");
        builder.HasKey(c => new { c.TaskId, c.Kind, c.Value });
        builder.Property(c => c.TaskId).HasMaxLength(64);
        builder.Property(c => c.TenantId).HasMaxLength(64).IsRequired();
        builder.Property(c => c.Kind).HasConversion<string>().HasMaxLength(8);
        builder.Property(c => c.Value).HasMaxLength(256);
        // "My groups' open tasks": candidates by tenant, kind and value, then join the task.
        builder.HasIndex(c => new { c.TenantId, c.Kind, c.Value });
    }
}
