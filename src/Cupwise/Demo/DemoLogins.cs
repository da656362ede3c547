using System.Security.Cryptography;
using Cupwise.Accounts;
using Cupwise.Data.Accounts;
using Microsoft.AspNetCore.Identity;

namespace Cupwise;

public sealed record DemoLogin(UserRole Role, string Email, string Password);

/// <summary>The demo practice's logins as printed at start (kept so that tests can sign in with them).</summary>
public sealed class DemoLogins
{
    public IReadOnlyList<DemoLogin> All { get; private set; } = [];

    public DemoLogin For(UserRole role) => All.First(l => l.Role == role);

    internal void Set(IReadOnlyList<DemoLogin> logins) => All = logins;
}

public static partial class DemoPractice
{
    public const string OwnerEmail = "owner@demo.cupwise.invalid";
    public const string PractitionerEmail = "practitioner@demo.cupwise.invalid";
    public const string ClientEmail = "client@demo.cupwise.invalid";

    /// <summary>
    /// Creates the demo's owner, practitioner and client (the low-back client's own login) if missing, and gives
    /// each a new random password. Only ever in the demo practice, whose id is fixed.
    /// </summary>
    public static async Task<IReadOnlyList<DemoLogin>> ResetLoginsAsync(AccountService accounts, UserManager<CupwiseUser> users, CancellationToken cancellationToken)
    {
        var logins = new List<DemoLogin>();
        foreach (var (role, email, client, practitioner) in new (UserRole, string, Guid?, Guid?)[]
                 {
                     (UserRole.Owner, OwnerEmail, null, null),
                     (UserRole.Practitioner, PractitionerEmail, null, PractitionerId),
                     (UserRole.Client, ClientEmail, BackClientId, null),
                 })
        {
            var password = NewPassword();
            var user = await users.FindByEmailAsync(email);
            if (user is null)
            {
                var added = await accounts.AddUserAsync(PracticeId, email, role, password, client, practitioner, cancellationToken);
                if (!added.Succeeded)
                {
                    throw new InvalidOperationException($"The demo login {email} could not be created: {added.Error}");
                }
            }
            else
            {
                if (user.PracticeId != PracticeId)
                {
                    throw new InvalidOperationException($"{email} belongs to another practice; the demo will not touch it.");
                }
                await users.RemovePasswordAsync(user);
                await users.AddPasswordAsync(user, password);
                await users.SetLockoutEndDateAsync(user, null);
                await users.ResetAccessFailedCountAsync(user);
            }
            logins.Add(new DemoLogin(role, email, password));
        }
        return logins;
    }

    /// <summary>Four groups of four from an alphabet without look-alikes: about 80 bits, easy to type.</summary>
    private static string NewPassword()
    {
        const string alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
        var chars = new char[19];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = i % 5 == 4 ? '-' : alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)];
        }
        return new string(chars);
    }
}
