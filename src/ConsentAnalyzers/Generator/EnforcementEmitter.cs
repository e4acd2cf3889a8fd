using ConsentAnalyzers.ConsentApi;

namespace ConsentAnalyzers.Generator;

/// <summary>
/// Emits <c>UseConsentEnforcement</c> (ASP.NET Core and logging referenced): a middleware that, as the response
/// starts, strips each <c>Set-Cookie</c> of a declared non-essential category the visitor has not granted, and logs a
/// warning for each cookie the manifest does not declare (a library's cookie the analyzers could not see). The safety
/// net behind the compile-time checks, off unless the app calls it.
/// <para>
/// Allocation-free when there is nothing to strip: the response-starting callback is one delegate per middleware
/// with the <c>HttpContext</c> as its state, names are matched in place in the header (no substring, no split), and
/// the header is rebuilt only when a cookie is stripped.
/// </para>
/// </summary>
internal static class EnforcementEmitter
{
    public const string HintName = "ConsentEnforcement.g.cs";

    private const string Context = "global::Microsoft.AspNetCore.Http.HttpContext";
    private const string Logging = "global::Microsoft.Extensions.Logging";

    public static string Emit(GenerationInput input) => SourceFile.Build(input.Options, writer =>
    {
        var n = input.Options.NullableMark;
        var isGranted = $"global::System.Func<{Context}, {GeneratedNames.Category}, bool>";
        writer.Summary("The runtime safety net behind the compile-time consent checks: <see cref=\"UseConsentEnforcement\"/>.");
        writer.OpenType(input.Options, "static class " + GeneratedNames.EnforcementExtensions);
        writer.Summary("The log category of the middleware's messages, for filtering in the logging configuration.");
        writer.Line("public const string LoggerCategory = \"ConsentAnalyzers.ConsentEnforcement\";");
        writer.Line();
        writer.Summary(
            "Adds a middleware that, when each response starts, removes every <c>Set-Cookie</c> whose declared category is not essential " +
            "and not granted (logged at Information), and keeps but logs as a warning every cookie consent-manifest.json does not " +
            "declare: most likely a library's, which the analyzers could not see. Add it early, before the middleware that sets cookies.");
        writer.Line("/// <param name=\"app\">The application.</param>");
        writer.Line("/// <param name=\"isGranted\">Whether the request's visitor consents to a category.</param>");
        writer.Open(
            "public static global::Microsoft.AspNetCore.Builder.IApplicationBuilder UseConsentEnforcement(" +
            $"this global::Microsoft.AspNetCore.Builder.IApplicationBuilder app, {isGranted} isGranted)");
        writer.Line("if (app == null) throw new global::System.ArgumentNullException(nameof(app));");
        writer.Line("if (isGranted == null) throw new global::System.ArgumentNullException(nameof(isGranted));");
        writer.Line($"var factory = app.ApplicationServices.GetService(typeof({Logging}.ILoggerFactory)) as {Logging}.ILoggerFactory;");
        writer.Line(
            $"var logger = factory == null ? ({Logging}.ILogger){Logging}.Abstractions.NullLogger.Instance " +
            ": factory.CreateLogger(LoggerCategory);");
        writer.Line("return app.Use(next => new Middleware(next, isGranted, logger).Invoke);");
        writer.Close();
        writer.Line();

        WriteMiddleware(writer, isGranted, n);
        writer.Close();
    });

    private static void WriteMiddleware(CodeWriter writer, string isGranted, string n)
    {
        writer.Open("private sealed class Middleware");
        writer.Line("private const string SetCookie = \"Set-Cookie\";");
        writer.Line();
        writer.Line(
            $"private static readonly global::System.Action<{Logging}.ILogger, string, string, string, global::System.Exception{n}> s_stripped =");
        writer.Line(
            $"    {Logging}.LoggerMessage.Define<string, string, string>({Logging}.LogLevel.Information, " +
            $"new {Logging}.EventId(1, \"ConsentCookieStripped\"), " +
            "\"Removed the cookie {CookieName} ({Declaration}) from the response: its category {Category} is not granted.\");");
        writer.Line();
        writer.Line($"private static readonly global::System.Action<{Logging}.ILogger, string, global::System.Exception{n}> s_undeclared =");
        writer.Line(
            $"    {Logging}.LoggerMessage.Define<string>({Logging}.LogLevel.Warning, new {Logging}.EventId(2, \"ConsentCookieUndeclared\"), " +
            "\"The response sets the cookie {CookieName}, which consent-manifest.json does not declare: declare it with its category.\");");
        writer.Line();
        writer.Line("private readonly global::Microsoft.AspNetCore.Http.RequestDelegate _next;");
        writer.Line($"private readonly {isGranted} _isGranted;");
        writer.Line($"private readonly {Logging}.ILogger _logger;");
        writer.Line("private readonly global::System.Func<object, global::System.Threading.Tasks.Task> _onStarting;");
        writer.Line();
        writer.Open($"public Middleware(global::Microsoft.AspNetCore.Http.RequestDelegate next, {isGranted} isGranted, {Logging}.ILogger logger)");
        writer.Line("_next = next;");
        writer.Line("_isGranted = isGranted;");
        writer.Line("_logger = logger;");
        writer.Line("// One delegate for every request, its state the HttpContext: registering the callback allocates no closure.");
        writer.Line("_onStarting = OnStarting;");
        writer.Close();
        writer.Line();
        writer.Open($"public global::System.Threading.Tasks.Task Invoke({Context} context)");
        writer.Line("context.Response.OnStarting(_onStarting, context);");
        writer.Line("return _next(context);");
        writer.Close();
        writer.Line();
        writer.Open("private global::System.Threading.Tasks.Task OnStarting(object state)");
        writer.Line($"Strip(({Context})state);");
        writer.Line("return global::System.Threading.Tasks.Task.CompletedTask;");
        writer.Close();
        writer.Line();
        WriteStrip(writer, n);
        writer.Line();
        WriteFind(writer, n);
        writer.Close();
    }

    private static void WriteStrip(CodeWriter writer, string n)
    {
        writer.Open($"private void Strip({Context} context)");
        writer.Line("var headers = context.Response.Headers;");
        writer.Line("global::Microsoft.Extensions.Primitives.StringValues cookies;");
        writer.Line("if (!headers.TryGetValue(SetCookie, out cookies)) return;");
        writer.Line($"global::System.Collections.Generic.List<string{n}>{n} kept = null;");
        writer.Open("for (var i = 0; i < cookies.Count; i++)");
        writer.Line("var header = cookies[i];");
        writer.Line("int start = 0, length = 0;");
        writer.Line("var declaration = header != null && NameOf(header, out start, out length) ? Find(header, start, length) : null;");
        writer.Open("if (declaration == null)");
        writer.Open($"if (header != null && NameOf(header, out start, out length) && _logger.IsEnabled({Logging}.LogLevel.Warning))");
        writer.Line("s_undeclared(_logger, header.Substring(start, length), null);");
        writer.Close();
        writer.Close();
        // A declaration was found, so the header is not null; the compiler cannot tell.
        var header = n.Length > 0 ? "header!" : "header";
        writer.Open($"else if (!declaration.IsEssential && !_isGranted(context, declaration.Category) && !Expires({header}))");
        writer.Open($"if (_logger.IsEnabled({Logging}.LogLevel.Information))");
        writer.Line($"s_stripped(_logger, {header}.Substring(start, length), declaration.Name, declaration.Category.ToString(), null);");
        writer.Close();
        writer.Open("if (kept == null)");
        writer.Line($"kept = new global::System.Collections.Generic.List<string{n}>(cookies.Count);");
        writer.Line("for (var j = 0; j < i; j++) kept.Add(cookies[j]);");
        writer.Close();
        writer.Line("continue;");
        writer.Close();
        writer.Line("if (kept != null) kept.Add(header);");
        writer.Close();
        writer.Line("if (kept == null) return;");
        writer.Line("if (kept.Count == 0) headers.Remove(SetCookie);");
        writer.Line("else headers[SetCookie] = new global::Microsoft.Extensions.Primitives.StringValues(kept.ToArray());");
        writer.Close();
    }

    private static void WriteFind(CodeWriter writer, string n)
    {
        writer.Line("/// <summary>");
        writer.Line("/// Whether the header deletes its cookie (<c>Max-Age</c> of 0 or less, or <c>Expires</c> in 1970, as ASP.NET Core's");
        writer.Line("/// <c>Delete</c> writes it): withdrawing consent expires a refused category's cookies, which must reach the browser.");
        writer.Line("/// </summary>");
        writer.Open("private static bool Expires(string header)");
        writer.Line("var maxAge = header.IndexOf(\"max-age=\", global::System.StringComparison.OrdinalIgnoreCase);");
        writer.Open("if (maxAge >= 0 && maxAge + 8 < header.Length)");
        writer.Line("var c = header[maxAge + 8];");
        writer.Line("if (c == '-' || (c == '0' && (maxAge + 9 == header.Length || header[maxAge + 9] == ';'))) return true;");
        writer.Close();
        writer.Line("var expires = header.IndexOf(\"expires=\", global::System.StringComparison.OrdinalIgnoreCase);");
        writer.Line("if (expires < 0) return false;");
        writer.Line("var end = header.IndexOf(';', expires);");
        writer.Line("var year = header.IndexOf(\" 1970 \", expires, global::System.StringComparison.Ordinal);");
        writer.Line("return year >= 0 && (end < 0 || year < end);");
        writer.Close();
        writer.Line();
        writer.Line("/// <summary>Where the cookie's name is in the header: before the first '=', spaces trimmed.</summary>");
        writer.Open("private static bool NameOf(string header, out int start, out int length)");
        writer.Line("start = 0;");
        writer.Line("var end = header.IndexOf('=');");
        writer.Line("if (end < 0) { length = 0; return false; }");
        writer.Line("while (start < end && header[start] == ' ') start++;");
        writer.Line("while (end > start && header[end - 1] == ' ') end--;");
        writer.Line("length = end - start;");
        writer.Line("return length > 0;");
        writer.Close();
        writer.Line();
        writer.Line("/// <summary><see cref=\"ConsentManifest.FindCookie\"/> on a name read in place: exact names first, then patterns.</summary>");
        writer.Open($"private static ConsentCookieInfo{n} Find(string header, int start, int length)");
        writer.Line("var cookies = ConsentManifest.Cookies;");
        writer.Open("for (var i = 0; i < cookies.Count; i++)");
        writer.Line("var name = cookies[i].Name;");
        writer.Open("if (name.Length == length && !cookies[i].IsPattern && string.CompareOrdinal(header, start, name, 0, length) == 0)");
        writer.Line("return cookies[i];");
        writer.Close();
        writer.Close();
        writer.Line($"ConsentCookieInfo{n} best = null;");
        writer.Line("var bestFixed = -1;");
        writer.Open("for (var i = 0; i < cookies.Count; i++)");
        writer.Line("if (!cookies[i].IsPattern || !ConsentManifest.MatchesPattern(cookies[i].Name, header, start, length)) continue;");
        writer.Line("// The most specific pattern wins, as in FindCookie: the most fixed characters, then manifest order.");
        writer.Line("var fixedCharacters = 0;");
        writer.Line("foreach (var c in cookies[i].Name) if (c != '*') fixedCharacters++;");
        writer.Line("if (fixedCharacters > bestFixed) { best = cookies[i]; bestFixed = fixedCharacters; }");
        writer.Close();
        writer.Line("return best;");
        writer.Close();
    }
}
