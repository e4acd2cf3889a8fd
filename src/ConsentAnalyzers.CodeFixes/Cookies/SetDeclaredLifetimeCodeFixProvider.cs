using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ConsentAnalyzers.CodeFixes.Common;
using ConsentAnalyzers.Diagnostics;
using ConsentAnalyzers.Manifest;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;

namespace ConsentAnalyzers.CodeFixes.Cookies;

/// <summary>
/// CG0110: writes the cookie's declared lifetime instead of the longer one. <c>MaxAge</c> becomes
/// <c>TimeSpan.FromDays(n)</c> (hours, minutes or seconds when the declaration is not whole days), read the shortest
/// way (a year of 365 days, a month of 30), so it never exceeds the declaration; <c>Expires</c> becomes
/// <c>….AddYears(n)</c> or <c>….AddMonths(n)</c> on the same "now" when the declaration is whole years or months, else
/// <c>….Add(TimeSpan.FromDays(n))</c>. For a cookie declared <c>"session"</c> the assignment goes
/// (<see cref="AssignmentRemoval"/>): a cookie without MaxAge and Expires ends with the browser session.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SetDeclaredLifetimeCodeFixProvider)), Shared]
public sealed class SetDeclaredLifetimeCodeFixProvider : DocumentCodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.LifetimeLongerThanDeclared);

    private protected override string EquivalenceKey => "CG0110.SetDeclaredLifetime";

    private protected override async Task<string?> TitleAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        return root is not null && Edit(document, root, diagnostic) is { } edit
            ? edit.Replacement is null ? $"Remove {edit.Property}: the cookie is declared a session cookie" : "Set the declared lifetime"
            : null;
    }

    private protected override async Task<Document> FixAsync(Document document, ImmutableArray<Diagnostic> diagnostics,
        CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        // One edit per value; a value two cookies with different declarations are written with is left alone.
        var edits = diagnostics.Select(diagnostic => Edit(document, root, diagnostic)).OfType<LifetimeEdit>()
            .GroupBy(edit => edit.Value)
            .Where(group => group.Select(edit => edit.Declared).Distinct().Count() == 1)
            .Select(group => group.First())
            .ToList();
        if (edits.Count == 0)
        {
            return document;
        }

        var fixedRoot = root.TrackNodes(edits.Select(edit => edit.Replacement is null ? edit.Removal! : edit.Value));
        foreach (var edit in edits.Where(edit => edit.Replacement is not null))
        {
            var value = fixedRoot.GetCurrentNode(edit.Value)!;
            fixedRoot = fixedRoot.ReplaceNode(value, edit.Replacement!.WithTriviaFrom(value));
        }

        foreach (var edit in edits.Where(edit => edit.Replacement is null))
        {
            fixedRoot = AssignmentRemoval.Remove(fixedRoot, edit.Removal!);
        }

        return await QualifiedReferences.ImportAndSimplifyAsync(document.WithSyntaxRoot(fixedRoot), cancellationToken).ConfigureAwait(false);
    }

    /// <param name="Value">The value the diagnostic is at.</param>
    /// <param name="Declared">The declared lifetime's text.</param>
    /// <param name="Property">MaxAge or Expires.</param>
    /// <param name="Replacement">The new value; null when the assignment goes.</param>
    /// <param name="Removal">What goes for a session cookie (the element or statement).</param>
    private sealed record LifetimeEdit(ExpressionSyntax Value, string Declared, string Property, ExpressionSyntax? Replacement,
        SyntaxNode? Removal);

    private static LifetimeEdit? Edit(Document document, SyntaxNode root, Diagnostic diagnostic)
    {
        if (!EditableLocation.Allows(document, diagnostic)
            || !diagnostic.Properties.TryGetValue(DiagnosticProperties.DeclaredLifetime, out var text) || text is null
            || !diagnostic.Properties.TryGetValue(DiagnosticProperties.LifetimeProperty, out var property) || property is null
            || Lifetime.Parse(text, out _) is not { } declared
            || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax value
            || value.Parent is not AssignmentExpressionSyntax assignment || assignment.Right != value)
        {
            return null;
        }

        if (declared.IsSession)
        {
            return AssignmentRemoval.Removable(assignment) is { } removal ? new LifetimeEdit(value, text, property, null, removal) : null;
        }

        var replacement = property == "MaxAge" ? TimeSpanOf(declared) : ExpiryOf(declared, value);
        return new LifetimeEdit(value, text, property, replacement, null);
    }

    /// <summary><c>TimeSpan.FromDays(n)</c>, or the largest unit that gives the shortest reading exactly.</summary>
    private static ExpressionSyntax TimeSpanOf(Lifetime declared)
    {
        var seconds = declared.ShortestSeconds;
        var (method, count) = seconds % 86400 == 0 ? ("FromDays", seconds / 86400)
            : seconds % 3600 == 0 ? ("FromHours", seconds / 3600)
            : seconds % 60 == 0 ? ("FromMinutes", seconds / 60)
            : ("FromSeconds", seconds);
        return Qualified($"global::System.TimeSpan.{method}({count.ToString(CultureInfo.InvariantCulture)})");
    }

    /// <summary>The same "now" plus the declared lifetime: in years or months when it is a calendar lifetime.</summary>
    private static ExpressionSyntax ExpiryOf(Lifetime declared, ExpressionSyntax written)
    {
        var now = Now(written)?.WithoutTrivia() ?? Qualified("global::System.DateTimeOffset.UtcNow");
        var (method, argument) = !declared.IsCalendar ? ("Add", TimeSpanOf(declared))
            : declared.Months == 0 ? ("AddYears", Number(declared.Years))
            : ("AddMonths", Number(declared.TotalMonths));
        return SyntaxFactory.InvocationExpression(
            SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, now, SyntaxFactory.IdentifierName(method)),
            SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(argument))));
    }

    /// <summary>The <c>DateTimeOffset.UtcNow</c> (or <c>Now</c>, or <c>DateTime</c>'s) the written expiry starts from, if written out.</summary>
    private static ExpressionSyntax? Now(ExpressionSyntax written) => written switch
    {
        InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Expression: var receiver } } when IsNow(receiver) => receiver,
        BinaryExpressionSyntax { Left: var left } binary when binary.IsKind(SyntaxKind.AddExpression) && IsNow(left) => left,
        _ => null,
    };

    private static bool IsNow(ExpressionSyntax expression) =>
        expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "UtcNow" or "Now" };

    private static ExpressionSyntax Number(long value) =>
        SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal((int)value));

    private static ExpressionSyntax Qualified(string text) =>
        SyntaxFactory.ParseExpression(text).WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);
}
