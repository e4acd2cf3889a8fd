// Types the corpus files share: a consent service marked with the generated attributes, a third-party consent
// manager known only through the manifest's guards, and stand-ins for tracking and storage libraries (by their real
// namespaces and type names, so the analyzers recognize them as they would the real packages).
using System.Threading.Tasks;
using Corpus.Web;

namespace Corpus.Web
{
    public interface IConsent
    {
        [ConsentGuard] bool IsGranted(ConsentCategory category);

        [ConsentGuard] Task<bool> IsGrantedAsync(ConsentCategory category);

        [ConsentGuard(ConsentCategory.Analytics)] bool AnalyticsAllowed { get; }
    }
}

namespace Corpus.Privacy
{
    public enum CookieType { Analytics, Marketing }

    public interface IConsentManager
    {
        bool IsAllowed(CookieType type);

        bool MarketingAllowed { get; }
    }
}

namespace Corpus.Telemetry
{
    public static class Tracker
    {
        public static void SendConversion(string id) { }

        public static void Configure() { }
    }
}

namespace Microsoft.ApplicationInsights
{
    public class TelemetryClient
    {
        public void TrackEvent(string name) { }

        public void TrackPageView(string name) { }

        public void TrackException(System.Exception exception) { }

        public void TrackMetric(string name, double value) { }

        public void Flush() { }
    }
}

namespace Microsoft.ApplicationInsights.AspNetCore
{
    public class JavaScriptSnippet
    {
        public string FullScript => "<script>/* Application Insights */</script>";

        public string ScriptBody => "/* Application Insights */";
    }
}

namespace Mixpanel
{
    public class MixpanelClient
    {
        public MixpanelClient(string token) { }

        public Task<bool> TrackAsync(string @event, object distinctId, object properties) => Task.FromResult(true);

        public Task<bool> PeopleSetAsync(object distinctId, object properties) => Task.FromResult(true);
    }
}

namespace Segment
{
    public class Client
    {
        public void Track(string userId, string eventName) { }

        public void Flush() { }
    }

    public static class Analytics
    {
        public static Client Client { get; } = new();

        public static void Initialize(string writeKey) { }
    }
}

namespace Blazored.LocalStorage
{
    public interface ILocalStorageService
    {
        ValueTask SetItemAsync<T>(string key, T data, System.Threading.CancellationToken cancellationToken = default);

        ValueTask SetItemAsStringAsync(string key, string data, System.Threading.CancellationToken cancellationToken = default);

        ValueTask<T?> GetItemAsync<T>(string key, System.Threading.CancellationToken cancellationToken = default);

        ValueTask RemoveItemAsync(string key, System.Threading.CancellationToken cancellationToken = default);
    }
}

namespace Blazored.SessionStorage
{
    public interface ISessionStorageService
    {
        ValueTask SetItemAsync<T>(string key, T data, System.Threading.CancellationToken cancellationToken = default);

        ValueTask<T?> GetItemAsync<T>(string key, System.Threading.CancellationToken cancellationToken = default);
    }
}
