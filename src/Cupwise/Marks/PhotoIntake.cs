using System.Security.Cryptography;
using Cupwise.Domain;
using SkiaSharp;

namespace Cupwise.Marks;

/// <summary>A photo as Cupwise keeps it: re-encoded pixels only, with their hash.</summary>
public sealed record ProcessedPhoto(byte[] Bytes, string ContentType, int Width, int Height, string Sha256);

/// <summary>
/// Takes in an uploaded photo of marks. The type is decided by the file's first bytes, never by its name or the
/// browser's content type; the image is decoded and drawn again (upright, at most <see cref="LongestEdge"/>
/// pixels on its longer side) and encoded afresh, so nothing of the original file but its pixels survives: no
/// EXIF, GPS, camera serial or embedded thumbnail.
/// </summary>
public static class PhotoIntake
{
    /// <summary>The largest upload taken: a phone photo is 2–8 MB.</summary>
    public const long MaximumBytes = 15 * 1024 * 1024;

    /// <summary>Refuses images that would take more memory to decode than any camera photo needs (a "decompression bomb").</summary>
    public const long MaximumPixels = 60_000_000;

    /// <summary>Stored photos are scaled down to this many pixels on their longer side: ample to see a mark.</summary>
    public const int LongestEdge = 2560;

    private const string Field = "file";

    /// <summary>Why a file name is refused, or null. Names are never used to store anything; a name with folders in it is refused outright.</summary>
    public static string? CheckName(string? fileName)
    {
        if (string.IsNullOrWhiteSpace(fileName))
        {
            return null;
        }
        if (fileName.Length > 255 || fileName.Contains('/', StringComparison.Ordinal) || fileName.Contains('\\', StringComparison.Ordinal)
            || fileName.Contains("..", StringComparison.Ordinal) || fileName.Any(char.IsControl))
        {
            return "must be a plain file name of at most 255 characters, without folders, '..' or control characters.";
        }
        return null;
    }

    /// <summary>
    /// The memory every decode running at once may hold together. A decode reserves what its pixels will take before
    /// it starts and waits while others hold the rest, so six worst-case uploads at once cost this much, not six
    /// times a whole image; one image that alone would need more is refused with the limit named.
    /// </summary>
    public const long DecodeBudgetBytes = 192L * 1024 * 1024;

    private static readonly DecodeBudget Budget = new(DecodeBudgetBytes);

    /// <summary>Checks and re-encodes the bytes of an upload, within <see cref="DecodeBudgetBytes"/>.</summary>
    /// <exception cref="DomainValidationException">The file is empty, too large, not a JPEG or PNG, damaged or too many pixels.</exception>
    public static async Task<ProcessedPhoto> ProcessAsync(byte[] content, CancellationToken cancellationToken = default)
    {
        if (content.Length == 0)
        {
            throw new DomainValidationException(Field, "is empty.");
        }
        if (content.Length > MaximumBytes)
        {
            throw new DomainValidationException(Field, $"is {content.Length / 1024.0 / 1024.0:0.0} MB; photos may be at most {MaximumBytes / 1024 / 1024} MB.");
        }
        var format = Sniff(content);
        using var codec = SKCodec.Create(new SKMemoryStream(content))
            ?? throw new DomainValidationException(Field, "could not be read as an image: the file is damaged or cut short.");
        // The dimensions come from the header, before a single pixel is decoded.
        var info = codec.Info;
        if ((long)info.Width * info.Height > MaximumPixels)
        {
            throw new DomainValidationException(Field, $"is {info.Width}×{info.Height} pixels; at most {MaximumPixels / 1_000_000} megapixels are taken.");
        }
        // A JPEG is decoded already scaled (1/2, 1/4 or 1/8, no smaller than what is kept); a PNG cannot be.
        var longest = Math.Max(info.Width, info.Height);
        var size = longest > LongestEdge ? codec.GetScaledDimensions((float)LongestEdge / longest) : new SKSizeI(info.Width, info.Height);
        if (size.Width < 1 || size.Height < 1 || Math.Max(size.Width, size.Height) < Math.Min(LongestEdge, longest))
        {
            size = new SKSizeI(info.Width, info.Height);
        }
        var decodeBytes = (long)size.Width * size.Height * 4;
        var keptEdge = Math.Min(LongestEdge, Math.Max(size.Width, size.Height));
        var need = decodeBytes + (2L * keptEdge * keptEdge * 4); // the decoded pixels, then the scaled and the turned copies
        if (need > DecodeBudgetBytes)
        {
            throw new DomainValidationException(Field,
                $"is {info.Width}×{info.Height} pixels, which would take {need / 1024 / 1024} MB to read; at most {DecodeBudgetBytes / 1024 / 1024} MB is taken per photo. Send it as a JPEG, or smaller.");
        }
        using var lease = await Budget.AcquireAsync(need, cancellationToken);
        using var decoded = new SKBitmap(new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        var result = codec.GetPixels(decoded.Info, decoded.GetPixels());
        if (result is not (SKCodecResult.Success or SKCodecResult.IncompleteInput))
        {
            throw new DomainValidationException(Field, "could not be read as an image: the file is damaged or cut short.");
        }
        // Scaled first and turned after, so that only the small copy is turned.
        using var scaled = ScaleDown(decoded);
        using var upright = Upright(scaled ?? decoded, codec.EncodedOrigin);
        var output = upright ?? scaled ?? decoded;
        using var encoded = format == SKEncodedImageFormat.Png
            ? output.Encode(SKEncodedImageFormat.Png, 100)
            : output.Encode(SKEncodedImageFormat.Jpeg, 90);
        var bytes = encoded.ToArray();
        return new ProcessedPhoto(bytes, format == SKEncodedImageFormat.Png ? "image/png" : "image/jpeg", output.Width, output.Height,
            Convert.ToHexStringLower(SHA256.HashData(bytes)));
    }

    /// <summary>JPEG or PNG by their signatures; HEIC is recognised so that the message can say what to do.</summary>
    private static SKEncodedImageFormat Sniff(byte[] b)
    {
        if (b is [0xFF, 0xD8, 0xFF, ..])
        {
            return SKEncodedImageFormat.Jpeg;
        }
        if (b is [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, ..])
        {
            return SKEncodedImageFormat.Png;
        }
        if (b.Length >= 12 && b.AsSpan(4, 4).SequenceEqual("ftyp"u8)
            && (b.AsSpan(8, 4).SequenceEqual("heic"u8) || b.AsSpan(8, 4).SequenceEqual("heix"u8) || b.AsSpan(8, 4).SequenceEqual("mif1"u8)
                || b.AsSpan(8, 4).SequenceEqual("hevc"u8) || b.AsSpan(8, 4).SequenceEqual("msf1"u8)))
        {
            throw new DomainValidationException(Field,
                "is a HEIC photo, which Cupwise cannot read yet: send it as JPEG (on an iPhone: Settings → Camera → Formats → Most Compatible).");
        }
        throw new DomainValidationException(Field, "is not a JPEG or PNG image (its content was checked, not its name).");
    }

    /// <summary>Turns the pixels the way the camera's orientation tag says, since the tag itself is not kept; null when they are upright already.</summary>
    private static SKBitmap? Upright(SKBitmap source, SKEncodedOrigin origin)
    {
        float w = source.Width, h = source.Height;
        // x' = ScaleX·x + SkewX·y + TransX; y' = SkewY·x + ScaleY·y + TransY
        SKMatrix? matrix = origin switch
        {
            SKEncodedOrigin.TopRight => new SKMatrix(-1, 0, w, 0, 1, 0, 0, 0, 1),
            SKEncodedOrigin.BottomRight => new SKMatrix(-1, 0, w, 0, -1, h, 0, 0, 1),
            SKEncodedOrigin.BottomLeft => new SKMatrix(1, 0, 0, 0, -1, h, 0, 0, 1),
            SKEncodedOrigin.LeftTop => new SKMatrix(0, 1, 0, 1, 0, 0, 0, 0, 1),
            SKEncodedOrigin.RightTop => new SKMatrix(0, -1, h, 1, 0, 0, 0, 0, 1),
            SKEncodedOrigin.RightBottom => new SKMatrix(0, -1, h, -1, 0, w, 0, 0, 1),
            SKEncodedOrigin.LeftBottom => new SKMatrix(0, 1, 0, -1, 0, w, 0, 0, 1),
            _ => null,
        };
        if (matrix is not { } m)
        {
            return null;
        }
        var swap = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        var turned = new SKBitmap(new SKImageInfo(swap ? source.Height : source.Width, swap ? source.Width : source.Height, source.ColorType, source.AlphaType));
        using var canvas = new SKCanvas(turned);
        canvas.SetMatrix(m);
        canvas.DrawBitmap(source, 0, 0);
        canvas.Flush();
        return turned;
    }

    private static SKBitmap? ScaleDown(SKBitmap source)
    {
        var longest = Math.Max(source.Width, source.Height);
        if (longest <= LongestEdge)
        {
            return null;
        }
        var factor = (double)LongestEdge / longest;
        var size = new SKImageInfo(Math.Max(1, (int)Math.Round(source.Width * factor)), Math.Max(1, (int)Math.Round(source.Height * factor)),
            source.ColorType, source.AlphaType);
        return source.Resize(size, new SKSamplingOptions(SKCubicResampler.Mitchell));
    }
}

/// <summary>Bytes that decodes reserve before they start; a decode waits its turn while the others hold the rest.</summary>
internal sealed class DecodeBudget(long bytes)
{
    private readonly SemaphoreSlim _turn = new(1, 1);
    private readonly SemaphoreSlim _released = new(0, int.MaxValue);
    private long _free = bytes;

    public async Task<IDisposable> AcquireAsync(long need, CancellationToken cancellationToken)
    {
        // One reserver at a time, first come first served: a large photo is not passed over for ever by small ones.
        await _turn.WaitAsync(cancellationToken);
        try
        {
            while (Interlocked.Read(ref _free) < need)
            {
                await _released.WaitAsync(cancellationToken);
            }
            Interlocked.Add(ref _free, -need);
        }
        finally
        {
            _turn.Release();
        }
        return new Lease(this, need);
    }

    private sealed class Lease(DecodeBudget budget, long held) : IDisposable
    {
        private long _held = held;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _held, 0) is var bytes and > 0)
            {
                Interlocked.Add(ref budget._free, bytes);
                budget._released.Release();
            }
        }
    }
}
