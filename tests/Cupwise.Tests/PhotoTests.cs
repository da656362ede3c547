using System.Buffers.Binary;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Cupwise.Marks;
using SkiaSharp;

namespace Cupwise.Tests;

public sealed class PhotoTests
{
    [Fact]
    public async Task APhotoIsStoredUprightWithoutItsCameraMetadata()
    {
        await using var app = await CupwiseApp.StartAsync();
        var client = await app.NewClientAsync();
        var original = PhotoFiles.JpegWithGpsAndOrientation(width: 40, height: 20);
        Assert.True(original.AsSpan().IndexOf("Exif\0\0"u8) > 0, "the fixture carries EXIF");
        Assert.True(original.AsSpan().IndexOf(PhotoFiles.GpsLatitudeTag) > 0, "the fixture carries a GPS latitude");

        var photo = await (await app.Client.PostAsync($"/api/v1/clients/{client.Id}/photos",
            PhotoFiles.Form(original, "IMG_2041.jpg", ("siteId", "upper-back"), ("side", "left"), ("takenAt", "2026-11-22T10:00:00Z")))).ReadAsync<MarkPhotoResponse>(HttpStatusCode.Created);

        Assert.Equal(("image/jpeg", "upper-back", "left"), (photo.ContentType, photo.SiteId, photo.Side));
        Assert.Equal((20, 40), (photo.Width, photo.Height)); // the camera said "turn 90°": stored upright, so the tag is not needed
        var image = await app.Client.GetAsync(photo.Url);
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.Equal("image/jpeg", image.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", image.Headers.GetValues("X-Content-Type-Options").Single());
        var stored = await image.Content.ReadAsByteArrayAsync();
        Assert.Equal(-1, stored.AsSpan().IndexOf("Exif"u8));
        Assert.Equal(-1, stored.AsSpan().IndexOf(PhotoFiles.GpsLatitudeTag));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(stored)), photo.Sha256);
        Assert.Equal(stored.Length, photo.ByteLength);
        using (var decoded = SKBitmap.Decode(stored))
        {
            // The left half of the original was red: after turning clockwise it is the top half.
            var top = decoded.GetPixel(10, 5);
            Assert.True(top.Red > 180 && top.Blue < 90, $"top is red after turning, was {top}");
        }

        var listed = await app.GetAsync<List<MarkPhotoResponse>>($"/api/v1/clients/{client.Id}/photos?siteId=upper-back&side=left");
        Assert.Equal(photo.Id, Assert.Single(listed).Id);
        Assert.Empty(await app.GetAsync<List<MarkPhotoResponse>>($"/api/v1/clients/{client.Id}/photos?siteId=lower-back"));
    }

    [Fact]
    public async Task APngStaysAPng()
    {
        await using var app = await CupwiseApp.StartAsync();
        var client = await app.NewClientAsync();
        var photo = await (await app.Client.PostAsync($"/api/v1/clients/{client.Id}/photos",
            PhotoFiles.Form(PhotoFiles.Png(30, 30), "neck.png", ("siteId", "neck-posterior")))).ReadAsync<MarkPhotoResponse>(HttpStatusCode.Created);
        Assert.Equal(("image/png", 30, 30), (photo.ContentType, photo.Width, photo.Height));
    }

    public static TheoryData<string, byte[], string, string> Refused => new()
    {
        { "a renamed executable", [0x7F, (byte)'E', (byte)'L', (byte)'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0], "mark.jpg", "not a JPEG or PNG" },
        { "a Windows program", [(byte)'M', (byte)'Z', 0x90, 0, 3, 0, 0, 0], "photo.png", "not a JPEG or PNG" },
        { "a path-traversal name", PhotoFiles.Png(8, 8), "../../etc/cron.d/evil.png", "plain file name" },
        { "a Windows path", PhotoFiles.Png(8, 8), "..\\..\\boot.ini.png", "plain file name" },
        { "a HEIC photo", [0, 0, 0, 0x18, (byte)'f', (byte)'t', (byte)'y', (byte)'p', (byte)'h', (byte)'e', (byte)'i', (byte)'c', 0, 0, 0, 0], "IMG_1.HEIC", "HEIC" },
        { "a truncated JPEG", [0xFF, 0xD8, 0xFF, 0xE0, 0, 16], "cut.jpg", "damaged or cut short" },
        { "an empty file", [], "empty.jpg", "is empty" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task BadUploadsAreRefusedAndNothingIsStored(string what, byte[] content, string fileName, string expected)
    {
        await using var app = await CupwiseApp.StartAsync();
        var client = await app.NewClientAsync();
        var response = await app.Client.PostAsync($"/api/v1/clients/{client.Id}/photos", PhotoFiles.Form(content, fileName, ("siteId", "upper-back"), ("side", "left")));
        var errors = await response.ProblemFieldsAsync();
        Assert.True(errors.ContainsKey("file"), what);
        Assert.Contains(expected, errors["file"][0], StringComparison.Ordinal);
        Assert.Empty(await app.GetAsync<List<MarkPhotoResponse>>($"/api/v1/clients/{client.Id}/photos"));
        Assert.Equal(0, await app.QueryAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.MarkPhotoContents)));
    }

    [Fact]
    public async Task AnImageThatWouldTakeTooMuchMemoryToDecodeIsRefusedBeforeDecodingIt()
    {
        await using var app = await CupwiseApp.StartAsync();
        var client = await app.NewClientAsync();
        // 7000 × 7000 single-colour pixels squeeze into a few kilobytes and would take 187 MB to decode: only the
        // header is read before it is refused.
        var bomb = PhotoFiles.PngHeader(7000, 7000);
        var errors = await (await app.Client.PostAsync($"/api/v1/clients/{client.Id}/photos", PhotoFiles.Form(bomb, "flat.png", ("siteId", "upper-back"), ("side", "left")))).ProblemFieldsAsync();
        Assert.Contains($"at most {PhotoIntake.DecodeBudgetBytes / 1024 / 1024} MB is taken per photo", errors["file"][0], StringComparison.Ordinal);
        Assert.Equal(0, await app.QueryAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.MarkPhotoContents)));
    }

    [Fact]
    public async Task ALargeJpegIsDecodedAlreadyScaledAndKeptAtTheLongestEdge()
    {
        await using var app = await CupwiseApp.StartAsync();
        var client = await app.NewClientAsync();
        // 48 megapixels, as a phone's largest mode takes them: whole, it would exceed the decode budget.
        var photo = await (await app.Client.PostAsync($"/api/v1/clients/{client.Id}/photos",
            PhotoFiles.Form(PhotoFiles.Jpeg(8000, 6000), "IMG_48MP.jpg", ("siteId", "upper-back"), ("side", "left")))).ReadAsync<MarkPhotoResponse>(HttpStatusCode.Created);
        Assert.Equal((PhotoIntake.LongestEdge, 1920), (photo.Width, photo.Height));
    }

    [Fact]
    public async Task AnOversizedFileIsRefusedWithTheLimit()
    {
        await using var app = await CupwiseApp.StartAsync();
        var client = await app.NewClientAsync();
        var big = new byte[PhotoIntake.MaximumBytes + 10];
        PhotoFiles.Png(8, 8).CopyTo(big, 0);
        var errors = await (await app.Client.PostAsync($"/api/v1/clients/{client.Id}/photos", PhotoFiles.Form(big, "big.png", ("siteId", "upper-back"), ("side", "left")))).ProblemFieldsAsync();
        Assert.Contains("at most 15 MB", errors["file"][0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task FieldsAreCheckedAndAWrongPhotoIsFlaggedNotDeleted()
    {
        await using var app = await CupwiseApp.StartAsync();
        var client = await app.NewClientAsync();
        var errors = await (await app.Client.PostAsync($"/api/v1/clients/{client.Id}/photos",
            PhotoFiles.Form(PhotoFiles.Png(8, 8), "x.png", ("siteId", "moon"), ("takenAt", "yesterday"), ("sessionId", Guid.NewGuid().ToString())))).ProblemFieldsAsync();
        Assert.Equal(["sessionId", "siteId", "takenAt"], errors.Keys.Order(StringComparer.Ordinal));
        var noSite = await (await app.Client.PostAsync($"/api/v1/clients/{client.Id}/photos", PhotoFiles.Form(PhotoFiles.Png(8, 8), "x.png"))).ProblemFieldsAsync();
        Assert.Contains("siteId", noSite.Keys);

        Assert.Equal(HttpStatusCode.NotFound, (await app.Client.PostAsync($"/api/v1/clients/{Guid.NewGuid()}/photos", PhotoFiles.Form(PhotoFiles.Png(8, 8), "x.png", ("siteId", "upper-back"), ("side", "left")))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Client.GetAsync($"/api/v1/photos/{Guid.NewGuid()}")).StatusCode);

        var photo = await (await app.Client.PostAsync($"/api/v1/clients/{client.Id}/photos", PhotoFiles.Form(PhotoFiles.Png(8, 8), "x.png", ("siteId", "upper-back"), ("side", "left"))))
            .ReadAsync<MarkPhotoResponse>(HttpStatusCode.Created);
        var noReason = await (await app.PostAsync($"/api/v1/photos/{photo.Id}/entered-in-error", new EnteredInErrorRequest(""))).ProblemFieldsAsync();
        Assert.Contains("reason", noReason.Keys);
        (await app.PostAsync($"/api/v1/photos/{photo.Id}/entered-in-error", new EnteredInErrorRequest("Another client's back"))).EnsureSuccessStatusCode();
        Assert.Empty(await app.GetAsync<List<MarkPhotoResponse>>($"/api/v1/clients/{client.Id}/photos"));
        Assert.Equal(1, await app.QueryAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.MarkPhotos)));
    }
}

/// <summary>Image files made in the test: a JPEG with an EXIF block (orientation and GPS), and a PNG.</summary>
public static class PhotoFiles
{
    /// <summary>The GPS latitude entry as it sits in a little-endian EXIF block: tag 2, type RATIONAL, 3 values.</summary>
    public static readonly byte[] GpsLatitudeTag = [0x02, 0x00, 0x05, 0x00, 0x03, 0x00, 0x00, 0x00];

    public static MultipartFormDataContent Form(byte[] content, string fileName, params (string Name, string Value)[] fields)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(fileName.EndsWith(".png", StringComparison.OrdinalIgnoreCase) ? "image/png" : "image/jpeg");
        form.Add(file, "file", fileName);
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }
        return form;
    }

    public static byte[] Png(int width, int height)
    {
        using var bitmap = HalfRedHalfBlue(width, height);
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    public static byte[] Jpeg(int width, int height)
    {
        using var bitmap = HalfRedHalfBlue(width, height);
        using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, 80);
        return data.ToArray();
    }

    /// <summary>A PNG that says it is <paramref name="width"/> × <paramref name="height"/> and holds one row of pixels: a decompression bomb's header.</summary>
    public static byte[] PngHeader(int width, int height)
    {
        var png = new List<byte> { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A };
        var ihdr = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), height);
        ihdr[8] = 8; // bit depth
        ihdr[9] = 2; // truecolour
        Chunk(png, "IHDR", ihdr);
        using (var zipped = new MemoryStream())
        {
            using (var z = new System.IO.Compression.ZLibStream(zipped, System.IO.Compression.CompressionLevel.SmallestSize, leaveOpen: true))
            {
                z.Write(new byte[1 + (width * 3)]);
            }
            Chunk(png, "IDAT", zipped.ToArray());
        }
        Chunk(png, "IEND", []);
        return [.. png];
    }

    private static void Chunk(List<byte> png, string type, byte[] data)
    {
        var length = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        png.AddRange(length);
        byte[] typed = [.. System.Text.Encoding.ASCII.GetBytes(type), .. data];
        png.AddRange(typed);
        var crc = 0xFFFFFFFFu;
        foreach (var b in typed)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }
        var sum = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(sum, crc ^ 0xFFFFFFFFu);
        png.AddRange(sum);
    }

    /// <summary>A JPEG whose left half is red, with EXIF saying "rotate 90° clockwise to view" and a GPS position.</summary>
    public static byte[] JpegWithGpsAndOrientation(int width, int height)
    {
        using var bitmap = HalfRedHalfBlue(width, height);
        using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, 95);
        var jpeg = data.ToArray();
        var tiff = new byte[92];
        "II"u8.CopyTo(tiff);
        BinaryPrimitives.WriteUInt16LittleEndian(tiff.AsSpan(2), 42);
        BinaryPrimitives.WriteUInt32LittleEndian(tiff.AsSpan(4), 8);
        // IFD0: orientation 6, and where the GPS directory is.
        BinaryPrimitives.WriteUInt16LittleEndian(tiff.AsSpan(8), 2);
        Entry(tiff, 10, tag: 0x0112, type: 3, count: 1, value: 6);
        Entry(tiff, 22, tag: 0x8825, type: 4, count: 1, value: 38);
        // GPS directory at 38: latitude ref "N" and latitude 52° 31' 12.34".
        BinaryPrimitives.WriteUInt16LittleEndian(tiff.AsSpan(38), 2);
        Entry(tiff, 40, tag: 0x0001, type: 2, count: 2, value: 'N');
        Entry(tiff, 52, tag: 0x0002, type: 5, count: 3, value: 68);
        uint[] rationals = [52, 1, 31, 1, 1234, 100];
        for (var i = 0; i < rationals.Length; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(tiff.AsSpan(68 + (4 * i)), rationals[i]);
        }
        var app1 = new List<byte> { 0xFF, 0xE1, 0, 0 };
        app1.AddRange("Exif\0\0"u8.ToArray());
        app1.AddRange(tiff);
        BinaryPrimitives.WriteUInt16BigEndian(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(app1)[2..], (ushort)(app1.Count - 2));
        return [.. jpeg[..2], .. app1, .. jpeg[2..]];
    }

    private static void Entry(byte[] tiff, int at, ushort tag, ushort type, uint count, uint value)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(tiff.AsSpan(at), tag);
        BinaryPrimitives.WriteUInt16LittleEndian(tiff.AsSpan(at + 2), type);
        BinaryPrimitives.WriteUInt32LittleEndian(tiff.AsSpan(at + 4), count);
        if (type == 3)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(tiff.AsSpan(at + 8), (ushort)value);
        }
        else if (type == 2)
        {
            tiff[at + 8] = (byte)value;
        }
        else
        {
            BinaryPrimitives.WriteUInt32LittleEndian(tiff.AsSpan(at + 8), value);
        }
    }

    private static SKBitmap HalfRedHalfBlue(int width, int height)
    {
        var bitmap = new SKBitmap(width, height);
        using var canvas = new SKCanvas(bitmap);
        canvas.Clear(SKColors.Blue);
        using var red = new SKPaint { Color = SKColors.Red };
        canvas.DrawRect(0, 0, width / 2f, height, red);
        return bitmap;
    }
}
