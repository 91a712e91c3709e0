using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wbpm.Domain.Definitions;
using Wbpm.Domain.Tenancy;

namespace Wbpm.Infrastructure.Persistence.Configurations;

internal sealed class DeploymentConfiguration : IEntityTypeConfiguration<Deployment>
{
    public void Configure(EntityTypeBuilder<Deployment> builder)
    {
        builder.ToTable("Deployments");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).HasMaxLength(64);
        builder.Property(d => d.TenantId).HasMaxLength(64).IsRequired();
        builder.Property(d => d.Name).HasMaxLength(Deployment.MaxNameLength).IsRequired();
        builder.Property(d => d.DeployedById).HasMaxLength(450).IsRequired();
        builder.Property(d => d.DeployedBy).HasMaxLength(256).IsRequired();
        builder.Property(d => d.Comment).HasMaxLength(Deployment.MaxCommentLength);
        builder.HasIndex(d => new { d.TenantId, d.DeployedAt });
        builder.HasOne<Tenant>().WithMany().HasForeignKey(d => d.TenantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(d => d.Definitions).WithOne().HasForeignKey(p => p.DeploymentId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(d => d.Definitions).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class ProcessDefinitionConfiguration : IEntityTypeConfiguration<ProcessDefinition>
{
    public void Configure(EntityTypeBuilder<ProcessDefinition> builder)
    {
        builder.ToTable("ProcessDefinitions");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).HasMaxLength(64);
        builder.Property(p => p.TenantId).HasMaxLength(64).IsRequired();
        builder.Property(p => p.Key).HasMaxLength(ProcessDefinition.MaxKeyLength).IsRequired();
        builder.Property(p => p.Name).HasMaxLength(500);
        builder.Property(p => p.Xml).IsRequired();
        builder.Property(p => p.DeployedById).HasMaxLength(450).IsRequired();
        builder.Property(p => p.DeployedBy).HasMaxLength(256).IsRequired();
        builder.Property(p => p.DeploymentId).HasMaxLength(64).IsRequired();
        builder.Property(p => p.Comment).HasMaxLength(Deployment.MaxCommentLength);
        builder.Property(p => p.ResourceName).HasMaxLength(255).IsRequired();
        // The guard of contiguous versions: two concurrent deployments of a key cannot both take version n.
        builder.HasIndex(p => new { p.TenantId, p.Key, p.Version }).IsUnique();
        builder.HasIndex(p => p.DeploymentId);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(p => p.TenantId).OnDelete(DeleteBehavior.Restrict);
    }
}
