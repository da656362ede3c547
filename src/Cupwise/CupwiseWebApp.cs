using Cupwise.Accounts;
using Cupwise.Api;
using Cupwise.Catalogue;
using Cupwise.Clients;
using Cupwise.Components;
using Cupwise.Data;
using Cupwise.Health;
using Cupwise.Marks;
using Cupwise.Outcomes;
using Cupwise.Plans;
using Cupwise.Practitioners;
using Cupwise.Safety;
using Cupwise.Scheduling;
using Cupwise.Sessions;
using Cupwise.Suction;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Cupwise;

/// <summary>What <c>cupwise serve</c> needs to build the web app.</summary>
/// <param name="Clock">The clock the app runs on (the system's unless a test injects one); the demo is dated from it.</param>
/// <param name="Sessions">How long a browser stays signed in (idle and absolute); 15 minutes and 12 hours unless set.</param>
/// <param name="PublicUrl">
/// Where people reach Cupwise (https://clinic.example.org), behind a reverse proxy on this machine. Given, Cupwise
/// trusts the proxy's X-Forwarded-For and X-Forwarded-Proto from loopback, answers only requests for that host (any
/// other Host header gets 400), and sends HSTS over HTTPS. Without it, forwarded headers are ignored: a caller on
/// this machine cannot pose as another address to the sign-in limit.
/// </param>
public sealed record ServeOptions(DatabaseSettings Database, string Urls, bool Demo, TimeProvider? Clock = null, SessionLifetime? Sessions = null,
    Uri? PublicUrl = null)
{
    public const string DefaultUrls = "http://localhost:5080";
}

/// <summary>Builds the web app: the REST API under /api/v1, the web pages, health and OpenAPI.</summary>
public static class CupwiseWebApp
{
    /// <param name="configure">Lets tests swap the server (for example for a test server) before the app is built.</param>
    public static async Task<WebApplication> BuildAsync(ServeOptions options, Action<WebApplicationBuilder>? configure = null, CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(CupwiseWebApp).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.WebHost.UseUrls(options.Urls);
        // Serve the framework's and our static files (blazor.web.js, app.css) from a build as well as a publish.
        builder.WebHost.UseStaticWebAssets();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Information);

        var clock = options.Clock ?? TimeProvider.System;
        var startup = new StartupLog(builder.Environment);
        var applied = await DatabaseMigrator.MigrateAsync(options.Database, cancellationToken);
        startup.Migrated(options.Database, applied);
        if (options.Demo)
        {
            var demo = await DemoPractice.LoadAsync(options.Database, clock, cancellationToken);
            startup.Demo(demo);
        }

        ConfigureServices(builder.Services, options.Database, clock, options.Sessions ?? SessionLifetime.Default, options.PublicUrl);
        configure?.Invoke(builder);

        var app = builder.Build();
        if (options.Demo)
        {
            // Fresh passwords at every start, printed once: the demo's logins are only ever in the demo practice.
            await using var scope = app.Services.CreateAsyncScope();
            var logins = await DemoPractice.ResetLoginsAsync(scope.ServiceProvider.GetRequiredService<AccountService>(),
                scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Data.Accounts.CupwiseUser>>(), cancellationToken);
            app.Services.GetRequiredService<DemoLogins>().Set(logins);
            startup.DemoLogins(logins);
        }
        else
        {
            await using var db = options.Database.CreateContext(new PracticeScope());
            if (!await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(db.Users, cancellationToken))
            {
                startup.NoLogins();
            }
        }
        startup.Flush(app.Logger);
        ConfigurePipeline(app, options.PublicUrl);
        return app;
    }

    private static void ConfigureServices(IServiceCollection services, DatabaseSettings database, TimeProvider clock, SessionLifetime sessions, Uri? publicUrl)
    {
        services.AddSingleton(clock);
        services.AddSingleton(database);
        services.AddSingleton<DemoLogins>();
        // Each request's scope is narrowed to the caller's practice once they are authenticated (UseCupwiseAccess).
        services.AddScoped<PracticeScope>();
        services.AddSingleton<Audit.AuditLog>();
        services.AddHostedService<Audit.AuditWriter>();
        services.AddScoped<Audit.AuditInterceptor>();
        services.AddScoped<Sessions.SessionCommands>();
        services.AddScoped<Outcomes.OutcomeCommands>();
        services.AddScoped<Clients.ClientCommands>();
        services.AddScoped<Scheduling.AppointmentCommands>();
        services.AddScoped<Scheduling.CalendarQuery>();
        services.AddScoped<Scheduling.ServiceCommands>();
        services.AddScoped<Practitioners.PracticeCommands>();
        services.AddScoped<Accounts.AccessCommands>();
        services.AddScoped<Plans.PlanCommands>();
        services.AddScoped<Marks.MarkCommands>();
        services.AddScoped<Catalogue.CatalogueCommands>();
        services.AddScoped<Scheduling.CalendarCommands>();
        services.AddScoped<Sessions.AdverseEventCommands>();
        services.AddSingleton<Mail.MailQueue>();
        services.TryAddSingleton(Mail.MailSenderOptions.Default);
        services.AddSingleton<Mail.MailSender>();
        services.AddHostedService(sp => sp.GetRequiredService<Mail.MailSender>());
        services.AddScoped<Mail.MailCommands>();
        services.AddScoped<Mail.VisitMailCommands>();
        services.AddScoped<Accounts.LoginCommands>();
        database.Register(services, provider => [provider.GetRequiredService<Audit.AuditInterceptor>()]);
        services.AddCupwiseAccounts(clock, sessions);

        services.Configure<JsonOptions>(o => ApiJson.Configure(o.SerializerOptions));
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddProblemDetails();
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.AddOpenApi("v1", o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Cupwise API";
            document.Info.Version = "v1";
            document.Info.Description = "Cup-by-cup records of cupping therapy: clients, sessions, cup applications and outcomes.";
            document.Servers?.Clear();
            // Every operation but /healthz needs a login: scripts send an API token (cupwise token create).
            document.Components ??= new Microsoft.OpenApi.OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, Microsoft.OpenApi.IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes["bearer"] = new Microsoft.OpenApi.OpenApiSecurityScheme
            {
                Type = Microsoft.OpenApi.SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "An API token (cupwise token create --email E, or POST /api/v1/tokens), sent as Authorization: Bearer followed by the token. It acts in the practice and role of its login.",
            };
            document.Security = [new Microsoft.OpenApi.OpenApiSecurityRequirement { [new Microsoft.OpenApi.OpenApiSecuritySchemeReference("bearer", document)] = [] }];
            return Task.CompletedTask;
        }).AddSchemaTransformer((schema, context, _) =>
        {
            // Every list a request may send has a bound (RequestShape), and the document names it.
            if (context.JsonPropertyInfo is { } property && schema.Type is { } type && type.HasFlag(Microsoft.OpenApi.JsonSchemaType.Array)
                && property.DeclaringType.Namespace?.StartsWith("Cupwise", StringComparison.Ordinal) == true
                && property.DeclaringType.Name is var name && (name.EndsWith("Request", StringComparison.Ordinal) || name.EndsWith("Dto", StringComparison.Ordinal) || name.EndsWith("Input", StringComparison.Ordinal)))
            {
                schema.MaxItems = Api.RequestShape.MaxItems(property.AttributeProvider);
            }
            return Task.CompletedTask;
        }));
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMemoryCache(o => o.SizeLimit = 2_000); // charts by what they hold (a unit per 100 sessions and cups; ClientChartData), eligibility and slots a unit each
        services.AddAntiforgery();
        services.AddCupwiseRateLimits();
        services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
        // Only behind the proxy that --public-url names, and only from loopback (the default known proxies); the
        // proxy's own entry is the last one (ForwardLimit 1), so what a caller put in front of it is ignored.
        services.Configure<Microsoft.AspNetCore.Builder.ForwardedHeadersOptions>(o =>
            o.ForwardedHeaders = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor | Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedProto);
        if (publicUrl is not null)
        {
            services.Configure<Microsoft.AspNetCore.HostFiltering.HostFilteringOptions>(o =>
            {
                o.AllowedHosts = [publicUrl.IdnHost];
                o.AllowEmptyHosts = false;
            });
        }
        // Keys in the database: a form opened before a restart still posts after it, and several servers on one
        // PostgreSQL database accept each other's tokens.
        services.AddDataProtection().SetApplicationName("Cupwise").PersistKeysToDbContext<CupwiseDbContext>();
    }

    private static void ConfigurePipeline(WebApplication app, Uri? publicUrl)
    {
        if (publicUrl is not null)
        {
            // Behind a reverse proxy on this machine that ends TLS (docs/deploy.md): trust its X-Forwarded-Proto/For,
            // so that cookies are marked Secure, HSTS is sent and the sign-in limit counts the real address; and
            // answer only for the practice's own host, so that no Host header sent by a caller makes the addresses
            // Cupwise writes (redirects) point elsewhere.
            app.UseForwardedHeaders();
            app.UseHostFiltering();
        }
        // People get a page; programs get ProblemDetails.
        app.UseWhen(c => !IsApi(c.Request.Path), branch => branch.UseExceptionHandler("/error", createScopeForErrors: true));
        app.UseExceptionHandler();
        app.UseWhen(c => IsApi(c.Request.Path), branch => branch.UseStatusCodePages());
        // An answer with no body (an address that matches no page) gets the app's page for its status.
        app.UseWhen(c => !IsApi(c.Request.Path), branch => branch.UseStatusCodePagesWithReExecute("/status/{0}"));
        // Routing after the error and status pages, so that the page they re-execute is found.
        app.UseRouting();
        app.UseHsts();
        app.Use(static (context, next) =>
        {
            // Health records: never sniffed into another type, never framed by another site, no address leaked
            // to other sites (the path can hold a client's id), and no script but our own files.
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            // Pages and API answers hold health records: no cache keeps them. Static files set their own.
            context.Response.OnStarting(static state =>
            {
                var response = (HttpResponse)state;
                if (string.IsNullOrEmpty(response.Headers.CacheControl))
                {
                    response.Headers.CacheControl = "no-store";
                }
                return Task.CompletedTask;
            }, context.Response);
            return next(context);
        });
        app.UseCupwiseAccess();
        app.UseRateLimiter();
        app.UseAntiforgery();
        app.MapStaticAssets().AllowAnonymous();

        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapHealth();
        var api = app.MapGroup("/api/v1");
        api.AddEndpointFilter<Api.RequestShape.Filter>();
        api.MapClients();
        api.MapCatalogue();
        api.MapPractitioners();
        api.MapSessions();
        api.MapOutcomes();
        api.MapSuction();
        api.MapScreening();
        api.MapMarks();
        api.MapPhotos();
        api.MapPlans();
        api.MapAdverseEvents();
        api.MapReports();
        api.MapAppointments();
        api.MapAccounts();
        api.MapLogins();
        api.MapAccessGrants();
        Audit.AuditApi.MapAudit(api);
        app.MapCalendars(api);
        app.MapPhotoForm();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode(o => o.ContentSecurityFrameAncestorsPolicy = null) // ours, below, says more
            .Add(endpoint =>
            {
                // Blazor's redirect helper after a form post: open to any signed-in role (it carries no data), not
                // only to the clinical staff the fallback policy admits.
                if (endpoint is RouteEndpointBuilder { RoutePattern.RawText: "/_framework/opaque-redirect" })
                {
                    endpoint.Metadata.Add(new Microsoft.AspNetCore.Authorization.AuthorizeAttribute(Access.SignedIn));
                }
            });
    }

    private static bool IsApi(PathString path) => AccountsSetup.IsApi(path);

    /// <summary>
    /// Scripts only from our own files (blazor.web.js, cupwise.js): an injected &lt;script&gt; or onclick does not run.
    /// Inline style attributes stay allowed (the maps and charts use them); they cannot run code.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>Start-up lines, written once the logger exists.</summary>
    private sealed class StartupLog(IHostEnvironment environment)
    {
        private readonly List<string> _lines = [];

        public void Migrated(DatabaseSettings database, IReadOnlyList<string> applied) =>
            _lines.Add(applied.Count == 0
                ? $"Database {database.Description} is up to date."
                : $"Database {database.Description}: applied {applied.Count} migration(s): {string.Join(", ", applied)}.");

        public void Demo(DemoLoadResult demo) =>
            _lines.Add(demo.Created
                ? $"Loaded the demo practice '{demo.PracticeName}': {demo.Clients} clients, {demo.Sessions} sessions, {demo.Outcomes} outcome measurements."
                : $"The demo practice '{demo.PracticeName}' is already loaded; nothing added.");

        public void DemoLogins(IReadOnlyList<DemoLogin> logins)
        {
            _lines.Add("Demo logins (new passwords at every start, for the demo practice only):");
            foreach (var login in logins)
            {
                _lines.Add($"  {login.Role,-12} {login.Email}  password: {login.Password}");
            }
        }

        public void NoLogins() =>
            _lines.Add("No logins yet. Create the first owner: cupwise practice add \"NAME\" then cupwise user add --practice \"NAME\" --email E --role owner --password-stdin (see README).");

        public void Flush(ILogger logger)
        {
            foreach (var line in _lines)
            {
                logger.LogInformation("{Line}", line);
            }
            logger.LogInformation("Serving ({Environment}).", environment.EnvironmentName);
        }
    }
}
