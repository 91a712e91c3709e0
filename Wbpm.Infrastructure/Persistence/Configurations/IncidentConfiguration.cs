using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wbpm.Domain.Jobs;

namespace Wbpm.Infrastructure.Persistence.Configurations;

internal sealed class IncidentConfiguration : IEntityTypeConfiguration<Incident>
{
    public void Configure(EntityTypeBuilder<Incident> builder)
    {
        builder.ToTable("Incidents");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).HasMaxLength(64);
        builder.Property(i => i.TenantId).HasMaxLength(64).IsRequired();
        builder.Property(i => i.JobId).HasMaxLength(64);
        builder.Property(i => i.ProcessInstanceId).HasMaxLength(64);
        builder.Property(i => i.ElementId).HasMaxLength(255);
        builder.Property(i => i.Message).HasMaxLength(Job.MaxErrorLength).IsRequired();
        builder.Property(i => i.Status).HasConversion<string>().HasMaxLength(16).IsRequired();
        builder.Property(i => i.ResolvedBy).HasMaxLength(256);

        // The operations views: open incidents of the tenant (newest first), an instance's incidents, a job's incident.
        builder.HasIndex(i => new { i.TenantId, i.Status, i.CreatedAt });
        builder.HasIndex(i => i.ProcessInstanceId);
        builder.HasIndex(i => i.JobId);
    }
}
