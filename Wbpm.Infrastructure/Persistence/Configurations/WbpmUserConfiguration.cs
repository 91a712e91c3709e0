using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wbpm.Domain.Tenancy;
using Wbpm.Infrastructure.Identity;

namespace Wbpm.Infrastructure.Persistence.Configurations;

internal sealed class WbpmUserConfiguration : IEntityTypeConfiguration<WbpmUser>
{
    public void Configure(EntityTypeBuilder<WbpmUser> builder)
    {
        builder.Property(u => u.TenantId).HasMaxLength(64).IsRequired();
        builder.Property(u => u.DisplayName).HasMaxLength(200).IsRequired();
        builder.HasIndex(u => new { u.TenantId, u.NormalizedUserName });
        builder.HasOne<Tenant>().WithMany().HasForeignKey(u => u.TenantId).OnDelete(DeleteBehavior.Restrict);
    }
}
