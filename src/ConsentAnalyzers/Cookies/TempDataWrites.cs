using System.Runtime.CompilerServices;
using ConsentAnalyzers.Common;
using ConsentAnalyzers.Frameworks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ConsentAnalyzers.Cookies;

/// <summary>
/// Writes to MVC's TempData, which the default TempData provider keeps in a cookie: <c>TempData["key"] = …</c>,
/// <c>TempData.Add(…)</c>, and assignments to <c>[TempData]</c> properties (saved to TempData after the action).
/// </summary>
internal static class TempDataWrites
{
    /// <summary>The target of an assignment is a TempData entry or a <c>[TempData]</c> property.</summary>
    [MethodImpl(HotPath.Optimized)]
    public static bool IsWrittenBy(IPropertyReferenceOperation target, KnownSymbols symbols) =>
        symbols.TempDataDictionary is not null
        && (target.Property.IsIndexer ? IsTempData(target.Instance, symbols) : HasTempDataAttribute(target.Property, symbols));

    /// <summary><c>TempData.Add(key, value)</c>.</summary>
    [MethodImpl(HotPath.Optimized)]
    public static bool IsWrittenBy(IInvocationOperation invocation, KnownSymbols symbols) =>
        invocation.TargetMethod.Name == "Add" && symbols.TempDataDictionary is not null && IsTempData(invocation.Instance, symbols);

    // The indexer and Add are IDictionary<string, object>'s members: the receiver tells TempData from other dictionaries.
    private static bool IsTempData(IOperation? instance, KnownSymbols symbols) =>
        SymbolFacts.IsOrInherits(instance?.WithoutConversions().Type, symbols.TempDataDictionary);

    private static bool HasTempDataAttribute(IPropertySymbol property, KnownSymbols symbols)
    {
        foreach (var attribute in property.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, symbols.TempDataAttribute))
            {
                return true;
            }
        }

        return false;
    }
}
