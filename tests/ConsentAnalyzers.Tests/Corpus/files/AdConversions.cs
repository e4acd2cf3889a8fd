using System.Collections.Generic;
using System.Net.Http;
using System.Threading.Tasks;
using Corpus.Telemetry;
using Microsoft.AspNetCore.Http;

namespace Corpus.Web.Advertising;

// Everything in this class serves advertising: the attribute on the class puts each member under that requirement.
[RequiresConsent(ConsentCategory.Advertising)]
public sealed class ConversionLinker(HttpResponse response)
{
    public bool Enabled { get; set; } = true;

    public void RememberClick(string gclid) => response.Cookies.Append(ConsentCookies.GclName("aw"), gclid);

    public void ReportConversion(string orderId)
    {
        Tracker.SendConversion(orderId);
        RememberClick(orderId);
    }
}

public interface IConversionSink
{
    [RequiresConsent(ConsentCategory.Advertising)]
    Task ReportAsync(string orderId);
}

public sealed class HttpConversionSink(HttpClient http, HttpResponse response) : IConversionSink
{
    // The interface's requirement binds the callers, not this body: the implementation needs its own attribute.
    public async Task ReportAsync(string orderId)
    {
        response.Cookies.Append(ConsentCookies.GclName("conv"), orderId); // expect: CG0105
        await http.GetAsync("https://www.googleadservices.com/pagead/conversion/1234567/?oid=" + orderId); // expect: CG0202
    }
}

public sealed class MarkedConversionSink(HttpClient http) : IConversionSink
{
    [RequiresConsent(ConsentCategory.Advertising)]
    public async Task ReportAsync(string orderId) =>
        await http.GetAsync("https://www.googleadservices.com/pagead/conversion/1234567/?oid=" + orderId);
}

public interface IClickArchive
{
    void Keep(string gclid);
}

public sealed class CookieClickArchive(HttpResponse response) : IClickArchive
{
    // The mark binds the callers of CookieClickArchive.Keep, but callers hold an IClickArchive, whose Keep requires nothing.
    [RequiresConsent(ConsentCategory.Advertising)]
    public void Keep(string gclid) => response.Cookies.Append(ConsentCookies.GclName("arc"), gclid); // expect: CG0205
}

public sealed class OrderConfirmation(IConsent consent, IConversionSink sink)
{
    public async Task OnConfirmedAsync(HttpContext context, string orderId, IReadOnlyList<string> clickIds)
    {
        if (consent.IsGranted(ConsentCategory.Advertising))
        {
            var linker = new ConversionLinker(context.Response);
            linker.ReportConversion(orderId);
            if (linker.Enabled)
            {
                await sink.ReportAsync(orderId);
            }

            foreach (var id in clickIds)
            {
                linker.RememberClick(id);
            }
        }

        var fallback = new ConversionLinker(context.Response); // expect: CG0202
        await sink.ReportAsync(orderId); // expect: CG0202
    }

    public void RememberAll(HttpContext context, List<string> clickIds, ConversionLinker linker)
    {
        // A method group runs where the delegate is invoked: here, unguarded, like the lambda below.
        clickIds.ForEach(linker.RememberClick); // expect: CG0202
        clickIds.ForEach(id => linker.RememberClick(id)); // expect: CG0202
    }

    [RequiresConsent(ConsentCategory.Analytics)]
    public void MeasureConversion(ConversionLinker linker, string orderId)
    {
        linker.ReportConversion(orderId); // expect: CG0203
    }

    [RequiresConsent(ConsentCategory.Advertising)]
    public async Task ReportEverywhereAsync(ConversionLinker linker, string orderId)
    {
        linker.ReportConversion(orderId);
        await sink.ReportAsync(orderId);
    }
}
