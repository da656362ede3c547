using Cupwise.Domain.Catalogue;
using Cupwise.Domain.Clients;
using Cupwise.Domain.Safety;
using Cupwise.Domain.Sessions;
using Cupwise.Domain.Suction;
using static Cupwise.Domain.Tests.TestData;

namespace Cupwise.Domain.Tests;

public sealed class ScreeningTests
{
    private const string Always = "info.not-medical-care";
    private const string Fire = "procedure.fire-safety";

    private static ScreeningClient Adult(Action<Builder>? build = null)
    {
        var b = new Builder();
        build?.Invoke(b);
        return new ScreeningClient(b.Age, b.Pregnant, b.Temperature, b.Conditions, b.Medications, b.Skin, b.FirstSession, b.Home)
        {
            SystolicMmHg = b.Systolic,
            DiastolicMmHg = b.Diastolic,
            PulseBpm = b.Pulse,
            Allergens = b.Allergens,
        };
    }

    private sealed class Builder
    {
        public int Age = 40;
        public bool Pregnant;
        public double? Temperature = 36.8;
        public List<string> Conditions = [];
        public List<string> Medications = [];
        public List<SkinFinding> Skin = [];
        public bool FirstSession;
        public bool Home;
        public int? Systolic;
        public int? Diastolic;
        public int? Pulse;
        public List<string> Allergens = [];
    }

    private static ScreeningCup Cup(string site, BodySide side = BodySide.None, Technique technique = Technique.Stationary,
        SuctionMethodKind method = SuctionMethodKind.Pump, double? minutes = 10, double? pressure = null) =>
        new(Site(site), side, technique, method, minutes, pressure);

    private static ScreeningCup Back(BodySide side = BodySide.Left, double minutes = 10) => Cup("lower-back", side, minutes: minutes);

    /// <summary>The findings as (rule, severity, cup) in the engine's order.</summary>
    private static List<(string, FindingSeverity, int?)> Screen(ScreeningClient client, params ScreeningCup[] plan) =>
        [.. ScreeningEngine.Standard.Screen(client, plan).Findings.Select(f => (f.RuleId, f.Severity, f.Cup))];

    private static (string, FindingSeverity, int?) F(string rule, FindingSeverity severity, int? cup = null) => (rule, severity, cup);

    public static TheoryData<string, ScreeningClient, ScreeningCup[], (string, FindingSeverity, int?)[]> Cases => new()
    {
        // Site rules: skin findings at the planned site and side.
        { "broken skin at the site", Adult(b => b.Skin.Add(new SkinFinding { SiteId = "lower-back", Side = BodySide.Left, Kind = SkinFindingKind.BrokenSkin })), [Back()], [F(Always, FindingSeverity.Info), F("site.broken-skin", FindingSeverity.Block, 0)] },
        { "broken skin on the other side only", Adult(b => b.Skin.Add(new SkinFinding { SiteId = "lower-back", Side = BodySide.Right, Kind = SkinFindingKind.BrokenSkin })), [Back()], [F(Always, FindingSeverity.Info)] },
        { "ulcer", Adult(b => b.Skin.Add(new SkinFinding { SiteId = "calf", Side = BodySide.Left, Kind = SkinFindingKind.Ulcer })), [Cup("calf", BodySide.Left)], [F(Always, FindingSeverity.Info), F("site.broken-skin", FindingSeverity.Block, 0)] },
        { "infected skin", Adult(b => b.Skin.Add(new SkinFinding { SiteId = "upper-back", Side = BodySide.Right, Kind = SkinFindingKind.Infection })), [Cup("upper-back", BodySide.Right)], [F(Always, FindingSeverity.Info), F("site.infected-skin", FindingSeverity.Block, 0)] },
        { "allergic rash", Adult(b => b.Skin.Add(new SkinFinding { SiteId = "forearm", Side = BodySide.Left, Kind = SkinFindingKind.AllergicRash })), [Cup("forearm", BodySide.Left)], [F(Always, FindingSeverity.Info), F("site.allergic-skin", FindingSeverity.Block, 0)] },
        { "tumour", Adult(b => b.Skin.Add(new SkinFinding { SiteId = "scapula", Side = BodySide.Left, Kind = SkinFindingKind.Tumour })), [Cup("scapula", BodySide.Left)], [F(Always, FindingSeverity.Info), F("site.tumour", FindingSeverity.Block, 0)] },
        { "fresh scar", Adult(b => b.Skin.Add(new SkinFinding { SiteId = "abdomen", Kind = SkinFindingKind.FreshScar })), [Cup("abdomen")], [F(Always, FindingSeverity.Info), F("site.fresh-scar", FindingSeverity.Block, 0)] },
        { "an old scar is no bar", Adult(b => b.Skin.Add(new SkinFinding { SiteId = "abdomen", Kind = SkinFindingKind.Scar })), [Cup("abdomen")], [F(Always, FindingSeverity.Info)] },
        { "varicose veins", Adult(b => b.Skin.Add(new SkinFinding { SiteId = "calf", Side = BodySide.Right, Kind = SkinFindingKind.VaricoseVeins })), [Cup("calf", BodySide.Right), Cup("calf", BodySide.Left)], [F(Always, FindingSeverity.Info), F("site.varicose-veins", FindingSeverity.Block, 0)] },
        { "skin graft", Adult(b => b.Skin.Add(new SkinFinding { SiteId = "thigh-anterior", Side = BodySide.Left, Kind = SkinFindingKind.SkinGraft })), [Cup("thigh-anterior", BodySide.Left)], [F(Always, FindingSeverity.Info), F("site.skin-graft", FindingSeverity.Block, 0)] },
        { "lymphoedematous limb", Adult(b => b.Skin.Add(new SkinFinding { SiteId = "upper-arm-anterior", Side = BodySide.Right, Kind = SkinFindingKind.Lymphoedema })), [Cup("upper-arm-anterior", BodySide.Right)], [F(Always, FindingSeverity.Info), F("site.lymphoedema", FindingSeverity.Block, 0)] },
        // Site rules: anatomy.
        { "stationary over large vessels", Adult(), [Cup("knee-posterior", BodySide.Left)], [F(Always, FindingSeverity.Info), F("site.large-vessels", FindingSeverity.Override, 0)] },
        { "moving over the side of the neck is allowed", Adult(), [Cup("neck-lateral", BodySide.Left, Technique.Moving, SuctionMethodKind.Squeeze, null)], [F(Always, FindingSeverity.Info)] },
        { "anterior neck", Adult(), [Cup("neck-anterior", technique: Technique.Moving, method: SuctionMethodKind.Squeeze, minutes: null)], [F(Always, FindingSeverity.Info), F("site.anterior-neck", FindingSeverity.Block, 0)] },
        { "flash on the front of the neck", Adult(), [Cup("face-neck-anterior", technique: Technique.Flash, method: SuctionMethodKind.Squeeze, minutes: null)], [F(Always, FindingSeverity.Info)] },
        { "eye", Adult(), [Cup("eye", BodySide.Left, Technique.Moving, SuctionMethodKind.Squeeze, null)], [F(Always, FindingSeverity.Info), F("site.face-sense-organ", FindingSeverity.Block, 0)] },
        { "nose, mouth and ear", Adult(), [Cup("nose", technique: Technique.Moving, method: SuctionMethodKind.Squeeze, minutes: null), Cup("mouth", technique: Technique.Moving, method: SuctionMethodKind.Squeeze, minutes: null), Cup("ear", BodySide.Right, Technique.Moving, SuctionMethodKind.Squeeze, null)],
            [F(Always, FindingSeverity.Info), F("site.face-sense-organ", FindingSeverity.Block, 0), F("site.face-sense-organ", FindingSeverity.Block, 1), F("site.face-sense-organ", FindingSeverity.Block, 2)] },
        { "apex beat", Adult(), [Cup("chest-apex", BodySide.Left)], [F(Always, FindingSeverity.Info), F("site.apex-beat", FindingSeverity.Block, 0)] },
        { "groin", Adult(), [Cup("groin", BodySide.Right)], [F(Always, FindingSeverity.Info), F("site.large-vessels", FindingSeverity.Override, 0), F("site.groin", FindingSeverity.Block, 0)] },
        // Pregnancy: the lower back and abdomen are blocked, the rest is not.
        { "pregnant, lower back and shoulders", Adult(b => b.Pregnant = true), [Back(), Cup("sacrum"), Cup("upper-trapezius", BodySide.Left)],
            [F("pregnancy.caution", FindingSeverity.Caution), F(Always, FindingSeverity.Info), F("pregnancy.abdomen-lower-back", FindingSeverity.Block, 0), F("pregnancy.abdomen-lower-back", FindingSeverity.Block, 1)] },
        { "pregnant, abdomen", Adult(b => b.Pregnant = true), [Cup("abdomen")], [F("pregnancy.caution", FindingSeverity.Caution), F(Always, FindingSeverity.Info), F("pregnancy.abdomen-lower-back", FindingSeverity.Block, 0)] },
        // Client rules.
        { "warfarin", Adult(b => b.Medications.Add("Warfarin")), [Back()], [F("client.anticoagulant", FindingSeverity.Override), F(Always, FindingSeverity.Info)] },
        { "warfarin and wet cupping", Adult(b => b.Medications.Add("warfarin")), [Cup("upper-back", BodySide.Left, Technique.Wet, SuctionMethodKind.Pump, 5)],
            [F("client.anticoagulant", FindingSeverity.Override), F(Always, FindingSeverity.Info), F("client.anticoagulant-wet", FindingSeverity.Block, 0), F("procedure.wet-requirements", FindingSeverity.Info, 0)] },
        { "clopidogrel by brand", Adult(b => b.Medications.Add("PLAVIX")), [Back()], [F("client.anticoagulant", FindingSeverity.Override), F(Always, FindingSeverity.Info)] },
        { "an unclassed medicine", Adult(b => b.Medications.Add("Ibuprofen")), [Back()], [F(Always, FindingSeverity.Info)] },
        { "haemophilia", Adult(b => b.Conditions.Add("haemophilia")), [Back()], [F("client.bleeding-disorder", FindingSeverity.Override), F(Always, FindingSeverity.Info)] },
        { "low platelets and wet cupping", Adult(b => b.Conditions.Add("low-platelets")), [Cup("upper-back", BodySide.Left, Technique.Wet, SuctionMethodKind.Pump, 5)],
            [F("client.bleeding-disorder", FindingSeverity.Override), F(Always, FindingSeverity.Info), F("client.bleeding-disorder-wet", FindingSeverity.Block, 0), F("procedure.wet-requirements", FindingSeverity.Info, 0)] },
        { "fever by temperature", Adult(b => b.Temperature = 38.4), [Back()], [F("redflag.fever", FindingSeverity.Block), F(Always, FindingSeverity.Info)] },
        { "blood pressure 182/95: a crisis", Adult(b => (b.Systolic, b.Diastolic) = (182, 95)), [Back()],
            [F("vitals.hypertensive-crisis", FindingSeverity.Block), F(Always, FindingSeverity.Info)] },
        { "blood pressure 150/121: a crisis by the lower number alone", Adult(b => (b.Systolic, b.Diastolic) = (150, 121)), [Back()],
            [F("vitals.hypertensive-crisis", FindingSeverity.Block), F(Always, FindingSeverity.Info)] },
        { "blood pressure 179/119: not controlled, not yet a crisis", Adult(b => (b.Systolic, b.Diastolic) = (179, 119)), [Back()],
            [F("vitals.uncontrolled-hypertension", FindingSeverity.Override), F(Always, FindingSeverity.Info)] },
        { "blood pressure 165/90: not controlled", Adult(b => (b.Systolic, b.Diastolic) = (165, 90)), [Back()],
            [F("vitals.uncontrolled-hypertension", FindingSeverity.Override), F(Always, FindingSeverity.Info)] },
        { "blood pressure 159/99, pulse 99: nothing", Adult(b => (b.Systolic, b.Diastolic, b.Pulse) = (159, 99, 99)), [Back()], [F(Always, FindingSeverity.Info)] },
        { "blood pressure 85/55: low", Adult(b => (b.Systolic, b.Diastolic) = (85, 55)), [Back()],
            [F("vitals.low-blood-pressure", FindingSeverity.Caution), F(Always, FindingSeverity.Info)] },
        { "pulse 104: fast", Adult(b => b.Pulse = 104), [Back()], [F("vitals.fast-pulse", FindingSeverity.Caution), F(Always, FindingSeverity.Info)] },
        { "pulse 42: slow", Adult(b => b.Pulse = 42), [Back()], [F("vitals.slow-pulse", FindingSeverity.Caution), F(Always, FindingSeverity.Info)] },
        { "latex allergy", Adult(b => b.Allergens.Add("latex")), [Back()], [F("allergy.latex", FindingSeverity.Caution), F(Always, FindingSeverity.Info)] },
        { "anaphylaxis on record", Adult(b => b.Allergens.Add("anaphylaxis")), [Back()], [F("allergy.anaphylaxis", FindingSeverity.Caution), F(Always, FindingSeverity.Info)] },
        { "almond oil allergy, a gliding cup and a parked one", Adult(b => b.Allergens.Add("nut-oil")),
            [Cup("upper-back", BodySide.Left, Technique.Moving, minutes: null), Back()],
            [F(Always, FindingSeverity.Info), F("allergy.lubricant", FindingSeverity.Caution, 0)] },
        { "alcohol on the skin and a fire cup", Adult(b => b.Allergens.Add("alcohol")), [Cup("upper-back", BodySide.Left, method: SuctionMethodKind.FireCottonBall)],
            [F(Always, FindingSeverity.Info), F("allergy.alcohol-fire", FindingSeverity.Caution, 0), F(Fire, FindingSeverity.Info, 0)] },
        { "chlorhexidine and wet cupping", Adult(b => b.Allergens.Add("chlorhexidine")), [Cup("upper-back", BodySide.Left, Technique.Wet, SuctionMethodKind.Pump, 5)],
            [F(Always, FindingSeverity.Info), F("allergy.wet-antiseptic", FindingSeverity.Caution, 0), F("procedure.wet-requirements", FindingSeverity.Info, 0)] },
        { "37.9 °C is not a fever", Adult(b => b.Temperature = 37.9), [Back()], [F(Always, FindingSeverity.Info)] },
        { "signs of infection", Adult(b => b.Conditions.Add("infection-signs")), [Back()], [F("redflag.high-fever-condition", FindingSeverity.Block), F(Always, FindingSeverity.Info)] },
        { "convulsions", Adult(b => b.Conditions.Add("convulsions")), [Back()], [F("client.convulsions", FindingSeverity.Block), F(Always, FindingSeverity.Info)] },
        { "severe heart disease", Adult(b => b.Conditions.Add("severe-heart-disease")), [Back()], [F("client.severe-heart-disease", FindingSeverity.Override), F(Always, FindingSeverity.Info)] },
        { "anaemia, dry", Adult(b => b.Conditions.Add("anaemia")), [Back()], [F("client.anaemia", FindingSeverity.Caution), F(Always, FindingSeverity.Info)] },
        { "anaemia, wet", Adult(b => b.Conditions.Add("anaemia")), [Cup("upper-back", BodySide.Left, Technique.Wet, SuctionMethodKind.Pump, 5)],
            [F("client.anaemia", FindingSeverity.Caution), F(Always, FindingSeverity.Info), F("client.anaemia-wet", FindingSeverity.Block, 0), F("procedure.wet-requirements", FindingSeverity.Info, 0)] },
        { "advanced diabetes", Adult(b => b.Conditions.Add("advanced-diabetes")), [Back()], [F("client.advanced-diabetes", FindingSeverity.Override), F(Always, FindingSeverity.Info)] },
        { "diabetes", Adult(b => b.Conditions.Add("diabetes")), [Back()], [F("client.diabetes", FindingSeverity.Caution), F(Always, FindingSeverity.Info)] },
        { "hypertension", Adult(b => b.Conditions.Add("hypertension")), [Back()], [F("client.hypertension", FindingSeverity.Caution), F(Always, FindingSeverity.Info)] },
        { "a pacemaker", Adult(b => b.Conditions.Add("implanted-device")), [Back()], [F("client.implanted-device", FindingSeverity.Block), F(Always, FindingSeverity.Info)] },
        { "warfarin with its dose", Adult(b => b.Medications.Add("Warfarin 5 mg")), [Back()], [F("client.anticoagulant", FindingSeverity.Override), F(Always, FindingSeverity.Info)] },
        { "warfarin by brand in brackets", Adult(b => b.Medications.Add("Marevan (warfarin) 3mg daily")), [Back()], [F("client.anticoagulant", FindingSeverity.Override), F(Always, FindingSeverity.Info)] },
        { "aspirin by its ATC code", Adult(b => b.Medications.Add("B01AC06")), [Back()], [F("client.anticoagulant", FindingSeverity.Override), F(Always, FindingSeverity.Info)] },
        { "cancer", Adult(b => b.Conditions.Add("cancer")), [Back()], [F("client.cancer", FindingSeverity.Override), F(Always, FindingSeverity.Info)] },
        { "on chemotherapy", Adult(b => b.Medications.Add("Capecitabine 500 mg")), [Back()], [F("client.cancer-or-immunosuppressant-medicine", FindingSeverity.Override), F(Always, FindingSeverity.Info)] },
        { "kidney failure", Adult(b => b.Conditions.Add("organ-failure")), [Back()], [F("client.organ-failure", FindingSeverity.Block), F(Always, FindingSeverity.Info)] },
        { "a recent stroke", Adult(b => b.Conditions.Add("recent-stroke")), [Back()], [F("client.recent-stroke", FindingSeverity.Block), F(Always, FindingSeverity.Info)] },
        { "a recent heart attack", Adult(b => b.Conditions.Add("recent-heart-attack")), [Back()], [F("client.recent-heart-attack", FindingSeverity.Block), F(Always, FindingSeverity.Info)] },
        { "peripheral vascular disease", Adult(b => b.Conditions.Add("peripheral-vascular-disease")), [Back()], [F("client.peripheral-vascular-disease", FindingSeverity.Override), F(Always, FindingSeverity.Info)] },
        { "psoriasis", Adult(b => b.Conditions.Add("psoriasis")), [Back()], [F("client.psoriasis", FindingSeverity.Caution), F(Always, FindingSeverity.Info)] },
        { "eczema", Adult(b => b.Conditions.Add("eczema")), [Back()], [F("client.eczema", FindingSeverity.Caution), F(Always, FindingSeverity.Info)] },
        { "keloid scarring", Adult(b => b.Conditions.Add("keloid")), [Back()], [F("client.keloid", FindingSeverity.Override), F(Always, FindingSeverity.Info)] },
        { "a hernia", Adult(b => b.Conditions.Add("hernia")), [Back()], [F("client.hernia", FindingSeverity.Caution), F(Always, FindingSeverity.Info)] },
        { "severe oedema", Adult(b => b.Conditions.Add("severe-oedema")), [Back()], [F("client.severe-oedema", FindingSeverity.Override), F(Always, FindingSeverity.Info)] },
        { "intoxicated", Adult(b => b.Conditions.Add("intoxication")), [Back()], [F("client.intoxication", FindingSeverity.Block), F(Always, FindingSeverity.Info)] },
        { "contagious skin disease", Adult(b => b.Conditions.Add("contagious-skin-disease")), [Back()], [F("client.contagious-skin-disease", FindingSeverity.Override), F(Always, FindingSeverity.Info)] },
        { "a recent blood donation", Adult(b => b.Conditions.Add("recent-blood-donation")), [Back()], [F("client.recent-blood-donation", FindingSeverity.Caution), F(Always, FindingSeverity.Info)] },
        { "long-term prednisolone", Adult(b => b.Medications.Add("Prednisolone 5 mg daily")), [Back()], [F("client.corticosteroid-skin", FindingSeverity.Caution), F(Always, FindingSeverity.Info)] },
        { "on metformin", Adult(b => b.Medications.Add("Metformin 500mg")), [Back()], [F("client.diabetes-medicine", FindingSeverity.Caution), F(Always, FindingSeverity.Info)] },
        { "sunburn at the site", Adult(b => b.Skin.Add(new SkinFinding { SiteId = "lower-back", Side = BodySide.Left, Kind = SkinFindingKind.Sunburn })), [Back()], [F(Always, FindingSeverity.Info), F("site.sunburn", FindingSeverity.Block, 0)] },
        { "a recent injury at the site", Adult(b => b.Skin.Add(new SkinFinding { SiteId = "lower-back", Side = BodySide.Left, Kind = SkinFindingKind.RecentInjury })), [Back()], [F(Always, FindingSeverity.Info), F("site.recent-injury", FindingSeverity.Block, 0)] },
        { "recent surgery at the site", Adult(b => b.Skin.Add(new SkinFinding { SiteId = "lower-back", Side = BodySide.Left, Kind = SkinFindingKind.RecentSurgery })), [Back()], [F(Always, FindingSeverity.Info), F("site.recent-surgery", FindingSeverity.Block, 0)] },
        { "cachexia", Adult(b => b.Conditions.Add("cachexia")), [Back()], [F("client.cachexia", FindingSeverity.Override), F(Always, FindingSeverity.Info)] },
        { "history of DVT", Adult(b => b.Conditions.Add("dvt-history")), [Back()], [F("client.dvt-history", FindingSeverity.Override), F(Always, FindingSeverity.Info)] },
        { "just ate", Adult(b => b.Conditions.Add("just-ate")), [Back()], [F("client.meal", FindingSeverity.Caution), F(Always, FindingSeverity.Info)] },
        { "menstruation and the lower back", Adult(b => b.Conditions.Add("menstruation")), [Back(), Cup("upper-back", BodySide.Left)], [F(Always, FindingSeverity.Info), F("client.menstruation-lower-back", FindingSeverity.Caution, 0)] },
        // Populations.
        { "a child", Adult(b => b.Age = 9), [Back(minutes: 3)], [F("population.child", FindingSeverity.Caution), F(Always, FindingSeverity.Info)] },
        { "an elderly client", Adult(b => b.Age = 80), [Back()], [F("population.elderly", FindingSeverity.Caution), F(Always, FindingSeverity.Info)] },
        { "a first session of 10 minutes", Adult(b => b.FirstSession = true), [Back()], [F(Always, FindingSeverity.Info), F("population.first-session", FindingSeverity.Caution, 0)] },
        { "a first session of 5 minutes", Adult(b => b.FirstSession = true), [Back(minutes: 5)], [F(Always, FindingSeverity.Info)] },
        // Procedure.
        { "18 minutes", Adult(), [Back(minutes: 18)], [F(Always, FindingSeverity.Info), F("procedure.long-retention", FindingSeverity.Caution, 0)] },
        { "25 minutes", Adult(), [Back(minutes: 25)], [F(Always, FindingSeverity.Info), F("procedure.long-retention", FindingSeverity.Caution, 0), F("procedure.blister-risk", FindingSeverity.Override, 0)] },
        { "wet for 8 minutes", Adult(), [Cup("upper-back", BodySide.Left, Technique.Wet, SuctionMethodKind.Pump, 8)],
            [F(Always, FindingSeverity.Info), F("procedure.wet-retention", FindingSeverity.Caution, 0), F("procedure.wet-requirements", FindingSeverity.Info, 0)] },
        { "fire on the face", Adult(), [Cup("cheek", BodySide.Left, Technique.Moving, SuctionMethodKind.FireFlash, null)],
            [F(Always, FindingSeverity.Info), F("procedure.fire-on-face", FindingSeverity.Block, 0), F(Fire, FindingSeverity.Info, 0)] },
        { "a cup parked on the face", Adult(), [Cup("cheek", BodySide.Left, Technique.Stationary, SuctionMethodKind.Squeeze, 3, -60)], [F(Always, FindingSeverity.Info), F("procedure.parked-on-face", FindingSeverity.Caution, 0)] },
        { "strong vacuum on the face", Adult(), [Cup("cheek", BodySide.Left, Technique.Moving, SuctionMethodKind.Squeeze, null, -150)], [F(Always, FindingSeverity.Info), F("procedure.strong-on-face", FindingSeverity.Caution, 0)] },
        { "fire near the hairline", Adult(), [Cup("neck-posterior", method: SuctionMethodKind.FireFlash)], [F(Always, FindingSeverity.Info), F("procedure.fire-near-hair", FindingSeverity.Caution, 0), F(Fire, FindingSeverity.Info, 0)] },
        // Home users: overrides become blocks; wet cupping and fire are not for home.
        { "home user on warfarin", Adult(b => { b.Home = true; b.Medications.Add("apixaban"); }), [Back()], [F("client.anticoagulant", FindingSeverity.Block), F(Always, FindingSeverity.Info)] },
        { "home user with fire", Adult(b => b.Home = true), [Back() with { Method = SuctionMethodKind.FireCottonBall }], [F(Always, FindingSeverity.Info), F(Fire, FindingSeverity.Info, 0), F("procedure.fire-at-home", FindingSeverity.Block, 0)] },
        { "home user planning wet cupping", Adult(b => b.Home = true), [Cup("upper-back", BodySide.Left, Technique.Wet, SuctionMethodKind.Pump, 5)],
            [F(Always, FindingSeverity.Info), F("procedure.wet-requirements", FindingSeverity.Info, 0), F("procedure.wet-at-home", FindingSeverity.Block, 0)] },
        { "a healthy adult, 10 minutes on the back", Adult(), [Back(), Back(BodySide.Right)], [F(Always, FindingSeverity.Info)] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void EachRuleFamilyGivesTheExactFindings(string situation, ScreeningClient client, ScreeningCup[] plan, (string, FindingSeverity, int?)[] expected)
    {
        Assert.NotEmpty(situation);
        Assert.Equal(expected, Screen(client, plan));
    }

    [Fact]
    public void APregnantClientIsBlockedAtTheLowerBackAndNotElsewhere()
    {
        var result = ScreeningEngine.Standard.Screen(Adult(b => b.Pregnant = true), [Back(), Cup("upper-trapezius", BodySide.Left)]);
        Assert.False(result.Allowed);
        Assert.Contains(result.For(0), f => f.Severity == FindingSeverity.Block);
        Assert.DoesNotContain(result.For(1), f => f.Severity == FindingSeverity.Block);
    }

    [Fact]
    public void EveryFindingSaysWhyAndWhereThatComesFrom()
    {
        var result = ScreeningEngine.Standard.Screen(Adult(b => b.Medications.Add("warfarin")), [Cup("upper-back", BodySide.Left, Technique.Wet, SuctionMethodKind.Pump, 5)]);
        Assert.All(result.Findings, f =>
        {
            Assert.False(string.IsNullOrWhiteSpace(f.Message));
            Assert.Contains("SCIENCE.md", f.Source, StringComparison.Ordinal);
        });
        var wet = result.Findings.Single(f => f.RuleId == "client.anticoagulant-wet");
        Assert.Equal(("upper-back", BodySide.Left), (wet.SiteId, wet.Side));
    }

    [Fact]
    public void AChildGetsAShorterLighterPlanProposed()
    {
        var child = ScreeningEngine.Standard.Screen(Adult(b => b.Age = 8), [Back()]).Findings.Single(f => f.RuleId == "population.child");
        Assert.Equal((3.0, true), (child.Adjust!.MaxMinutes!.Value, child.Adjust.Light!.Value));
        Assert.Contains("carers", child.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FreeTextHistoryIsMatchedOntoTheVocabulary()
    {
        var client = Client.Create(Guid.NewGuid(), Guid.NewGuid(), new ClientDetails("Example", "Client", new DateOnly(1950, 1, 1), Sex.Female, null, null,
            new HealthHistory
            {
                Conditions = [new Condition { Name = "Iron-deficiency anaemia" }, new Condition { Name = "Epilepsy, well controlled" }],
                Medications = [new Medication { Name = "Unlisted blood thinner", AnticoagulantOrAntiplatelet = true }],
            }), TimeProvider.System);
        var screening = ScreeningClient.From(client, new DateOnly(2026, 11, 25), firstSession: false);
        var rules = ScreeningEngine.Standard.Screen(screening, [Back()]).Findings.Select(f => f.RuleId).ToList();
        Assert.Contains("client.anaemia", rules);
        Assert.Contains("client.convulsions", rules);
        Assert.Contains("client.anticoagulant", rules);
        Assert.Contains("population.elderly", rules);
    }

    [Fact]
    public void EveryRuleInTheFileIsReachedByATestCase()
    {
        var tested = Cases.SelectMany(row => ((ITheoryDataRow)row).GetData()[3] is ValueTuple<string, FindingSeverity, int?>[] e ? e.Select(x => x.Item1) : []).ToHashSet();
        var untested = ScreeningRuleSet.Standard.Rules.Select(r => r.Id).Where(id => !tested.Contains(id)).ToList();
        Assert.True(untested.Count == 0, "rules without a case: " + string.Join(", ", untested));
    }

    [Fact]
    public void ARuleFileWithATypoIsRefusedWithItsLine()
    {
        var json = File.ReadAllText(Path.Combine(RepositoryRoot(), "src", "Cupwise.Domain", "Safety", "screening-rules.json"))
            .Replace("\"skinFinding\": [\"broken-skin\", \"ulcer\"]", "\"skinFindng\": [\"broken-skin\", \"ulcer\"]", StringComparison.Ordinal);
        var e = Assert.Throws<RuleFileException>(() => ScreeningRuleSet.Parse(json));
        Assert.Contains("line 5", e.Message, StringComparison.Ordinal);
        Assert.Contains("skinFindng", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"severity\": \"block\"", "\"severity\": \"blocker\"", "line 5")]
    [InlineData("\"varicose-veins\"] }", "\"varicose-vein\"] }", "line ")]
    [InlineData("\"grade\": \"R\" },", "\"grade\": \"X\" },", "grade 'X'")]
    public void OtherMistakesInTheRuleFileAreNamed(string find, string replace, string expected)
    {
        var original = File.ReadAllText(Path.Combine(RepositoryRoot(), "src", "Cupwise.Domain", "Safety", "screening-rules.json"));
        var index = original.IndexOf(find, StringComparison.Ordinal);
        Assert.True(index >= 0, find);
        var json = string.Concat(original.AsSpan(0, index), replace, original.AsSpan(index + find.Length));
        var e = Assert.Throws<RuleFileException>(() => ScreeningRuleSet.Parse(json));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AConditionOutsideTheVocabularyIsRefusedWithTheNearestNames()
    {
        var original = File.ReadAllText(Path.Combine(RepositoryRoot(), "src", "Cupwise.Domain", "Safety", "screening-rules.json"));
        var e = Assert.Throws<RuleFileException>(() => ScreeningRuleSet.Parse(original.Replace("[\"convulsions\"]", "[\"convulsion\"]", StringComparison.Ordinal)));
        Assert.Contains("condition 'convulsion' is not in conditions.json (nearest: convulsions (Epilepsy and convulsions)", e.Message, StringComparison.Ordinal);
    }

    internal static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Cupwise.slnx")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new InvalidOperationException("Cupwise.slnx not found.");
    }
}
