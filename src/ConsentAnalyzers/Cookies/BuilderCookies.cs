using ConsentAnalyzers.Analysis;
using ConsentAnalyzers.Manifest;
using ConsentAnalyzers.Names;
using Microsoft.CodeAnalysis.Operations;

namespace ConsentAnalyzers.Cookies;

/// <summary>Which cookie an assignment on a <c>CookieBuilder</c> (<c>IsEssential</c>, <c>MaxAge</c>) configures.</summary>
internal static class BuilderCookies
{
    /// <summary>
    /// The name of the cookie a builder's property is set on: assigned beside it (<see cref="EssentialAssignments.FindBuilderName"/>),
    /// or the framework cookie's own when the app leaves it unnamed; null when neither is known.
    /// </summary>
    public static ResolvedName? NameOfCookie(ISimpleAssignmentOperation assignment, IPropertyReferenceOperation target,
        ConsentCompilation consent) =>
        EssentialAssignments.FindBuilderName(assignment, target, consent.Symbols) is { } nameAssignment
            ? NameResolver.Resolve(nameAssignment.Value, consent.Constants)
            : target.Instance is IPropertyReferenceOperation builder ? FrameworkCookies.UnnamedCookie(builder) : null;
}
