using System.Globalization;
using System.Text;
using Cupwise.Domain.Outcomes;

namespace Cupwise.Domain.Plans;

/// <summary>A plan as the practice report needs it.</summary>
public sealed record ReportPlan(Guid Id, Guid ClientId, string? ProtocolId, string Condition, string? Icd10, PlanStatus Status);

/// <summary>A pain reading before one of a plan's sessions.</summary>
public sealed record ReportReading(Guid PlanId, DateTimeOffset TakenAt, double Value);

/// <summary>One indication's line in the practice report.</summary>
public sealed record IndicationOutcome(
    string Indication,
    string? ProtocolId,
    string? EvidenceGrade,
    int Plans,
    int Clients,
    int Sessions,
    int Resolved,
    double? MedianSessionsToResolution,
    int WithPainReadings,
    int Responders,
    double? ResponderRate,
    Estimate? MeanPainChange,
    int AdverseEvents);

/// <summary>
/// The practice's outcomes by indication (docs/outcomes.md): how many clients and sessions, how many plans
/// resolved and after how many sessions, how many responded (pain improved by the MCID), the mean change in pain
/// with its 95 % interval, and the adverse events recorded.
/// </summary>
public static class OutcomeReport
{
    /// <param name="sessionsPerPlan">Completed sessions per plan in the period (and by the practitioner, when filtered).</param>
    /// <param name="readings">Pain readings before the plans' sessions in the period.</param>
    /// <param name="adversePerPlan">Adverse events per plan in the period.</param>
    public static IReadOnlyList<IndicationOutcome> Build(IReadOnlyList<ReportPlan> plans, IReadOnlyDictionary<Guid, int> sessionsPerPlan,
        IReadOnlyList<ReportReading> readings, IReadOnlyDictionary<Guid, int> adversePerPlan, IReadOnlyList<Protocol>? own = null)
    {
        var painByPlan = readings.GroupBy(r => r.PlanId).ToDictionary(g => g.Key, g =>
        {
            ReportReading? first = null, last = null;
            foreach (var r in g)
            {
                if (first is null || r.TakenAt < first.TakenAt)
                {
                    first = r;
                }
                if (last is null || r.TakenAt > last.TakenAt)
                {
                    last = r;
                }
            }
            return (Count: g.Count(), Baseline: first!.Value, Latest: last!.Value);
        });
        return [.. plans.Where(p => sessionsPerPlan.ContainsKey(p.Id))
            .GroupBy(p => p.ProtocolId ?? (p.Icd10 is null ? $"other: {p.Condition}" : $"other: {p.Icd10}"))
            .Select(g =>
            {
                var protocol = ProtocolLibrary.Find(g.First().ProtocolId, own);
                var resolved = g.Where(p => p.Status == PlanStatus.Resolved).Select(p => (double)sessionsPerPlan[p.Id]).Order().ToList();
                var changes = g.Where(p => painByPlan.TryGetValue(p.Id, out var pain) && pain.Count >= 2)
                    .Select(p => painByPlan[p.Id]).ToList();
                var responders = changes.Count(c => c.Baseline - c.Latest >= CourseStatistics.PainMcidPoints
                    || (c.Baseline > 0 && (c.Baseline - c.Latest) / c.Baseline >= CourseStatistics.PainMcidFraction));
                return new IndicationOutcome(
                    protocol?.Name ?? g.Key,
                    protocol?.Id,
                    protocol?.Evidence.Grade,
                    g.Count(),
                    g.Select(p => p.ClientId).Distinct().Count(),
                    g.Sum(p => sessionsPerPlan[p.Id]),
                    resolved.Count,
                    resolved.Count == 0 ? null : Median(resolved),
                    changes.Count,
                    responders,
                    changes.Count == 0 ? null : (double)responders / changes.Count,
                    changes.Count >= CourseStatistics.MinimumForInterval ? CourseStatistics.MeanWithInterval([.. changes.Select(c => c.Latest - c.Baseline)]) : null,
                    g.Sum(p => adversePerPlan.TryGetValue(p.Id, out var n) ? n : 0));
            })
            .OrderByDescending(r => r.Plans).ThenBy(r => r.Indication, StringComparer.Ordinal)];
    }

    public static double Median(IReadOnlyList<double> sorted) =>
        sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;

    /// <summary>The report as CSV (RFC 4180, invariant culture, empty cells for "not enough data").</summary>
    public static string ToCsv(IReadOnlyList<IndicationOutcome> rows)
    {
        var inv = CultureInfo.InvariantCulture;
        var csv = new StringBuilder();
        csv.Append("indication,protocol,evidence_grade,plans,clients,sessions,resolved,median_sessions_to_resolution,plans_with_pain_readings,responders,responder_rate,mean_pain_change,mean_pain_change_ci_low,mean_pain_change_ci_high,adverse_events\r\n");
        foreach (var r in rows)
        {
            csv.Append(string.Join(',',
                Quote(r.Indication), Quote(r.ProtocolId ?? ""), Quote(r.EvidenceGrade ?? ""),
                r.Plans.ToString(inv), r.Clients.ToString(inv), r.Sessions.ToString(inv), r.Resolved.ToString(inv),
                r.MedianSessionsToResolution?.ToString("0.#", inv) ?? "", r.WithPainReadings.ToString(inv), r.Responders.ToString(inv),
                r.ResponderRate?.ToString("0.###", inv) ?? "",
                r.MeanPainChange?.Value.ToString("0.##", inv) ?? "", r.MeanPainChange?.Low.ToString("0.##", inv) ?? "", r.MeanPainChange?.High.ToString("0.##", inv) ?? "",
                r.AdverseEvents.ToString(inv)));
            csv.Append("\r\n");
        }
        return csv.ToString();
    }

    private static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\r', '\n']) >= 0 || value.StartsWith('=') || value.StartsWith('+') || value.StartsWith('-') || value.StartsWith('@')
            ? "\"" + (value.Length > 0 && "=+-@".Contains(value[0], StringComparison.Ordinal) ? "'" : "") + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : value;
}
