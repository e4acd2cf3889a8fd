using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using RuleGallery;
using RuleGallery.Rules;

// The gallery is here to be compiled, not run: the build output is the exhibit. It still starts, as an app would.
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddHttpContextAccessor();
builder.Services.AddScoped<IVisitorConsent, CookieConsent>();

var app = builder.Build();
app.UseBannerCookiePolicy();
app.MapGet("/", () => "Build this project to see every ConsentAnalyzers code rule fire once.");
app.Run();
