namespace ConsentAnalyzers.Tests.Robustness.NoBypass;

/// <summary>
/// The no-bypass table: every way a cookie name, a write or a tracking call can reach the analyzers, with what they
/// make of it. Cookies "_ga" (analytics) and "sb-*" (necessary) are declared, "promo_seen" is not; trackers are
/// Application Insights and Google Analytics (analytics), MyApp.Telemetry.Tracker.Send* and Vendor.Pixel.PixelClient.Fire*
/// (advertising).
/// </summary>
internal static class NoBypassShapes
{
    private static BypassShape Statements(string name, BypassOutcome outcome, string body, string? reason = null) => new(name, outcome, $$"""
        class Endpoint
        {
            async Task Handle(HttpContext http, IConsent consent, TelemetryClient telemetry, IJSRuntime js, string parameter, int id, List<string> names)
            {
                await Task.Yield();
        {{body}}
            }

            static string Compute() => "promo_seen";

            static string ComputeInSteps() { var name = "promo_seen"; return name; }
        }
        """, reason);

    private static BypassShape Members(string name, BypassOutcome outcome, string members, string? reason = null) => new(name, outcome, $$"""
        class Endpoint
        {
        {{members}}
        }
        """, reason);

    public static IReadOnlyList<BypassShape> All { get; } =
    [
        // Cookie names
        Statements("name: constant of another type", BypassOutcome.Resolved, """http.Response.Cookies.Append({|CG0101:Names.Promo|}, "1");"""),
        Statements("name: constant of another assembly", BypassOutcome.Resolved,
            """http.Response.Cookies.Append({|CG0101:Lib.LibNames.Promo|}, "1");"""),
        Statements("name: constant prefix of another assembly + variable", BypassOutcome.Allowed,
            """if (consent.AnalyticsAllowed) http.Response.Cookies.Append(Lib.LibNames.GaPrefix + parameter, "1");"""),
        Statements("name: static readonly of another assembly", BypassOutcome.ReportedUnresolved,
            """http.Response.Cookies.Append({|CG0102:Lib.LibNames.ReadOnlyPromo|}, "1");"""),
        Statements("name: concatenation of constants", BypassOutcome.Resolved,
            """http.Response.Cookies.Append({|CG0101:"promo_" + "seen"|}, "1");"""),
        Statements("name: concatenation with a variable", BypassOutcome.Resolved,
            """http.Response.Cookies.Append({|CG0101:"promo_" + parameter|}, "1");"""),
        Statements("name: concatenation of variables only", BypassOutcome.ReportedUnresolved,
            """http.Response.Cookies.Append({|CG0102:parameter + id|}, "1");"""),
        Statements("name: interpolation", BypassOutcome.Resolved, """http.Response.Cookies.Append({|CG0101:$"promo_{id}"|}, "1");"""),
        Statements("name: interpolation of holes only", BypassOutcome.ReportedUnresolved,
            """http.Response.Cookies.Append({|CG0102:$"{parameter}{id}"|}, "1");"""),
        Statements("name: nameof", BypassOutcome.Resolved, """http.Response.Cookies.Append({|CG0101:nameof(Names.Promo)|}, "1");"""),
        Statements("name: const local", BypassOutcome.Resolved,
            """const string name = "promo_seen"; http.Response.Cookies.Append({|CG0101:name|}, "1");"""),
        Statements("name: static readonly field", BypassOutcome.Resolved, """http.Response.Cookies.Append({|CG0101:Names.ReadOnlyPromo|}, "1");"""),
        Members("name: static readonly field assigned in a static constructor", BypassOutcome.ReportedUnresolved, """
                static readonly string Name = "promo_seen";
                static Endpoint() { Name = System.Environment.MachineName; }
                void Handle(HttpResponse response) => response.Cookies.Append({|CG0102:Name|}, "1");
            """),
        Members("name: static property with a setter", BypassOutcome.ReportedUnresolved, """
                static string Name { get; set; } = "promo_seen";
                void Handle(HttpResponse response) => response.Cookies.Append({|CG0102:Name|}, "1");
            """),
        Members("name: get-only static auto-property", BypassOutcome.Resolved, """
                static string Name { get; } = "promo_seen";
                void Handle(HttpResponse response) => response.Cookies.Append({|CG0101:Name|}, "1");
            """),
        Statements("name: local assigned once", BypassOutcome.Resolved,
            """var name = "promo_seen"; http.Response.Cookies.Append({|CG0101:name|}, "1");"""),
        Statements("name: local reassigned", BypassOutcome.ReportedUnresolved,
            """var name = "_ga"; name = parameter; http.Response.Cookies.Append({|CG0102:name|}, "1");"""),
        Statements("name: local written from a lambda", BypassOutcome.ReportedUnresolved,
            """var name = "_ga"; System.Action set = () => name = parameter; set(); http.Response.Cookies.Append({|CG0102:name|}, "1");"""),
        Members("name: helper method with a parameter", BypassOutcome.Resolved, """
                static readonly string Prefix = "promo_";
                static string Name(int id) => Prefix + id;
                void Handle(HttpResponse response, int id) => response.Cookies.Append({|CG0101:Name(id)|}, "1");
            """),
        Members("name: recursive helper method", BypassOutcome.ReportedUnresolved, """
                static string Name(int n) => Name(n - 1);
                void Handle(HttpResponse response) => response.Cookies.Append({|CG0102:Name(3)|}, "1");
            """),
        Statements("name: string.Format of constants", BypassOutcome.Resolved,
            """http.Response.Cookies.Append({|CG0101:string.Format("promo_{0}", "seen")|}, "1");"""),
        Statements("name: parameter", BypassOutcome.ReportedUnresolved, """http.Response.Cookies.Append({|CG0102:parameter|}, "1");"""),
        Statements("name: method result", BypassOutcome.Resolved, """http.Response.Cookies.Append({|CG0101:Compute()|}, "1");"""),
        Statements("name: result of a method with a body of several statements", BypassOutcome.ReportedUnresolved,
            """http.Response.Cookies.Append({|CG0102:ComputeInSteps()|}, "1");"""),
        Statements("name: conditional of constants", BypassOutcome.ReportedUnresolved,
            """http.Response.Cookies.Append({|CG0102:id > 0 ? "_ga" : "promo_seen"|}, "1");"""),
        Members("name: expression-bodied property", BypassOutcome.Resolved, """
                static string Name => "promo_seen";
                void Handle(HttpResponse response) => response.Cookies.Append({|CG0101:Name|}, "1");
            """),
        new("name: using type alias", BypassOutcome.Resolved, """
            using N = Names;
            class Endpoint { void Handle(HttpResponse response) => response.Cookies.Append({|CG0101:N.Promo|}, "1"); }
            """),
        new("name: using static", BypassOutcome.Resolved, """
            using static Names;
            class Endpoint { void Handle(HttpResponse response) => response.Cookies.Append({|CG0101:Promo|}, "1"); }
            """),
        new("call: namespace alias", BypassOutcome.Resolved, """
            using AspNet = Microsoft.AspNetCore.Http;
            class Endpoint { void Handle(AspNet.HttpResponse response) => response.Cookies.Append({|CG0101:"promo_seen"|}, "1"); }
            """),
        new("call: type alias of IResponseCookies", BypassOutcome.Resolved, """
            using Jar = Microsoft.AspNetCore.Http.IResponseCookies;
            class Endpoint { void Handle(Jar jar) => jar.Append({|CG0101:"promo_seen"|}, "1"); }
            """),

        Statements("write: CookieBuilder.Build with the builder's name", BypassOutcome.Resolved,
            """var builder = new CookieBuilder { Name = "_ga" }; {|CG0105:http.Response.Cookies.Append(builder.Name, "1", builder.Build(http))|};"""),
        Statements("write: CookieBuilder.Build of a builder passed elsewhere first", BypassOutcome.ReportedUnresolved,
            """var builder = new CookieBuilder { Name = "_ga" }; names.ForEach(_ => builder.Name = {|CG0102:parameter|}); http.Response.Cookies.Append({|CG0102:builder.Name|}, "1", builder.Build(http));"""),
        Statements("write: ICookieManager.AppendResponseCookie", BypassOutcome.Resolved,
            """new Microsoft.AspNetCore.Authentication.Cookies.ChunkingCookieManager().AppendResponseCookie(http, {|CG0101:"promo_seen"|}, "1", new CookieOptions());"""),
        Statements("write: CookieOptions.CreateCookieHeader written as a header", BypassOutcome.Resolved,
            """http.Response.Headers.Append("Set-Cookie", new CookieOptions().CreateCookieHeader({|CG0101:"promo_seen"|}, "1").ToString());"""),

        // Wrappers
        new("wrapper: extension method taking the name", BypassOutcome.ReportedUnresolved, """
            static class CookieHelpers
            {
                public static void SetCookie(this HttpResponse r, string n, string v) => r.Cookies.Append({|CG0102:n|}, v);
            }

            class Endpoint { void Handle(HttpResponse response) => response.SetCookie("promo_seen", "1"); }
            """),
        new("wrapper: extension method with a fixed name", BypassOutcome.Resolved, """
            static class CookieHelpers
            {
                public static void SetGa(this HttpResponse r) => {|CG0105:r.Cookies.Append("_ga", "1")|};
            }

            class Endpoint { void Handle(HttpResponse response, IConsent consent) { if (consent.AnalyticsAllowed) response.SetGa(); } }
            """),
        Members("wrapper: generic method taking the name", BypassOutcome.ReportedUnresolved, """
                static void Write<T>(T jar, string n) where T : IResponseCookies => jar.Append({|CG0102:n|}, "1");
            """),
        Members("wrapper: generic method with a fixed name", BypassOutcome.Resolved, """
                static void Write<T>(T jar) where T : IResponseCookies => jar.Append({|CG0101:"promo_seen"|}, "1");
            """),

        new("wrapper: [CookieWriter] extension taking the name", BypassOutcome.Resolved, """
            static class CookieHelpers
            {
                [CookieWriter]
                public static void SetCookie(this HttpResponse r, [ConsentName] string n, string v) => r.Cookies.Append(n, v);
            }

            class Endpoint { void Handle(HttpResponse response, IConsent consent) { response.SetCookie({|CG0101:"promo_seen"|}, "1"); {|CG0105:response.SetCookie("_ga", "1")|}; if (consent.AnalyticsAllowed) response.SetCookie("_ga", "1"); } }
            """),
        Members("wrapper: [CookieWriter] whose name parameter is reassigned", BypassOutcome.ReportedUnresolved, """
                [CookieWriter]
                static void Write(HttpResponse r, [ConsentName] string n) { n = n + "_v2"; r.Cookies.Append({|CG0102:n|}, "1"); }
            """),
        Members("wrapper: [CookieWriter] used as a method group", BypassOutcome.ReportedUnresolved, """
                [CookieWriter]
                static void Write(HttpResponse r, [ConsentName] string n) => r.Cookies.Append(n, "1");
                void Handle(HttpResponse r, List<string> names) => names.ForEach(n => Apply(r, n, {|CG0102:Write|}));
                static void Apply(HttpResponse r, string n, Action<HttpResponse, string> write) => write(r, n);
            """),
        Members("wrapper: [CookieWriter] reached by reflection or a dynamic receiver", BypassOutcome.ReportedUnresolved, """
                [CookieWriter]
                public void Write(HttpResponse r, [ConsentName] string n) => r.Cookies.Append(n, "1");
                void Handle(HttpResponse r)
                {
                    {|CG0102:typeof(Endpoint).GetMethod("Write")|}!.Invoke(this, new object[] { r, "promo_seen" });
                    {|CG0102:((dynamic)this).Write(r, "promo_seen")|};
                }
            """),
        new("wrapper: [CookieWriter] implementing an unmarked interface member", BypassOutcome.ReportedUnresolved, """
            interface IJar { void Put(string n); }
            class Jar(HttpResponse r) : IJar
            {
                [CookieWriter]
                public void Put([ConsentName] string n) => r.Cookies.Append({|CG0102:n|}, "1");
            }
            """),
        Members("wrapper: [CookieWriter] that writes its name to storage", BypassOutcome.ReportedUnresolved, """
                [CookieWriter]
                static Task Write(IJSRuntime js, [ConsentName] string n) => js.InvokeVoidAsync("localStorage.setItem", {|CG0102:n|}, "1").AsTask();
            """),

        Statements("wrapper: a script function that writes a cookie", BypassOutcome.KnownLimit,
            """await js.InvokeVoidAsync("setCookie", "promo_seen", "1");""", Reasons.ScriptWriter),
        new("framework: OWIN cookie authentication (Katana)", BypassOutcome.KnownLimit, """
            namespace Owin
            {
                public interface IAppBuilder { }
                public static class CookieAuthenticationExtensions
                {
                    public static IAppBuilder UseCookieAuthentication(this IAppBuilder app, Microsoft.Owin.Security.Cookies.CookieAuthenticationOptions options) => app;
                }
            }

            namespace Microsoft.Owin.Security.Cookies
            {
                public class CookieAuthenticationOptions { public string CookieName { get; set; } = ""; public string AuthenticationType { get; set; } = "Cookies"; }
            }

            class Startup { void Configuration(Owin.IAppBuilder app) => Owin.CookieAuthenticationExtensions.UseCookieAuthentication(app, new Microsoft.Owin.Security.Cookies.CookieAuthenticationOptions { CookieName = "promo_seen" }); }
            """, Reasons.Owin),

        // Calls the compiler does not bind
        Statements("call: dynamic receiver cast from IResponseCookies", BypassOutcome.Resolved,
            """((dynamic)http.Response.Cookies).Append({|CG0101:"promo_seen"|}, "1");"""),
        Statements("call: dynamic local", BypassOutcome.KnownLimit, """dynamic jar = http.Response.Cookies; jar.Append("promo_seen", "1");""",
            Reasons.DynamicReceiver),
        Statements("call: reflection with a constant method name", BypassOutcome.ReportedUnresolved,
            """{|CG0102:typeof(IResponseCookies).GetMethod("Append", new[] { typeof(string), typeof(string) })|}!.Invoke(http.Response.Cookies, new object[] { "promo_seen", "1" });"""),
        Statements("call: reflection with a computed method name", BypassOutcome.KnownLimit,
            """typeof(IResponseCookies).GetMethod(parameter)!.Invoke(http.Response.Cookies, new object[] { "promo_seen", "1" });""",
            Reasons.ComputedReflection),

        // Where the write stands
        Statements("call: conditional access", BypassOutcome.Resolved, """http.Response?.Cookies.Append({|CG0101:"promo_seen"|}, "1");"""),
        Statements("guard: unguarded write through conditional access", BypassOutcome.Resolved,
            """http?{|CG0105:.Response.Cookies.Append("_ga", "1")|};"""),
        Members("member: expression-bodied method", BypassOutcome.Resolved, """
                void Handle(HttpContext http) => {|CG0105:http.Response.Cookies.Append("_ga", "1")|};
            """),
        Members("member: field initializer", BypassOutcome.Resolved, """
                static readonly Action<HttpContext> Write = http => {|CG0105:http.Response.Cookies.Append("_ga", "1")|};
            """),
        Members("member: property initializer", BypassOutcome.Resolved, """
                public Action<HttpContext> Write { get; } = http => {|CG0105:http.Response.Cookies.Append("_ga", "1")|};
            """),
        Members("member: static constructor", BypassOutcome.Resolved, """
                static readonly IHttpContextAccessor Accessor = new HttpContextAccessor();
                static Endpoint() { {|CG0105:Accessor.HttpContext.Response.Cookies.Append("_ga", "1")|}; }
            """),
        new("member: top-level statements", BypassOutcome.Resolved, """
            HttpContext http = new DefaultHttpContext();
            {|CG0105:http.Response.Cookies.Append("_ga", "1")|};
            http.Response.Cookies.Append({|CG0101:"promo_seen"|}, "1");
            """, TopLevel: true),

        // Delegates that escape the guard
        Statements("escape: lambda passed to Task.Run", BypassOutcome.Resolved,
            """if (consent.AnalyticsAllowed) { _ = Task.Run(() => {|CG0105:http.Response.Cookies.Append("_ga", "1")|}); }"""),
        Members("escape: lambda stored in a field, invoked later", BypassOutcome.Resolved, """
                private Action _action;
                void Arm(HttpContext http, IConsent consent) { if (consent.AnalyticsAllowed) { _action = () => {|CG0105:http.Response.Cookies.Append("_ga", "1")|}; } }
                void Fire() => _action();
            """),
        Statements("escape: lambda in a local passed to Task.Run", BypassOutcome.Resolved,
            """Action write = () => {|CG0105:http.Response.Cookies.Append("_ga", "1")|}; if (consent.AnalyticsAllowed) { _ = Task.Run(write); }"""),
        Statements("escape: local function passed to Task.Run", BypassOutcome.Resolved,
            """if (consent.AnalyticsAllowed) { _ = Task.Run(Write); } void Write() => {|CG0105:http.Response.Cookies.Append("_ga", "1")|};"""),
        Statements("escape: local function called from a lambda passed to Task.Run", BypassOutcome.Resolved,
            """if (consent.AnalyticsAllowed) { Write(); } _ = Task.Run(() => Write()); void Write() => {|CG0105:http.Response.Cookies.Append("_ga", "1")|};"""),
        Statements("escape: local function used as a method group inside a lambda", BypassOutcome.Resolved,
            """if (consent.AnalyticsAllowed) { Write(); } Action[] later = new Action[1]; names.ForEach(_ => later[0] = Write); """ +
            """void Write() => {|CG0105:http.Response.Cookies.Append("_ga", "1")|};"""),
        Statements("local function called from another local function that nothing guards", BypassOutcome.Resolved,
            """if (consent.AnalyticsAllowed) { Write(); } Other(); void Other() => Write(); void Write() => {|CG0105:http.Response.Cookies.Append("_ga", "1")|};"""),
        Statements("local functions that call each other, one entered unguarded", BypassOutcome.Resolved,
            """if (consent.AnalyticsAllowed) { Write(1); } Again(1); void Again(int n) => Write(n); """ +
            """void Write(int n) { {|CG0105:http.Response.Cookies.Append("_ga", "1")|}; if (n > 0) { Again(n - 1); } }"""),
        Members("escape: endpoint handler mapped under a check made at start-up", BypassOutcome.Resolved, """
                void Map(IEndpointRouteBuilder endpoints, IConsent consent)
                {
                    if (consent.AnalyticsAllowed) { endpoints.MapGet("/visit", (HttpContext http) => {|CG0105:http.Response.Cookies.Append("_ga", "1")|}); }
                }
            """),
        Members("escape: middleware registered under a check made at start-up", BypassOutcome.Resolved, """
                void Configure(IApplicationBuilder app, IConsent consent)
                {
                    if (consent.AnalyticsAllowed) { app.Use(async (context, next) => { {|CG0105:context.Response.Cookies.Append("_ga", "1")|}; await next(context); }); }
                }
            """),
        Members("escape: service factory registered under a check", BypassOutcome.Resolved, """
                void Register(IServiceCollection services, IConsent consent, TelemetryClient telemetry)
                {
                    if (consent.AnalyticsAllowed) { services.AddSingleton<Action>(_ => () => { }); services.AddSingleton(_ => { {|CG0202:telemetry.TrackEvent("built")|}; return new object(); }); }
                }
            """),
        Members("escape: callback registered on a cancellation token", BypassOutcome.Resolved, """
                void Arm(HttpContext http, IConsent consent)
                {
                    if (consent.AnalyticsAllowed) { http.RequestAborted.Register(() => {|CG0105:http.Response.Cookies.Append("_ga", "1")|}); }
                }
            """),
        Members("escape: event handler lambda", BypassOutcome.Resolved, """
                event EventHandler Changed;
                void Arm(HttpContext http, IConsent consent) { if (consent.AnalyticsAllowed) { Changed += (s, e) => {|CG0105:http.Response.Cookies.Append("_ga", "1")|}; } }
            """),
        Members("escape: event handler method", BypassOutcome.Resolved, """
                event EventHandler Changed;
                HttpContext _http;
                void Arm(IConsent consent) { if (consent.AnalyticsAllowed) { Changed += OnChanged; } }
                void OnChanged(object sender, EventArgs e) => {|CG0105:_http.Response.Cookies.Append("_ga", "1")|};
            """),
        Statements("guarded: lambda invoked synchronously under the guard", BypassOutcome.Allowed,
            """if (consent.AnalyticsAllowed) names.ForEach(n => http.Response.Cookies.Append("_ga", n));"""),
        Statements("guarded: guard local before a Razor tag-helper element (head, body, script src)", BypassOutcome.Allowed,
            """var ok = consent.AnalyticsAllowed; var scope = new Microsoft.AspNetCore.Razor.Runtime.TagHelpers.TagHelperScopeManager(_ => { }, () => null!); scope.Begin("head", Microsoft.AspNetCore.Razor.TagHelpers.TagMode.StartTagAndEndTag, "h1", async () => { if (ok) http.Response.Cookies.Append("_ga", "1"); });"""),
        Statements("escape: guard local reassigned after a Razor tag-helper element starts", BypassOutcome.Resolved,
            """var ok = consent.AnalyticsAllowed; var scope = new Microsoft.AspNetCore.Razor.Runtime.TagHelpers.TagHelperScopeManager(_ => { }, () => null!); scope.Begin("head", Microsoft.AspNetCore.Razor.TagHelpers.TagMode.StartTagAndEndTag, "h1", async () => { if (ok) {|CG0105:http.Response.Cookies.Append("_ga", "1")|}; }); ok = id > 0;"""),
        Statements("escape: guard local of a Razor tag-helper element assigned in a lambda", BypassOutcome.Resolved,
            """var ok = consent.AnalyticsAllowed; var scope = new Microsoft.AspNetCore.Razor.Runtime.TagHelpers.TagHelperScopeManager(_ => { }, () => null!); scope.Begin("head", Microsoft.AspNetCore.Razor.TagHelpers.TagMode.StartTagAndEndTag, "h1", async () => { ok = id > 0; }); scope.Begin("head", Microsoft.AspNetCore.Razor.TagHelpers.TagMode.StartTagAndEndTag, "h1", async () => { if (ok) {|CG0105:http.Response.Cookies.Append("_ga", "1")|}; });"""),
        Statements("escape: guard local assigned by an out argument before a Razor tag-helper element", BypassOutcome.Resolved,
            """var ok = consent.AnalyticsAllowed; var scope = new Microsoft.AspNetCore.Razor.Runtime.TagHelpers.TagHelperScopeManager(_ => { }, () => null!); scope.Begin("head", Microsoft.AspNetCore.Razor.TagHelpers.TagMode.StartTagAndEndTag, bool.TryParse(parameter, out ok) ? "h1" : "h2", async () => { if (ok) {|CG0105:http.Response.Cookies.Append("_ga", "1")|}; });"""),
        Statements("escape: guard local read in a lambda passed to another method", BypassOutcome.Resolved,
            """var ok = consent.AnalyticsAllowed; names.ForEach(n => { if (ok) {|CG0105:http.Response.Cookies.Append("_ga", n)|}; });"""),

        // Method groups
        Statements("method group: Delete passed to ForEach", BypassOutcome.Allowed, """names.ForEach(http.Response.Cookies.Delete);"""),
        Statements("method group: nameof(Append) is not a write", BypassOutcome.Allowed,
            """_ = nameof(http.Response.Cookies.Append) + nameof(telemetry.TrackEvent);"""),
        Statements("method group: Append kept in a delegate", BypassOutcome.ReportedUnresolved,
            """Action<string, string> set = {|CG0102:http.Response.Cookies.Append|}; set("promo_seen", "1");"""),
        Statements("method group: Append passed to a method", BypassOutcome.ReportedUnresolved,
            """Apply({|CG0102:http.Response.Cookies.Append|}); static void Apply(Action<string, string> write) => write("promo_seen", "1");"""),

        // Raw Set-Cookie headers
        Statements("header: indexer", BypassOutcome.Resolved, """http.Response.Headers["Set-Cookie"] = {|CG0101:"promo_seen=1; Path=/"|};"""),
        Statements("header: Append", BypassOutcome.Resolved, """http.Response.Headers.Append("Set-Cookie", {|CG0101:"promo_seen=1"|});"""),
        Statements("header: SetCookie property", BypassOutcome.Resolved, """http.Response.Headers.SetCookie = {|CG0101:"promo_seen=1"|};"""),
        Statements("header: SetCookie property, unguarded", BypassOutcome.Resolved, """{|CG0105:http.Response.Headers.SetCookie = "_ga=1"|};"""),
        Statements("header: HeaderNames.SetCookie", BypassOutcome.Resolved,
            """http.Response.Headers.Append(Microsoft.Net.Http.Headers.HeaderNames.SetCookie, {|CG0101:"promo_seen=1"|});"""),
        Statements("header: TryAdd", BypassOutcome.Resolved, """http.Response.Headers.TryAdd("Set-Cookie", {|CG0101:"promo_seen=1"|});"""),
        Statements("header: Add(new KeyValuePair)", BypassOutcome.Resolved,
            """http.Response.Headers.Add(new KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues>("Set-Cookie", {|CG0101:"promo_seen=1"|}));"""),
        Statements("header: Add(KeyValuePair.Create)", BypassOutcome.Resolved,
            """http.Response.Headers.Add(KeyValuePair.Create<string, Microsoft.Extensions.Primitives.StringValues>("Set-Cookie", {|CG0101:"promo_seen=1"|}));"""),
        Statements("header: through IDictionary", BypassOutcome.Resolved,
            """IDictionary<string, Microsoft.Extensions.Primitives.StringValues> headers = http.Response.Headers; headers["Set-Cookie"] = {|CG0101:"promo_seen=1"|};"""),
        Statements("header: value not constant", BypassOutcome.ReportedUnresolved, """http.Response.Headers.SetCookie = {|CG0102:parameter|};"""),
        Statements("header: SetCookieHeaderValue text", BypassOutcome.Resolved,
            """var cookie = new Microsoft.Net.Http.Headers.SetCookieHeaderValue({|CG0101:"promo_seen"|}, "1"); http.Response.Headers.Append("Set-Cookie", cookie.ToString());"""),

        // Framework cookies under their default names
        new("framework: AddCookie with a non-constant scheme", BypassOutcome.ReportedUnresolved, """
            using Microsoft.Extensions.DependencyInjection;
            static class Startup { static void Configure(IServiceCollection services, string scheme) => services.AddAuthentication(scheme).{|CG0102:AddCookie(scheme)|}; }
            """),
        new("framework: cookie builder assigned whole", BypassOutcome.Resolved, """
            using Microsoft.Extensions.DependencyInjection;
            static class Startup { static void Configure(IServiceCollection services) => services.AddSession(options => options.Cookie = new CookieBuilder { Name = {|CG0101:"promo_seen"|} }); }
            """),
        new("framework: Identity application cookie renamed by ConfigureApplicationCookie", BypassOutcome.Resolved, """
            using Microsoft.Extensions.DependencyInjection;
            static class Startup { static void Configure(IServiceCollection services) => services.ConfigureApplicationCookie(options => options.Cookie.Name = {|CG0101:"promo_seen"|}); }
            """),
        new("framework: Identity external cookie builder assigned whole", BypassOutcome.Resolved, """
            using Microsoft.Extensions.DependencyInjection;
            static class Startup { static void Configure(IServiceCollection services) => services.ConfigureExternalCookie(options => options.Cookie = new CookieBuilder { Name = {|CG0101:"promo_seen"|} }); }
            """),
        Statements("framework: consent cookie written by GrantConsent", BypassOutcome.Resolved,
            """http.Features.Get<Microsoft.AspNetCore.Http.Features.ITrackingConsentFeature>()?{|CG0101:.GrantConsent()|};"""),
        Statements("framework: consent cookie string for a script", BypassOutcome.Resolved,
            """var script = $"document.cookie = '{{|CG0101:http.Features.Get<Microsoft.AspNetCore.Http.Features.ITrackingConsentFeature>()!.CreateConsentCookie()|}}';";"""),
        new("framework: TempData writes, views registered with the default provider", BypassOutcome.Resolved, """
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.Extensions.DependencyInjection;
            static class Startup
            {
                static void Configure(IServiceCollection services)
                {
                    services.AddAntiforgery(options => options.Cookie.Name = "sb-af");
                    {|CG0101:services.AddControllersWithViews()|};
                    services.AddRazorPages();
                }
            }
            class NotesController : Controller { public IActionResult Save() { TempData["note"] = "saved"; TempData["count"] = 1; return Ok(); } }
            """),
        new("framework: TempData written through a null-conditional Add", BypassOutcome.Resolved, """
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.Extensions.DependencyInjection;
            static class Startup
            {
                static void Configure(IServiceCollection s) { s.AddAntiforgery(o => o.Cookie.Name = "sb-af"); {|CG0101:s.AddMvc()|}; }
            }
            class NotesController : Controller { public IActionResult Save() { TempData?.Add("note", "saved"); return Ok(); } }
            """),
        new("framework: TempData provider chosen in a branch", BypassOutcome.KnownLimit, """
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.Extensions.DependencyInjection;
            static class Startup
            {
                static void Configure(IServiceCollection services, bool useSession)
                {
                    services.AddAntiforgery(options => options.Cookie.Name = "sb-af");
                    var mvc = services.AddControllersWithViews();
                    if (useSession) mvc.AddSessionStateTempDataProvider();
                }
            }
            class NotesController : Controller { public IActionResult Save() { TempData["note"] = "saved"; return Ok(); } }
            """, Reasons.UnseenFrameworkConfiguration),
        new("framework: TempData writes, views registered in another project", BypassOutcome.KnownLimit, """
            using Microsoft.AspNetCore.Mvc;
            class NotesController : Controller { public IActionResult Save() { TempData["note"] = "saved"; return Ok(); } }
            """, Reasons.UnseenFrameworkConfiguration),
        new("framework: external sign-in's correlation cookie (AddOAuth)", BypassOutcome.KnownLimit, """
            using Microsoft.Extensions.DependencyInjection;
            static class Startup
            {
                static void Configure(IServiceCollection services) =>
                    services.AddAuthentication().AddOAuth("provider", options => options.ClientId = "app");
            }
            """, Reasons.RemoteSignInCookies),

        // Tracking calls
        Statements("tracking: conditional access", BypassOutcome.Resolved, """telemetry?{|CG0202:.TrackEvent("checkout")|};"""),
        Statements("tracking: conditional access under a guard", BypassOutcome.Allowed,
            """if (consent.AnalyticsAllowed) telemetry?.TrackEvent("checkout");"""),
        Statements("tracking: vendor interface of a declared tracker", BypassOutcome.Resolved,
            """Vendor.Pixel.IPixelClient pixel = new Vendor.Pixel.PixelClient(); {|CG0202:pixel.FireEvent("purchase")|};"""),
        Statements("tracking: method group kept in a delegate", BypassOutcome.Resolved,
            """Action<string> track = {|CG0202:telemetry.TrackEvent|}; track("checkout");"""),
        Statements("tracking: method group under a guard", BypassOutcome.Allowed,
            """if (consent.AnalyticsAllowed) names.ForEach(telemetry.TrackEvent);"""),
        Members("tracking: method group stored in a field under a guard", BypassOutcome.Resolved, """
                private Action<string> _track;
                void Arm(TelemetryClient telemetry, IConsent consent) { if (consent.AnalyticsAllowed) { _track = {|CG0202:telemetry.TrackEvent|}; } }
            """),
        Statements("tracking: Func invoked under a guard", BypassOutcome.Allowed,
            """Func<string, ValueTask> track = e => js.InvokeVoidAsync("gtag", "event", e); if (consent.AnalyticsAllowed) await track("sign_up");"""),
        Statements("tracking: Func invoked without a guard", BypassOutcome.Resolved,
            """Action<string> track = e => {|CG0202:telemetry.TrackEvent(e)|}; track("checkout");"""),
        Members("tracking: generic wrapper", BypassOutcome.Resolved, """
                static void Track<T>(T client) where T : TelemetryClient => {|CG0202:client.TrackEvent("checkout")|};
            """),
        new("tracking: extension wrapper", BypassOutcome.Resolved, """
            static class TelemetryHelpers { public static void TrackCheckout(this TelemetryClient client) => {|CG0202:client.TrackEvent("checkout")|}; }
            """),
        Statements("tracking: dynamic receiver cast from the tracker type", BypassOutcome.Resolved,
            """{|CG0202:((dynamic)telemetry).TrackEvent("checkout")|};"""),
        Statements("tracking: reflection with a constant method name", BypassOutcome.Resolved,
            """{|CG0202:typeof(TelemetryClient).GetMethod("TrackEvent", new[] { typeof(string) })|}!.Invoke(telemetry, new object[] { "checkout" });"""),
        Statements("tracking: JS interop with a computed identifier", BypassOutcome.KnownLimit,
            """await js.InvokeVoidAsync(parameter, "event", "sign_up");""", Reasons.ComputedJsIdentifier),
        Statements("tracking: HTTP request to a computed URL", BypassOutcome.KnownLimit,
            """using var client = new System.Net.Http.HttpClient(); await client.PostAsync(parameter, null);""", Reasons.ComputedUrl),
        Members("tracking: [RequiresConsent] member called through an interface", BypassOutcome.Resolved, """
                interface IConversions { void Convert(); }
                class Conversions : IConversions { [RequiresConsent(ConsentCategory.Advertising)] public void {|CG0205:Convert|}() { } }
                void Handle(IConversions conversions) => conversions.Convert();
            """),
        Members("tracking: [RequiresConsent] spelled with a unicode escape", BypassOutcome.Resolved, """
                class Beacon { [Requires\u0043onsent(ConsentCategory.Advertising)] public void Send() { } }
                void Handle(Beacon beacon) => {|CG0202:beacon.Send()|};
            """),
        Statements("tracking: [RequiresConsent] method group", BypassOutcome.Resolved,
            """Action convert = {|CG0202:Ads.TrackConversion|}; convert();"""),

        // Guards
        new("guard: using static category", BypassOutcome.Allowed, """
            using static TestProject.ConsentCategory;
            class Endpoint { void Handle(HttpResponse response, IConsent consent) { if (consent.IsGranted(Analytics)) response.Cookies.Append("_ga", "1"); } }
            """),
        new("guard: category through a type alias", BypassOutcome.Allowed, """
            using Category = TestProject.ConsentCategory;
            class Endpoint { void Handle(HttpResponse response, IConsent consent) { if (consent.IsGranted(Category.Analytics)) response.Cookies.Append("_ga", "1"); } }
            """),
        Statements("guard: conditional access on the consent service", BypassOutcome.Allowed,
            """if (consent?.AnalyticsAllowed == true) telemetry.TrackEvent("checkout");"""),
        Statements("guard: check wrapped in a Func is not a guard", BypassOutcome.Resolved,
            """Func<bool> allowed = () => consent.AnalyticsAllowed; if (allowed()) {|CG0105:http.Response.Cookies.Append("_ga", "1")|};"""),
        Members("guard: check kept in a field is not a guard", BypassOutcome.Resolved, """
                private bool _allowed;
                void Handle(HttpContext http, IConsent consent) { _allowed = consent.AnalyticsAllowed; if (_allowed) {|CG0105:http.Response.Cookies.Append("_ga", "1")|}; }
            """),

        // Tracker scripts built as C# strings and rendered as HTML
        .. NoBypassHtmlStringShapes.All,
    ];

    /// <summary>The reasons docs/guarantees.md gives for each known limit, word for word.</summary>
    public static class Reasons
    {
        public const string DynamicReceiver =
            "A call on a value whose static type is dynamic is bound at run time: " +
            "it is checked only when its receiver is an expression of a known cookie or tracker type cast to dynamic, " +
            "not when the value comes from a dynamic variable, field or parameter.";

        public const string ComputedReflection =
            "A member found by reflection under a name that is not a compile-time constant (GetMethod(name)) is not seen; " +
            "with a constant name it is treated as a cookie write with an unresolved name or as a call to the tracker.";

        public const string ComputedJsIdentifier =
            "A JS-interop call whose function identifier is not a compile-time constant is not checked: which script function it calls is unknown.";

        public const string RemoteSignInCookies =
            "The correlation and nonce cookies that external sign-in handlers write during a sign-in " +
            "(AddOAuth, AddOpenIdConnect, AddGoogle, AddFacebook and the like: .AspNetCore.Correlation.*, .AspNetCore.OpenIdConnect.Nonce.*) " +
            "are not recognized: their registrations are not checked.";

        public const string UnseenFrameworkConfiguration =
            "A framework cookie under its default name is reported once, at the registration in this project that turns it on, " +
            "and only where the project visibly leaves the default alone: " +
            "not when the registration is in another project, when the project configures the cookie (or chooses a TempData provider) " +
            "in any branch, or when a referenced assembly outside ASP.NET Core uses the assembly of the cookie's feature and may configure it " +
            "unseen.";

        public const string ScriptWriter =
            "A cookie or storage key written by a script function of the app or of a library, " +
            "called through JS interop (js.InvokeVoidAsync(\"setCookie\", name, value)), is not seen: " +
            "only localStorage.setItem and sessionStorage.setItem are known script writers. " +
            "Call it from a C# method marked [CookieWriter] or [StorageWriter] with the name as its [ConsentName] parameter, " +
            "and every call of that method is checked.";

        public const string Owin =
            "Classic OWIN (Katana) cookie middleware, app.UseCookieAuthentication, " +
            "UseExternalSignInCookie and UseTwoFactorSignInCookie of Microsoft.Owin.Security.Cookies, is not recognized: " +
            "neither its CookieName nor its default names (.AspNet.Cookies, .AspNet.ExternalCookie, .AspNet.TwoFactorCookie) are checked.";

        public const string ComputedUrl =
            "An HttpClient request whose URL has no constant part is not matched against tracker endpoints: the endpoint is unknown.";
    }
}
