using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wbpm.Infrastructure.Runtime;

namespace Wbpm.Infrastructure.Persistence.Configurations;

internal sealed class ProcessInstanceConfiguration : IEntityTypeConfiguration<ProcessInstance>
{
    public void Configure(EntityTypeBuilder<ProcessInstance> builder)
    {
        builder.ToTable("ProcessInstances");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).HasMaxLength(64);
        builder.Property(i => i.TenantId).HasMaxLength(64).IsRequired();
        builder.Property(i => i.DefinitionId).HasMaxLength(64).IsRequired();
        builder.Property(i => i.DefinitionKey).HasMaxLength(255).IsRequired();
        builder.Property(i => i.BusinessKey).HasMaxLength(255);
        builder.Property(i => i.Status).HasConversion<string>().HasMaxLength(16).IsRequired();
        builder.Property(i => i.StartedBy).HasMaxLength(256);
        builder.Property(i => i.ParentInstanceId).HasMaxLength(64);
        builder.Property(i => i.ParentCallId).HasMaxLength(64);
        builder.Property(i => i.StateJson).IsRequired();
        // The app increments it on every command: the UPDATE matches no row when another command won.
        builder.Property(i => i.Revision).IsConcurrencyToken();

        // Instance lists (newest first, by key/status/business key), a definition's instances, a call's child.
        builder.HasIndex(i => new { i.TenantId, i.StartedAt });
        builder.HasIndex(i => new { i.TenantId, i.DefinitionKey, i.Status });
        builder.HasIndex(i => new { i.TenantId, i.Status });
        // Partial: most instances have no business key and no parent, and an entry for a NULL is a page to write per
        // start that no look-up reads (they all ask for a value).
        builder.HasIndex(i => new { i.TenantId, i.BusinessKey }).HasFilter("\"BusinessKey\" IS NOT NULL");
        builder.HasIndex(i => i.DefinitionId);
        builder.HasIndex(i => new { i.ParentInstanceId, i.ParentCallId }).HasFilter("\"ParentInstanceId\" IS NOT NULL");
    }
}
