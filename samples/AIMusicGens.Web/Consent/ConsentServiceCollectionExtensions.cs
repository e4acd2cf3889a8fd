using Microsoft.Extensions.DependencyInjection;

namespace AIMusicGens.Web.Consent;

internal static class ConsentServiceCollectionExtensions
{
    /// <summary>Registers <see cref="ConsentService"/> and gives the cookies the framework writes their declared names.</summary>
    public static IServiceCollection AddConsent(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddScoped<ConsentService>();

        // The consent form carries an antiforgery token; the framework's default cookie name
        // (.AspNetCore.Antiforgery.<hash>) is not in the cookie policy, the declared one is.
        services.AddAntiforgery(options => options.Cookie.Name = ConsentCookies.AimgAntiforgery);
        return services;
    }
}
