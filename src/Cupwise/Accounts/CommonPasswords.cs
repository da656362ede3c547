using Cupwise.Data.Accounts;
using Microsoft.AspNetCore.Identity;

namespace Cupwise.Accounts;

/// <summary>
/// OWASP ASVS 5 (V6.2): no composition rules, at least 12 characters, and no password from a list of the
/// commonly used and breached ones (data file <c>Accounts/common-passwords.txt</c>), nor one that is only the
/// login's own e-mail or a single repeated character.
/// </summary>
public sealed class CommonPasswordValidator : IPasswordValidator<CupwiseUser>
{
    private static readonly Lazy<HashSet<string>> Common = new(Load);

    public Task<IdentityResult> ValidateAsync(UserManager<CupwiseUser> manager, CupwiseUser user, string? password)
    {
        if (password is null)
        {
            return Task.FromResult(IdentityResult.Success);
        }
        var folded = password.Trim().ToLowerInvariant();
        var local = (user.Email ?? string.Empty).Split('@')[0].ToLowerInvariant();
        if (Common.Value.Contains(folded) || folded.Distinct().Count() <= 2 || (local.Length >= 4 && folded.Contains(local, StringComparison.Ordinal)))
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError
            {
                Code = "CommonPassword",
                Description = "This password is too common or too easy to guess (it is on a list of breached passwords, repeats one character, or contains the e-mail). A few unrelated words make a good one.",
            }));
        }
        return Task.FromResult(IdentityResult.Success);
    }

    public static bool IsCommon(string password) => Common.Value.Contains(password.Trim().ToLowerInvariant());

    private static HashSet<string> Load()
    {
        using var stream = typeof(CommonPasswordValidator).Assembly.GetManifestResourceStream("common-passwords.txt")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).Select(l => l.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
    }
}
