using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace ConsentAnalyzers.Tests.Infrastructure;

/// <summary>
/// A <see cref="DefaultHttpContext"/> whose response keeps its <c>OnStarting</c> callbacks, which the default feature
/// drops (a server runs them), so a test can start the response as the server would and see what they did.
/// </summary>
internal static class RecordingHttpContext
{
    public static DefaultHttpContext Create()
    {
        var context = new DefaultHttpContext();
        context.Features.Set<IHttpResponseFeature>(new StartableResponseFeature());
        return context;
    }

    /// <summary>Runs the registered callbacks, the last registered first, as Kestrel does, and forgets them.</summary>
    public static void Start(HttpContext context) => ((StartableResponseFeature)context.Features.Get<IHttpResponseFeature>()!).Start();

    private sealed class StartableResponseFeature : IHttpResponseFeature
    {
        private readonly Stack<(Func<object, Task> Callback, object State)> _onStarting = new();

        public int StatusCode { get; set; } = StatusCodes.Status200OK;

        public string? ReasonPhrase { get; set; }

        public IHeaderDictionary Headers { get; set; } = new HeaderDictionary();

        public Stream Body { get; set; } = Stream.Null;

        public bool HasStarted { get; private set; }

        public void OnStarting(Func<object, Task> callback, object state) => _onStarting.Push((callback, state));

        public void OnCompleted(Func<object, Task> callback, object state)
        {
        }

        public void Start()
        {
            while (_onStarting.TryPop(out var registration))
            {
                registration.Callback(registration.State).GetAwaiter().GetResult();
            }
        }
    }
}

/// <summary>A service provider with one service, a logger factory whose loggers record each message with its level.</summary>
internal sealed class LoggingServices(List<(LogLevel Level, string Message)> logs) : IServiceProvider, ILoggerFactory, ILogger
{
    public object? GetService(Type serviceType) => serviceType == typeof(ILoggerFactory) ? this : null;

    public ILogger CreateLogger(string categoryName) => this;

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
    }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        logs.Add((logLevel, formatter(state, exception)));
}
