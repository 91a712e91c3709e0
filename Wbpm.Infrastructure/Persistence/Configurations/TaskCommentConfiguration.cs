using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wbpm.Infrastructure.Runtime.Comments;

namespace Wbpm.Infrastructure.Persistence.Configurations;

/// <summary>Comments outlive their task row's changes; listed per task in time order.</summary>
internal sealed class TaskCommentConfiguration : IEntityTypeConfiguration<TaskComment>
{
    public void Configure(EntityTypeBuilder<TaskComment> builder)
    {
        builder.ToTable("TaskComments");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).HasMaxLength(64);
        builder.Property(c => c.TenantId).HasMaxLength(64).IsRequired();
        builder.Property(c => c.TaskId).HasMaxLength(64).IsRequired();
        builder.Property(c => c.ProcessInstanceId).HasMaxLength(64).IsRequired();
        builder.Property(c => c.Author).HasMaxLength(256).IsRequired();
        builder.Property(c => c.Text).HasMaxLength(TaskComment.MaxTextLength).IsRequired();

        builder.HasIndex(c => new { c.TaskId, c.CreatedAt });
        builder.HasIndex(c => c.ProcessInstanceId);
    }
}
