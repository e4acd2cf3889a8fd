using System.Globalization;

namespace ConsentAnalyzers.Benchmarks.Workload;

/// <summary>One generated source file.</summary>
public sealed record WorkloadFile(string Path, string Text, int Lines, bool IsLarge);

/// <summary>What a workload contains, counted as it was written.</summary>
public sealed class WorkloadStats
{
    public int Files { get; set; }

    public int Methods { get; set; }

    public int CookieWrites { get; set; }

    public int StorageWrites { get; set; }

    public int TrackingCalls { get; set; }

    public int MarkupBlocks { get; set; }

    /// <summary>Writes and calls placed under a consent check for their own category (by the generator's intent).</summary>
    public int Guarded { get; set; }

    public int PlatformCalls { get; set; }

    public int Sinks => CookieWrites + StorageWrites + TrackingCalls;
}

/// <summary>A generated project: its files, its manifest and the banned-symbol list that goes with it.</summary>
public sealed record Workload(IReadOnlyList<WorkloadFile> Files, int Lines, WorkloadStats Stats, GeneratedManifest Manifest, string BannedSymbols,
    int BannedEntries);

/// <summary>
/// Generates an ASP.NET Core-style project of a given number of lines: MVC controllers, services, Razor Page models,
/// Blazor components (code and render trees), minimal-API endpoints and platform helpers, made mostly of ordinary
/// business code (LINQ, async calls, switch expressions, validation) with cookie writes, storage writes and tracking
/// calls at a chosen density, guarded in every shape the analyzers recognize and unguarded, plus calls to
/// Windows-only APIs (for CA1416) and to APIs on the banned list. Every tenth file has 1,000 lines (the per-document
/// case). Seeded: the same arguments give the same text.
/// </summary>
public sealed class CodeGenerator
{
    public const string RootNamespace = "Shop.Web";

    public const int LargeFileLines = 1000;

    private static readonly string[] Nouns = ["Catalog", "Cart", "Checkout", "Account", "Orders", "Search", "Wishlist", "Reviews", "Shipping",
        "Billing", "Profile", "Newsletter", "Returns", "Inventory", "Promotions", "Support"];

    private static readonly string[] NonEssential = ["functional", "analytics", "advertising"];

    private readonly Random _random;
    private readonly GeneratedManifest _manifest;
    private readonly double _sinkProbability;
    private readonly List<DeclaredName> _cookies;
    private readonly List<DeclaredName> _localKeys;
    private readonly List<DeclaredName> _sessionKeys;
    private readonly List<string> _bannable = new();
    private readonly WorkloadStats _stats = new();
    private int _counter;

    private CodeGenerator(GeneratedManifest manifest, int seed, double sinkProbability)
    {
        _random = new Random(seed);
        _manifest = manifest;
        _sinkProbability = sinkProbability;
        _cookies = manifest.Names.Where(n => n.Kind == NameKind.Cookie && !n.Name.StartsWith(".AspNetCore.", StringComparison.Ordinal)).ToList();
        _localKeys = manifest.Names.Where(n => n.Kind == NameKind.LocalStorage).ToList();
        _sessionKeys = manifest.Names.Where(n => n.Kind == NameKind.SessionStorage).ToList();
    }

    private enum FileKind
    {
        Controller,
        Service,
        PageModel,
        Component,
        Endpoints,
        Platform,
    }

    /// <summary>
    /// A project of about <paramref name="lines"/> lines (the last file is cut to fit) checked against
    /// <paramref name="manifest"/>. <paramref name="sinkProbability"/> is the share of methods that write a cookie
    /// or storage key or call a tracker (0.12: about one such site per 140 lines, denser than most real apps).
    /// </summary>
    public static Workload Generate(int lines, GeneratedManifest manifest, int seed = 20250101, double sinkProbability = 0.12)
    {
        var generator = new CodeGenerator(manifest, seed, sinkProbability);
        return generator.Run(lines);
    }

    private Workload Run(int lines)
    {
        var files = new List<WorkloadFile>
        {
            Fixed("Shared/Consent.cs", SharedSources.Shared),
            Fixed("Startup.cs", SharedSources.Startup),
        };
        var total = files.Sum(f => f.Lines);
        for (var index = 0; total < lines; index++)
        {
            var isLarge = index % 10 == 9;
            var target = Math.Min(isLarge ? LargeFileLines : _random.Next(80, 401), lines - total);
            var kind = isLarge ? (FileKind)_random.Next(0, 3) : PickKind();
            var file = GenerateFile(kind, index, Math.Max(target, 30), isLarge && target == LargeFileLines);
            files.Add(file);
            total += file.Lines;
        }

        _stats.Files = files.Count;
        var (banned, count) = BannedList(_manifest.Entries);
        return new Workload(files, total, _stats, _manifest, banned, count);
    }

    private static WorkloadFile Fixed(string path, string text) => new(path, text, text.Count(c => c == '\n') + 1, IsLarge: false);

    private FileKind PickKind() => _random.Next(100) switch
    {
        < 30 => FileKind.Controller,
        < 60 => FileKind.Service,
        < 75 => FileKind.PageModel,
        < 90 => FileKind.Component,
        < 95 => FileKind.Endpoints,
        _ => FileKind.Platform,
    };

    /// <summary>
    /// The banned-symbol list: as many entries as the manifest, real APIs the code uses first, then the app's own types
    /// and members, then retired ones.
    /// </summary>
    private (string Text, int Count) BannedList(int entries)
    {
        var lines = new List<string>
        {
            "T:Shop.Web.Legacy.LegacyFormatter;Use string.Format",
            "P:System.DateTime.Now;Use TimeProvider",
            "M:System.Console.WriteLine(System.String);Use ILogger",
            "T:System.Net.WebClient;Use HttpClient",
            "M:System.Threading.Thread.Sleep(System.Int32);Use Task.Delay",
        };
        foreach (var symbol in _bannable)
        {
            if (lines.Count >= entries)
            {
                break;
            }

            lines.Add(symbol);
        }

        for (var i = 0; lines.Count < entries; i++)
        {
            lines.Add($"T:Shop.Web.Retired.RetiredType{i};Removed in v2");
        }

        return (string.Join("\n", lines.Take(entries)) + "\n", Math.Min(entries, lines.Count));
    }

    private int Next() => ++_counter;

    private string N(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>What the members of a class are written against.</summary>
    private sealed record Context(FileKind Kind, string Consent, string Manager, string Telemetry, string Http, string? Response, bool HasJs,
        bool HasBlazored);

    private WorkloadFile GenerateFile(FileKind kind, int index, int target, bool isLarge)
    {
        var noun = Nouns[_random.Next(Nouns.Length)];
        var w = new SourceWriter();
        WriteUsings(w);
        var (ns, className, context) = kind switch
        {
            FileKind.Controller =>
                ("Controllers", $"{noun}{N(index)}Controller",
                    new Context(kind, "consent", "consentManager", "telemetry", "http", "Response", false, false)),
            FileKind.Service =>
                ("Services", $"{noun}{N(index)}Service",
                    new Context(kind, "consent", "consentManager", "telemetry", "http", "response", false, true)),
            FileKind.PageModel =>
                ("Pages", $"{noun}{N(index)}Model", new Context(kind, "consent", "consentManager", "telemetry", "http", "Response", false, false)),
            FileKind.Component =>
                ("Components", $"{noun}{N(index)}Panel", new Context(kind, "Consent", "ConsentManager", "Telemetry", "Http", null, true, false)),
            FileKind.Endpoints =>
                ("Endpoints", $"{noun}{N(index)}Endpoints",
                    new Context(kind, "consent", "consentManager", "telemetry", "http", "ctx.Response", false, false)),
            _ => ("Platform", $"{noun}{N(index)}HostInfo", new Context(kind, "consent", "consentManager", "telemetry", "http", null, false, false)),
        };

        w.Line($"namespace {RootNamespace}.{ns};");
        w.Line();
        _bannable.Add($"T:{RootNamespace}.{ns}.{className}");
        switch (kind)
        {
            case FileKind.Controller:
                w.Open($"public sealed class " +
                    $"{className}(IConsent consent, IConsentManager consentManager, TelemetryClient telemetry, HttpClient http, " +
                    $"ILogger<{className}> logger) : Controller");
                break;
            case FileKind.Service:
                w.Open($"public sealed class " +
                    $"{className}(IConsent consent, IConsentManager consentManager, TelemetryClient telemetry, HttpClient http, " +
                    $"ILocalStorageService localStorage)");
                break;
            case FileKind.PageModel:
                w.Open($"public sealed class " +
                    $"{className}(IConsent consent, IConsentManager consentManager, TelemetryClient telemetry, HttpClient http) : PageModel");
                break;
            case FileKind.Component:
                w.Open($"public partial class {className} : ComponentBase");
                foreach (var (type, name) in new[] { ("IJSRuntime", "JS"), ("ProtectedLocalStorage", "LocalStore"),
                    ("ProtectedSessionStorage", "SessionStore"), ("IConsent", "Consent"), ("IConsentManager", "ConsentManager"),
                    ("TelemetryClient", "Telemetry"), ("HttpClient", "Http") })
                {
                    w.Line($"[Inject] public {type} {name} {{ get; set; }} = default!;");
                    w.Line();
                }

                w.Line("[Parameter] public string? Title { get; set; }");
                WriteRenderTree(w);
                break;
            case FileKind.Endpoints:
                w.Open($"public static class {className}");
                w.Open($"public static IEndpointRouteBuilder Map{className}(this IEndpointRouteBuilder app)");
                break;
            default:
                w.Open($"public sealed class {className}");
                break;
        }

        // Members until the class reaches its size; the closing lines are counted in.
        var closing = kind == FileKind.Endpoints ? 3 : 1;
        while (w.Lines < target - closing - 2)
        {
            w.Line();
            if (kind == FileKind.Endpoints)
            {
                WriteEndpoint(w, context, className);
            }
            else if (kind == FileKind.Platform || _random.NextDouble() < 0.03)
            {
                WritePlatformMethod(w, context, className, ns);
            }
            else if (_random.NextDouble() < _sinkProbability)
            {
                WriteSinkMethod(w, context);
            }
            else
            {
                WriteLogicMethod(w, context, className, ns);
            }

            _stats.Methods++;
        }

        if (kind == FileKind.Endpoints)
        {
            w.Line();
            w.Line("return app;");
            w.Close();
        }

        w.Close();
        return new WorkloadFile($"{ns}/{className}.cs", w.ToString(), w.Lines, isLarge);
    }

    private static void WriteUsings(SourceWriter w)
    {
        foreach (var ns in new[]
        {
            "System", "System.Collections.Generic", "System.Diagnostics", "System.Linq", "System.Net.Http", "System.Runtime.Versioning",
            "System.Text", "System.Threading.Tasks",
            "Blazored.LocalStorage", "Microsoft.ApplicationInsights", "Microsoft.AspNetCore.Builder", "Microsoft.AspNetCore.Components",
            "Microsoft.AspNetCore.Components.Rendering",
            "Microsoft.AspNetCore.Components.Server.ProtectedBrowserStorage", "Microsoft.AspNetCore.Http", "Microsoft.AspNetCore.Http.Features",
            "Microsoft.AspNetCore.Mvc",
            "Microsoft.AspNetCore.Mvc.RazorPages", "Microsoft.AspNetCore.Routing", "Microsoft.Extensions.Logging", "Microsoft.JSInterop",
            "Microsoft.Win32",
            "Shop.Web.Legacy", "Shop.Web.Platform", "Shop.Web.Privacy", "Shop.Web.Telemetry",
        })
        {
            w.Line($"using {ns};");
        }

        w.Line();
    }

    /// <summary>A component's render tree, as Razor compiles a .razor file: markup, some of it a tracking script behind a consent check.</summary>
    private void WriteRenderTree(SourceWriter w)
    {
        _stats.MarkupBlocks++;
        w.Line();
        w.Open("protected override void BuildRenderTree(RenderTreeBuilder builder)");
        w.Line("builder.OpenElement(0, \"section\");");
        w.Line("builder.AddAttribute(1, \"class\", \"panel\");");
        w.Line("builder.AddMarkupContent(2, \"<h2 class=\\\"panel-title\\\">Recommended for you</h2>\\n<p>Items picked from your recent " +
            "visits.</p>\");");
        w.Line("builder.AddContent(3, Title);");
        switch (_random.Next(4))
        {
            case 0:
                _stats.TrackingCalls++;
                _stats.Guarded++;
                w.Open("if (Consent.AnalyticsAllowed)");
                w.Line("builder.AddMarkupContent(4, \"<script async src=\\\"https://www.googletagmanager.com/gtag/js?id=G-BENCH01\\\"></script>\");");
                w.Close();
                break;
            case 1:
                _stats.TrackingCalls++;
                w.Line("builder.AddMarkupContent(4, \"<script>window.dataLayer = window.dataLayer || []; " +
                    "gtag('event', 'view_item_list');</script>\");");
                break;
            default:
                w.Line("builder.AddMarkupContent(4, \"<ul class=\\\"items\\\"><li>One</li><li>Two</li><li>Three</li></ul>\");");
                break;
        }

        w.Line("builder.CloseElement();");
        w.Close();
    }

    // ---- business code (no cookie, storage or tracking) ----

    private void WriteLogicMethod(SourceWriter w, Context c, string className, string ns)
    {
        var n = N(Next());
        switch (_random.Next(8))
        {
            case 0:
                w.Open($"public IReadOnlyList<OrderLine> TopLines{n}(IEnumerable<OrderLine> lines, decimal minimum)");
                w.Line("var result = lines");
                w.Line("    .Where(line => line.Price >= minimum && line.Quantity > 0)");
                w.Line("    .OrderByDescending(line => line.Price * line.Quantity)");
                w.Line("    .ThenBy(line => line.Sku, StringComparer.Ordinal)");
                w.Line("    .Take(25)");
                w.Line("    .ToList();");
                w.Line("return result;");
                w.Close();
                break;
            case 1:
                w.Open($"public Dictionary<string, decimal> TotalsBySku{n}(IReadOnlyList<Customer> customers)");
                w.Line("var totals = new Dictionary<string, decimal>(StringComparer.OrdinalIgnoreCase);");
                w.Open("foreach (var customer in customers)");
                w.Open("foreach (var line in customer.Lines)");
                w.Line("totals.TryGetValue(line.Sku, out var current);");
                w.Line("totals[line.Sku] = Pricing.Round(current + line.Price * line.Quantity);");
                w.Close();
                w.Close();
                w.Line();
                w.Line("return totals;");
                w.Close();
                break;
            case 2:
                _bannable.Add($"M:{RootNamespace}.{ns}.{className}.Describe{n}(Shop.Web.OrderStatus)");
                w.Open($"public static string Describe{n}(OrderStatus status)");
                w.Line("return status switch");
                w.Line("{");
                w.Line("    OrderStatus.Pending => \"Waiting for payment\",");
                w.Line("    OrderStatus.Paid => \"Paid, preparing\",");
                w.Line("    OrderStatus.Shipped or OrderStatus.Delivered => \"On its way\",");
                w.Line("    OrderStatus.Cancelled => \"Cancelled\",");
                w.Line("    _ => \"Refunded\",");
                w.Line("};");
                w.Close();
                break;
            case 3:
                w.Open($"public string Normalize{n}(string? input, int maxLength)");
                w.Open("if (string.IsNullOrWhiteSpace(input))");
                w.Line("throw new ArgumentException(\"A value is required.\", nameof(input));");
                w.Close();
                w.Line();
                w.Line("var builder = new StringBuilder(input.Length);");
                w.Open("foreach (var part in input.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries))");
                w.Line("builder.Append(char.ToUpperInvariant(part[0])).Append(part, 1, part.Length - 1).Append(' ');");
                w.Close();
                w.Line();
                w.Line(_random.Next(6) == 0
                    ? "return LegacyFormatter.Format(builder.ToString().TrimEnd());"
                    : "return builder.Length > maxLength ? builder.ToString(0, maxLength) : builder.ToString().TrimEnd();");
                w.Close();
                break;
            case 4:
                w.Open($"public async Task<string?> Fetch{n}Async(int id)");
                w.Open("try");
                w.Line($"var body = await {c.Http}.GetStringAsync($\"https://api.shop.example/v1/items/{{id}}\");");
                w.Line("return body.Length == 0 ? null : body;");
                w.Close();
                w.Open("catch (HttpRequestException exception)");
                w.Line("Audit.Record(exception.Message);");
                w.Line("return null;");
                w.Close();
                w.Close();
                break;
            case 5:
                w.Open($"public TimeSpan Age{n}(Customer customer)");
                w.Line(_random.Next(5) == 0 ? "var now = DateTime.Now;" : "var now = DateTimeOffset.UtcNow;");
                w.Line("var since = customer.Since == default ? DateTimeOffset.UtcNow.AddDays(-1) : customer.Since;");
                w.Line("var age = now - since;");
                w.Line("return age < TimeSpan.Zero ? TimeSpan.Zero : TimeSpan.FromMinutes(Math.Round(age.TotalMinutes));");
                w.Close();
                break;
            case 6:
                w.Open($"public bool IsEligible{n}(Customer customer, decimal threshold)");
                w.Open("if (customer is { Status: OrderStatus.Cancelled or OrderStatus.Refunded })");
                w.Line("return false;");
                w.Close();
                w.Line();
                w.Line("var spent = customer.Lines.Sum(line => line.Price * line.Quantity);");
                w.Line("var frequent = customer.Lines.GroupBy(line => line.Sku).Count(group => group.Count() > 2);");
                w.Line("return spent >= threshold || frequent > 3 && customer.Email is { Length: > 3 } email && email.Contains('@');");
                w.Close();
                break;
            default:
                w.Open($"public int Score{n}(IReadOnlyList<int> ratings)");
                w.Line("var score = 0;");
                w.Open("for (var i = 0; i < ratings.Count; i++)");
                w.Line("score += ratings[i] switch { >= 4 => 2, 3 => 1, _ => -1 };");
                w.Close();
                w.Line();
                if (_random.Next(8) == 0)
                {
                    w.Line("Console.WriteLine($\"score {score}\");");
                }

                w.Line("return Math.Clamp(score, -10, 10);");
                w.Close();
                break;
        }
    }

    /// <summary>Calls to Windows-only APIs: guarded by OperatingSystem checks, in a [SupportedOSPlatform] member, or not (CA1416).</summary>
    private void WritePlatformMethod(SourceWriter w, Context c, string className, string ns)
    {
        var n = N(Next());
        _stats.PlatformCalls++;
        switch (_random.Next(5))
        {
            case 0:
                w.Open($"public string? ReadSetting{n}(string name)");
                w.Open("if (OperatingSystem.IsWindows())");
                w.Line("return Registry.GetValue(@\"HKEY_CURRENT_USER\\Software\\Shop\", name, null)?.ToString();");
                w.Close();
                w.Line();
                w.Line("return Environment.GetEnvironmentVariable(\"SHOP_\" + name.ToUpperInvariant());");
                w.Close();
                break;
            case 1:
                w.Open($"public void Log{n}(string message)");
                w.Open("if (!OperatingSystem.IsWindows())");
                w.Line("Audit.Record(message);");
                w.Line("return;");
                w.Close();
                w.Line();
                w.Line("WindowsEventLog.Write(message);");
                w.Close();
                break;
            case 2:
                w.Line("[SupportedOSPlatform(\"windows\")]");
                w.Open($"public void WriteEvent{n}(string message)");
                w.Line("WindowsEventLog.Write(message);");
                w.Line("Registry.CurrentUser.OpenSubKey(\"Software\")?.Dispose();");
                w.Close();
                break;
            case 3:
                w.Open($"public void Trace{n}(string message)");
                w.Line("WindowsEventLog.Write(message);");
                w.Close();
                break;
            default:
                w.Open($"public bool HasKey{n}()");
                w.Line("return OperatingSystem.IsWindowsVersionAtLeast(10) && Registry.CurrentUser.OpenSubKey(\"Software\\\\Shop\") is not null;");
                w.Close();
                break;
        }
    }

    private void WriteEndpoint(SourceWriter w, Context c, string className)
    {
        var n = N(Next());
        if (_random.NextDouble() < _sinkProbability * 2)
        {
            var sink = PickSink(c);
            var async = sink.IsAsync ? "async " : string.Empty;
            w.Open($"app.MapPost(\"/{className.ToLowerInvariant()}/{n}\", {async}(HttpContext ctx, IConsent consent, " +
                $"IConsentManager consentManager, TelemetryClient telemetry, HttpClient http, string id, bool flag) =>");
            w.Line("var ids = new List<string> { id, id + \"-2\" };");
            WriteGuardShape(w, c, sink, inLambda: true);
            w.Close(");");
        }
        else
        {
            w.Open($"app.MapGet(\"/{className.ToLowerInvariant()}/{n}\", (HttpContext ctx, int page) =>");
            w.Line("var size = ctx.Request.Query.TryGetValue(\"size\", out var value) && int.TryParse(value, out var parsed) ? parsed : 20;");
            w.Line("return Results.Ok(new { page, size, items = Enumerable.Range(page * size, size).Select(i => $\"item-{i}\").ToArray() });");
            w.Close(");");
        }
    }

    // ---- cookie writes, storage writes and tracking calls ----

    /// <summary>A place that needs checking: the statement, the category it needs (null: undeclared), and whether it is awaited.</summary>
    private sealed record Sink(string Statement, string? Category, bool IsAsync, string Kind);

    private Sink PickSink(Context c)
    {
        var roll = _random.Next(100);
        if (c.HasJs)
        {
            return roll < 55 ? StorageSink(c) : TrackingSink(c);
        }

        if (c.Response is null)
        {
            return TrackingSink(c);
        }

        return roll switch
        {
            // MVC keeps TempData in a cookie by default (an essential one in the workload's manifest).
            < 5 when c.Kind is FileKind.Controller or FileKind.PageModel =>
                new Sink("TempData[\"StatusMessage\"] = $\"Saved {id}\";", ManifestGenerator.Essential, false, "cookie"),
            < 55 => CookieSink(c),
            < 65 when c.HasBlazored => StorageSink(c),
            _ => TrackingSink(c),
        };
    }

    private Sink CookieSink(Context c)
    {
        var entry = _random.Next(100) < 7 || _cookies.Count == 0 ? null : _cookies[_random.Next(_cookies.Count)];
        var name = entry is null ? $"\"promo_seen_{N(Next())}\"" : NameExpression(entry, "ConsentCookies");
        var statement = _random.Next(4) switch
        {
            0 => $"{c.Response}.Cookies.Append({name}, id, new CookieOptions {{ HttpOnly = true, Secure = true, SameSite = SameSiteMode.Lax, " +
                $"MaxAge = TimeSpan.FromDays(30){(_random.Next(10) == 0 ? ", IsEssential = true" : string.Empty)} }});",
            1 when _random.Next(3) == 0 => $"{c.Response}.Cookies.Delete({name});",
            _ => $"{c.Response}.Cookies.Append({name}, id);",
        };
        return new Sink(statement, entry?.Category, false, "cookie");
    }

    private Sink StorageSink(Context c)
    {
        var local = _random.Next(2) == 0 || _sessionKeys.Count == 0;
        var keys = local ? _localKeys : _sessionKeys;
        var entry = _random.Next(100) < 7 || keys.Count == 0 ? null : keys[_random.Next(keys.Count)];
        var key = entry is null ? $"\"scratch_{N(Next())}\"" : NameExpression(entry, "ConsentStorageKeys");
        string statement;
        if (c.HasBlazored)
        {
            statement = $"await localStorage.SetItemAsync({key}, id);";
            if (!local && entry is not null)
            {
                entry = _localKeys.Count == 0 ? null : _localKeys[_random.Next(_localKeys.Count)];
                statement = entry is null
                    ? "await localStorage.SetItemAsync(\"scratch\", id);"
                    : $"await localStorage.SetItemAsync({NameExpression(entry, "ConsentStorageKeys")}, id);";
            }
        }
        else
        {
            statement = _random.Next(2) == 0
                ? $"await JS.InvokeVoidAsync(\"{(local ? "localStorage" : "sessionStorage")}.setItem\", {key}, id);"
                : $"await {(local ? "LocalStore" : "SessionStore")}.SetAsync({key}, id);";
        }

        return new Sink(statement, entry?.Category, true, "storage");
    }

    private Sink TrackingSink(Context c)
    {
        if (c.HasJs && _random.Next(2) == 0)
        {
            return _random.Next(3) switch
            {
                0 => new Sink("await JS.InvokeVoidAsync(\"gtag\", \"event\", \"add_to_cart\", new { value = id });", "analytics", true, "tracking"),
                1 => new Sink("await JS.InvokeVoidAsync(\"gtag\", \"event\", \"conversion\", new { send_to = \"AW-123/abc\" });", "advertising", true,
                    "tracking"),
                _ => new Sink("await JS.InvokeVoidAsync(\"fbq\", \"track\", \"AddToCart\");", "advertising", true, "tracking"),
            };
        }

        return _random.Next(5) switch
        {
            0 or 1 => new Sink($"{c.Telemetry}.TrackEvent(\"{Nouns[_random.Next(Nouns.Length)]}Viewed\");", "analytics", false, "tracking"),
            2 => new Sink("Tracker.SendConversion(id);", "advertising", false, "tracking"),
            3 => new Sink(
                $"await {c.Http}.PostAsync(\"https://www.google-analytics.com/mp/collect?measurement_id=G-BENCH01\", new StringContent(id));",
                "analytics", true, "tracking"),
            _ => new Sink($"await {c.Http}.PostAsync(\"https://api.segment.io/v1/track\", new StringContent(id));", "analytics", true, "tracking"),
        };
    }

    /// <summary>How code names a declared cookie or key: the generated constant, a literal, a builder or an interpolation for a pattern.</summary>
    private string NameExpression(DeclaredName entry, string generatedClass)
    {
        if (entry.IsPattern)
        {
            var prefix = entry.Name.Substring(0, entry.Name.IndexOf('*'));
            return _random.Next(2) == 0 ? $"{generatedClass}.{entry.Member}Name(id)" : $"$\"{prefix}{{id}}\"";
        }

        return _random.Next(100) < 60 ? $"{generatedClass}.{entry.Member}" : $"\"{entry.Name}\"";
    }

    private void WriteSinkMethod(SourceWriter w, Context c)
    {
        var n = N(Next());
        var sink = PickSink(c);
        var parameters = c.Response == "response"
            ? "HttpResponse response, string id, bool flag, List<string> ids"
            : "string id, bool flag, List<string> ids";

        // [RequiresConsent]: the member states its requirement; its callers must be guarded.
        if (sink.Category is { } required && required != ManifestGenerator.Essential && !sink.IsAsync && _random.Next(12) == 0)
        {
            Count(sink, guarded: true);
            w.Line($"[RequiresConsent(ConsentCategory.{Pascal(required)})]");
            w.Open($"private void Record{n}({parameters})");
            w.Line(sink.Statement);
            w.Close();
            w.Line();
            w.Open($"public void Record{n}IfAllowed({parameters})");
            var guarded = _random.Next(3) != 0;
            w.Open(guarded ? $"if ({Guard(c, required)})" : "if (flag)");
            w.Line($"Record{n}({Arguments(c)});");
            w.Close();
            w.Close();
            return;
        }

        var isAsync = sink.IsAsync || _random.Next(6) == 0;
        var verb = sink.Kind == "cookie" ? "Remember" : sink.Kind == "storage" ? "Store" : "Track";
        w.Open($"public {(isAsync ? "async Task" : "void")} {verb}{n}{(isAsync ? "Async" : string.Empty)}({parameters})");
        if (isAsync && !sink.IsAsync)
        {
            w.Line("await Task.Yield();");
        }

        WriteGuardShape(w, c, sink with { IsAsync = isAsync }, inLambda: false);
        w.Close();
    }

    private string Arguments(Context c) => c.Response == "response" ? "response, id, flag, ids" : "id, flag, ids";

    /// <summary>The sink under one of the guard shapes of PRODUCT.md, or none.</summary>
    private void WriteGuardShape(SourceWriter w, Context c, Sink sink, bool inLambda)
    {
        if (sink.Category is null || sink.Category == ManifestGenerator.Essential || _random.Next(100) < 15)
        {
            Count(sink, guarded: sink.Category == ManifestGenerator.Essential);
            w.Line(sink.Statement);
            return;
        }

        var category = sink.Category;
        var guard = Guard(c, category);
        var shape = _random.Next(20);
        Count(sink, guarded: shape is not (7 or 17 or 18));
        switch (shape)
        {
            case 0 or 1:
                w.Open($"if ({guard})");
                w.Line(sink.Statement);
                w.Close();
                break;
            case 2:
                w.Line($"if (!{Parenthesized(guard)}) return;");
                w.Line(sink.Statement);
                break;
            case 3:
                w.Open($"if ({Parenthesized(guard)} == true)");
                w.Line(sink.Statement);
                w.Close();
                break;
            case 4:
                w.Open($"if ({Parenthesized(guard)} is true)");
                w.Line(sink.Statement);
                w.Close();
                break;
            case 5:
                w.Open($"if ({Parenthesized(guard)} != false)");
                w.Line(sink.Statement);
                w.Close();
                break;
            case 6:
                w.Open($"if (flag && {guard})");
                w.Line(sink.Statement);
                w.Close();
                break;
            case 7:
                w.Open($"if (flag || {guard})");
                w.Line(sink.Statement);
                w.Close();
                break;
            case 8:
                w.Open($"if (!{Parenthesized(guard)})");
                w.Line("Audit.Record(\"consent missing\");");
                w.Close();
                w.Open("else");
                w.Line(sink.Statement);
                w.Close();
                break;
            case 9:
                w.Line($"var allowed = {guard};");
                w.Open("if (allowed)");
                w.Line(sink.Statement);
                w.Close();
                break;
            case 10 when sink.IsAsync && !inLambda:
                w.Open($"if (await {c.Consent}.IsGrantedAsync(ConsentCategory.{Pascal(category)}))");
                w.Line(sink.Statement);
                w.Close();
                break;
            case 11:
                w.Open("foreach (var item in ids)");
                w.Line($"if (!{Parenthesized(guard)}) continue;");
                w.Line(sink.Statement.Replace("(id", "(item").Replace(", id", ", item"));
                w.Close();
                break;
            case 12:
                w.Open("try");
                w.Line($"if (!{Parenthesized(guard)}) return;");
                w.Line(sink.Statement);
                w.Close();
                w.Open("finally");
                w.Line("Audit.Record(\"done\");");
                w.Close();
                break;
            case 13:
                w.Open($"switch ({guard})");
                w.Line("case true:");
                w.Line("    " + sink.Statement);
                w.Line("    break;");
                w.Line("default:");
                w.Line("    Audit.Record(\"skipped\");");
                w.Line("    break;");
                w.Close();
                break;
            case 14 when c.Response is not null:
                w.Open($"if ({c.Response}.HttpContext.Features.Get<ITrackingConsentFeature>() is {{ CanTrack: true }})");
                w.Line(sink.Statement);
                w.Close();
                break;
            case 15 when !sink.IsAsync:
                w.Open($"if ({guard})");
                w.Line($"ids.ForEach(item => {sink.Statement.Replace("(id", "(item").Replace(", id", ", item").TrimEnd(';')});");
                w.Close();
                break;
            case 16 when !sink.IsAsync:
                w.Open($"if ({guard})");
                w.Line("Write();");
                w.Close();
                w.Line();
                w.Line($"void Write() => {sink.Statement}");
                break;
            case 17:
                w.Line($"Debug.Assert({guard});");
                w.Line(sink.Statement);
                break;
            case 18:
                var other = NonEssential.First(x => x != category);
                w.Open($"if ({c.Consent}.IsGranted(ConsentCategory.{Pascal(other)}))");
                w.Line(sink.Statement);
                w.Close();
                break;
            default:
                w.Open($"if (flag ? {guard} : false)");
                w.Line(sink.Statement);
                w.Close();
                break;
        }
    }

    private void Count(Sink sink, bool guarded)
    {
        switch (sink.Kind)
        {
            case "cookie":
                _stats.CookieWrites++;
                break;
            case "storage":
                _stats.StorageWrites++;
                break;
            default:
                _stats.TrackingCalls++;
                break;
        }

        if (guarded)
        {
            _stats.Guarded++;
        }
    }

    /// <summary>A consent check for <paramref name="category"/>, in one of the ways an app writes one.</summary>
    private string Guard(Context c, string category)
    {
        switch (_random.Next(6))
        {
            case 0 when category == "analytics":
                return $"{c.Consent}.AnalyticsAllowed";
            case 0 when category == "advertising":
                return $"{c.Consent}.AdsAllowed";
            case 0:
                return $"{c.Consent}.PreferencesAllowed";
            case 1 when category == "analytics":
                return $"{c.Manager}.IsAllowed(CookieType.Analytics)";
            case 1 when category == "advertising":
                return $"{c.Manager}.IsAllowed(CookieType.Marketing)";
            case 2 when c.Response is not null && category != "functional":
                return $"{c.Response}.HttpContext.Features.Get<ITrackingConsentFeature>()?.CanTrack == true";
            default:
                return $"{c.Consent}.IsGranted(ConsentCategory.{Pascal(category)})";
        }
    }

    private static string Parenthesized(string expression) => expression.Contains(' ') ? "(" + expression + ")" : expression;

    private static string Pascal(string id) => char.ToUpperInvariant(id[0]) + id.Substring(1);
}
