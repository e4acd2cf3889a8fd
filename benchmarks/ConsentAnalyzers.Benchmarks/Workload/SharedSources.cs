namespace ConsentAnalyzers.Benchmarks.Workload;

/// <summary>The hand-written part of the workload: the types every generated file uses, and the service registration.</summary>
internal static class SharedSources
{
    /// <summary>
    /// The app's consent service (marked with the generated attributes), a third-party consent manager known only
    /// through the manifest's guards, the domain model, a legacy helper (banned in BannedSymbols.txt), a Windows-only
    /// API (for CA1416), and stand-ins for tracking and storage libraries under their real namespaces and type names,
    /// so the analyzers recognize them as they would the real packages.
    /// </summary>
    public const string Shared = """
        using System;
        using System.Collections.Generic;
        using System.Runtime.Versioning;
        using System.Threading.Tasks;

        namespace Shop.Web
        {
            public enum OrderStatus { Pending, Paid, Shipped, Delivered, Cancelled, Refunded }

            public sealed record OrderLine(string Sku, decimal Price, int Quantity);

            public sealed class Customer
            {
                public int Id { get; set; }

                public string Name { get; set; } = "";

                public string? Email { get; set; }

                public List<OrderLine> Lines { get; } = new();

                public OrderStatus Status { get; set; }

                public DateTimeOffset Since { get; set; }
            }

            public static class Audit
            {
                public static void Record(string message) { }
            }

            public static class Pricing
            {
                public static decimal Round(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);
            }
        }

        namespace Shop.Web.Privacy
        {
            public interface IConsent
            {
                [ConsentGuard] bool IsGranted(ConsentCategory category);

                [ConsentGuard] Task<bool> IsGrantedAsync(ConsentCategory category);

                [ConsentGuard(ConsentCategory.Analytics)] bool AnalyticsAllowed { get; }

                [ConsentGuard(ConsentCategory.Advertising)] bool AdsAllowed { get; }

                [ConsentGuard(ConsentCategory.Functional)] bool PreferencesAllowed { get; }
            }

            public enum CookieType { Analytics, Marketing }

            public interface IConsentManager
            {
                bool IsAllowed(CookieType type);
            }
        }

        namespace Shop.Web.Telemetry
        {
            public static class Tracker
            {
                public static void SendConversion(string id) { }

                public static void Configure() { }
            }
        }

        namespace Shop.Web.Legacy
        {
            public static class LegacyFormatter
            {
                public static string Format(string value) => value;
            }
        }

        namespace Shop.Web.Platform
        {
            [SupportedOSPlatform("windows")]
            public static class WindowsEventLog
            {
                public static void Write(string message) { }
            }
        }

        namespace Microsoft.ApplicationInsights
        {
            public class TelemetryClient
            {
                public void TrackEvent(string name) { }

                public void TrackPageView(string name) { }

                public void TrackMetric(string name, double value) { }

                public void TrackException(Exception exception) { }

                public void Flush() { }
            }
        }

        namespace Blazored.LocalStorage
        {
            public interface ILocalStorageService
            {
                ValueTask SetItemAsync<T>(string key, T data, System.Threading.CancellationToken cancellationToken = default);

                ValueTask<T?> GetItemAsync<T>(string key, System.Threading.CancellationToken cancellationToken = default);

                ValueTask RemoveItemAsync(string key, System.Threading.CancellationToken cancellationToken = default);
            }
        }
        """;

    /// <summary>Service registration: the framework features that write cookies of their own.</summary>
    public const string Startup = """
        using Microsoft.Extensions.DependencyInjection;

        namespace Shop.Web
        {
            public static class Startup
            {
                public static void ConfigureServices(IServiceCollection services)
                {
                    services.AddControllersWithViews();
                    services.AddRazorPages();
                    services.AddRazorComponents();
                    services.AddAntiforgery(options => options.Cookie.Name = ".AspNetCore.Antiforgery.Shop");
                    services.AddSession();
                    services.AddHttpClient();
                }
            }
        }
        """;
}
