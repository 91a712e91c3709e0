using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wbpm.Domain.Definitions;
using Wbpm.Domain.Tenancy;

namespace Wbpm.Infrastructure.Persistence.Configurations;

internal sealed class TenantTemplateConfiguration : IEntityTypeConfiguration<TenantTemplate>
{
    public void Configure(EntityTypeBuilder<TenantTemplate> builder)
    {
        builder.ToTable("TenantTemplates");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).HasMaxLength(64);
        builder.Property(t => t.TenantId).HasMaxLength(64).IsRequired();
        builder.Property(t => t.Name).HasMaxLength(TenantTemplate.MaxNameLength).IsRequired();
        builder.Property(t => t.Description).HasMaxLength(TenantTemplate.MaxDescriptionLength).IsRequired();
        builder.Property(t => t.Category).HasMaxLength(TenantTemplate.MaxCategoryLength).IsRequired();
        builder.Property(t => t.Xml).IsRequired();
        builder.Property(t => t.CreatedById).HasMaxLength(450).IsRequired();
        builder.Property(t => t.CreatedByName).HasMaxLength(256).IsRequired();
        // The gallery lists a tenant's templates by name.
        builder.HasIndex(t => new { t.TenantId, t.Name });
        builder.HasOne<Tenant>().WithMany().HasForeignKey(t => t.TenantId).OnDelete(DeleteBehavior.Restrict);
    }
}
