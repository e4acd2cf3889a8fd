using System.Threading;
using System.Threading.Tasks;
using ConsentAnalyzers.Analysis;
using ConsentAnalyzers.ConsentApi;
using ConsentAnalyzers.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Simplification;

namespace ConsentAnalyzers.CodeFixes.Guards;

/// <summary>
/// What the consent fixes need for one document: its semantic model, the manifest and guard recognizer the analyzers
/// used, and the generated <c>ConsentCategory</c> enum, resolved from the compilation.
/// </summary>
internal sealed class ConsentFixContext
{
    private ConsentFixContext(Document document, SyntaxNode root, SemanticModel model, ConsentCompilation consent, INamedTypeSymbol categoryEnum,
        string generatedNamespace)
    {
        Document = document;
        Root = root;
        Model = model;
        Consent = consent;
        CategoryEnum = categoryEnum;
        GeneratedNamespace = generatedNamespace;
        Generator = SyntaxGenerator.GetGenerator(document);
    }

    public Document Document { get; }

    public SyntaxNode Root { get; }

    public SemanticModel Model { get; }

    public ConsentCompilation Consent { get; }

    public INamedTypeSymbol CategoryEnum { get; }

    public SyntaxGenerator Generator { get; }

    private string GeneratedNamespace { get; }

    /// <summary>Null when the project has no valid manifest or no generated <c>ConsentCategory</c>: then nothing can be fixed.</summary>
    public static async Task<ConsentFixContext?> CreateAsync(Document document, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return null;
        }

        var compilation = model.Compilation;
        var analyzerOptions = document.Project.AnalyzerOptions;
        var consent = ConsentCompilation.For(compilation, analyzerOptions, cancellationToken);
        var options = GeneratorOptions.From(analyzerOptions.AnalyzerConfigOptionsProvider.GlobalOptions, compilation.AssemblyName,
            parseOptions: null);
        var categoryEnum = GeneratedNames.Find(compilation, options.Namespace, GeneratedNames.Category);
        return consent is null || categoryEnum is null
            ? null
            : new ConsentFixContext(document, root, model, consent, categoryEnum, options.Namespace);
    }

    /// <summary>
    /// The node a CG0105/CG0202 finding points at, or null when no code edit can repair it: a finding in Razor markup
    /// (the code there is generated) or outside this document.
    /// </summary>
    public static SyntaxNode? FindSite(SyntaxNode root, Diagnostic diagnostic)
    {
        if (diagnostic.Properties.TryGetValue(DiagnosticProperties.InMarkup, out var inMarkup) && inMarkup == "true"
            || !diagnostic.Location.IsInSource
            || diagnostic.Location.SourceTree != root.SyntaxTree)
        {
            return null;
        }

        return root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
    }

    /// <summary>The category a finding needs, and the one that would also do (gtag serving analytics or ads).</summary>
    public static (string? Category, string? Alternative) Categories(Diagnostic diagnostic)
    {
        diagnostic.Properties.TryGetValue(DiagnosticProperties.Category, out var category);
        diagnostic.Properties.TryGetValue(DiagnosticProperties.AlternativeCategory, out var alternative);
        return (category, alternative);
    }

    /// <summary>A generated type by its simple name (<c>RequiresConsentAttribute</c>), in the generated namespace.</summary>
    public INamedTypeSymbol? GeneratedType(string name) => GeneratedNames.Find(Model.Compilation, GeneratedNamespace, name);

    /// <summary>
    /// <c>ConsentCategory.X</c> for a manifest category id: the enum field whose value is the category's position in
    /// the manifest (as the generator numbers them), qualified and annotated so that the cleanup adds the
    /// <c>using</c> and simplifies the name.
    /// </summary>
    public ExpressionSyntax? CategoryExpression(string categoryId)
    {
        var categories = Consent.Manifest.Manifest.Categories;
        for (var index = 0; index < categories.Count; index++)
        {
            if (categories[index].Id != categoryId)
            {
                continue;
            }

            foreach (var member in CategoryEnum.GetMembers())
            {
                if (member is IFieldSymbol { HasConstantValue: true, ConstantValue: int value } field && value == index)
                {
                    return EnumMember(field);
                }
            }
        }

        return null;
    }

    /// <summary><c>global::N.Enum.Member</c>, annotated to be simplified and to import its namespace.</summary>
    public ExpressionSyntax EnumMember(IFieldSymbol field) =>
        (ExpressionSyntax)Generator.MemberAccessExpression(Generator.TypeExpression(field.ContainingType, addImport: true),
            Generator.IdentifierName(field.Name));

    /// <summary>
    /// The document with <paramref name="root"/>, and a <c>using</c> for each namespace that the names the fix added
    /// (<see cref="EnumMember"/>, type expressions) need; the code action's cleanup then simplifies those names.
    /// </summary>
    public Task<Document> WithImportsAsync(SyntaxNode root, CancellationToken cancellationToken) =>
        ImportAdder.AddImportsAsync(Document.WithSyntaxRoot(root), Simplifier.Annotation, cancellationToken: cancellationToken);

    /// <summary>The document's line break (the first one in it), for the lines a fix adds.</summary>
    public static SyntaxTrivia EndOfLineOf(SyntaxNode root)
    {
        foreach (var trivia in root.DescendantTrivia())
        {
            if (trivia.IsKind(SyntaxKind.EndOfLineTrivia))
            {
                return SyntaxFactory.ElasticEndOfLine(trivia.ToString());
            }
        }

        return SyntaxFactory.ElasticCarriageReturnLineFeed;
    }

    /// <summary>The language version of the document, for syntax that needs one (attributes on local functions: C# 9).</summary>
    public LanguageVersion LanguageVersion => ((CSharpParseOptions)Root.SyntaxTree.Options).LanguageVersion;
}
