using Cupwise.Domain.Catalogue;
using Cupwise.Domain.Quantities;
using Cupwise.Domain.Sessions;

namespace Cupwise.Domain.Suction;

/// <summary>How serious a finding is (the screening rules use the same scale).</summary>
public enum FindingSeverity
{
    Info,
    Caution,
    Override,
    Block,
}

/// <summary>A concern about a planned cup, with why and where the rule comes from.</summary>
public sealed record SuctionFinding(string RuleId, FindingSeverity Severity, string Message, string Source);

/// <summary>
/// The procedure limits of SCIENCE.md §3 that the suction model informs: retention time, blister risk,
/// strong vacuum or fire on the face. The safety-screening rules consume these findings.
/// </summary>
public static class SuctionSafety
{
    /// <summary>Above this much vacuum a facial cup is no longer "light suction" (SCIENCE.md §3, facial cupping) — Cupwise's threshold [P].</summary>
    public const double FacialLightSuctionMmHg = 100;

    public static IReadOnlyList<SuctionFinding> Assess(BodySite site, Technique technique, SuctionMethodKind method, TimeSpan? duration, GaugePressure? pressure)
    {
        var findings = new List<SuctionFinding>();
        var stationary = technique is Technique.Stationary or Technique.NeedleCup or Technique.Wet;
        if (stationary && duration is { } d)
        {
            if (d > TimeSpan.FromMinutes(20))
            {
                findings.Add(new("suction.blister-risk", FindingSeverity.Override,
                    $"Planned {d.TotalMinutes:0} min: beyond about 20 min blisters become likely. Shorten to 10 min, or record why longer is needed.",
                    "SCIENCE.md §3: blister risk beyond about 20 min [P]"));
            }
            else if (d > TimeSpan.FromMinutes(15))
            {
                findings.Add(new("suction.long-retention", FindingSeverity.Caution,
                    $"Planned {d.TotalMinutes:0} min: stationary cups are usually left 5–10 min, at most 15. Consider 10 min.",
                    "SCIENCE.md §3: stationary retention 5–10 min typical, up to 15 [R]"));
            }
        }
        if (site.View == MapView.Face)
        {
            if (method.IsFire())
            {
                findings.Add(new("suction.fire-on-face", FindingSeverity.Block,
                    "Fire is never used on the face: use a small silicone cup or a glass cup with a rubber bulb.",
                    "SCIENCE.md §3, facial cupping: never fire on the face [P]"));
            }
            if (stationary)
            {
                findings.Add(new("suction.parked-on-face", FindingSeverity.Caution,
                    "Facial cups keep moving (about 2–3 s per stroke) and are never parked: a cup left standing on the face leaves marks.",
                    "SCIENCE.md §3, facial cupping [P]"));
            }
            if (pressure is { } p && -p.MillimetresOfMercury > FacialLightSuctionMmHg)
            {
                findings.Add(new("suction.strong-on-face", FindingSeverity.Caution,
                    $"About {-p.MillimetresOfMercury:0} mmHg on the face: facial cupping uses light suction. Squeeze less or use a smaller cup.",
                    "SCIENCE.md §3, facial cupping: light suction; a mark on the face means the suction was too strong [P]"));
            }
        }
        return findings;
    }
}
