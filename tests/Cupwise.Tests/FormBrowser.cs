using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.TestHost;

namespace Cupwise.Tests;

/// <summary>
/// A browser without a screen: keeps cookies, and posts the app's own forms with their antiforgery token, as a
/// person's browser would. For sign-in, sign-out and session tests that need the real cookie flow.
/// </summary>
public sealed partial class FormBrowser : IDisposable
{
    private readonly CookieContainer _cookies = new();

    public FormBrowser(TestServer server)
    {
        Http = new HttpClient(new CookieHandler(_cookies) { InnerHandler = server.CreateHandler() }) { BaseAddress = server.BaseAddress };
    }

    public HttpClient Http { get; }

    /// <summary>The auth cookie as the browser holds it (to replay it elsewhere).</summary>
    public string? AuthCookie => _cookies.GetCookies(Http.BaseAddress!)["cupwise.auth"]?.Value;

    /// <summary>Posts the login form; returns the response (302 to the landing page when it worked).</summary>
    public Task<HttpResponseMessage> SignInAsync(string email, string password, string? code = null) =>
        PostFormAsync("/login", "login", new() { ["Form.Email"] = email, ["Form.Password"] = password, ["Form.Code"] = code ?? "" });

    /// <summary>GETs <paramref name="path"/>, then posts its form named <paramref name="handler"/> with these fields.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string path, string handler, Dictionary<string, string> fields)
    {
        var page = await Http.GetStringAsync(path);
        var token = Token().Match(page);
        Assert.True(token.Success, $"no antiforgery token on {path}");
        var form = new Dictionary<string, string>(fields) { ["_handler"] = handler, ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value) };
        return await Http.PostAsync(path, new FormUrlEncodedContent(form));
    }

    public void Dispose() => Http.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    private sealed class CookieHandler(CookieContainer cookies) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var header = cookies.GetCookieHeader(request.RequestUri!);
            if (header.Length > 0)
            {
                request.Headers.Add("Cookie", header);
            }
            var response = await base.SendAsync(request, cancellationToken);
            if (response.Headers.TryGetValues("Set-Cookie", out var values))
            {
                foreach (var value in values)
                {
                    cookies.SetCookies(request.RequestUri!, value);
                }
            }
            return response;
        }
    }
}
