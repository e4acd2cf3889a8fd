// Types the corpus files share: a consent service marked with the generated attributes, a third-party consent
// manager known only through the manifest's guards, and stand-ins for tracking libraries.
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

        public void Flush() { }
    }
}
