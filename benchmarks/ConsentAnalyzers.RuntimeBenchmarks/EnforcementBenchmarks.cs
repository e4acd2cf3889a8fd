using BenchmarkDotNet.Attributes;
using ConsentAnalyzers.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace ConsentAnalyzers.RuntimeBenchmarks;

/// <summary>
/// One request through <c>UseConsentEnforcement</c> and an endpoint that sets cookies, the response then started as a
/// server starts it (the OnStarting callbacks run), beside the same endpoint without the middleware. The common paths
/// (no Set-Cookie; every cookie declared and granted) should allocate nothing; stripping a cookie rebuilds the header.
/// </summary>
/// <remarks>
/// In process: the project BenchmarkDotNet would otherwise generate and build sits in this repository, under its
/// central package versions, which its own Roslyn dependency conflicts with.
/// </remarks>
[MemoryDiagnoser]
[InProcess]
public class EnforcementBenchmarks
{
    private static readonly StringValues Granted = new(["session=abc; path=/; httponly", "_ga=GA1.1.123; path=/; domain=.example.com",
        "_ga_ABC123=GS1.1.1; path=/; domain=.example.com"]);

    private readonly DefaultHttpContext _context = RecordingHttpContext.Create();
    private StringValues _cookies;
    private bool _analyticsGranted;
    private RequestDelegate _withoutMiddleware = null!;
    private RequestDelegate _withMiddleware = null!;

    [GlobalSetup]
    public void Setup()
    {
        RequestDelegate endpoint = context =>
        {
            if (_cookies.Count > 0)
            {
                context.Response.Headers.SetCookie = _cookies;
            }

            return Task.CompletedTask;
        };
        _withoutMiddleware = endpoint;
        var app = new ApplicationBuilder(new NoServices());
        app.UseConsentEnforcement((_, category) => category != ConsentCategory.Analytics || _analyticsGranted);
        app.Run(endpoint);
        _withMiddleware = app.Build();
    }

    [Benchmark(Baseline = true)]
    public void No_middleware_three_cookies() => Run(_withoutMiddleware, Granted, analyticsGranted: true);

    [Benchmark]
    public void No_set_cookie() => Run(_withMiddleware, StringValues.Empty, analyticsGranted: true);

    [Benchmark]
    public void Three_cookies_declared_and_granted() => Run(_withMiddleware, Granted, analyticsGranted: true);

    [Benchmark]
    public void Three_cookies_two_stripped() => Run(_withMiddleware, Granted, analyticsGranted: false);

    private void Run(RequestDelegate pipeline, StringValues cookies, bool analyticsGranted)
    {
        _cookies = cookies;
        _analyticsGranted = analyticsGranted;
        _context.Response.Headers.Remove("Set-Cookie");
        pipeline(_context).GetAwaiter().GetResult();
        RecordingHttpContext.Start(_context);
    }

    /// <summary>No logger factory: the middleware logs to the null logger, as an app that configures no logging.</summary>
    private sealed class NoServices : IServiceProvider
    {
        public object? GetService(Type serviceType) => null;
    }
}
