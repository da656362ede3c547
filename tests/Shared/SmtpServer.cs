using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MimeKit;

namespace Cupwise.Testing;

/// <summary>
/// A real SMTP server on a free loopback port: Debian's aiosmtpd (python3-aiosmtpd, which test.sh installs), storing
/// every mail it accepts in a maildir that the tests read back. Nothing is faked between Cupwise and the socket.
/// </summary>
public sealed class SmtpServer : IAsyncDisposable
{
    private readonly Process _process;

    private SmtpServer(Process process, int port, string maildir)
    {
        _process = process;
        Port = port;
        Maildir = maildir;
    }

    public int Port { get; }
    public string Maildir { get; }

    /// <summary>A port nothing listens on yet (to start a server on later, or to point at as one that is down).</summary>
    public static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public static async Task<SmtpServer> StartAsync(int? onPort = null)
    {
        var maildir = Path.Combine(Path.GetTempPath(), "cupwise-smtp", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.GetDirectoryName(maildir)!);
        var port = onPort ?? FreePort();
        var process = Process.Start(new ProcessStartInfo("/usr/bin/python3", ["-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{port}", "-c", "aiosmtpd.handlers.Mailbox", maildir])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        }) ?? throw new InvalidOperationException("python3 -m aiosmtpd did not start: install python3-aiosmtpd (test.sh does).");
        var started = Stopwatch.StartNew();
        while (started.Elapsed < TimeSpan.FromSeconds(20))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"aiosmtpd stopped at once: {await process.StandardError.ReadToEndAsync()}");
            }
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return new SmtpServer(process, port, maildir);
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }
        process.Kill();
        throw new TimeoutException("aiosmtpd did not listen within 20 s.");
    }

    /// <summary>Every mail received so far.</summary>
    public List<MimeMessage> Received()
    {
        var mails = new List<MimeMessage>();
        foreach (var folder in new[] { "new", "cur" })
        {
            var path = Path.Combine(Maildir, folder);
            if (!Directory.Exists(path))
            {
                continue;
            }
            foreach (var file in Directory.GetFiles(path).Order(StringComparer.Ordinal))
            {
                mails.Add(MimeMessage.Load(file));
            }
        }
        return mails;
    }

    /// <summary>The first mail to <paramref name="to"/> (and matching, if given) to arrive within <paramref name="timeout"/> (15 s if not given).</summary>
    public async Task<MimeMessage> WaitForMailAsync(string to, Func<MimeMessage, bool>? matching = null, TimeSpan? timeout = null)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var found = Received().FirstOrDefault(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, to, StringComparison.OrdinalIgnoreCase)) && (matching?.Invoke(m) ?? true));
            if (found is not null)
            {
                return found;
            }
            if (waited.Elapsed > (timeout ?? TimeSpan.FromSeconds(15)))
            {
                throw new TimeoutException($"No mail to {to} reached the SMTP server within {waited.Elapsed.TotalSeconds:0} s; it holds {Received().Count}.");
            }
            await Task.Delay(150);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        try
        {
            Directory.Delete(Maildir, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }
}
