using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wbpm.Domain.Jobs;

namespace Wbpm.Infrastructure.Persistence.Configurations;

/// <summary>
/// The engine's job table: the hot table of the executor. No foreign keys on purpose: every insert and delete is on
/// the executor's hot path, and jobs are removed with their instance by the engine's own commands.
/// </summary>
internal sealed class JobConfiguration : IEntityTypeConfiguration<Job>
{
    public void Configure(EntityTypeBuilder<Job> builder)
    {
        builder.ToTable("Jobs");
        builder.HasKey(j => j.Id);
        builder.Property(j => j.Id).HasMaxLength(64);
        builder.Property(j => j.TenantId).HasMaxLength(64).IsRequired();
        builder.Property(j => j.ProcessInstanceId).HasMaxLength(64);
        builder.Property(j => j.Kind).HasMaxLength(64).IsRequired();
        builder.Property(j => j.ElementId).HasMaxLength(255);
        builder.Property(j => j.TokenId).HasMaxLength(64);
        builder.Property(j => j.RetryCycle).HasMaxLength(64).IsRequired();
        builder.Property(j => j.LastError).HasMaxLength(Job.MaxErrorLength);
        // The lock is the job's concurrency token: a worker whose lock expired and was taken over cannot complete,
        // fail or release the job (its UPDATE/DELETE matches no row), so its instance changes roll back too.
        builder.Property(j => j.LockOwner).HasMaxLength(200).IsConcurrencyToken();
        builder.Property(j => j.LockExpiresAt).IsConcurrencyToken();
        builder.Ignore(j => j.IsFailed);

        // Acquisition: due jobs in due order. Exclusivity check and per-instance listing: by instance.
        builder.HasIndex(j => j.DueAt);
        builder.HasIndex(j => j.ProcessInstanceId);
        builder.HasIndex(j => new { j.TenantId, j.DueAt });
    }
}
