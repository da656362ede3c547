namespace Cupwise.BrowserTests;

/// <summary>
/// One demo Cupwise for a test class whose tests only read pages: started once before the class's first test and
/// stopped after its last. A test that changes data starts its own <see cref="BrowserApp"/> instead.
/// </summary>
public sealed class DemoAppFixture : IAsyncLifetime
{
    private BrowserApp? _app;

    public BrowserApp App => _app ?? throw new InvalidOperationException("The demo app has not started.");

    public async ValueTask InitializeAsync() => _app = await BrowserApp.StartAsync(demo: true);

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
    }
}
