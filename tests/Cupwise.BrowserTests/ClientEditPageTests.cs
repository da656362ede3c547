using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Cupwise.BrowserTests;

public sealed class ClientEditPageTests
{
    [Fact]
    public async Task AClientIsEditedTwiceAndKeepsEveryField()
    {
        await using var app = await BrowserApp.StartAsync(demo: false);
        var page = await app.OpenAsync("/clients/new");
        await page.GetByLabel("Family name").FillAsync("Example");
        await page.GetByLabel("Given name").FillAsync("Jo");
        await page.GetByLabel("Date of birth").FillAsync("1975-09-09");
        await page.GetByLabel("Sex").SelectOptionAsync("female");
        await page.GetByLabel("Condition 1", new() { Exact = true }).FillAsync("Neck pain");
        await page.GetByLabel("ICD-10 code of condition 1").FillAsync("M54.2");
        await page.GetByLabel("Condition 2", new() { Exact = true }).FillAsync("Frozen shoulder");
        await page.GetByLabel("Status of condition 2").SelectOptionAsync("resolved");
        await page.GetByLabel("Notes on condition 2").FillAsync("Physiotherapy 2023, full range back");
        await page.GetByLabel("Onset of condition 2").FillAsync("2022-11");
        await page.GetByLabel("Medicine 1", new() { Exact = true }).FillAsync("Warfarin");
        await page.GetByLabel("Dose of medicine 1").FillAsync("5 mg once a day");
        await page.GetByLabel("How medicine 1 is taken").FillAsync("by mouth");
        await page.GetByLabel("ATC code of medicine 1").FillAsync("B01AA03");
        await page.GetByLabel("Medicine 2", new() { Exact = true }).FillAsync("A herbal blood thinner");
        await page.GetByLabel("Medicine 2 thins the blood").CheckAsync();
        await page.GetByLabel("Site of finding 1").SelectOptionAsync("calf");
        await page.GetByLabel("Side of finding 1").SelectOptionAsync("left");
        await page.GetByLabel("Kind of finding 1").SelectOptionAsync("varicose-veins");
        await page.GetByLabel("Notes on finding 1").FillAsync("behind the knee");
        await page.GetByLabel("Allergy 1", new() { Exact = true }).FillAsync("Latex gloves");
        await page.GetByLabel("Reaction to allergy 1").FillAsync("rash");
        await page.GetByLabel("Severity of allergy 1").SelectOptionAsync("moderate");
        await page.GetByLabel("Allergy 2", new() { Exact = true }).FillAsync("Sweet almond oil");
        await page.GetByLabel("Status of allergy 2").SelectOptionAsync("resolved");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save client" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/clients/[0-9a-f-]{36}$"));
        var chart = page.Url;

        for (var round = 1; round <= 2; round++)
        {
            await page.GotoAsync(chart + "/edit");
            // Everything comes back as it was saved: the status and notes of each condition, the side of each finding.
            await Assertions.Expect(page.GetByLabel("Condition 2", new() { Exact = true })).ToHaveValueAsync("Frozen shoulder");
            await Assertions.Expect(page.GetByLabel("Status of condition 2")).ToHaveValueAsync("resolved");
            await Assertions.Expect(page.GetByLabel("Notes on condition 2")).ToHaveValueAsync("Physiotherapy 2023, full range back");
            await Assertions.Expect(page.GetByLabel("Status of condition 1")).ToHaveValueAsync("active");
            await Assertions.Expect(page.GetByLabel("Onset of condition 2")).ToHaveValueAsync("2022-11");
            await Assertions.Expect(page.GetByLabel("Medicine 1", new() { Exact = true })).ToHaveValueAsync("Warfarin");
            await Assertions.Expect(page.GetByLabel("Dose of medicine 1")).ToHaveValueAsync("5 mg once a day");
            await Assertions.Expect(page.GetByLabel("How medicine 1 is taken")).ToHaveValueAsync("by mouth");
            await Assertions.Expect(page.GetByLabel("ATC code of medicine 1")).ToHaveValueAsync("B01AA03");
            await Assertions.Expect(page.GetByLabel("Medicine 1 thins the blood")).Not.ToBeCheckedAsync();
            await Assertions.Expect(page.GetByLabel("Medicine 2 thins the blood")).ToBeCheckedAsync();
            await Assertions.Expect(page.GetByLabel("Side of finding 1")).ToHaveValueAsync("left");
            await Assertions.Expect(page.GetByLabel("Site of finding 1")).ToHaveValueAsync("calf");
            await Assertions.Expect(page.GetByLabel("Notes on finding 1")).ToHaveValueAsync("behind the knee");
            await Assertions.Expect(page.GetByLabel("Allergy 1", new() { Exact = true })).ToHaveValueAsync("Latex gloves");
            await Assertions.Expect(page.GetByLabel("Reaction to allergy 1")).ToHaveValueAsync("rash");
            await Assertions.Expect(page.GetByLabel("Severity of allergy 1")).ToHaveValueAsync("moderate");
            await Assertions.Expect(page.GetByLabel("Status of allergy 1")).ToHaveValueAsync("active");
            await Assertions.Expect(page.GetByLabel("Allergy 2", new() { Exact = true })).ToHaveValueAsync("Sweet almond oil");
            await Assertions.Expect(page.GetByLabel("Severity of allergy 2")).ToHaveValueAsync("");
            await Assertions.Expect(page.GetByLabel("Status of allergy 2")).ToHaveValueAsync("resolved");
            var allergies = page.GetByRole(AriaRole.Table, new() { Name = "Allergies" });
            await Assertions.Expect(allergies.GetByRole(AriaRole.Row).Nth(1)).ToContainTextAsync("reads: Natural rubber latex");
            await Assertions.Expect(allergies.GetByRole(AriaRole.Row).Nth(2)).ToContainTextAsync("reads nothing here"); // resolved
            await page.GetByLabel("Phone").FillAsync($"+44 20 7946 000{round}");
            await page.GetByRole(AriaRole.Button, new() { Name = "Save client" }).ClickAsync();
            await page.WaitForURLAsync(chart);
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Jo Example");
        }
        await page.GotoAsync(chart + "/edit");
        await Assertions.Expect(page.GetByLabel("Phone")).ToHaveValueAsync("+44 20 7946 0002");
        await page.GetByRole(AriaRole.Link, new() { Name = "← Back to the chart" }).ClickAsync();
        await page.WaitForURLAsync(chart);
    }

    [Fact]
    public async Task TheNewClientFormLeadsBackToTheClientList()
    {
        await using var app = await BrowserApp.StartAsync(demo: false);
        var page = await app.OpenAsync("/clients/new");
        await page.GetByRole(AriaRole.Link, new() { Name = "← Clients" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Clients");
    }

    [Fact]
    public async Task AnEditOfAStaleFormSaysSomeoneElseChangedIt()
    {
        await using var app = await BrowserApp.StartAsync(demo: false);
        var page = await app.OpenAsync("/clients/new");
        await page.GetByLabel("Family name").FillAsync("Example");
        await page.GetByLabel("Given name").FillAsync("Sky");
        await page.GetByLabel("Date of birth").FillAsync("1990-01-01");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save client" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/clients/[0-9a-f-]{36}$"));
        var edit = page.Url + "/edit";

        var first = await app.OpenAsync(edit.Replace(app.BaseUrl, "", StringComparison.Ordinal));
        var second = await app.OpenAsync(edit.Replace(app.BaseUrl, "", StringComparison.Ordinal));
        await first.GetByLabel("Phone").FillAsync("+44 20 7946 0101");
        await first.GetByRole(AriaRole.Button, new() { Name = "Save client" }).ClickAsync();
        await first.WaitForURLAsync(new Regex("/clients/[0-9a-f-]{36}$"));
        await second.GetByLabel("Phone").FillAsync("+44 20 7946 0202");
        await second.GetByRole(AriaRole.Button, new() { Name = "Save client" }).ClickAsync();
        await Assertions.Expect(second.GetByText("Someone else changed this client while you were editing")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task AConditionWrittenInWordsIsOfferedItsCodeBeforeSaving()
    {
        await using var app = await BrowserApp.StartAsync(demo: false);
        var page = await app.OpenAsync("/clients/new");
        await page.GetByLabel("Family name").FillAsync("Example");
        await page.GetByLabel("Given name").FillAsync("Kim");
        await page.GetByLabel("Date of birth").FillAsync("1962-07-07");
        await page.GetByLabel("Condition 1", new() { Exact = true }).PressSequentiallyAsync("Type 2 diabetes");
        var offer = page.GetByRole(AriaRole.Button, new() { Name = "Code condition 1 as E11 (Type 2 diabetes mellitus)" });
        await Assertions.Expect(offer).ToBeVisibleAsync();
        await page.GetByLabel("Condition 2", new() { Exact = true }).PressSequentiallyAsync("Epilepsy");
        // Moving on closes the list of codes the field offers as it is typed.
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Code condition 2 as G40 (Epilepsy)" })).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(page, "client-form-offer");
        await offer.ClickAsync();
        await Assertions.Expect(page.GetByLabel("ICD-10 code of condition 1")).ToHaveValueAsync("E11");
        var conditions = page.GetByRole(AriaRole.Table, new() { Name = "Conditions" });
        await Assertions.Expect(conditions.GetByRole(AriaRole.Row).Nth(1)).ToContainTextAsync("E11 · coded when you save");
        await Assertions.Expect(offer).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save client" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/clients/[0-9a-f-]{36}$"));

        // The words stay as written, with the code beside them; the row left uncoded is offered its code again.
        await page.GotoAsync(page.Url + "/edit");
        await Assertions.Expect(page.GetByLabel("Condition 1", new() { Exact = true })).ToHaveValueAsync("Type 2 diabetes");
        await Assertions.Expect(page.GetByLabel("ICD-10 code of condition 1")).ToHaveValueAsync("E11");
        await Assertions.Expect(conditions.GetByRole(AriaRole.Row).Nth(2)).ToContainTextAsync("not coded · screening reads: Epilepsy and convulsions");
        await page.GetByRole(AriaRole.Button, new() { Name = "Code condition 2 as G40 (Epilepsy)" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("ICD-10 code of condition 2")).ToHaveValueAsync("G40");
        // A code picked from the field's list is split into its title and code at once.
        await page.GetByLabel("Condition 3", new() { Exact = true }).FillAsync("Essential (primary) hypertension (I10)");
        await Assertions.Expect(page.GetByLabel("Condition 3", new() { Exact = true })).ToHaveValueAsync("Essential (primary) hypertension");
        await Assertions.Expect(page.GetByLabel("ICD-10 code of condition 3")).ToHaveValueAsync("I10");
        await page.GetByLabel("Status of condition 3").SelectOptionAsync("history-of");
        // A mistake is said under its own row, and the heading still names the client as saved.
        await page.GetByLabel("Onset of condition 3").FillAsync("last year");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save client" }).ClickAsync();
        await Assertions.Expect(conditions.GetByRole(AriaRole.Row).Nth(4)).ToContainTextAsync("Condition 3, onset: must be a year, a month or a day");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Edit Kim Example");
        await page.GetByLabel("Onset of condition 3").FillAsync("2015");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save client" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/clients/[0-9a-f-]{36}$"));
        await Assertions.Expect(page.GetByText("Essential (primary) hypertension (I10) — history of, since 2015")).ToBeVisibleAsync();
        await page.GotoAsync(page.Url + "/edit");
        await Assertions.Expect(conditions.GetByRole(AriaRole.Row).Nth(3)).ToContainTextAsync("I10 · not current · screening leaves it out (Hypertensive diseases)");

        // Words that name nothing are offered nothing.
        await page.GetByLabel("Condition 3", new() { Exact = true }).PressSequentiallyAsync("Tired on Mondays");
        await page.WaitForTimeoutAsync(800);
        await Assertions.Expect(conditions.GetByRole(AriaRole.Row).Nth(3).GetByRole(AriaRole.Button)).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task AHistoryWrittenAsAClinicianWritesItIsReadByScreeningAsMeant()
    {
        await using var app = await BrowserApp.StartAsync(demo: false);
        var page = await app.OpenAsync("/clients/new");
        await page.GetByLabel("Family name").FillAsync("Example");
        await page.GetByLabel("Given name").FillAsync("Robin");
        await page.GetByLabel("Date of birth").FillAsync("1968-03-03");
        // Typing offers ICD-10 codes; picking one puts its title and code in the field.
        await Assertions.Expect(page.Locator("datalist#icd10-codes option[value='Epilepsy (G40)']")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("datalist#medicine-names option[value='Marevan']")).ToHaveCountAsync(1);
        await page.GetByLabel("Condition 1", new() { Exact = true }).FillAsync("Type 2 diabetes mellitus (E11)");
        await page.GetByLabel("Condition 2", new() { Exact = true }).FillAsync("Epilepsy");
        await page.GetByLabel("Status of condition 2").SelectOptionAsync("history-of");
        await page.GetByLabel("Onset of condition 2").FillAsync("1979");
        await page.GetByLabel("Medicine 1", new() { Exact = true }).FillAsync("Warfarin");
        await page.GetByLabel("Dose of medicine 1").FillAsync("5 mg");
        await Assertions.Expect(page.Locator("datalist#allergen-names option[value='Sweet almond oil']")).ToHaveCountAsync(1);
        await page.GetByLabel("Allergy 1", new() { Exact = true }).FillAsync("Latex");
        await page.GetByLabel("Reaction to allergy 1").FillAsync("hives");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save client" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/clients/[0-9a-f-]{36}$"));
        var chart = page.Url;

        // The picked code is kept apart from its title, and the form says what screening reads each row as.
        await page.GotoAsync(chart + "/edit");
        await page.GetByLabel("Condition 3", new() { Exact = true }).FillAsync("Hay fever");
        await page.GetByLabel("Condition 4", new() { Exact = true }).FillAsync("Hypertension");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save client" }).ClickAsync();
        await page.WaitForURLAsync(chart);
        await page.GotoAsync(chart + "/edit");
        await Assertions.Expect(page.GetByLabel("Condition 1", new() { Exact = true })).ToHaveValueAsync("Type 2 diabetes mellitus");
        await Assertions.Expect(page.GetByLabel("ICD-10 code of condition 1")).ToHaveValueAsync("E11");
        var conditions = page.GetByRole(AriaRole.Table, new() { Name = "Conditions" });
        await Assertions.Expect(conditions.GetByRole(AriaRole.Row).Nth(1)).ToContainTextAsync("E11 · screening reads: Diabetes mellitus");
        await Assertions.Expect(conditions.GetByRole(AriaRole.Row).Nth(2)).ToContainTextAsync("not coded · not current · screening leaves it out (Epilepsy and convulsions)"); // epilepsy, long past
        await Assertions.Expect(conditions.GetByRole(AriaRole.Row).Nth(3)).ToContainTextAsync("not coded · screening reads: Allergic rhinitis (hay fever)");
        await Assertions.Expect(conditions.GetByRole(AriaRole.Row).Nth(4)).ToContainTextAsync("not coded · screening reads: ");
        await Assertions.Expect(conditions.GetByRole(AriaRole.Row).Nth(4).GetByRole(AriaRole.Button, new() { Name = "Code condition 4 as I10 (Essential (primary) hypertension)" })).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(page, "client-form-coded");

        // Screening: warfarin with its dose and the diabetes are found; hay fever is not a fever, and past epilepsy does not block.
        await page.GotoAsync(chart);
        await page.GetByLabel("Your name (first practitioner)").FillAsync("Test practitioner");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start session" }).ClickAsync();
        await page.WaitForURLAsync("**/sessions/*");
        var safety = page.GetByRole(AriaRole.Region, new() { Name = "Safety screening" });
        await Assertions.Expect(safety).ToContainTextAsync("Anticoagulant or antiplatelet medicine");
        await Assertions.Expect(safety).ToContainTextAsync("Diabetes: light suction");
        await Assertions.Expect(safety).Not.ToContainTextAsync("high fever");
        await Assertions.Expect(safety).Not.ToContainTextAsync("Convulsions");
        await Assertions.Expect(safety).ToContainTextAsync("Latex allergy: wear latex-free gloves");
        await Assertions.Expect(safety).ToContainTextAsync("High blood pressure: ask whether it is controlled");
    }
}
