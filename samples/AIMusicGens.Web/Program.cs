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

app.UseAntiforgery();

app.MapStaticAssets();
app.MapRazorPages().WithStaticAssets();
app.MapConsentEndpoints();
app.MapSongEndpoints();

app.Run();
