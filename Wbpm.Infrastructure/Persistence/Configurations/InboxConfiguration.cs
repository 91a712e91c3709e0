using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wbpm.Infrastructure.Inbox;

namespace Wbpm.Infrastructure.Persistence.Configurations;

/// <summary>
/// The inbox's variable projection. The key (instance, name) answers "does this task's instance have region = north"
/// per task row while the inbox reads tasks in due order; the (tenant, name, value, instance) indexes let a planner
/// start from a rare value instead. The last one lists a process's filterable variables.
/// </summary>
internal sealed class InstanceVariableConfiguration : IEntityTypeConfiguration<InstanceVariable>
{
    public void Configure(EntityTypeBuilder<InstanceVariable> builder)
    {
        builder.ToTable("InstanceVariables");
        builder.HasKey(v => new { v.ProcessInstanceId, v.Name });
        builder.Property(v => v.ProcessInstanceId).HasMaxLength(64);
        builder.Property(v => v.Name).HasMaxLength(255);
        builder.Property(v => v.TenantId).HasMaxLength(64).IsRequired();
        builder.Property(v => v.DefinitionKey).HasMaxLength(255).IsRequired();
        builder.Property(v => v.Type).HasConversion<string>().HasMaxLength(8).IsRequired();
        builder.Property(v => v.TextValue).HasMaxLength(InstanceVariable.MaxTextLength);
        // Partial: a row has one or two typed values, and an entry for a NULL value is one more b-tree page to write
        // per variable and commit that no filter reads (a filter on a value implies it is not null).
        builder.HasIndex(v => new { v.TenantId, v.Name, v.TextValue, v.ProcessInstanceId }).HasFilter("\"TextValue\" IS NOT NULL");
        builder.HasIndex(v => new { v.TenantId, v.Name, v.NumberValue, v.ProcessInstanceId }).HasFilter("\"NumberValue\" IS NOT NULL");
        builder.HasIndex(v => new { v.TenantId, v.Name, v.DateValue, v.ProcessInstanceId }).HasFilter("\"DateValue\" IS NOT NULL");
        builder.HasIndex(v => new { v.TenantId, v.DefinitionKey, v.Name, v.Type });
    }
}

internal sealed class SavedFilterConfiguration : IEntityTypeConfiguration<SavedFilter>
{
    public void Configure(EntityTypeBuilder<SavedFilter> builder)
    {
        builder.ToTable("SavedFilters");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Id).HasMaxLength(64);
        builder.Property(f => f.TenantId).HasMaxLength(64).IsRequired();
        builder.Property(f => f.OwnerId).HasMaxLength(450).IsRequired();
        builder.Property(f => f.OwnerName).HasMaxLength(256).IsRequired();
        builder.Property(f => f.Name).HasMaxLength(SavedFilter.MaxNameLength).IsRequired();
        builder.Property(f => f.FilterJson).IsRequired();
        builder.Property(f => f.SharedWithGroup).HasMaxLength(100);
        builder.HasIndex(f => new { f.TenantId, f.OwnerId, f.Name }).IsUnique();
        builder.HasIndex(f => new { f.TenantId, f.SharedWithGroup });
    }
}
