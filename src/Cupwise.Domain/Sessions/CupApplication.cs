using Cupwise.Domain.Catalogue;
using Cupwise.Domain.Quantities;

namespace Cupwise.Domain.Sessions;

/// <summary>One cup placed on the skin in a session: the unit of a cupping record.</summary>
public sealed class CupApplication
{
    private CupApplication()
    {
        CupId = SiteId = string.Empty;
    }

    public Guid Id { get; private set; }
    public Guid SessionId { get; private set; }

    /// <summary>The practice of the session: every row of client data carries its tenant.</summary>
    public Guid PracticeId { get; private set; }

    /// <summary>Order of placement, from 1.</summary>
    public int Number { get; private set; }
    public string CupId { get; private set; }
    public string SiteId { get; private set; }
    public BodySide Side { get; private set; }
    public MapView View { get; private set; }

    /// <summary>Position on the view's map, in its coordinates (see <see cref="MapPoint"/>).</summary>
    public double X { get; private set; }
    public double Y { get; private set; }
    public Technique Technique { get; private set; }
    public SuctionMethodKind Method { get; private set; }
    public int? PumpStrokes { get; private set; }
    public GaugePressure? SetPressure { get; private set; }
    public GaugePressure? Pressure { get; private set; }
    public PressureSource? PressureSource { get; private set; }
    public TimeSpan? PlannedDuration { get; private set; }

    /// <summary>Moving cups: passes along the pathway (facial cupping is recorded by zone and passes).</summary>
    public int? Passes { get; private set; }
    public DateTimeOffset? AppliedAt { get; private set; }
    public DateTimeOffset? RemovedAt { get; private set; }
    public MarkGrade? MarkGrade { get; private set; }
    public Sensation? Sensation { get; private set; }
    public string? Notes { get; private set; }

    /// <summary>True for cups that leave few or no marks (SCIENCE.md §2): moving, flash and facial cups.</summary>
    public bool ExpectsNoMark => Technique is Technique.Moving or Technique.Flash || View == MapView.Face;

    public TimeSpan? ActualDuration => AppliedAt is { } on && RemovedAt is { } off ? off - on : null;

    internal static CupApplication Plan(Guid sessionId, Guid practiceId, int number, CupPlan plan)
    {
        plan.Check();
        var position = plan.Position ?? plan.Site.CentreFor(plan.Side);
        var duration = plan.PlannedDuration ?? CupPlan.DefaultDuration(plan.Technique);
        // Nobody measured it: record what the suction model expects by the planned removal (1 min for cups
        // that keep moving), marked as estimated so it is never mistaken for a reading.
        var pressure = plan.Pressure;
        var source = plan.PressureSource;
        if (pressure is null)
        {
            var at = duration is { } planned && planned > TimeSpan.Zero ? planned : TimeSpan.FromMinutes(1);
            pressure = Suction.SuctionEstimator.EstimatePressure(plan.Cup, plan.Site, plan.Suction, at);
            source = Sessions.PressureSource.Estimated;
        }
        return new CupApplication
        {
            Id = Guid.NewGuid(),
            SessionId = sessionId,
            PracticeId = practiceId,
            Number = number,
            CupId = plan.Cup.Id,
            SiteId = plan.Site.Id,
            Side = plan.Side,
            View = plan.Site.View,
            X = position.X,
            Y = position.Y,
            Technique = plan.Technique,
            Method = plan.Suction.Method,
            PumpStrokes = plan.Suction.PumpStrokes,
            SetPressure = plan.Suction.SetPressure,
            Pressure = pressure,
            PressureSource = source,
            PlannedDuration = duration,
            Notes = Guard.Optional("notes", plan.Notes, 2000),
            Passes = plan.Passes ?? CupPlan.DefaultPasses(plan.Technique, plan.Site.View),
        };
    }

    /// <summary>Copies the planned parts of another application (same session, same number).</summary>
    internal void TakePlanFrom(CupApplication other)
    {
        CupId = other.CupId;
        SiteId = other.SiteId;
        Side = other.Side;
        View = other.View;
        X = other.X;
        Y = other.Y;
        Technique = other.Technique;
        Method = other.Method;
        PumpStrokes = other.PumpStrokes;
        SetPressure = other.SetPressure;
        Pressure = other.Pressure;
        PressureSource = other.PressureSource;
        PlannedDuration = other.PlannedDuration;
        Passes = other.Passes;
        Notes = other.Notes;
    }

    internal void Apply(DateTimeOffset at)
    {
        if (AppliedAt is not null)
        {
            throw new DomainStateException($"Cup {Number} was already applied at {AppliedAt:u}.");
        }
        AppliedAt = at;
    }

    internal void TakeOff(DateTimeOffset at, MarkGrade? grade, Sensation? sensation)
    {
        if (AppliedAt is not { } on)
        {
            throw new DomainValidationException("removedAt", $"cup {Number} cannot be removed before it is applied.");
        }
        if (RemovedAt is not null)
        {
            throw new DomainStateException($"Cup {Number} was already removed at {RemovedAt:u}.");
        }
        if (at < on)
        {
            throw new DomainValidationException("removedAt", $"must not be before the cup was applied ({on:u}).");
        }
        RemovedAt = at;
        // SCIENCE.md §2: moving, flash and facial cupping leave few or no marks, so grade 0 is the default.
        MarkGrade = grade ?? (ExpectsNoMark ? Quantities.MarkGrade.None : null);
        Sensation = sensation ?? Sensation;
    }

    internal List<FieldChange> Amend(CupAmendment change)
    {
        // Validate everything first so that a refused amendment changes nothing.
        var notes = change.Notes is null ? Notes : Guard.Optional("notes", change.Notes, 2000);
        if (change.RemovedAt is { } removedAt && AppliedAt is { } on && removedAt < on)
        {
            throw new DomainValidationException("removedAt", $"must not be before the cup was applied ({on:u}).");
        }
        var prefix = $"cups[{Number}]";
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        var changes = new List<FieldChange>();
        if (change.MarkGrade is { } grade && grade != MarkGrade)
        {
            changes.Add(new FieldChange($"{prefix}.markGrade", MarkGrade?.Grade.ToString(inv), grade.Grade.ToString(inv)));
            MarkGrade = grade;
        }
        if (change.Sensation is { } sensation && sensation != Sensation)
        {
            changes.Add(new FieldChange($"{prefix}.sensation", Sensation?.ToString(), sensation.ToString()));
            Sensation = sensation;
        }
        if (notes != Notes)
        {
            changes.Add(new FieldChange($"{prefix}.notes", Notes, notes));
            Notes = notes;
        }
        if (change.RemovedAt is { } removed && removed != RemovedAt)
        {
            changes.Add(new FieldChange($"{prefix}.removedAt", RemovedAt?.ToString("O", inv), removed.ToString("O", inv)));
            RemovedAt = removed;
        }
        if (change.Pressure is { } pressure && pressure != Pressure)
        {
            changes.Add(new FieldChange($"{prefix}.pressureMmHg", Pressure?.ToString(), pressure.ToString()));
            Pressure = pressure;
            PressureSource = change.PressureSource ?? Sessions.PressureSource.Measured;
        }
        return changes;
    }
}

/// <summary>What an amendment changes on one cup; null leaves a field as it is.</summary>
public sealed record CupAmendment(
    Guid CupApplicationId,
    MarkGrade? MarkGrade,
    Sensation? Sensation,
    string? Notes,
    DateTimeOffset? RemovedAt,
    GaugePressure? Pressure,
    PressureSource? PressureSource);
