using Cupwise.Clients;
using Cupwise.Sessions;

namespace Cupwise.Tests;

/// <summary>Request bodies that tests vary from.</summary>
public static class Requests
{
    public static ClientRequest Client(string family = "Example", string given = "Client") => new(
        family, given, new DateOnly(1985, 6, 15), "female", "client@example.org", "+44 20 7946 0000",
        new HealthHistoryDto(
            [new ConditionDto("Neck pain", "M54.2", "active", "2024", null)],
            [new MedicationDto("Apixaban", "5 mg twice daily", "by mouth", "B01AF02", false)],
            null,
            [new SkinFindingDto("calf", "left", "varicose-veins", "visible veins behind the knee")],
            [new AllergyDto("Latex", "rash", "moderate", "active"), new AllergyDto("Sweet almond oil", null, null, "resolved")],
            "Desk worker"));

    public static CupRequest Cup(string cup = "glass-large", string site = "lower-back", string side = "left",
        DateTimeOffset? on = null, DateTimeOffset? off = null, int? grade = null, string technique = "stationary", string method = "fire-flash") =>
        new(cup, site, side, null, null, technique, method, null, null, null, null, null, on, off, grade, null, null);

    /// <summary>A completed visit with <paramref name="cups"/> stationary cups on the back, 10 minutes each.</summary>
    public static SessionRequest CompletedSession(string clientId, string practitionerId, int cups, DateTimeOffset start)
    {
        var sites = new[] { ("lower-back", "left"), ("lower-back", "right"), ("upper-back", "left"), ("upper-back", "right"),
                            ("mid-back", "left"), ("mid-back", "right"), ("upper-trapezius", "left"), ("upper-trapezius", "right") };
        var list = Enumerable.Range(0, cups).Select(i =>
        {
            var (site, side) = sites[i % sites.Length];
            return Cup(site == "upper-trapezius" ? "glass-medium" : "glass-large", site, side, start.AddMinutes(i), start.AddMinutes(i + 10), 2);
        }).ToList();
        return new SessionRequest(clientId, practitionerId, "completed", start, start.AddMinutes(cups + 12), "Back pain visit",
            [new AdjunctDto("massage", "10 min effleurage before cupping")], list);
    }
}
