using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ConsentAnalyzers.CodeFixes.Common;
using ConsentAnalyzers.Common;
using ConsentAnalyzers.ConsentApi;
using ConsentAnalyzers.Diagnostics;
using ConsentAnalyzers.Guards;
using ConsentAnalyzers.Manifest;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace ConsentAnalyzers.CodeFixes.Guards;

/// <summary>
/// CG0203: makes the consent check around a site check the category the site needs, when the check differs from the
/// right one only in its category: <c>consent.IsGranted(ConsentCategory.Advertising)</c> →
/// <c>consent.IsGranted(ConsentCategory.Analytics)</c>, a manifest guard's mapped argument
/// (<c>CookieType.ThirdParty</c> → <c>CookieType.Analytics</c>), or a <c>[ConsentGuard(X)]</c> property or method
/// → its sibling on the same type marked for the right category (<c>consent.AnalyticsAllowed</c> →
/// <c>consent.AdvertisingAllowed</c>).
/// Offered when the surrounding checks grant exactly one (wrong) category and a check in the member can be changed;
/// applied only when exactly one such change guards the site and reports nothing new in the member (a check that also
/// guards another site needing the old category stays as it is), otherwise the action changes nothing.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(FixGuardCategoryCodeFixProvider)), Shared]
public sealed class FixGuardCategoryCodeFixProvider : DocumentCodeFixProvider
{

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.WrongCategoryGuard);

    private protected override string EquivalenceKey => "CG0203.FixGuardCategory";

    /// <summary>
    /// Offered when a check in the member differs from a right one only in its category: a cheap test (the semantic
    /// model, no analyzer run), since an IDE asks for the actions on every caret move over a finding. Whether exactly
    /// one such edit repairs the site and reports nothing new is found when the action is computed
    /// (<see cref="FindAsync"/>); when none does, the action leaves the document unchanged rather than apply an edit
    /// that was not verified.
    /// </summary>
    private protected override async Task<string?> TitleAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken) =>
        await CandidatesAsync(document, diagnostic, cancellationToken).ConfigureAwait(false) is null
            ? null
            : $"Check consent for '{diagnostic.Properties[DiagnosticProperties.Category]}' instead of " +
                $"'{diagnostic.Properties[DiagnosticProperties.GrantedCategories]}'";

    /// <summary>
    /// Each site's edit is found (and checked) on its own; edits that disagree about one check are left out, and two
    /// sites under the same check share its edit.
    /// </summary>
    private protected override async Task<Document> FixAsync(Document document, ImmutableArray<Diagnostic> diagnostics,
        CancellationToken cancellationToken)
    {
        var edits = new Dictionary<TextSpan, Edit?>();
        foreach (var diagnostic in diagnostics)
        {
            if (await FindAsync(document, diagnostic, cancellationToken).ConfigureAwait(false) is not { } edit)
            {
                continue;
            }

            var span = edit.Target.Span;
            if (!edits.TryGetValue(span, out var other))
            {
                edits[span] = edit;
            }
            else if (other is not null && !other.Replacement.IsEquivalentTo(edit.Replacement))
            {
                edits[span] = null;
            }
        }

        return await ApplyAsync(document, edits.Values.OfType<Edit>(), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>One node of a consent check replaced: the category argument, or the name of the guard member.</summary>
    private sealed record Edit(SyntaxNode Target, SyntaxNode Replacement);

    private static async Task<Document> ApplyAsync(Document document, IEnumerable<Edit> edits, CancellationToken cancellationToken)
    {
        var replacements = edits.ToDictionary(e => e.Target, e => e.Replacement);
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || replacements.Count == 0)
        {
            return document;
        }

        var edited = document.WithSyntaxRoot(root.ReplaceNodes(replacements.Keys, (original, _) => replacements[original]));
        return await QualifiedReferences.ImportAndSimplifyAsync(edited, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The edits of the checks in the site's member that would make them check the required category, or null when there are none.</summary>
    private static async Task<(SemanticModel Model, SyntaxNode Scope, List<Edit> Edits)?> CandidatesAsync(Document document, Diagnostic diagnostic,
        CancellationToken cancellationToken)
    {
        if (!EditableLocation.Allows(document, diagnostic)
            || !diagnostic.Properties.TryGetValue(DiagnosticProperties.Category, out var required) || required is null
            || !diagnostic.Properties.TryGetValue(DiagnosticProperties.GrantedCategories, out var granted)
            || granted is null
            || granted.IndexOf(',') >= 0)
        {
            return null;
        }

        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        var manifest = ConsentProject.Manifest(document.Project, cancellationToken);
        if (model is null || manifest is null)
        {
            return null;
        }

        var scope = Scope(model.SyntaxTree.GetRoot(cancellationToken).FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true));
        var edits = new Candidates(document.Project, model, manifest, wrong: granted, required).In(scope, cancellationToken);
        return edits.Count == 0 ? null : (model, scope, edits);
    }

    /// <summary>The single edit of a consent check in the site's member that repairs the site and breaks nothing, or null.</summary>
    private static async Task<Edit?> FindAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (await CandidatesAsync(document, diagnostic, cancellationToken).ConfigureAwait(false) is not var (model, scope, candidates))
        {
            return null;
        }

        var site = diagnostic.Location.SourceSpan;
        var before = await GuardDiagnostics.InAsync(model.Compilation, model.SyntaxTree, scope.Span, document.Project.AnalyzerOptions,
            cancellationToken).ConfigureAwait(false);
        Edit? found = null;
        foreach (var candidate in candidates)
        {
            if (await RepairsOnlyAsync(document, model, candidate, before, site, scope.Span, cancellationToken).ConfigureAwait(false))
            {
                if (found is not null)
                {
                    return null; // two checks would do: which one is wrong is the user's call
                }

                found = candidate;
            }
        }

        return found;
    }

    /// <summary>
    /// Whether, after <paramref name="edit"/>, the site has no consent finding and every finding in the member was
    /// there before (at the same place, shifted by the edit).
    /// </summary>
    private static async Task<bool> RepairsOnlyAsync(Document document, SemanticModel model, Edit edit, ImmutableArray<Diagnostic> before,
        TextSpan site, TextSpan scope, CancellationToken cancellationToken)
    {
        var edited = await ApplyAsync(document, new[] { edit }, cancellationToken).ConfigureAwait(false);
        var editedTree = await edited.GetSyntaxTreeAsync(cancellationToken).ConfigureAwait(false);
        if (editedTree is null)
        {
            return false;
        }

        var changes = editedTree.GetChanges(model.SyntaxTree);
        var expected = new HashSet<(string,
            TextSpan)>(before.Where(d => d.Location.SourceSpan != site).Select(d => (d.Id, Shift(d.Location.SourceSpan, changes))));
        var compilation = model.Compilation.ReplaceSyntaxTree(model.SyntaxTree, editedTree);
        var after = await GuardDiagnostics.InAsync(compilation, editedTree, Shift(scope, changes), document.Project.AnalyzerOptions,
            cancellationToken).ConfigureAwait(false);
        return after.All(d => expected.Contains((d.Id, d.Location.SourceSpan)));
    }

    /// <summary>Where a span of the original text is after <paramref name="changes"/>, none of which overlaps it.</summary>
    private static TextSpan Shift(TextSpan span, IEnumerable<TextChange> changes)
    {
        int Position(int position) => position + changes.Where(c => c.Span.End <= position).Sum(c => (c.NewText?.Length ?? 0) - c.Span.Length);
        return TextSpan.FromBounds(Position(span.Start), Position(span.End));
    }

    /// <summary>
    /// The code whose consent checks can guard the site: the member around it (with its lambdas and local
    /// functions), or the whole file for top-level statements.
    /// </summary>
    private static SyntaxNode Scope(SyntaxNode site) =>
        site.Ancestors().OfType<MemberDeclarationSyntax>().FirstOrDefault(
            m => m is not (BaseTypeDeclarationSyntax or BaseNamespaceDeclarationSyntax or GlobalStatementSyntax))
        ?? site.SyntaxTree.GetRoot();

    /// <summary>Finds the checks for exactly the wrong category in a member, and how each would check the required one instead.</summary>
    private sealed class Candidates
    {
        private readonly SemanticModel _model;
        private readonly ManifestModel _manifest;
        private readonly GuardRecognizer _guards;
        private readonly INamedTypeSymbol? _categoryEnum;
        private readonly INamedTypeSymbol? _guardAttribute;
        private readonly string _wrong;
        private readonly string _required;
        private readonly int _wrongIndex;
        private readonly int _requiredIndex;

        public Candidates(Project project, SemanticModel model, ManifestModel manifest, string wrong, string required)
        {
            var compilation = model.Compilation;
            _model = model;
            _manifest = manifest;
            _guards = new GuardRecognizer(compilation, ConsentProject.Options(project, compilation), manifest);
            _categoryEnum = CategoryExpressions.Enum(project, compilation);
            _guardAttribute = ConsentProject.GeneratedType(project, compilation, GeneratedNames.ConsentGuardAttribute);
            _wrong = wrong;
            _required = required;
            _wrongIndex = CategoryExpressions.Value(manifest, wrong);
            _requiredIndex = CategoryExpressions.Value(manifest, required);
        }

        public List<Edit> In(SyntaxNode scope, CancellationToken cancellationToken)
        {
            var edits = new List<Edit>();
            var seen = new HashSet<IOperation>();
            foreach (var node in scope.DescendantNodes())
            {
                if (node is not (InvocationExpressionSyntax or MemberAccessExpressionSyntax or IdentifierNameSyntax)
                    || _model.GetOperation(node, cancellationToken) is not { } operation || !seen.Add(operation))
                {
                    continue;
                }

                var checks = _guards.Implied(operation, true);
                if (checks.IsAll || checks.Ids.Count != 1 || !checks.Grants(_wrong))
                {
                    continue;
                }

                var edit = operation switch
                {
                    IInvocationOperation invocation => ForArgument(invocation) ?? ForSibling(invocation.TargetMethod, invocation.Syntax),
                    IPropertyReferenceOperation property => ForSibling(property.Property, property.Syntax),
                    IFieldReferenceOperation field => ForSibling(field.Field, field.Syntax),
                    _ => null,
                };
                if (edit is not null)
                {
                    edits.Add(edit);
                }
            }

            return edits;
        }

        /// <summary><c>IsGranted(ConsentCategory.Advertising)</c>, or a manifest guard's enum argument mapped to the wrong category.</summary>
        private Edit? ForArgument(IInvocationOperation invocation)
        {
            foreach (var argument in invocation.Arguments)
            {
                var value = argument.Value;
                if (argument.ArgumentKind == ArgumentKind.DefaultValue || value.Type is not INamedTypeSymbol { TypeKind: TypeKind.Enum } enumType)
                {
                    continue;
                }

                var written = value.WithoutConversions();
                var replacement = SymbolEqualityComparer.Default.Equals(enumType, _categoryEnum)
                    ? (value.ConstantValue.Value is int index && index == _wrongIndex
                        ? CategoryExpressions.Member(_categoryEnum, _manifest, _required)
                        : null)
                    : MappedArgument(enumType, written);
                if (replacement is null)
                {
                    continue;
                }

                // The enum member as written (ConsentCategory.Advertising, or Advertising under using static) only
                // changes its name; anything else (a constant, a cast) is replaced by the member.
                return written is IFieldReferenceOperation { Field.ContainingType: var type }
                    && SymbolEqualityComparer.Default.Equals(type, enumType)
                    && NameOf(written.Syntax) is { } name
                    ? Rename(name, replacement)
                    : new Edit(value.Syntax, CategoryExpressions.Expression(replacement).WithTriviaFrom(value.Syntax));
            }

            return null;
        }

        /// <summary>
        /// For an enum argument that a manifest guard maps to the wrong category (<c>CookieType.Analytics</c>), the one
        /// member of the same enum that a guard listing it maps to the required category; null if none or several.
        /// </summary>
        private IFieldSymbol? MappedArgument(INamedTypeSymbol enumType, IOperation value)
        {
            if (value is not IFieldReferenceOperation { Field: var field })
            {
                return null;
            }

            // The manifest names enum arguments as "Namespace.Enum.Member", the way GuardRecognizer reads them.
            var prefix = enumType.ToDisplayString() + ".";
            IFieldSymbol? result = null;
            foreach (var guard in _manifest.Guards)
            {
                if (!guard.Arguments.AsImmutableArray().Any(a => a.Value == prefix + field.Name && a.Category == _wrong))
                {
                    continue;
                }

                foreach (var mapping in guard.Arguments)
                {
                    if (mapping.Category == _required && mapping.Value.StartsWith(prefix, StringComparison.Ordinal)
                        && enumType.GetMembers(mapping.Value.Substring(prefix.Length)).FirstOrDefault() is IFieldSymbol member)
                    {
                        if (result is not null && !SymbolEqualityComparer.Default.Equals(result, member))
                        {
                            return null;
                        }

                        result = member;
                    }
                }
            }

            return result;
        }

        /// <summary>
        /// <c>consent.AnalyticsAllowed</c>, marked <c>[ConsentGuard(ConsentCategory.Analytics)]</c>: the one member
        /// of the same type and shape marked for the required category, by name.
        /// </summary>
        private Edit? ForSibling(ISymbol member, SyntaxNode syntax)
        {
            if (GuardedCategory(member) != _wrongIndex)
            {
                return null;
            }

            var siblings = member.ContainingType.GetMembers()
                .Where(m => GuardedCategory(m) == _requiredIndex && SameShape(m, member) && _model.IsAccessible(syntax.SpanStart, m))
                .ToList();
            return siblings.Count == 1 && NameOf(syntax) is { } name ? Rename(name, siblings[0]) : null;
        }

        /// <summary>The name a member is referred to by: <c>X</c> in <c>consent.X</c>, <c>X</c>, <c>consent.X()</c>.</summary>
        private static SimpleNameSyntax? NameOf(SyntaxNode syntax) => syntax switch
        {
            InvocationExpressionSyntax invocation => NameOf(invocation.Expression),
            MemberAccessExpressionSyntax access => access.Name,
            IdentifierNameSyntax identifier => identifier,
            _ => null,
        };

        private static Edit Rename(SimpleNameSyntax name, ISymbol member) =>
            new(name, SyntaxFactory.IdentifierName(member.Name).WithTriviaFrom(name));

        /// <summary>The category index of a <c>[ConsentGuard(ConsentCategory.X)]</c> on the member itself, or -1.</summary>
        private int GuardedCategory(ISymbol member)
        {
            foreach (var attribute in member.GetAttributes())
            {
                if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, _guardAttribute)
                    && attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is int index)
                {
                    return index;
                }
            }

            return -1;
        }

        private static bool SameShape(ISymbol candidate, ISymbol member) => (candidate, member) switch
        {
            (IPropertySymbol a, IPropertySymbol b) =>
                a.IsStatic == b.IsStatic && a.Parameters.IsEmpty && SymbolEqualityComparer.Default.Equals(a.Type, b.Type),
            (IFieldSymbol a, IFieldSymbol b) => a.IsStatic == b.IsStatic && SymbolEqualityComparer.Default.Equals(a.Type, b.Type),
            (IMethodSymbol a, IMethodSymbol b) => a.IsStatic == b.IsStatic && a.MethodKind == MethodKind.Ordinary && !a.IsGenericMethod
                && a.Parameters.IsEmpty && b.Parameters.IsEmpty && SymbolEqualityComparer.Default.Equals(a.ReturnType, b.ReturnType),
            _ => false,
        };
    }
}
