using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wbpm.Domain.Definitions;
using Wbpm.Domain.Tenancy;

namespace Wbpm.Infrastructure.Persistence.Configurations;

internal sealed class ProcessDraftConfiguration : IEntityTypeConfiguration<ProcessDraft>
{
    public void Configure(EntityTypeBuilder<ProcessDraft> builder)
    {
        builder.ToTable("ProcessDrafts");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).HasMaxLength(64);
        builder.Property(d => d.TenantId).HasMaxLength(64).IsRequired();
        builder.Property(d => d.Key).HasMaxLength(ProcessDraft.MaxKeyLength).IsRequired();
        builder.Property(d => d.Name).HasMaxLength(ProcessDraft.MaxNameLength).IsRequired();
        builder.Property(d => d.Xml).IsRequired();
        // The app increments Revision on every save; EF adds it to the UPDATE's WHERE clause, so a save that raced
        // another one affects no row and fails instead of overwriting it.
        builder.Property(d => d.Revision).IsConcurrencyToken();
        builder.Property(d => d.CreatedById).HasMaxLength(450).IsRequired();
        builder.Property(d => d.CreatedByName).HasMaxLength(256).IsRequired();
        builder.Property(d => d.UpdatedById).HasMaxLength(450).IsRequired();
        builder.Property(d => d.UpdatedByName).HasMaxLength(256).IsRequired();
        // One draft per process id per tenant: a deployment versions by key, so two drafts must not fight over one.
        builder.HasIndex(d => new { d.TenantId, d.Key }).IsUnique();
        // The processes page lists by last change and searches by name.
        builder.HasIndex(d => new { d.TenantId, d.UpdatedAt });
        builder.HasIndex(d => new { d.TenantId, d.Name });
        builder.HasOne<Tenant>().WithMany().HasForeignKey(d => d.TenantId).OnDelete(DeleteBehavior.Restrict);
    }
}
