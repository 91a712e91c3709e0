using System.Security.Cryptography;
using System.Text;

namespace Wbpm.Infrastructure.ApiKeys;

/// <summary>
/// How API key secrets are made, shown and stored: "wbpm_" + 44 random base64url characters; the first
/// <see cref="PrefixLength"/> characters are the public prefix (lists, lookup), the database keeps only the SHA-256.
/// A salt-free fast hash is right here: the secret is 264 random bits, not a password a person chose.
/// </summary>
public static class ApiKeySecret
{
    public const int PrefixLength = 12;

    /// <summary>Configured secrets (Wbpm:Bootstrap:ApiKey) need this many characters so enough stays hidden behind the prefix.</summary>
    public const int MinimumLength = 32;

    public static string Generate() => "wbpm_" + Base64Url(RandomNumberGenerator.GetBytes(33));

    public static string PrefixOf(string secret) => secret[..Math.Min(PrefixLength, secret.Length)];

    public static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    /// <summary>Constant-time comparison, so response timing reveals nothing about how close a guess was.</summary>
    public static bool Matches(string presented, byte[] storedHash) =>
        CryptographicOperations.FixedTimeEquals(Hash(presented), storedHash);

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).Replace('+', '-').Replace('/', '_').TrimEnd('=');
}
