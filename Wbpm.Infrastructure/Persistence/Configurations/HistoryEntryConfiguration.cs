using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wbpm.Infrastructure.Runtime;

namespace Wbpm.Infrastructure.Persistence.Configurations;

/// <summary>Append-only history; no foreign keys so history outlives (and never slows) the runtime rows.</summary>
internal sealed class HistoryEntryConfiguration : IEntityTypeConfiguration<HistoryEntry>
{
    public void Configure(EntityTypeBuilder<HistoryEntry> builder)
    {
        builder.ToTable("HistoryEvents");
        // An instance's history in order is a range of its key.
        builder.HasKey(h => new { h.ProcessInstanceId, h.Sequence });
        builder.Property(h => h.Sequence).ValueGeneratedNever();
        builder.Property(h => h.TenantId).HasMaxLength(64).IsRequired();
        builder.Property(h => h.ProcessInstanceId).HasMaxLength(64).IsRequired();
        builder.Property(h => h.ActivityInstanceId).HasMaxLength(64).IsRequired();
        builder.Property(h => h.ElementId).HasMaxLength(255).IsRequired();
        builder.Property(h => h.ElementType).HasMaxLength(64).IsRequired();
        builder.Property(h => h.ElementName).HasMaxLength(500);
        builder.Property(h => h.Kind).HasConversion<string>().HasMaxLength(16).IsRequired();
        builder.Property(h => h.UserId).HasMaxLength(256);
    }
}
