using System;
using System.Collections.Immutable;
using ConsentAnalyzers.Diagnostics;
using ConsentAnalyzers.Manifest;
using Microsoft.CodeAnalysis;

namespace ConsentAnalyzers.Analysis;

/// <summary>
/// Checks the lifetime a cookie is written with, in C# or in a script, against the manifest: longer than the cookie's
/// <c>maxAge</c> (or persistent where it says <c>"session"</c>) is CG0110; for a cookie that needs consent, longer than
/// the lifetime cap is CG0111. An undeclared or unresolved name is left to the name rules.
/// </summary>
internal static class LifetimeCheck
{
    /// <summary>
    /// Reports CG0110 and CG0111 for cookie <paramref name="name"/> written to live <paramref name="written"/>; with
    /// <paramref name="property"/> (<c>MaxAge</c>, <c>Expires</c>), what the code fix needs; null in a script.
    /// </summary>
    public static void Check(Action<Diagnostic> report, ConsentCompilation consent, ResolvedName name, Lifetime written, Location location,
        string? property)
    {
        if (consent.Manifest.Cookies.Find(name) is not { } cookie)
        {
            return;
        }

        if (cookie.MaxAge is { } declared && written.IsLongerThan(declared))
        {
            // What the fix writes instead: the declared lifetime, on the same property.
            var properties = property is null
                ? ImmutableDictionary<string, string?>.Empty
                : ImmutableDictionary<string, string?>.Empty
                    .Add(DiagnosticProperties.DeclaredLifetime, declared.ToString())
                    .Add(DiagnosticProperties.LifetimeProperty, property);
            report(Diagnostic.Create(Rules.LifetimeLongerThanDeclared, location, properties, name.Display, written.Describe(), Declared(declared)));
        }

        if (consent.LifetimeCap is { } cap && !consent.Manifest.Category(cookie.Category).IsEssential && written.IsLongerThan(cap))
        {
            report(Diagnostic.Create(Rules.LifetimeOverCap, location, LifetimeCap.WrittenMessage(name.Display, written, cookie.Category, cap)));
        }
    }

    private static string Declared(Lifetime declared) => declared.IsSession
        ? $"a session cookie, gone when the browser closes (maxAge \"{declared}\")"
        : $"at most {declared.Describe()} (maxAge \"{declared}\")";
}
