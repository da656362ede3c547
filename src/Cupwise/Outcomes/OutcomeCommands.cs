using System.Globalization;
using Cupwise.Api;
using Cupwise.Data;
using Cupwise.Domain;
using Cupwise.Domain.Outcomes;
using Cupwise.Domain.Sessions;
using Microsoft.EntityFrameworkCore;

namespace Cupwise.Outcomes;

/// <summary>
/// Records outcome measurements for the API and the charting page alike. A measurement taken with a session that
/// is already completed changes a completed record, so it needs a reason and is kept as the session's amendment.
/// </summary>
public sealed class OutcomeCommands(CupwiseDbContext db, PracticeScope scope, Accounts.CurrentUser user, TimeProvider clock)
{
    public async Task<CommandResult<OutcomeMeasurement>> RecordAsync(Guid clientId, OutcomeRequest request, CancellationToken cancellationToken = default)
    {
        if (!await db.Clients.AnyAsync(c => c.Id == clientId, cancellationToken))
        {
            return CommandResult<OutcomeMeasurement>.NotFound();
        }
        var v = new RequestValidator();
        var kind = v.Parse<MeasureKind>("kind", request.Kind);
        var timing = v.Parse<MeasurementTiming>("timing", request.Timing, required: false) ?? MeasurementTiming.Standalone;
        if (request.Value is null)
        {
            v.Add("value", "is required.");
        }
        TreatmentSession? session = null;
        if (request.SessionId is not null)
        {
            session = Guid.TryParse(request.SessionId, out var sid)
                ? await db.Sessions.Include(s => s.Amendments).FirstOrDefaultAsync(s => s.Id == sid && s.ClientId == clientId, cancellationToken)
                : null;
            if (session is null)
            {
                v.Add("sessionId", "is not a session of this client.");
            }
        }
        var measure = kind switch
        {
            MeasureKind.Pain => MeasureDefinition.Pain(),
            MeasureKind.RangeOfMotion => v.Try("", () => MeasureDefinition.RangeOfMotion(request.Joint, request.Direction)),
            MeasureKind.Custom => v.Try("", () => MeasureDefinition.Custom(request.Name, request.RangeMin, request.RangeMax, request.Unit)),
            null => null,
        };
        if (!v.IsValid || measure is null || request.Value is not { } value)
        {
            return CommandResult<OutcomeMeasurement>.Invalid(v);
        }
        var takenAt = request.TakenAt?.ToUniversalTime() ?? clock.GetUtcNow();
        var outcome = v.Try("", () => OutcomeMeasurement.Record(scope.PracticeId, clientId, session?.Id, measure, value, timing, takenAt, clock, user.Actor));
        if (outcome is null)
        {
            return CommandResult<OutcomeMeasurement>.Invalid(v);
        }
        if (session is { IsOpen: false })
        {
            if (session.Status == SessionStatus.Completed && string.IsNullOrWhiteSpace(request.Reason))
            {
                v.Add("reason", "is required: the session is completed, so a measurement added to it now is an amendment — say why it is added afterwards.");
                return CommandResult<OutcomeMeasurement>.Invalid(v);
            }
            try
            {
                session.NoteAddedMeasurement(user.Actor, request.Reason ?? string.Empty, Describe(outcome), clock);
            }
            catch (DomainStateException e)
            {
                return CommandResult<OutcomeMeasurement>.Refused(e.Message);
            }
            catch (DomainValidationException e)
            {
                v.AddAll("", e);
                return CommandResult<OutcomeMeasurement>.Invalid(v);
            }
        }
        db.Outcomes.Add(outcome);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return CommandResult<OutcomeMeasurement>.Stale();
        }
        return CommandResult<OutcomeMeasurement>.Done(outcome);
    }

    /// <summary>The measurement in words, for the amendment history ("pain after the session: 3").</summary>
    public static string Describe(OutcomeMeasurement o)
    {
        var what = o.Kind switch
        {
            MeasureKind.Pain => "pain",
            MeasureKind.RangeOfMotion => $"range of motion, {o.Joint} {o.Direction}",
            MeasureKind.Custom => o.Name ?? "measure",
        };
        var when = o.Timing switch
        {
            MeasurementTiming.BeforeSession => " before the session",
            MeasurementTiming.AfterSession => " after the session",
            MeasurementTiming.Standalone => "",
        };
        var unit = o.Kind == MeasureKind.RangeOfMotion ? "°" : o.Kind == MeasureKind.Custom ? $" {o.Unit}" : "";
        return $"{what}{when}: {o.Value.ToString("0.#", CultureInfo.InvariantCulture)}{unit}";
    }
}
