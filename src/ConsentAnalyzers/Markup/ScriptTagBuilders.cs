using System;
using ConsentAnalyzers.Common;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ConsentAnalyzers.Markup;

/// <summary>
/// A <c>TagBuilder</c> that writes a script element (<c>new TagBuilder("script")</c>): its InnerHtml is script and
/// its <c>src</c> is loaded, unless a <c>type</c> that is not JavaScript is set on it (a consent manager's blocked
/// <c>text/plain</c> script).
/// </summary>
internal static class ScriptTagBuilders
{
    /// <summary>The TagBuilder that <c>tag.Attributes</c>, <c>tag.InnerHtml</c> or <c>tag.MergeAttribute(…)</c> belongs to.</summary>
    public static IOperation? Owner(IOperation? operation)
    {
        var instance = operation?.WithoutConversions() switch
        {
            IPropertyReferenceOperation { Property.Name: "Attributes" or "InnerHtml" } property => property.Instance,
            IInvocationOperation { TargetMethod.Name: "MergeAttribute" } call => call.Instance,
            _ => null,
        };
        return instance is not null && IsTagBuilder(instance.Type) ? instance.WithoutConversions() : null;
    }

    /// <summary>Whether the TagBuilder is created as a script element and no type that is not JavaScript is set on it.</summary>
    public static bool IsScript(IOperation builder)
    {
        if (builder is IObjectCreationOperation creation)
        {
            return IsScriptCreation(creation);
        }

        if (builder is not ILocalReferenceOperation { Local: var local })
        {
            return false;
        }

        var created = false;
        foreach (var operation in builder.Root().Descendants())
        {
            switch (operation)
            {
                case IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, local):
                    created = declarator.Initializer?.Value.WithoutConversions() is IObjectCreationOperation initial && IsScriptCreation(initial);
                    break;
                case IInvocationOperation { Arguments.Length: >= 2 } call
                    when IsTypeKey(call.Arguments[0].Value) && IsOn(Owner(call.TargetMethod.Name == "Add" ? call.Instance : call), local)
                    && !IsScriptTypeValue(call.Arguments[1].Value):
                    return false;
                case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.IsIndexer: true,
                    Arguments.Length: 1 } indexer } assignment
                    when IsTypeKey(indexer.Arguments[0].Value) && IsOn(Owner(indexer.Instance), local) && !IsScriptTypeValue(assignment.Value):
                    return false;
            }
        }

        return created;
    }

    private static bool IsScriptCreation(IObjectCreationOperation creation) =>
        IsTagBuilder(creation.Type) && creation.Arguments.Length == 1
        && creation.Arguments[0].Value.ConstantValue is { HasValue: true, Value: string tag }
            && string.Equals(tag, "script", StringComparison.OrdinalIgnoreCase);

    private static bool IsOn(IOperation? owner, ILocalSymbol local) =>
        owner is ILocalReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Local, local);

    private static bool IsTypeKey(IOperation key) =>
        key.ConstantValue is { HasValue: true, Value: string name } && string.Equals(name, "type", StringComparison.OrdinalIgnoreCase);

    /// <summary>A type value that is JavaScript; one that is not known at compile time may be, so it does not block.</summary>
    private static bool IsScriptTypeValue(IOperation value) =>
        value.ConstantValue is not { HasValue: true, Value: string type } || MarkupScanner.IsScriptType(type);

    private static bool IsTagBuilder(ITypeSymbol? type)
    {
        for (var current = type as INamedTypeSymbol; current is not null; current = current.BaseType)
        {
            if (SymbolFacts.HasFullName(current, "Microsoft.AspNetCore.Mvc.Rendering.TagBuilder"))
            {
                return true;
            }
        }

        return false;
    }
}
