using Cupwise.Domain.Catalogue;
using Cupwise.Domain.Clients;
using Microsoft.Extensions.Time.Testing;

namespace Cupwise.Domain.Tests;

public sealed class ClientTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));

    private static ClientDetails Details(DateOnly dob, HealthHistory? history = null, string family = "Example", Sex sex = Sex.Female) =>
        new(family, "Client", dob, sex, null, null, history ?? new HealthHistory());

    [Fact]
    public void AClientWithAHealthHistoryIsCreatedAtVersionOne()
    {
        var history = new HealthHistory
        {
            Medications = [new Medication { Name = "Warfarin", AnticoagulantOrAntiplatelet = true }],
            Pregnancy = new Pregnancy { Weeks = 14 },
            SkinFindings = [new SkinFinding { SiteId = "calf", Side = BodySide.Left, Kind = SkinFindingKind.VaricoseVeins }],
        };
        var client = Client.Create(Guid.NewGuid(), Guid.NewGuid(), Details(new DateOnly(1990, 5, 1), history), _clock);
        Assert.Equal(1, client.Version);
        Assert.Equal(36, client.AgeOn(new DateOnly(2026, 11, 25)));
        Assert.True(client.HealthHistory.Medications[0].AnticoagulantOrAntiplatelet);
    }

    [Fact]
    public void EveryProblemWithAClientIsReportedTogether()
    {
        var history = new HealthHistory { SkinFindings = [new SkinFinding { SiteId = "moon", Kind = SkinFindingKind.Scar }], Pregnancy = new Pregnancy { Weeks = 50 } };
        var e = Assert.Throws<DomainValidationException>(() =>
            Client.Create(Guid.NewGuid(), Guid.NewGuid(), Details(new DateOnly(2027, 1, 1), history, family: " "), _clock));
        var fields = e.Errors.Select(x => x.Field).ToList();
        Assert.Contains("familyName", fields);
        Assert.Contains("dateOfBirth", fields);
        Assert.Contains("healthHistory.skinFindings[0].siteId", fields);
        Assert.Contains("healthHistory.pregnancy.weeks", fields);
    }

    [Fact]
    public void AnUpdateKeepsTheOldDetailsAsARevision()
    {
        var client = Client.Create(Guid.NewGuid(), Guid.NewGuid(), Details(new DateOnly(1990, 5, 1)), _clock);
        var revision = client.Update(Details(new DateOnly(1990, 5, 2), family: "Renamed"), _clock, "front desk");
        Assert.Equal(2, client.Version);
        Assert.Equal(1, revision.Version);
        Assert.Contains("\"familyName\":\"Example\"", revision.Snapshot, StringComparison.Ordinal);
        Assert.Equal("Renamed", client.FamilyName);
    }

    [Fact]
    public void ARefusedUpdateChangesNothing()
    {
        var client = Client.Create(Guid.NewGuid(), Guid.NewGuid(), Details(new DateOnly(1990, 5, 1)), _clock);
        Assert.Throws<DomainValidationException>(() => client.Update(Details(new DateOnly(2030, 1, 1), family: "Renamed"), _clock, null));
        Assert.Equal("Example", client.FamilyName);
        Assert.Equal(1, client.Version);
    }

    [Fact]
    public void PregnancyIsNotRecordedForAMaleClient()
    {
        var e = Assert.Throws<DomainValidationException>(() => Client.Create(Guid.NewGuid(), Guid.NewGuid(),
            Details(new DateOnly(1990, 5, 1), new HealthHistory { Pregnancy = new Pregnancy { Weeks = 10 } }, sex: Sex.Male), _clock));
        Assert.Equal("healthHistory.pregnancy", e.Field);
    }
}
