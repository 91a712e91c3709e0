using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Wbpm.Domain.Security;
using Wbpm.Infrastructure.Persistence;

namespace Wbpm.Infrastructure.Portal;

/// <summary>
/// Business keys of portal requests: the one the requester typed, or a generated <c>PREFIX-yyyyMMdd-XXXXX</c> (the
/// initials of the process key, the UTC date, five random characters without look-alikes such as 0/O and 1/I).
/// Either way unique among the tenant's instances, so people can quote it.
/// </summary>
public sealed class BusinessKeys(TimeProvider time)
{
    public const int MaxLength = 255;
    private const string Alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    private const int Attempts = 10;

    public async Task<string> ChooseAsync(WbpmDbContext db, string processKey, string? entered, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(entered))
        {
            var key = entered.Trim();
            if (key.Length > MaxLength)
                throw ValidationException.For("businessKey", $"The business key is at most {MaxLength} characters.");
            if (await InUseAsync(db, key, cancellationToken))
                throw ValidationException.For("businessKey", $"The business key '{key}' is already used by another request; choose another or leave it empty.");
            return key;
        }
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var key = $"{Prefix(processKey)}-{time.GetUtcNow():yyyyMMdd}-{RandomNumberGenerator.GetString(Alphabet, 5)}";
            if (!await InUseAsync(db, key, cancellationToken))
                return key;
        }
        throw new InvalidOperationException($"No free business key for '{processKey}' after {Attempts} attempts.");
    }

    /// <summary>"leave-request" → "LR", "tpl_customer_complaint" → "TCC", "approval" → "APPR".</summary>
    public static string Prefix(string processKey)
    {
        var words = processKey.Split(['-', '_', '.', ' '], StringSplitOptions.RemoveEmptyEntries)
            .Select(w => new string(w.Where(char.IsAsciiLetterOrDigit).ToArray())).Where(w => w.Length > 0).ToList();
        var prefix = words.Count switch
        {
            0 => "REQ",
            1 => words[0][..Math.Min(4, words[0].Length)],
            _ => string.Concat(words.Take(4).Select(w => w[0])),
        };
        return prefix.ToUpperInvariant();
    }

    private static Task<bool> InUseAsync(WbpmDbContext db, string key, CancellationToken cancellationToken) =>
        db.ProcessInstances.AnyAsync(i => i.BusinessKey == key, cancellationToken);
}
