using System.Runtime.CompilerServices;
using ConsentAnalyzers.Common;
using ConsentAnalyzers.Frameworks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ConsentAnalyzers.Analysis;

/// <summary>
/// Calls the compiler does not bind to a member, where the member is still known by type and name: a dynamic call on
/// an expression of a static type (<c>((dynamic)cookies).Append(…)</c>), and a method found by reflection under a
/// constant name (<c>typeof(IResponseCookies).GetMethod("Append")</c>).
/// </summary>
internal static class LateBoundCalls
{
    /// <summary>The receiver's static type and the member name of a dynamic call, when the receiver has a static type.</summary>
    public static (ITypeSymbol Type, string Name)? DynamicCall(IDynamicInvocationOperation invocation) =>
        invocation.Operation is IDynamicMemberReferenceOperation { Instance: { } instance } member
        && instance.WithoutConversions().Type is { TypeKind: not TypeKind.Dynamic } type
            ? (type, member.MemberName)
            : null;

    /// <summary>
    /// <c>typeof(T).GetMethod("Name", …)</c>: the type and the constant name; null for anything else (the name test
    /// first: this runs on every call).
    /// </summary>
    [MethodImpl(HotPath.Optimized)]
    public static (ITypeSymbol Type, string Name)? ReflectedMethod(IInvocationOperation invocation, KnownSymbols symbols) =>
        invocation.TargetMethod.Name == "GetMethod"
        && invocation.Instance?.WithoutConversions() is ITypeOfOperation typeOf
        && SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType, symbols.ReflectionType)
        && invocation.Arguments.ArgumentFor("name")?.ConstantValue is { HasValue: true, Value: string name }
            ? (typeOf.TypeOperand, name)
            : null;

    /// <summary>A dynamic call's arguments by position (a dynamic call has no parameters to name them).</summary>
    public static IOperation? Argument(IDynamicInvocationOperation invocation, int position) =>
        position < invocation.Arguments.Length ? invocation.Arguments[position] : null;
}
