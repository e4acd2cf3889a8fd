using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ConsentAnalyzers.BrowserTests;

/// <summary>
/// The sample app (samples/AIMusicGens.Web) as it runs in production code: its own Program, on Kestrel, on a free
/// loopback port. A browser cannot reach the in-memory test server, hence Kestrel.
/// </summary>
internal sealed class SampleAppServer : WebApplicationFactory<Program>
{
    public SampleAppServer() => UseKestrel(options => options.Listen(IPAddress.Loopback, 0));

    /// <summary>The address Kestrel bound, e.g. <c>http://127.0.0.1:40123</c>; starts the server on first use.</summary>
    public Uri Start()
    {
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>();
        return new Uri(addresses.Addresses.Single());
    }
}
