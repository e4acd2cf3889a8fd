using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using ConsentAnalyzers.Common;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ConsentAnalyzers.Markup;

/// <summary>A C# string that an operation renders into a page as HTML (or hands to the app's script API).</summary>
/// <param name="Value">The expression that gives the string.</param>
/// <param name="BareTextIsScript">Whether the string is script even without a script element (a script API, a script TagBuilder's content).</param>
/// <param name="Prefix">Markup the sink puts before the string (a script TagBuilder's <c>src</c>: <c>&lt;script src="</c>).</param>
/// <param name="Suffix">Markup the sink puts after it.</param>
internal sealed record HtmlSink(IOperation Value, bool BareTextIsScript, string Prefix = "", string Suffix = "");

/// <summary>
/// The operations that render a C# string as HTML: <c>new HtmlString(…)</c>, <c>Html.Raw(…)</c>,
/// <c>AppendHtml</c>/<c>AppendHtmlLine</c>/<c>SetHtmlContent</c> (IHtmlContentBuilder, TagHelperContent of a tag
/// helper's output, a TagBuilder's InnerHtml), <c>Content(…, "text/html")</c> of a controller or of
/// <c>Results</c>/<c>TypedResults</c>, <c>new ContentResult { ContentType = "text/html" }</c>,
/// <c>HttpResponse.WriteAsync</c>, a script TagBuilder's <c>src</c>; and, where rendering is out of sight, the app's own
/// script API: a method or a string property or field whose name says Script. Each test is by name first: these run
/// on every invocation, creation and assignment.
/// </summary>
internal static class HtmlSinks
{
    [MethodImpl(HotPath.Optimized)]
    public static void ForInvocation(IInvocationOperation invocation, ref List<HtmlSink>? sinks)
    {
        var method = invocation.TargetMethod;
        var type = (method.ReducedFrom ?? method).ContainingType;
        switch (method.Name)
        {
            case "Raw" when InNamespace(type, "Microsoft.AspNetCore.Mvc.Rendering") || InNamespace(type, "Microsoft.AspNetCore.Mvc.ViewFeatures"):
                AddStringArguments(invocation, ref sinks, bareTextIsScript: false, anyObject: true);
                return;
            case "AppendHtml" or "AppendHtmlLine" or "SetHtmlContent"
                when InNamespace(type, "Microsoft.AspNetCore.Html")
                    || InNamespace(type, "Microsoft.AspNetCore.Razor.TagHelpers")
                    || InNamespace(type, "Microsoft.AspNetCore.Mvc.Rendering"):
                // An extension method (SetHtmlContent(string)) has its receiver as its first argument.
                var receiver = method.IsExtensionMethod && invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : invocation.Instance;
                AddStringArguments(invocation, ref sinks, bareTextIsScript: IsScriptInnerHtml(receiver) || IsScriptTagHelperContent(receiver),
                    anyObject: false);
                return;
            case "Content" or "Text" when IsHtmlContentType(invocation.Arguments.ArgumentFor("contentType"))
                && (SymbolFacts.HasFullName(type, "Microsoft.AspNetCore.Mvc.ControllerBase")
                    || SymbolFacts.HasFullName(type, "Microsoft.AspNetCore.Http.Results")
                    || SymbolFacts.HasFullName(type, "Microsoft.AspNetCore.Http.TypedResults")):
                Add(invocation.Arguments.ArgumentFor("content"), ref sinks, bareTextIsScript: false);
                return;
            case "WriteAsync" when SymbolFacts.HasFullName(type, "Microsoft.AspNetCore.Http.HttpResponseWritingExtensions"):
                Add(invocation.Arguments.ArgumentFor("text"), ref sinks, bareTextIsScript: false);
                return;
            case "MergeAttribute" or "Add" when invocation.Arguments.Length >= 2 && IsSourceKey(invocation.Arguments[0].Value)
                && ScriptTagBuilders.Owner(method.Name == "Add" ? invocation.Instance : invocation) is { } builder
                && ScriptTagBuilders.IsScript(builder):
                (sinks ??= new()).Add(ScriptSource(invocation.Arguments[1].Value));
                return;
        }

        // The app's own script API (RegisterScript, AddInlineScript…): what it is given is script, rendered out of sight.
        if (method.Name.IndexOf("Script", StringComparison.Ordinal) >= 0 && !IsFramework(type))
        {
            AddStringArguments(invocation, ref sinks, bareTextIsScript: true, anyObject: false);
        }
    }

    [MethodImpl(HotPath.Optimized)]
    public static void ForCreation(IObjectCreationOperation creation, ref List<HtmlSink>? sinks)
    {
        if (creation.Type is not INamedTypeSymbol type)
        {
            return;
        }

        if (type.Name == "HtmlString" && SymbolFacts.HasFullName(type, "Microsoft.AspNetCore.Html.HtmlString") && creation.Arguments.Length == 1)
        {
            Add(creation.Arguments[0].Value, ref sinks, bareTextIsScript: false);
        }
        else if (type.Name == "ContentResult"
            && SymbolFacts.HasFullName(type, "Microsoft.AspNetCore.Mvc.ContentResult")
            && creation.Initializer is { } initializer
            && IsHtmlContentType(Initialized(initializer, "ContentType")))
        {
            Add(Initialized(initializer, "Content"), ref sinks, bareTextIsScript: false);
        }
    }

    [MethodImpl(HotPath.Optimized)]
    public static void ForAssignment(ISimpleAssignmentOperation assignment, ref List<HtmlSink>? sinks)
    {
        switch (assignment.Target)
        {
            // tag.Attributes["src"] = "https://www.googletagmanager.com/gtag/js?id=…" on a script TagBuilder.
            case IPropertyReferenceOperation { Property.IsIndexer: true, Arguments: { Length: 1 } arguments } indexer
                when IsSourceKey(arguments[0].Value)
                    && ScriptTagBuilders.Owner(indexer.Instance) is { } builder
                    && ScriptTagBuilders.IsScript(builder):
                (sinks ??= new()).Add(ScriptSource(assignment.Value));
                return;
            case IMemberReferenceOperation { Member: var member } when member.Name.IndexOf("Script", StringComparison.Ordinal) >= 0
                && member is IPropertySymbol { Type.SpecialType: SpecialType.System_String }
                    or IFieldSymbol { Type.SpecialType: SpecialType.System_String }
                && !IsFramework(member.ContainingType):
                Add(assignment.Value, ref sinks, bareTextIsScript: true);
                return;
        }
    }

    /// <summary>
    /// A script the app's own helper returns (<c>string GetTrackingScript()</c>, <c>Task&lt;string&gt; BuildScriptAsync()</c>):
    /// the value of each explicit <c>return</c> of a member whose name says Script. A helper of one expression is
    /// left to its callers, which follow it to where they render it.
    /// </summary>
    [MethodImpl(HotPath.Optimized)]
    public static void ForReturn(IReturnOperation returned, ISymbol? member, ref List<HtmlSink>? sinks)
    {
        if (returned.IsImplicit || returned.ReturnedValue is not { Type.SpecialType: SpecialType.System_String } value
            || member is not IMethodSymbol method || IsFramework(method.ContainingType))
        {
            return;
        }

        var name = method.AssociatedSymbol?.Name ?? method.Name;
        if (name.IndexOf("Script", StringComparison.Ordinal) >= 0 && !IsOneReturn(returned) && !IsInNestedFunction(returned))
        {
            Add(value, ref sinks, bareTextIsScript: true);
        }
    }

    /// <summary>A return of a lambda or local function inside the member returns from that function, not the member.</summary>
    private static bool IsInNestedFunction(IOperation operation)
    {
        for (var parent = operation.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the return is the whole body (<c>{ return …; }</c>), which callers follow like an expression body.</summary>
    private static bool IsOneReturn(IReturnOperation returned) =>
        returned.Parent is IBlockOperation { Operations.Length: 1, Parent: null or IMethodBodyOperation or ILocalFunctionOperation };

    private static HtmlSink ScriptSource(IOperation url) => new(url, BareTextIsScript: false, Prefix: "<script src=\"", Suffix: "\"></script>");

    private static void Add(IOperation? value, ref List<HtmlSink>? sinks, bool bareTextIsScript)
    {
        if (value is not null)
        {
            (sinks ??= new()).Add(new HtmlSink(value, bareTextIsScript));
        }
    }

    /// <summary>The string arguments (for <c>Html.Raw(object)</c>, also a string passed as an object).</summary>
    private static void AddStringArguments(IInvocationOperation invocation, ref List<HtmlSink>? sinks, bool bareTextIsScript, bool anyObject)
    {
        foreach (var argument in invocation.Arguments)
        {
            var type = argument.Parameter?.Type.SpecialType;
            if (type == SpecialType.System_String
                || (anyObject
                    && type == SpecialType.System_Object
                    && argument.Value.WithoutConversions().Type?.SpecialType == SpecialType.System_String))
            {
                (sinks ??= new()).Add(new HtmlSink(argument.Value, bareTextIsScript));
            }
        }
    }

    /// <summary>Whether the content builder is the InnerHtml of a script TagBuilder: its content is script.</summary>
    private static bool IsScriptInnerHtml(IOperation? receiver) =>
        receiver?.WithoutConversions() is IPropertyReferenceOperation { Property.Name: "InnerHtml" } innerHtml
        && ScriptTagBuilders.Owner(innerHtml) is { } builder && ScriptTagBuilders.IsScript(builder);

    /// <summary>
    /// Whether the content builder is the content of a tag helper whose output is a script element: its
    /// <c>TagName</c> is set to "script" in the same body, or the tag helper targets script elements.
    /// </summary>
    private static bool IsScriptTagHelperContent(IOperation? receiver)
    {
        if (receiver?.WithoutConversions() is not IPropertyReferenceOperation { Property.Name: "Content" or "PreContent" or "PostContent",
            Instance: { } output }
            || output.Type is not INamedTypeSymbol outputType
            || !SymbolFacts.HasFullName(outputType, "Microsoft.AspNetCore.Razor.TagHelpers.TagHelperOutput"))
        {
            return false;
        }

        foreach (var operation in receiver.Root().Descendants())
        {
            if (operation is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "TagName" } target } assignment
                && SymbolEqualityComparer.Default.Equals(target.Property.ContainingType, outputType))
            {
                return assignment.Value.ConstantValue is { HasValue: true, Value: string tag }
                    && string.Equals(tag, "script", StringComparison.OrdinalIgnoreCase);
            }
        }

        if (output.SemanticModel?.GetEnclosingSymbol(output.Syntax.SpanStart)?.ContainingType is not { } tagHelper)
        {
            return false;
        }

        foreach (var attribute in tagHelper.GetAttributes())
        {
            if (attribute.AttributeClass?.Name == "HtmlTargetElementAttribute" && attribute.ConstructorArguments is { Length: > 0 } arguments
                && arguments[0].Value is string target && string.Equals(target, "script", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static IOperation? Initialized(IObjectOrCollectionInitializerOperation initializer, string property)
    {
        foreach (var member in initializer.Initializers)
        {
            if (member is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation target } assignment && target.Property.Name == property)
            {
                return assignment.Value;
            }
        }

        return null;
    }

    private static bool IsHtmlContentType(IOperation? contentType) =>
        contentType?.WithoutConversions().ConstantValue is { HasValue: true, Value: string text }
        && text.TrimStart().StartsWith("text/html", StringComparison.OrdinalIgnoreCase);

    private static bool IsSourceKey(IOperation key) =>
        key.ConstantValue is { HasValue: true, Value: string name } && string.Equals(name, "src", StringComparison.OrdinalIgnoreCase);

    /// <summary>The framework's and the runtime's own members are never the app's script API.</summary>
    [MethodImpl(HotPath.Optimized)]
    private static bool IsFramework(INamedTypeSymbol? type)
    {
        var root = type?.ContainingNamespace;
        while (root?.ContainingNamespace is { IsGlobalNamespace: false } parent)
        {
            root = parent;
        }

        return root?.Name is "System" or "Microsoft";
    }

    private static bool InNamespace(INamedTypeSymbol? type, string ns) =>
        type is not null && SymbolFacts.IsNamespace(type.ContainingNamespace, ns, ns.Length);
}
