using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wbpm.Infrastructure.Runtime;

namespace Wbpm.Infrastructure.Persistence.Configurations;

internal sealed class ExternalTaskConfiguration : IEntityTypeConfiguration<ExternalTask>
{
    public void Configure(EntityTypeBuilder<ExternalTask> builder)
    {
        builder.ToTable("ExternalTasks");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).HasMaxLength(64);
        builder.Property(t => t.TenantId).HasMaxLength(64).IsRequired();
        builder.Property(t => t.ProcessInstanceId).HasMaxLength(64).IsRequired();
        builder.Property(t => t.DefinitionKey).HasMaxLength(255).IsRequired();
        builder.Property(t => t.ElementId).HasMaxLength(255).IsRequired();
        builder.Property(t => t.TokenId).HasMaxLength(64).IsRequired();
        builder.Property(t => t.Topic).HasMaxLength(255).IsRequired();
        builder.Property(t => t.ErrorMessage).HasMaxLength(4000);
        // The worker's lock is the concurrency token: two workers never both lock or complete one task.
        builder.Property(t => t.WorkerId).HasMaxLength(255).IsConcurrencyToken();
        builder.Property(t => t.LockExpiresAt).IsConcurrencyToken();

        // fetch-and-lock: unlocked tasks of a topic, oldest first; an instance's external tasks.
        builder.HasIndex(t => new { t.TenantId, t.Topic, t.CreatedAt });
        builder.HasIndex(t => t.ProcessInstanceId);
    }
}
