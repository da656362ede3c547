using Cupwise.Api;
using Cupwise.Domain.Catalogue;
using Cupwise.Domain.Quantities;
using Cupwise.Domain.Sessions;

namespace Cupwise.Sessions;

internal static class SessionMapping
{
    public static SessionResponse ToResponse(this TreatmentSession s) => new(
        s.Id.ToString(), s.ClientId.ToString(), s.PractitionerId.ToString(), s.Status, s.CreatedAt, s.StartedAt, s.EndedAt, s.Notes,
        [.. s.Adjuncts.Select(a => new AdjunctResponse(a.Kind, a.Detail))],
        [.. s.Cups.OrderBy(c => c.Number).Select(ToResponse)],
        [.. s.Amendments.OrderBy(a => a.AmendedAt).Select(a => new AmendmentResponse(a.Id.ToString(), a.Kind, a.AmendedAt, a.AmendedBy, a.Reason, a.Changes))],
        s.Version,
        [.. s.Overrides.Select(o => new OverrideResponse(o.RuleId, o.CupApplicationId?.ToString(), o.Reason, o.RecordedBy, o.RecordedAt))])
    {
        PlanId = s.PlanId?.ToString(),
        Vitals = [.. s.Vitals.Select(x => new VitalsResponse(x.TemperatureC, x.SystolicMmHg, x.DiastolicMmHg, x.PulseBpm, x.TakenAt, x.TakenBy))],
    };

    /// <summary>Reads vital signs from a request; problems go to <paramref name="v"/> under <paramref name="prefix"/>.</summary>
    public static VitalSigns? ToVitals(VitalsRequest r, string prefix, string by, DateTimeOffset now, RequestValidator v)
    {
        if (r.TakenAt is { } at && at > now.AddMinutes(1))
        {
            v.Add(RequestValidator.Join(prefix, "takenAt"), "must not be in the future.");
            return null;
        }
        return v.Try(prefix, () => VitalSigns.Take(r.TemperatureC, r.SystolicMmHg, r.DiastolicMmHg, r.PulseBpm, r.TakenAt?.ToUniversalTime() ?? now, by));
    }

    private static CupApplicationResponse ToResponse(CupApplication c) => new(
        c.Id.ToString(), c.Number, c.CupId, c.SiteId, c.Side, c.View, c.X, c.Y, c.Technique, c.Method, c.PumpStrokes,
        MmHg(c.SetPressure), MmHg(c.Pressure), c.PressureSource, c.PlannedDuration?.TotalMinutes, c.Passes,
        c.AppliedAt, c.RemovedAt, c.ActualDuration?.TotalMinutes, c.MarkGrade?.Grade, c.Sensation, c.Notes);

    private static double? MmHg(GaugePressure? p) => p is { } value ? Math.Round(value.MillimetresOfMercury, 1) : null;

    public static List<AdjunctTreatment> ToAdjuncts(IReadOnlyList<AdjunctDto>? adjuncts, RequestValidator v)
    {
        var list = new List<AdjunctTreatment>();
        var items = adjuncts ?? [];
        for (var i = 0; i < items.Count; i++)
        {
            var kind = v.Parse<AdjunctKind>($"adjuncts[{i}].kind", items[i].Kind);
            list.Add(new AdjunctTreatment { Kind = kind ?? AdjunctKind.Other, Detail = items[i].Detail ?? string.Empty });
        }
        return list;
    }

    /// <summary>Reads one cup of a request into a plan; problems go to <paramref name="v"/> under <paramref name="prefix"/>.</summary>
    public static CupPlan? ToPlan(CupRequest r, string prefix, IReadOnlyDictionary<string, Cup> cups, IReadOnlyDictionary<string, BodySite> sites, RequestValidator v)
    {
        var before = v.Errors.Count;
        Cup? cup = null;
        BodySite? site = null;
        if (string.IsNullOrWhiteSpace(r.CupId))
        {
            v.Add(RequestValidator.Join(prefix, "cupId"), "is required: a cup id from GET /api/v1/cups.");
        }
        else if (!cups.TryGetValue(r.CupId, out cup))
        {
            v.Add(RequestValidator.Join(prefix, "cupId"), $"'{r.CupId}' is not a known cup; GET /api/v1/cups lists them.");
        }
        if (string.IsNullOrWhiteSpace(r.SiteId))
        {
            v.Add(RequestValidator.Join(prefix, "siteId"), "is required: a site id from GET /api/v1/sites.");
        }
        else if (!sites.TryGetValue(r.SiteId, out site))
        {
            v.Add(RequestValidator.Join(prefix, "siteId"), $"'{r.SiteId}' is not a known body site; GET /api/v1/sites lists them.");
        }
        var side = v.Parse<BodySide>(RequestValidator.Join(prefix, "side"), r.Side, required: false) ?? BodySide.None;
        var technique = v.Parse<Technique>(RequestValidator.Join(prefix, "technique"), r.Technique);
        var method = v.Parse<SuctionMethodKind>(RequestValidator.Join(prefix, "method"), r.Method);
        var pressureSource = v.Parse<PressureSource>(RequestValidator.Join(prefix, "pressureSource"), r.PressureSource, required: false);
        _ = v.Parse<Sensation>(RequestValidator.Join(prefix, "sensation"), r.Sensation, required: false);
        var setPressure = r.SetPressureMmHg is { } sp ? v.TryValue(prefix, () => GaugePressure.FromMmHg(sp, "setPressureMmHg")) : null;
        var pressure = r.PressureMmHg is { } p ? v.TryValue(prefix, () => GaugePressure.FromMmHg(p, "pressureMmHg")) : null;
        TimeSpan? duration = null;
        if (r.PlannedDurationMin is { } minutes)
        {
            if (!double.IsFinite(minutes) || minutes < 0 || minutes > CupPlan.MaximumDuration.TotalMinutes)
            {
                v.Add(RequestValidator.Join(prefix, "plannedDurationMin"), $"must be between 0 and {CupPlan.MaximumDuration.TotalMinutes} min; got {minutes}.");
            }
            else
            {
                duration = TimeSpan.FromMinutes(minutes);
            }
        }
        if (r.MarkGrade is { } grade)
        {
            v.TryValue(prefix, () => MarkGrade.FromGrade(grade));
        }
        MapPoint? position = null;
        if ((r.X is null) != (r.Y is null))
        {
            v.Add(RequestValidator.Join(prefix, (r.X is null ? "x" : "y")), "x and y are given together, or neither (the site's centre is used).");
        }
        else if (r.X is { } x && r.Y is { } y && site is not null)
        {
            position = v.TryValue(prefix, () => MapPoint.Create(site.View, x, y, "position"));
        }
        var suction = method is { } m ? v.Try(prefix, () => SuctionSetting.Create(m, r.PumpStrokes, setPressure)) : null;
        if (v.Errors.Count > before || cup is null || site is null || technique is null || suction is null)
        {
            return null;
        }
        var plan = new CupPlan(cup, site, side, position, technique.Value, suction, duration, pressure, pressureSource, r.Notes) { Passes = r.Passes };
        return v.Run(prefix, plan.Check) ? plan : null;
    }

    public static DateTimeOffset? Utc(DateTimeOffset? value) => value?.ToUniversalTime();
}
