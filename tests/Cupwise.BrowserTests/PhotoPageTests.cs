using Microsoft.Playwright;
using SkiaSharp;

namespace Cupwise.BrowserTests;

public sealed class PhotoPageTests
{
    private const string BackClient = "/clients/c0ffee00-0000-4000-8000-0000000000c1";

    [Fact]
    public async Task APhotoOfASiteIsAddedAndShownBesideItsHistory()
    {
        await using var app = await BrowserApp.StartAsync(demo: true);
        var page = await app.OpenAsync(BackClient + "?site=lower-back&side=left");
        await Assertions.Expect(page.GetByText("No photos of this site yet.")).ToBeVisibleAsync();

        // A text file dressed up as a photo is refused, and the page says why.
        await page.GetByLabel("Photo (JPEG or PNG, up to 15 MB)").SetInputFilesAsync(new FilePayload { Name = "marks.jpg", MimeType = "image/jpeg", Buffer = "not a photo"u8.ToArray() });
        await page.GetByRole(AriaRole.Button, new() { Name = "Add photo" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("not a JPEG or PNG image");
        await Assertions.Expect(page.GetByText("No photos of this site yet.")).ToBeVisibleAsync();

        foreach (var (day, notes) in new[] { ("2026-11-21", "day 1"), ("2026-11-23", "day 3") })
        {
            await page.GetByLabel("Photo (JPEG or PNG, up to 15 MB)").SetInputFilesAsync(new FilePayload { Name = "back.png", MimeType = "image/png", Buffer = Png() });
            await page.GetByLabel("Taken on").FillAsync(day);
            await page.GetByLabel("Notes").FillAsync(notes);
            await page.GetByRole(AriaRole.Button, new() { Name = "Add photo" }).ClickAsync();
            await Assertions.Expect(page.GetByText(notes, new() { Exact = false })).ToBeVisibleAsync();
        }
        var images = page.Locator(".photos img");
        await Assertions.Expect(images).ToHaveCountAsync(2);
        Assert.Equal("Photo of Lower back, beside the spine, left, 21 Nov 2026", await images.First.GetAttributeAsync("alt"));
        // The image really loads from the server (its natural width is the stored one).
        Assert.Equal(64, await images.First.EvaluateAsync<int>("img => img.complete ? img.naturalWidth : new Promise(r => img.onload = () => r(img.naturalWidth))"));
        await BrowserApp.ScreenshotAsync(page, "site-photos");
    }

    private static byte[] Png()
    {
        using var bitmap = new SKBitmap(64, 48);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(new SKColor(0xF0, 0xD0, 0xC0));
            using var mark = new SKPaint { Color = new SKColor(0xD9, 0x53, 0x4F), IsAntialias = true };
            canvas.DrawCircle(32, 24, 18, mark);
        }
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
