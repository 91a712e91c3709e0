using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wbpm.Infrastructure.Runtime;

namespace Wbpm.Infrastructure.Persistence.Configurations;

internal sealed class EventSubscriptionConfiguration : IEntityTypeConfiguration<EventSubscription>
{
    public void Configure(EntityTypeBuilder<EventSubscription> builder)
    {
        builder.ToTable("EventSubscriptions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).HasMaxLength(64);
        builder.Property(s => s.TenantId).HasMaxLength(64).IsRequired();
        builder.Property(s => s.ProcessInstanceId).HasMaxLength(64);
        builder.Property(s => s.DefinitionId).HasMaxLength(64).IsRequired();
        builder.Property(s => s.Kind).HasConversion<string>().HasMaxLength(16).IsRequired();
        builder.Property(s => s.Name).HasMaxLength(255).IsRequired();
        builder.Property(s => s.CorrelationKey).HasMaxLength(255);
        builder.Property(s => s.ElementId).HasMaxLength(255).IsRequired();

        // Correlation: by kind + name (+ key); replacing a definition's start subscriptions; an instance's subscriptions.
        builder.HasIndex(s => new { s.TenantId, s.Kind, s.Name, s.CorrelationKey });
        builder.HasIndex(s => s.DefinitionId);
        builder.HasIndex(s => s.ProcessInstanceId);
    }
}
