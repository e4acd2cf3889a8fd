namespace ConsentAnalyzers.Tests.Robustness.Code;

/// <summary>
/// Cookie writes, storage writes and tracking calls in the newest C# shapes, with <c>{|CG0101:…|}</c> markup for
/// what the analyzers must report (checked by <see cref="ModernSyntaxTests"/>, fuzzed with the markup removed).
/// Checked against the tracking-rule tests' manifest: 'theme' and 'draft:*' are functional, '_ga' analytics,
/// 'app_consent' necessary, MyApp.Telemetry.Tracker.Send* advertising; 'promo' is declared nowhere. A name the compiler
/// cannot resolve (a tuple element) is CG0102, hidden.
/// </summary>
internal static class ModernSyntaxSources
{
    /// <summary>Top-level statements, a type alias of a tuple, lambdas with natural types, attributes and default parameters.</summary>
    public const string Program = """
        using System;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Modern.Web;
        using TestProject;
        using Pair = (string Name, string Value);

        var app = WebApplication.Create(args);
        app.MapGet("/promo", (HttpContext http) => http.Response.Cookies.Append({|CG0101:"promo"|}, "1"));
        app.MapGet("/theme", [Obsolete] (HttpContext http, string value = "dark") => {|CG0105:http.Response.Cookies.Append("theme", value)|});
        app.MapGet("/guarded", (HttpContext http, IConsent consent) =>
        {
            if (consent.IsGranted(ConsentCategory.Functional))
            {
                http.Response.Cookies.Append("theme", "light");
            }
        });

        var write = static (HttpResponse response, Pair pair) => response.Cookies.Append({|CG0102:pair.Name|}, pair.Value);
        Func<HttpResponse, string> natural = response => { {|CG0105:response.Cookies.Append("_ga", "GA1.1")|}; return "ok"; };
        app.Run();
        """;

    /// <summary>
    /// File-scoped namespace and types, primary constructors, records, collection expressions, raw and UTF-8 literals,
    /// required members, list patterns, static abstract members, scoped.
    /// </summary>
    public const string Shapes = """"
        namespace Modern.Web;

        using System;
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Http;
        using Microsoft.JSInterop;
        using MyApp.Telemetry;
        using TestProject;

        internal sealed class CartCookies(HttpResponse response, IConsent consent)
        {
            private readonly string[] _names = ["theme", "promo"];

            public required string Segment { get; init; }

            public void Remember() => response.Cookies.Append({|CG0101:"""promo"""|}, "1");

            public void Theme(string[] path)
            {
                if (path is ["settings", .., var last] && consent.IsGranted(ConsentCategory.Functional))
                {
                    response.Cookies.Append("theme", last);
                }

                if (path is [_, "dark"])
                {
                    {|CG0105:response.Cookies.Append("theme", "dark")|};
                }
            }

            public ReadOnlySpan<byte> Marker => "app_consent"u8;

            public void Consent() => response.Cookies.Append("app_consent", "v1");
        }

        public record struct Visit(string Page)
        {
            public readonly void Save(HttpResponse response) => {|CG0105:response.Cookies.Append("_ga", Page)|};
        }

        public record Draft(IJSRuntime Js, string Id)
        {
            public async Task Save(string text)
            {
                await {|CG0105:Js.InvokeVoidAsync("localStorage.setItem", $"draft:{Id}", text)|};
                await Js.InvokeVoidAsync("localStorage.setItem", {|CG0103:"""promo_seen"""|}, text);
            }
        }

        public interface ICookieWriter
        {
            static abstract void Write(HttpResponse response);
        }

        public readonly struct ThemeWriter : ICookieWriter
        {
            public static void Write(HttpResponse response) => {|CG0105:response.Cookies.Append("theme", "dark")|};
        }

        file static class Conversions
        {
            public static void Send<T>(HttpResponse response, scoped ReadOnlySpan<char> id)
                where T : ICookieWriter
            {
                T.Write(response);
                {|CG0202:Tracker.SendConversion(id.ToString())|};
                List<string> ids = [.. id.ToString().Split(','), "last"];
            }
        }
        """";

    /// <summary>The tracker API the manifest declares (by its metadata name; the analyzer needs no reference to it).</summary>
    public const string Telemetry = """
        namespace MyApp.Telemetry
        {
            public static class Tracker
            {
                public static void SendConversion(string id) { }
            }
        }
        """;
}
