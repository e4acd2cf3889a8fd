using AIMusicGens.Web;
using AIMusicGens.Web.Checkout;
using AIMusicGens.Web.Consent;
using AIMusicGens.Web.Songs;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddRazorPages();
builder.Services.AddProblemDetails();
builder.Services.AddConsent();

// Server-side telemetry (requests, dependencies, exceptions) and the TelemetryClient for custom events. With no
// connection string configured it sends nothing, which is how the sample runs locally.
builder.Services.AddApplicationInsightsTelemetry();

builder.Services.AddOptions<StripeOptions>().BindConfiguration(StripeOptions.Section);

var app = builder.Build();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler();
    app.UseHsts();
}

// The safety net behind the build's consent checks: a cookie of a category the visitor has not granted is removed from
// the response, and one the manifest does not declare (a library's) is logged as a warning. First, so it sees every
// response's cookies.
app.UseConsentEnforcement((context, category) => context.RequestServices.GetRequiredService<ConsentService>().IsGranted(category));

app.UseAntiforgery();

app.MapStaticAssets();
app.MapRazorPages().WithStaticAssets();
app.MapConsentEndpoints();
app.MapSongEndpoints();

app.Run();
