using System.Globalization;

namespace Cupwise.Domain.Outcomes;

/// <summary>A value with its 95 % confidence interval.</summary>
public sealed record Estimate(double Value, double Low, double High)
{
    public bool ExcludesZero => Low > 0 || High < 0;
}

/// <summary>One reading of a measure as the statistics need it.</summary>
public sealed record Reading(DateTimeOffset TakenAt, double Value, MeasurementTiming Timing, Guid? SessionId);

/// <summary>How one measure moved over a course (docs/outcomes.md).</summary>
public sealed record MeasureProgress(
    string Measure,
    bool LowerIsBetter,
    int Readings,
    double? Baseline,
    double? Latest,
    double? Change,
    Estimate? CourseChange,
    Estimate? WithinSession,
    int WithinSessionPairs,
    Estimate? TrendPerWeek,
    bool? ClinicallyImportant,
    string Verdict,
    double? LastSessionBefore = null,
    double? LastSessionAfter = null);

/// <summary>
/// Single-client statistics over a course (docs/outcomes.md). Sustained readings are those taken before a
/// session or between visits; readings just after a session show its immediate effect and are used for the
/// within-session change only. With fewer than three sustained readings (or within-session pairs) no interval
/// is given and the verdict says there are too few to tell.
/// </summary>
public static class CourseStatistics
{
    /// <summary>Fewest readings for an interval: with two, a straight line always fits perfectly.</summary>
    public const int MinimumForInterval = 3;

    /// <summary>SCIENCE.md §6: a change in pain of about 2 points on 0–10, or 30 %, is the minimal clinically important difference.</summary>
    public const double PainMcidPoints = 2;

    public const double PainMcidFraction = 0.3;

    public static MeasureProgress Analyse(string measure, bool lowerIsBetter, bool isPain, IReadOnlyList<Reading> readings)
    {
        var ordered = readings.OrderBy(r => r.TakenAt).ToList();
        var sustained = ordered.Where(r => r.Timing != MeasurementTiming.AfterSession).ToList();
        var pairs = ordered.Where(r => r.Timing == MeasurementTiming.BeforeSession && r.SessionId is not null)
            .Select(before => (Before: before, After: ordered.FirstOrDefault(a => a.Timing == MeasurementTiming.AfterSession && a.SessionId == before.SessionId)))
            .Where(p => p.After is not null)
            .ToList();
        var lastPair = pairs.Count > 0 ? (Before: pairs[^1].Before.Value, After: pairs[^1].After!.Value) : ((double Before, double After)?)null;

        double? baseline = sustained.Count > 0 ? sustained[0].Value : null;
        double? latest = sustained.Count > 0 ? sustained[^1].Value : null;
        double? change = latest - baseline;
        Estimate? courseChange = null, trend = null;
        if (sustained.Count >= MinimumForInterval)
        {
            var days = sustained.Select(r => (r.TakenAt - sustained[0].TakenAt).TotalDays).ToArray();
            var span = days[^1] - days[0];
            if (span > 0 && days.Distinct().Count() >= 2)
            {
                var slope = Slope(days, [.. sustained.Select(r => r.Value)]);
                trend = new Estimate(slope.Value * 7, slope.Low * 7, slope.High * 7);
                courseChange = new Estimate(slope.Value * span, slope.Low * span, slope.High * span);
            }
        }
        var within = pairs.Count >= MinimumForInterval ? MeanWithInterval([.. pairs.Select(p => p.After!.Value - p.Before.Value)]) : null;

        bool? important = null;
        // One reading is a starting point, not a change: nothing to call important or not yet.
        if (isPain && sustained.Count >= 2 && baseline is { } b && latest is { } l)
        {
            var improvement = lowerIsBetter ? b - l : l - b;
            important = improvement >= PainMcidPoints || (b > 0 && improvement / b >= PainMcidFraction);
        }
        return new MeasureProgress(measure, lowerIsBetter, ordered.Count, baseline, latest, change, courseChange, within, pairs.Count, trend, important,
            Verdict(measure, lowerIsBetter, isPain, sustained.Count, baseline, latest, courseChange, important, lastPair), lastPair?.Before, lastPair?.After);
    }

    private static string Verdict(string measure, bool lowerIsBetter, bool isPain, int sustained, double? baseline, double? latest,
        Estimate? courseChange, bool? important, (double Before, double After)? lastPair)
    {
        var inv = CultureInfo.InvariantCulture;
        var name = char.ToUpperInvariant(measure[0]) + measure[1..];
        if (baseline is not { } b || latest is not { } l)
        {
            return $"No {measure} readings before a session or between visits yet.";
        }
        // The course (readings before sessions and between visits) and the session (before → just after) are told
        // apart: a drop within one session says nothing yet about whether it lasts.
        var moved = sustained == 1 ? string.Create(inv, $"{name} was {b:0.#} at the start")
            : l == b ? string.Create(inv, $"{name} is {l:0.#}, as at the start")
            : string.Create(inv, $"{name} went from {b:0.#} to {l:0.#} over the course");
        var session = lastPair is { } p && p.Before != p.After
            ? string.Create(inv, $". Within the latest session it went from {p.Before:0.#} to {p.After:0.#}{(sustained == 1 ? "; the reading before the next session tells whether that lasts" : "")}")
            : lastPair is { } same ? string.Create(inv, $". Within the latest session it stayed at {same.After:0.#}") : "";
        var mcid = important is null ? "" : isPain ? (important == true
                ? " — a clinically important change (about 2 points or 30 %)"
                : " — less than a clinically important change (about 2 points or 30 %)")
            : "";
        if (courseChange is null)
        {
            return $"{moved}{mcid}{session}. Too few measurements to tell whether that is more than day-to-day variation ({sustained} so far; {MinimumForInterval} are needed).";
        }
        var interval = string.Create(inv, $"{courseChange.Value:+0.0;-0.0;0.0} over the course (95 % CI {courseChange.Low:+0.0;-0.0;0.0} to {courseChange.High:+0.0;-0.0;0.0})");
        if (!courseChange.ExcludesZero)
        {
            return $"{moved}{mcid}{session}. The trend, {interval}, is compatible with no change.";
        }
        var better = lowerIsBetter ? courseChange.Value < 0 : courseChange.Value > 0;
        return $"{moved}{mcid}{session}. The trend, {interval}, shows it {(better ? "improving" : "worsening")}.";
    }

    /// <summary>Least-squares slope of <paramref name="y"/> on <paramref name="x"/> with its 95 % interval (t with n − 2 degrees of freedom).</summary>
    public static Estimate Slope(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        var n = x.Count;
        if (n < 3 || y.Count != n)
        {
            throw new ArgumentException("A slope with an interval needs at least three points.", nameof(x));
        }
        double mx = x.Average(), my = y.Average(), sxx = 0, sxy = 0;
        for (var i = 0; i < n; i++)
        {
            sxx += (x[i] - mx) * (x[i] - mx);
            sxy += (x[i] - mx) * (y[i] - my);
        }
        var slope = sxy / sxx;
        var intercept = my - (slope * mx);
        double sse = 0;
        for (var i = 0; i < n; i++)
        {
            var residual = y[i] - (intercept + (slope * x[i]));
            sse += residual * residual;
        }
        var se = Math.Sqrt(sse / (n - 2) / sxx);
        var t = StudentT.Quantile(0.975, n - 2);
        return new Estimate(slope, slope - (t * se), slope + (t * se));
    }

    /// <summary>Mean with its 95 % interval (t with n − 1 degrees of freedom).</summary>
    public static Estimate MeanWithInterval(IReadOnlyList<double> values)
    {
        var n = values.Count;
        if (n < 2)
        {
            throw new ArgumentException("An interval needs at least two values.", nameof(values));
        }
        var mean = values.Average();
        var sd = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (n - 1));
        var half = StudentT.Quantile(0.975, n - 1) * sd / Math.Sqrt(n);
        return new Estimate(mean, mean - half, mean + half);
    }
}

/// <summary>Student's t distribution: the distribution function from the regularised incomplete beta, the quantile by bisection.</summary>
public static class StudentT
{
    public static double Cdf(double t, double degreesOfFreedom)
    {
        var x = degreesOfFreedom / (degreesOfFreedom + (t * t));
        var tail = 0.5 * RegularisedIncompleteBeta(degreesOfFreedom / 2, 0.5, x);
        return t >= 0 ? 1 - tail : tail;
    }

    public static double Quantile(double p, double degreesOfFreedom)
    {
        if (p is <= 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(p), "must lie strictly between 0 and 1.");
        }
        if (p < 0.5)
        {
            return -Quantile(1 - p, degreesOfFreedom);
        }
        double low = 0, high = 1;
        while (Cdf(high, degreesOfFreedom) < p)
        {
            high *= 2;
        }
        for (var i = 0; i < 200 && high - low > 1e-12 * Math.Max(1, high); i++)
        {
            var mid = (low + high) / 2;
            if (Cdf(mid, degreesOfFreedom) < p)
            {
                low = mid;
            }
            else
            {
                high = mid;
            }
        }
        return (low + high) / 2;
    }

    /// <summary>I_x(a, b) by its continued fraction (modified Lentz), using the symmetry for x beyond the mean.</summary>
    public static double RegularisedIncompleteBeta(double a, double b, double x)
    {
        if (x <= 0)
        {
            return 0;
        }
        if (x >= 1)
        {
            return 1;
        }
        var front = Math.Exp(LogGamma(a + b) - LogGamma(a) - LogGamma(b) + (a * Math.Log(x)) + (b * Math.Log(1 - x)));
        return x < (a + 1) / (a + b + 2)
            ? front * ContinuedFraction(a, b, x) / a
            : 1 - (front * ContinuedFraction(b, a, 1 - x) / b);
    }

    private static double ContinuedFraction(double a, double b, double x)
    {
        const double Tiny = 1e-300;
        double c = 1, d = 1 - ((a + b) * x / (a + 1));
        d = Math.Abs(d) < Tiny ? Tiny : d;
        d = 1 / d;
        var h = d;
        for (var m = 1; m <= 300; m++)
        {
            var m2 = 2 * m;
            var even = m * (b - m) * x / ((a + m2 - 1) * (a + m2));
            d = 1 + (even * d);
            d = Math.Abs(d) < Tiny ? Tiny : d;
            c = 1 + (even / c);
            c = Math.Abs(c) < Tiny ? Tiny : c;
            d = 1 / d;
            h *= d * c;
            var odd = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1));
            d = 1 + (odd * d);
            d = Math.Abs(d) < Tiny ? Tiny : d;
            c = 1 + (odd / c);
            c = Math.Abs(c) < Tiny ? Tiny : c;
            d = 1 / d;
            var step = d * c;
            h *= step;
            if (Math.Abs(step - 1) < 1e-15)
            {
                break;
            }
        }
        return h;
    }

    /// <summary>ln Γ(x) for x &gt; 0 (Lanczos approximation, g = 7, nine coefficients).</summary>
    public static double LogGamma(double x)
    {
        if (x < 0.5)
        {
            return Math.Log(Math.PI / Math.Sin(Math.PI * x)) - LogGamma(1 - x);
        }
        ReadOnlySpan<double> g =
        [
            0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
            12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
        ];
        x -= 1;
        var sum = g[0];
        for (var i = 1; i < g.Length; i++)
        {
            sum += g[i] / (x + i);
        }
        var t = x + 7.5;
        return (0.5 * Math.Log(2 * Math.PI)) + ((x + 0.5) * Math.Log(t)) - t + Math.Log(sum);
    }
}
