using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wbpm.Infrastructure.Notifications;

namespace Wbpm.Infrastructure.Persistence.Configurations;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.ToTable("Notifications");
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Id).HasMaxLength(64);
        builder.Property(n => n.TenantId).HasMaxLength(64).IsRequired();
        builder.Property(n => n.Recipient).HasMaxLength(256).IsRequired();
        builder.Property(n => n.Kind).HasConversion<string>().HasMaxLength(32).IsRequired();
        builder.Property(n => n.Title).HasMaxLength(Notification.MaxTitleLength).IsRequired();
        builder.Property(n => n.Link).HasMaxLength(500).IsRequired();

        // The bell: my notifications newest first, and my unread count.
        builder.HasIndex(n => new { n.TenantId, n.Recipient, n.CreatedAt });
        builder.HasIndex(n => new { n.TenantId, n.Recipient, n.ReadAt });
    }
}
