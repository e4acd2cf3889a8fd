using System.Reflection;
using System.Text.Json;
using ConsentAnalyzers.Analyzers;
using ConsentAnalyzers.Diagnostics;
using ConsentAnalyzers.Manifest;
using ConsentAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ConsentAnalyzers.Tests.Catalog;

/// <summary>The rule catalog stays consistent: IDs, descriptors, analyzers, help links, docs, release tracking, packaging.</summary>
public class RuleCatalogTests
{
    private static readonly DiagnosticDescriptor[] Descriptors = typeof(DiagnosticIds).Assembly
        .GetType("ConsentAnalyzers.Diagnostics.Rules", throwOnError: true)!
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(field => (DiagnosticDescriptor)field.GetValue(null)!)
        .ToArray();

    private static readonly string[] Ids = typeof(DiagnosticIds)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(field => (string)field.GetRawConstantValue()!)
        .ToArray();

    private static readonly DiagnosticAnalyzer[] Analyzers = typeof(DiagnosticIds).Assembly.GetTypes()
        .Where(type => typeof(DiagnosticAnalyzer).IsAssignableFrom(type) && !type.IsAbstract)
        .Select(type => (DiagnosticAnalyzer)Activator.CreateInstance(type)!)
        .ToArray();

    public static TheoryData<string> RuleIds => [.. Ids];

    [Fact]
    public void Every_id_has_exactly_one_descriptor_and_every_descriptor_a_distinct_id() =>
        Assert.Equal(Ids.Order(), Descriptors.Select(d => d.Id).Order());

    /// <summary>The rules about the generated types themselves, which only the generator can know about and report.</summary>
    private static readonly string[] GeneratorOnlyIds = [DiagnosticIds.TypesFromReference, DiagnosticIds.ReferencedTypesMismatch];

    [Fact]
    public void Every_descriptor_is_reported_by_an_analyzer_or_else_by_the_generator() =>
        Assert.Equal(Ids.Except(GeneratorOnlyIds).Order(), Analyzers.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).Distinct().Order());

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Help_link_is_computed_from_the_id_and_points_at_an_existing_page(string id)
    {
        var descriptor = Descriptors.Single(d => d.Id == id);

        Assert.Equal($"https://github.com/ConsentAnalyzers/ConsentAnalyzers/blob/main/docs/rules/{id}.md", descriptor.HelpLinkUri);
        var page = Path.Combine(RepositoryPaths.Root, "docs", "rules", id + ".md");
        Assert.True(File.Exists(page), $"{page} is missing");
        Assert.Equal($"# {id}: {descriptor.Title}", File.ReadLines(page).First());
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Release_tracking_lists_the_rule_with_its_category_and_severity(string id)
    {
        var descriptor = Descriptors.Single(d => d.Id == id);
        var releases = string.Join('\n', new[] { "AnalyzerReleases.Shipped.md", "AnalyzerReleases.Unshipped.md" }
            .Select(file => File.ReadAllText(Path.Combine(RepositoryPaths.Root, "src", "ConsentAnalyzers", file))));

        Assert.Contains($"{id} | {descriptor.Category} | {descriptor.DefaultSeverity} |", releases, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Title_message_and_description_are_written_out_and_title_and_message_end_without_a_period(string id)
    {
        var descriptor = Descriptors.Single(d => d.Id == id);
        var message = descriptor.MessageFormat.ToString();

        Assert.False(string.IsNullOrWhiteSpace(descriptor.Description.ToString()));
        Assert.DoesNotMatch(@"\.$", descriptor.Title.ToString());
        Assert.False(string.IsNullOrWhiteSpace(message));
        Assert.DoesNotMatch(@"[.\s]$", message);
        Assert.DoesNotContain('\n', message);

        // The arguments a message takes are numbered from 0 without a gap: an argument the analyzer passes is shown.
        var arguments = System.Text.RegularExpressions.Regex.Matches(message,
            @"\{(\d+)\}").Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).Distinct().Order().ToList();
        Assert.Equal(Enumerable.Range(0, arguments.Count), arguments);
        Assert.True(descriptor.IsEnabledByDefault);
    }

    /// <summary>
    /// CG0108 measures coverage, it does not find a defect: a strict build does not fail because a name is only
    /// known at run time (docs/rules/CG0108.md, "Strict mode").
    /// </summary>
    [Fact]
    public void Strict_mode_covers_exactly_the_rules_whose_default_severity_is_warning_except_the_coverage_summary()
    {
        var targets = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "src", "ConsentAnalyzers.Package", "build", "ConsentAnalyzers.targets"));
        var strictIds = System.Text.RegularExpressions.Regex.Match(targets, "<_ConsentAnalyzersWarningIds>(.*?)</").Groups[1].Value.Split(';');

        Assert.Equal(
            Descriptors.Where(d => d.DefaultSeverity == DiagnosticSeverity.Warning && d.Id != DiagnosticIds.UncheckedNames).Select(d => d.Id).Order(),
            strictIds.Order());
    }

    [Fact]
    public void Only_the_manifest_not_found_rule_and_the_coverage_summary_are_compilation_end_diagnostics() =>
        Assert.Equal(
            [DiagnosticIds.ManifestNotFound, DiagnosticIds.UncheckedNames],
            Descriptors.Where(d => d.CustomTags.Contains(WellKnownDiagnosticTags.CompilationEnd)).Select(d => d.Id).Order());

    [Fact]
    public void The_schema_knows_exactly_the_fields_the_reader_accepts()
    {
        using var schema = JsonDocument.Parse(
            File.ReadAllText(Path.Combine(RepositoryPaths.Root, "src", "ConsentAnalyzers.Package", "schema", "consent-manifest.schema.json")));
        var root = schema.RootElement;

        Assert.Equal(ManifestFields.Root.Order(), PropertyNames(root));
        Assert.Equal(ManifestFields.Category.Order(),
            PropertyNames(Resolve(root, root.GetProperty("properties").GetProperty("categories").GetProperty("additionalProperties"))));
        Assert.Equal(ManifestFields.Cookie.Order(),
            PropertyNames(Resolve(root, root.GetProperty("properties").GetProperty("cookies").GetProperty("items"))));
        Assert.Equal(ManifestFields.Storage.Order(),
            PropertyNames(Resolve(root, root.GetProperty("properties").GetProperty("storage").GetProperty("items"))));
        Assert.Equal(ManifestFields.Tracker.Order(),
            PropertyNames(Resolve(root, root.GetProperty("properties").GetProperty("trackers").GetProperty("items"))));
        Assert.Equal(ManifestFields.Guard.Order(),
            PropertyNames(Resolve(root, root.GetProperty("properties").GetProperty("guards").GetProperty("items"))));
        Assert.Contains(ManifestFields.CategoryIdPattern, Patterns(root));
        Assert.Contains(ManifestFields.ApiPattern, Patterns(root));
        Assert.Contains(ManifestFields.ScriptPathPattern, Patterns(root));
        Assert.All(TrackerCatalog.Entries, entry => Assert.Contains($"\"{entry.Id}\"", root.ToString(), StringComparison.Ordinal));
        Assert.Contains(ManifestFields.CookieDomainPattern, Patterns(root));
    }

    [Fact]
    public void The_schema_lists_the_Consent_Mode_types_and_the_TCF_purposes_the_reader_accepts()
    {
        using var schema = JsonDocument.Parse(
            File.ReadAllText(Path.Combine(RepositoryPaths.Root, "src", "ConsentAnalyzers.Package", "schema", "consent-manifest.schema.json")));
        var category = schema.RootElement.GetProperty("$defs").GetProperty("category").GetProperty("properties");
        var consentMode = category.GetProperty("consentMode").GetProperty("items");
        var purposes = category.GetProperty("tcfPurposes").GetProperty("items");

        Assert.Equal(ManifestFields.ConsentModeTypes, consentMode.GetProperty("enum").EnumerateArray().Select(e => e.GetString()!));
        Assert.Equal(ManifestFields.ConsentModeTypes.Length, consentMode.GetProperty("enumDescriptions").GetArrayLength());
        Assert.Equal(Enumerable.Range(1, ManifestFields.TcfPurposeCount), purposes.GetProperty("enum").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal(ManifestFields.TcfPurposeCount, purposes.GetProperty("maximum").GetInt32());
        Assert.Equal(ManifestFields.TcfPurposeCount, purposes.GetProperty("enumDescriptions").GetArrayLength());
    }

    /// <summary>Every "pattern" in the schema, wherever it stands.</summary>
    private static List<string> Patterns(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject()
            .SelectMany(p => p.Name == "pattern" && p.Value.ValueKind == JsonValueKind.String ? [p.Value.GetString()!] : Patterns(p.Value))
            .ToList(),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Patterns).ToList(),
        _ => [],
    };

    private static IEnumerable<string> PropertyNames(JsonElement schema) =>
        schema.GetProperty("properties").EnumerateObject().Select(p => p.Name).Order();

    /// <summary>Follows a local "$ref" such as "#/$defs/cookie".</summary>
    private static JsonElement Resolve(JsonElement root, JsonElement schema)
    {
        if (!schema.TryGetProperty("$ref", out var reference))
        {
            return schema;
        }

        var target = root;
        foreach (var segment in reference.GetString()!.TrimStart('#', '/').Split('/'))
        {
            target = target.GetProperty(segment);
        }

        return Resolve(root, target);
    }
}
