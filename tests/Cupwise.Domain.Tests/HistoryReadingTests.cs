using Cupwise.Domain.Clients;
using Cupwise.Domain.Safety;

namespace Cupwise.Domain.Tests;

/// <summary>Screening reads a health history as a clinician would: codes, whole words, status; never a word inside another.</summary>
public sealed class HistoryReadingTests
{
    private static IReadOnlyList<string> Read(string name, ConditionStatus status = ConditionStatus.Active, string? code = null, string? notes = null) =>
        [.. ConditionCatalogue.Standard.Read(new Condition { Name = name, Status = status, Icd10 = code, Notes = notes })];

    [Theory]
    [InlineData("Hay fever")]
    [InlineData("Seasonal allergies (hay fever), worse in May")]
    [InlineData("Rheumatic fever")]
    [InlineData("A period of stress at work")]
    [InlineData("Muscle wasting after surgery")]
    [InlineData("Undiabetic")]
    [InlineData("Heat stroke last summer")]
    [InlineData("Malignant hypertension ruled out")]
    public void AWordInsideAnotherOrALongerNameIsNotACondition(string name)
    {
        Assert.DoesNotContain("recent-stroke", Read(name));
        Assert.DoesNotContain("cancer", Read(name));
        Assert.DoesNotContain("high-fever", Read(name));
        Assert.DoesNotContain("menstruation", Read(name));
        Assert.DoesNotContain("cachexia", Read(name));
        Assert.DoesNotContain("diabetes", Read(name));
    }

    [Theory]
    [InlineData("Type 2 diabetes", "diabetes")]
    [InlineData("Diabetes mellitus type II, on metformin", "diabetes")]
    [InlineData("Hypertension", "hypertension")]
    [InlineData("High blood pressure (treated)", "hypertension")]
    [InlineData("Epilepsy, well controlled", "convulsions")]
    [InlineData("Fever since yesterday", "high-fever")]
    [InlineData("Cardiac pacemaker fitted", "implanted-device")]
    [InlineData("Von Willebrand disease", "bleeding-disorder")]
    public void WholeWordsAndTheirAliasesNameTheCondition(string name, string concept) => Assert.Contains(concept, Read(name));

    [Theory]
    [InlineData("E11.9", "diabetes")]
    [InlineData("e119", "diabetes")]
    [InlineData("I10", "hypertension")]
    [InlineData("G40.3", "convulsions")]
    [InlineData("D66", "haemophilia")]
    [InlineData("D69.4", "low-platelets")]
    [InlineData("Z95.0", "implanted-device")]
    public void ARecordedIcd10CodeNamesTheConditionWhateverTheWords(string code, string concept) => Assert.Contains(concept, Read("as noted by the GP", code: code));

    [Fact]
    public void ACodeOutsideEveryRangeReadsAsNothingAndBoundsAreInclusive()
    {
        Assert.Empty(Read("neck pain", code: "M54.2"));
        Assert.DoesNotContain("low-platelets", Read("x", code: "D69.2"));
        Assert.Contains("low-platelets", Read("x", code: "D69.6"));
        Assert.DoesNotContain("haemophilia", Read("x", code: "D68.0")); // von Willebrand is a bleeding disorder, not haemophilia
        Assert.Contains("bleeding-disorder", Read("x", code: "D68.0"));
    }

    [Theory]
    [InlineData("Epilepsy", ConditionStatus.Resolved)]
    [InlineData("Epilepsy", ConditionStatus.HistoryOf)]
    [InlineData("Epilepsy as a child", ConditionStatus.Active)]
    [InlineData("History of epilepsy", ConditionStatus.Active)]
    public void APastConditionDoesNotMatchAnActiveOnlyRule(string name, ConditionStatus status) => Assert.DoesNotContain("convulsions", Read(name, status));

    [Theory]
    [InlineData(ConditionStatus.Active)]
    [InlineData(ConditionStatus.Resolved)]
    [InlineData(ConditionStatus.HistoryOf)]
    public void APastClotStillCounts(ConditionStatus status) => Assert.Contains("dvt-history", Read("Deep vein thrombosis, left leg", status));

    [Theory]
    [InlineData("Warfarin 5 mg", "anticoagulant")]
    [InlineData("warfarin (Coumadin)", "anticoagulant")]
    [InlineData("Eliquis 2.5mg twice daily", "anticoagulant")]
    [InlineData("Low-dose aspirin 75 mg", "antiplatelet")]
    [InlineData("B01AF01", "anticoagulant")]
    public void AMedicineIsClassedByItsNameOrBrandWhateverFollowsIt(string recorded, string medicineClass) =>
        Assert.Contains(medicineClass, MedicineCatalogue.Standard.ClassesOf(recorded));

    [Theory]
    [InlineData("Ibuprofen 400 mg")]
    [InlineData("Aspirinated cream")] // not a word of its own
    [InlineData("N02BE01")]
    public void OtherMedicinesAreNotClassed(string recorded) => Assert.Empty(MedicineCatalogue.Standard.ClassesOf(recorded));

    [Theory]
    [InlineData("E11.9", "E11.9", "IV Endocrine, nutritional and metabolic diseases")]
    [InlineData(" m542 ", "M54.2", "XIII Diseases of the musculoskeletal system and connective tissue")]
    [InlineData("Z95", "Z95", "XXI Factors influencing health status and contact with health services")]
    public void AWellFormedCodeIsNormalisedAndHasItsChapter(string given, string code, string chapter)
    {
        Assert.True(Icd10.TryNormalise(given, out var normal));
        Assert.Equal(code, normal);
        Assert.Equal(chapter, Icd10.Chapter(normal));
    }

    [Theory]
    [InlineData("11.9")]
    [InlineData("E1")]
    [InlineData("diabetes")]
    [InlineData("E11.99999")]
    public void AnythingElseIsNotACode(string given) => Assert.False(Icd10.TryNormalise(given, out _));

    [Theory]
    [InlineData("epilepsy", "convulsions")]
    [InlineData("pacemaker", "implanted-device")]
    [InlineData("E11.9", "diabetes")]
    [InlineData("haemophilia", "haemophilia")]
    public void TheApiAndTheCommandLineAcceptNamesAliasesAndCodes(string given, string concept) =>
        Assert.Contains(ConditionCatalogue.Standard.Resolve(given), c => c.Id == concept);

    [Theory]
    [InlineData("Sweet almond oil", null, "nut-oil")]
    [InlineData("Latex gloves", "hives", "latex")]
    [InlineData("Hibiscrub (chlorhexidine)", null, "chlorhexidine")]
    [InlineData("Penicillin", "anaphylactic shock 2015", "anaphylaxis")]
    [InlineData("Elastoplast", "blisters", "adhesive")]
    public void AnAllergyIsReadByTheWordsOfItsSubstance(string substance, string? reaction, string allergen) =>
        Assert.Contains(allergen, AllergenCatalogue.Standard.Read(new Allergy { Substance = substance, Reaction = reaction }));

    [Theory]
    [InlineData("Nutmeg")]
    [InlineData("Penicillin")]
    [InlineData("Rubbery food textures feel odd")]
    public void AWordInsideAnotherOrASubstanceASessionCannotMeetIsReadAsNothing(string substance)
    {
        var read = AllergenCatalogue.Standard.Read(new Allergy { Substance = substance }).ToList();
        Assert.True(read.Count == 0, string.Join(", ", read));
    }

    [Fact]
    public void AResolvedAllergyIsNotRead() =>
        Assert.Empty(AllergenCatalogue.Standard.Read(new Allergy { Substance = "Latex", Status = AllergyStatus.Resolved }));

    [Theory]
    [InlineData("Type 2 diabetes", "E11")]
    [InlineData("type 1 diabetes since childhood", "E10")]
    [InlineData("Epilepsy", "G40")]
    [InlineData("High blood pressure", "I10")]
    [InlineData("Psoriasis on elbows", "L40")]
    public void AConditionWrittenInWordsIsOfferedItsCodeFirst(string text, string code) =>
        Assert.Equal(code, ConditionCatalogue.Standard.OfferCodes(text)[0].Code);

    [Theory]
    [InlineData("E11.9")]
    [InlineData("Type 2 diabetes mellitus (E11)")]
    [InlineData("Feels tired on Mondays")]
    [InlineData("")]
    public void ACodeAPickedEntryOrWordsThatNameNothingAreOfferedNothing(string text) =>
        Assert.Empty(ConditionCatalogue.Standard.OfferCodes(text));

    [Fact]
    public void AMisspeltNameSuggestsByWordsNotByTheWholeString() =>
        Assert.StartsWith("nearest: diabetes (Diabetes mellitus)", ConditionCatalogue.Standard.Suggest("diabetis"), StringComparison.Ordinal);

    [Fact]
    public void HistoryOutsideEveryConceptIsValidatedButReadAsNothing()
    {
        var e = Assert.Throws<DomainValidationException>(() => Client.Create(Guid.NewGuid(), Guid.NewGuid(), new ClientDetails("Example", "Client", new DateOnly(1980, 1, 1), Sex.Female, null, null,
            new HealthHistory { Conditions = [new Condition { Name = "Neck pain", Icd10 = "neck" }] }), TimeProvider.System));
        Assert.Contains(e.Errors, x => x.Field == "healthHistory.conditions[0].icd10");
        var onset = Assert.Throws<DomainValidationException>(() => Client.Create(Guid.NewGuid(), Guid.NewGuid(), new ClientDetails("Example", "Client", new DateOnly(1980, 1, 1), Sex.Female, null, null,
            new HealthHistory { Conditions = [new Condition { Name = "Neck pain", Onset = "last spring" }] }), TimeProvider.System));
        Assert.Contains(onset.Errors, x => x.Field == "healthHistory.conditions[0].onset");
    }
}
