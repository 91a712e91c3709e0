using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wbpm.Domain.Security;
using Wbpm.Domain.Tenancy;
using Wbpm.Infrastructure.Identity;

namespace Wbpm.Infrastructure.Persistence.Configurations;

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> builder)
    {
        builder.ToTable("ApiKeys");
        builder.HasKey(k => k.Id);
        builder.Property(k => k.Id).HasMaxLength(64);
        builder.Property(k => k.TenantId).HasMaxLength(64).IsRequired();
        builder.Property(k => k.UserId).HasMaxLength(450).IsRequired();
        builder.Property(k => k.Name).HasMaxLength(ApiKey.MaxNameLength).IsRequired();
        builder.Property(k => k.Prefix).HasMaxLength(32).IsRequired();
        builder.Property(k => k.SecretHash).HasMaxLength(32).IsRequired();
        builder.Property(k => k.CreatedById).HasMaxLength(450).IsRequired();
        // Authentication looks keys up by prefix (before any tenant is known), then compares hashes in constant time.
        builder.HasIndex(k => k.Prefix);
        builder.HasIndex(k => new { k.TenantId, k.CreatedAt });
        builder.HasIndex(k => k.UserId);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(k => k.TenantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<WbpmUser>().WithMany().HasForeignKey(k => k.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
