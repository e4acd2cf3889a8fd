using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using ConsentAnalyzers.Common;
using ConsentAnalyzers.ConsentApi;
using ConsentAnalyzers.Manifest;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ConsentAnalyzers.Guards;

/// <summary>
/// Knows which expressions are consent checks and for which categories: <c>ITrackingConsentFeature.CanTrack</c> and
/// <c>HasConsent</c> (every non-essential category), members marked <c>[ConsentGuard]</c>, and the manifest's
/// <c>guards</c> for code the team cannot annotate.
/// </summary>
internal sealed class GuardRecognizer
{
    private readonly INamedTypeSymbol? _trackingConsentFeature;
    private readonly INamedTypeSymbol? _guardAttribute;

    // The compilation's own assembly when the guard attribute is its own (internal, generated): only its members can carry it.
    private readonly IAssemblySymbol? _onlyAssemblyWithGuards;
    private readonly INamedTypeSymbol? _categoryEnum;
    private readonly ManifestModel _manifest;

    // Conditions test the same few members again and again (and the flow analysis evaluates each branch more than
    // once): whether a member can be a guard at all is decided once per member, so the walk over what it overrides
    // and implements, its attributes and its display name for the manifest's guards are not redone per condition.
    private readonly ConcurrentDictionary<ISymbol, bool> _mayBeGuard = new(SymbolEqualityComparer.Default);
    private readonly Func<ISymbol, bool> _findMayBeGuard;

    // The member names the manifest's guards can match (null: any), so that most members are ruled out without their
    // display name being built.
    private readonly HashSet<string>? _manifestGuardNames;

    public GuardRecognizer(Compilation compilation, GeneratorOptions options, ManifestModel manifest)
    {
        _trackingConsentFeature = WellKnownTypes.Find(compilation, "Microsoft.AspNetCore.Http.Features.ITrackingConsentFeature");
        _guardAttribute = GeneratedNames.Find(compilation, options.Namespace, GeneratedNames.ConsentGuardAttribute);
        _onlyAssemblyWithGuards = _guardAttribute is not null
            && SymbolEqualityComparer.Default.Equals(_guardAttribute.ContainingAssembly, compilation.Assembly)
                ? compilation.Assembly
                : null;
        _categoryEnum = GeneratedNames.Find(compilation, options.Namespace, GeneratedNames.Category);
        _manifest = manifest;
        _findMayBeGuard = FindMayBeGuard;
        _manifestGuardNames = ManifestGuardNames(manifest);
    }

    /// <summary>The categories granted when <paramref name="condition"/> evaluates to <paramref name="value"/>.</summary>
    public CategorySet Implied(IOperation condition, bool value, Func<IOperation, bool, CategorySet?>? lookupVariable = null)
    {
        condition = Unwrap(condition);
        switch (condition)
        {
            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not:
                return Implied(not.Operand, !value, lookupVariable);
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } comparison
                when BooleanConstant(comparison.RightOperand) is { } right:
                return ImpliedByComparison(comparison, comparison.LeftOperand, right, value, lookupVariable);
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } comparison
                when BooleanConstant(comparison.LeftOperand) is { } left:
                return ImpliedByComparison(comparison, comparison.RightOperand, left, value, lookupVariable);
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.And } conjunction
                when IsBoolean(conjunction.Type):
                return value
                    ? Implied(conjunction.LeftOperand, true, lookupVariable).Union(Implied(conjunction.RightOperand, true, lookupVariable))
                    : CategorySet.Empty;
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr or BinaryOperatorKind.Or } disjunction
                when IsBoolean(disjunction.Type):
                return value
                    ? CategorySet.Empty
                    : Implied(disjunction.LeftOperand, false, lookupVariable).Union(Implied(disjunction.RightOperand, false, lookupVariable));
            case IConditionalOperation { WhenFalse: { } whenFalse } choice when IsBoolean(choice.Type):
                // flag ? check : false (the enclosing-if shortcut; a graph has no such operation): what both values
                // imply, which is all a graph keeps where the two ways meet, whatever it knows of the condition.
                return Implied(choice.WhenTrue, value, lookupVariable).Intersect(Implied(whenFalse, value, lookupVariable));
            case ICoalesceOperation coalesce when IsBoolean(coalesce.Type) || IsNullableBoolean(coalesce.Type):
                // feature?.CanTrack ?? false (the enclosing-if shortcut; a graph tests the value for null instead): the
                // value when it is not null, or the fallback; what both imply.
                return Implied(coalesce.Value, value, lookupVariable).Intersect(Implied(coalesce.WhenNull, value, lookupVariable));
            case IConditionalAccessOperation access when IsNullableBoolean(access.Type):
                // feature?.CanTrack is true or false only when feature is not null and CanTrack is (null is neither).
                return Implied(access.WhenNotNull, value, lookupVariable);
            case IIsPatternOperation isPattern:
                return ImpliedByPattern(isPattern.Value, isPattern.Pattern, value, lookupVariable);
            case ILocalReferenceOperation or IFlowCaptureReferenceOperation:
                return lookupVariable?.Invoke(condition, value) ?? CategorySet.Empty;
            case IDefaultValueOperation { Type.OriginalDefinition.SpecialType: SpecialType.System_Nullable_T }:
            case { ConstantValue: { HasValue: true, Value: null } }:
                // The compiler's null branch of `feature?.CanTrack == true`: null is never true or false, so whatever
                // is said of that case holds vacuously, and joining it with the real check keeps the real check.
                return CategorySet.All;
            case { ConstantValue: { HasValue: true, Value: bool constant } }:
                return constant == value ? CategorySet.Empty : CategorySet.All;
            case IDefaultValueOperation:
                return value ? CategorySet.All : CategorySet.Empty; // default(bool) is false
            default:
                return value ? CategoriesChecked(condition) : CategorySet.Empty;
        }
    }

    /// <summary>
    /// <c>x == constant</c> or <c>x != constant</c>. With a <c>bool?</c> operand, null makes <c>==</c> false and
    /// <c>!=</c> true, so only the outcome that excludes null says anything about <c>x</c>.
    /// </summary>
    private CategorySet ImpliedByComparison(IBinaryOperation comparison, IOperation operand, bool constant, bool value,
        Func<IOperation, bool, CategorySet?>? lookupVariable)
    {
        var isEquals = comparison.OperatorKind == BinaryOperatorKind.Equals;
        var operandIs = isEquals == value ? constant : !constant;
        var excludesNull = isEquals == value;
        return excludesNull || !comparison.IsLifted && Unwrap(operand).Type?.OriginalDefinition.SpecialType != SpecialType.System_Nullable_T
            ? Implied(operand, operandIs, lookupVariable)
            : CategorySet.Empty;
    }

    private static bool IsBoolean(ITypeSymbol? type) => type?.SpecialType == SpecialType.System_Boolean;

    private static bool IsNullableBoolean(ITypeSymbol? type) =>
        type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable
        && nullable.TypeArguments[0].SpecialType == SpecialType.System_Boolean;

    private CategorySet ImpliedByPattern(IOperation value, IPatternOperation pattern, bool matches,
        Func<IOperation, bool, CategorySet?>? lookupVariable)
    {
        switch (pattern)
        {
            case IConstantPatternOperation constant when BooleanConstant(constant.Value) is { } expected:
                return Implied(value, matches == expected, lookupVariable);
            case INegatedPatternOperation negated:
                return ImpliedByPattern(value, negated.Pattern, !matches, lookupVariable);
            case IRecursivePatternOperation recursive when matches:
                var granted = CategorySet.Empty;
                foreach (var property in recursive.PropertySubpatterns)
                {
                    if (property.Pattern is IConstantPatternOperation subpattern && BooleanConstant(subpattern.Value) == true)
                    {
                        granted = granted.Union(CategoriesChecked(property.Member));
                    }
                }

                return granted;
            default:
                return CategorySet.Empty;
        }
    }

    /// <summary>The categories a guard expression checks (a property, field or call), or none.</summary>
    private CategorySet CategoriesChecked(IOperation operation)
    {
        operation = Unwrap(operation);
        var (member, arguments) = operation switch
        {
            IPropertyReferenceOperation property => ((ISymbol)property.Property, property.Arguments),
            IFieldReferenceOperation field => (field.Field, ImmutableArray<IArgumentOperation>.Empty),
            IInvocationOperation invocation => (invocation.TargetMethod, invocation.Arguments),
            _ => ((ISymbol?)null, ImmutableArray<IArgumentOperation>.Empty),
        };
        return member is null ? CategorySet.Empty : CategoriesCheckedBy(member, arguments);
    }

    /// <summary>
    /// Whether a reference to <paramref name="member"/> can be a consent check at all: only such a reference (or a
    /// constant condition) makes <see cref="Implied"/> grant anything.
    /// </summary>
    [MethodImpl(HotPath.Optimized)]
    public bool MayCheck(ISymbol member) => IsTrackingConsentCheck(member) || _mayBeGuard.GetOrAdd(member, _findMayBeGuard);

    private CategorySet CategoriesCheckedBy(ISymbol member, ImmutableArray<IArgumentOperation> arguments)
    {
        if (IsTrackingConsentCheck(member))
        {
            return CategorySet.All;
        }

        if (!MayCheck(member))
        {
            return CategorySet.Empty;
        }

        foreach (var candidate in SymbolFacts.WithOverriddenAndImplemented(member))
        {
            var fromAttribute = FromGuardAttribute(candidate, arguments);
            if (!fromAttribute.IsEmpty)
            {
                return fromAttribute;
            }

            var fromManifest = FromManifestGuard(candidate, arguments);
            if (!fromManifest.IsEmpty)
            {
                return fromManifest;
            }
        }

        return CategorySet.Empty;
    }

    /// <summary>
    /// Whether <see cref="FromGuardAttribute"/> or <see cref="FromManifestGuard"/> can find anything for the member or
    /// a member it overrides or implements: it carries the guard attribute, or a manifest guard matches its name.
    /// </summary>
    private bool FindMayBeGuard(ISymbol member)
    {
        foreach (var candidate in SymbolFacts.WithOverriddenAndImplemented(member))
        {
            if (MayCarryGuardAttribute(candidate))
            {
                foreach (var attribute in candidate.GetAttributes())
                {
                    if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, _guardAttribute))
                    {
                        return true;
                    }
                }
            }

            if (_manifest.Guards.Count == 0 || !MayMatchManifestGuard(candidate))
            {
                continue;
            }

            var name = SymbolFacts.MemberName(candidate);
            foreach (var guard in _manifest.Guards)
            {
                if (NamePattern.Matches(guard.Api, name))
                {
                    return true;
                }
            }
        }

        return false;
    }


    /// <summary>
    /// A guard's <c>api</c> (<c>Namespace.Type.Member</c>) whose part after its last '.' has no wildcard matches only
    /// members of exactly that name: a member's full name is its type's and ".Name" (a name without a dot; an explicit
    /// implementation's has dots and is not ruled out). A wildcard there may span dots (<c>MyApp.Consent*</c>): any
    /// member may match.
    /// </summary>
    private static HashSet<string>? ManifestGuardNames(ManifestModel manifest)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var guard in manifest.Guards)
        {
            var member = guard.Api.Substring(guard.Api.LastIndexOf('.') + 1);
            if (NamePattern.IsPattern(member))
            {
                return null;
            }

            names.Add(member);
        }

        return names;
    }

    /// <summary>
    /// Whether the guard attribute can be on <paramref name="member"/>: not on a member of a referenced assembly when the
    /// attribute is this compilation's own (their attributes, often many, are then not decoded at all).
    /// </summary>
    private bool MayCarryGuardAttribute(ISymbol member) =>
        _guardAttribute is not null
        && (_onlyAssemblyWithGuards is null || SymbolEqualityComparer.Default.Equals(member.ContainingAssembly, _onlyAssemblyWithGuards));

    private bool MayMatchManifestGuard(ISymbol member) =>
        _manifestGuardNames is null || member.Name.IndexOf('.') >= 0 || _manifestGuardNames.Contains(member.Name);

    private bool IsTrackingConsentCheck(ISymbol member) =>
        member.Name is "CanTrack" or "HasConsent" && SymbolFacts.IsOrInherits(member.ContainingType, _trackingConsentFeature);

    private CategorySet FromGuardAttribute(ISymbol member, ImmutableArray<IArgumentOperation> arguments)
    {
        if (!MayCarryGuardAttribute(member))
        {
            return CategorySet.Empty;
        }

        foreach (var attribute in member.GetAttributes())
        {
            if (!SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, _guardAttribute))
            {
                continue;
            }

            if (attribute.ConstructorArguments.Length == 1)
            {
                return GeneratedNames.CategoryId(_manifest, attribute.ConstructorArguments[0].Value) is { } category
                    ? CategorySet.Of(category)
                    : CategorySet.Empty;
            }

            // [ConsentGuard] bool IsGranted(ConsentCategory category): the argument names the category.
            foreach (var argument in arguments)
            {
                if (SymbolEqualityComparer.Default.Equals(argument.Parameter?.Type, _categoryEnum)
                    && GeneratedNames.CategoryId(_manifest, Unwrap(argument.Value).ConstantValue.Value) is { } named)
                {
                    return CategorySet.Of(named);
                }
            }
        }

        return CategorySet.Empty;
    }

    private CategorySet FromManifestGuard(ISymbol member, ImmutableArray<IArgumentOperation> arguments)
    {
        if (_manifest.Guards.Count == 0)
        {
            return CategorySet.Empty;
        }

        var name = SymbolFacts.MemberName(member);
        foreach (var guard in _manifest.Guards)
        {
            if (!NamePattern.Matches(guard.Api, name))
            {
                continue;
            }

            if (guard.Category is not null)
            {
                return CategorySet.Of(guard.Category);
            }

            foreach (var argument in arguments)
            {
                var key = ArgumentKey(argument.Value);
                foreach (var mapping in guard.Arguments)
                {
                    if (mapping.Value == key)
                    {
                        return CategorySet.Of(mapping.Category);
                    }
                }
            }
        }

        return CategorySet.Empty;
    }

    /// <summary>How a guard argument is written in the manifest: "Namespace.Enum.Member" for an enum member, else the constant's text.</summary>
    private static string? ArgumentKey(IOperation argument)
    {
        argument = Unwrap(argument);
        if (argument is IFieldReferenceOperation { Field: { ContainingType.TypeKind: TypeKind.Enum } field })
        {
            return field.ContainingType.ToDisplayString() + "." + field.Name;
        }

        return argument.ConstantValue.HasValue ? argument.ConstantValue.Value?.ToString() : null;
    }


    private static bool? BooleanConstant(IOperation operation) =>
        Unwrap(operation).ConstantValue is { HasValue: true, Value: bool constant } ? constant : null;

    private static IOperation Unwrap(IOperation operation)
    {
        while (true)
        {
            switch (operation)
            {
                case IConversionOperation conversion:
                    operation = conversion.Operand;
                    break;
                case IParenthesizedOperation parenthesized:
                    operation = parenthesized.Operand;
                    break;
                case IAwaitOperation awaited:
                    operation = awaited.Operation;
                    break;
                case IInvocationOperation { TargetMethod.Name: "ConfigureAwait", Instance: { } awaitable }:
                    operation = awaitable;
                    break;

                // `feature?.CanTrack ?? false` reads the nullable's value: the check is the nullable itself.
                case IInvocationOperation { TargetMethod.Name: "GetValueOrDefault",
                    Instance: { Type.OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable }:
                    operation = nullable;
                    break;
                case IPropertyReferenceOperation { Property.Name: "Value",
                    Instance: { Type.OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable }:
                    operation = nullable;
                    break;
                default:
                    return operation;
            }
        }
    }
}
