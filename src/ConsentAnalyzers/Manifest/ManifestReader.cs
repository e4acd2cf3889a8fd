using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using ConsentAnalyzers.Common;
using ConsentAnalyzers.Diagnostics;
using ConsentAnalyzers.Json;
using Microsoft.CodeAnalysis.Text;

namespace ConsentAnalyzers.Manifest;

/// <summary>
/// Reads and validates a manifest text: syntax (CG0002), content (CG0003) and conflicts (CG0004), each issue at the
/// exact span it is about. The whole model exists only when there is no issue at all, so the analyzers never check
/// code against a half-understood policy; beside it, the sound part (every category and entry read without an issue)
/// is what the generator emits, and each issue's message says what it left out (<see cref="LeftOut"/>).
/// </summary>
internal sealed class ManifestReader
{
    // '$' would also match before a final line break; '\z' is the true end of the text.
    private static readonly Regex CategoryIdPattern = new(ManifestFields.CategoryIdPattern.Replace("$", @"\z"), RegexOptions.CultureInvariant);
    private static readonly Regex ApiPattern = new(ManifestFields.ApiPattern.Replace("$", @"\z"), RegexOptions.CultureInvariant);

    // The path pattern has '$' inside its character classes: only its final anchor becomes \z.
    private static readonly Regex CookieDomainSyntax = new(ManifestFields.CookieDomainPattern.Replace("$", @"\z"), RegexOptions.CultureInvariant);

    private static readonly Regex ScriptPathSyntax = new(ManifestFields.ScriptPathPattern.TrimEnd('$') + @"\z", RegexOptions.CultureInvariant);

    /// <summary>How many declared categories a message lists: a manifest may declare thousands, a message stays short.</summary>
    private const int MaxListed = 20;

    private readonly SourceText _text;
    private readonly ImmutableArray<ManifestIssue>.Builder _issues = ImmutableArray.CreateBuilder<ManifestIssue>();
    private readonly List<string> _categoryIds = new();
    private readonly HashSet<string> _categorySet = new();

    /// <summary>Declared categories that have an issue: left out of the generated code, with every entry that refers to them.</summary>
    private readonly HashSet<string> _brokenCategories = new();

    /// <summary>The identifying spans of entries in a conflict (CG0004), which are left out of the generated code.</summary>
    private readonly HashSet<TextSpan> _conflicting = new();

    /// <summary>(object, field) where an unknown field of the object is a misspelling of that field: its absence is not reported again.</summary>
    private readonly HashSet<(JsonObject Owner, string Field)> _misspelt = new();

    /// <summary>What an issue found now leaves out of the generated code: set while a part of the manifest is read.</summary>
    private LeftOut _scope = LeftOut.Nothing;

    /// <summary>True once an issue left everything out: the text is not a readable manifest as a whole.</summary>
    private bool _everythingLeftOut;

    /// <summary>False when 'categories' itself is missing or malformed: then every reference would be "unknown", which is noise.</summary>
    private bool _categoriesReadable = true;

    /// <summary>Checked once an entry and between the passes: a manifest of thousands of entries takes a while to validate.</summary>
    private readonly CancellationToken _cancellationToken;

    private ManifestReader(SourceText text, CancellationToken cancellationToken)
    {
        _text = text;
        _cancellationToken = cancellationToken;
    }

    public static ManifestReadResult Read(SourceText text, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var (root, syntaxError) = JsonParser.Parse(text.ToString());
        if (syntaxError is not null)
        {
            var issue = new ManifestIssue(DiagnosticIds.ManifestSyntax, syntaxError.Span, syntaxError.Message + LeftOut.Everything.Sentence);
            return new ManifestReadResult(null, ImmutableArray.Create(issue), ManifestModel.Empty);
        }

        var reader = new ManifestReader(text, cancellationToken);
        var soundPart = reader.ReadRoot(root!);
        var issues = reader._issues.ToImmutable();
        return new ManifestReadResult(issues.IsEmpty ? soundPart : null, issues, soundPart);
    }

    private ManifestModel ReadRoot(JsonNode root)
    {
        if (root is not JsonObject rootObject)
        {
            _scope = LeftOut.Everything;
            Content(root.Span, $"The manifest must be a JSON object with 'version' and 'categories', not {root.KindDescription}.");
            return ManifestModel.Empty;
        }

        CheckFields(rootObject, "the manifest", ManifestFields.Root, duplicates: LeftOut.Everything);
        ReadString(rootObject, "$schema", "the manifest", required: false);
        _scope = LeftOut.Everything;
        ReadVersion(rootObject);

        // Categories first, wherever they stand in the file: every other section refers to them.
        var categories = ReadCategories(rootObject);
        var cookies = ReadEntries(rootObject, "cookies", ReadCookie);
        var storage = ReadEntries(rootObject, "storage", ReadStorage);
        var trackers = ReadEntries(rootObject, "trackers", ReadTracker);
        var guards = ReadEntries(rootObject, "guards", ReadGuard);

        var conflicts = new List<DeclarationConflict>();
        DeclarationConflicts.CheckNames(cookies.Select(Declared), "Cookie", _text, conflicts, _cancellationToken);
        DeclarationConflicts.CheckNames(storage.Where(s => s.Model.Area == StorageArea.Local).Select(Declared), "Local-storage key", _text, conflicts,
            _cancellationToken);
        DeclarationConflicts.CheckNames(storage.Where(s => s.Model.Area == StorageArea.Session).Select(Declared), "Session-storage key", _text,
            conflicts, _cancellationToken);
        _cancellationToken.ThrowIfCancellationRequested();
        DeclarationConflicts.CheckUnique(
            trackers.Select(t => (Key: t.Model.Kind + ":" + t.Model.Value, Shown: t.Model.Value, Meaning: t.Model.Category, t.Key)), "Tracker", _text,
            conflicts);
        DeclarationConflicts.CheckUnique(guards.Select(g => (g.Model.Key, g.Model.Shown, Meaning: string.Join(",", g.Categories), g.Key)),
            "Guard", _text, conflicts);
        ReportConflicts(conflicts);

        if (_everythingLeftOut)
        {
            return ManifestModel.Empty;
        }

        return new ManifestModel(
            ManifestFields.SupportedVersion,
            categories.Where(c => !_brokenCategories.Contains(c.Id)).ToEquatableArray(),
            SoundModels(cookies),
            SoundModels(storage),
            SoundModels(trackers),
            SoundModels(guards).Where(g => g.Code is not null).Select(g => g.Code!).ToEquatableArray(),
            SoundModels(guards).Where(g => g.Script is not null).Select(g => g.Script!).ToEquatableArray());
    }

    private static DeclaredName Declared(ReadEntry<CookieEntry> cookie) => new(cookie.Model.Name, cookie.Model.Category, cookie.Key);

    private static DeclaredName Declared(ReadEntry<StorageEntry> storage) => new(storage.Model.Key, storage.Model.Category, storage.Key);

    private void ReportConflicts(List<DeclarationConflict> conflicts)
    {
        _scope = LeftOut.Entry;
        foreach (var conflict in conflicts)
        {
            Conflict(conflict.Reported, conflict.Message);
            _conflicting.Add(conflict.Reported);
            if (conflict.AlsoLeftOut is { } other)
            {
                _conflicting.Add(other);
            }
        }
    }

    /// <summary>The entries to generate: read without an issue, in no conflict, in a sound category.</summary>
    private EquatableArray<T> SoundModels<T>(List<ReadEntry<T>> entries)
        where T : class, IEquatable<T> =>
        entries
            .Where(e => e.Clean && !_conflicting.Contains(e.Key) && !e.Categories.Any(_brokenCategories.Contains))
            .Select(e => e.Model)
            .ToEquatableArray();

    /// <summary>Without the version it was written for, no part of the manifest can be trusted to mean what version 1 says.</summary>
    private void ReadVersion(JsonObject root)
    {
        var property = root.Find("version");
        if (property is null)
        {
            Content(root.OpeningBraceSpan,
                $"The manifest is missing the required field 'version': add \"version\": {ManifestFields.SupportedVersion}.");
            return;
        }

        if (property.Value is not JsonNumber number)
        {
            Content(property.Value.Span, $"'version' must be the number {ManifestFields.SupportedVersion}, not {property.Value.KindDescription}.");
            return;
        }

        if (!int.TryParse(number.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            || version != ManifestFields.SupportedVersion)
        {
            Content(number.Span,
                $"Unsupported manifest version {MessageText.Printable(number.Text)}: " +
                $"this version of ConsentAnalyzers reads version {ManifestFields.SupportedVersion}.");
        }
    }

    private List<CategoryEntry> ReadCategories(JsonObject root)
    {
        var result = new List<CategoryEntry>();
        _scope = LeftOut.Everything; // every entry refers to a category: without them, nothing can be generated
        var property = root.Find("categories");
        if (property is null)
        {
            Content(root.OpeningBraceSpan,
                "The manifest is missing the required field 'categories': declare each consent category, e.g. \"categories\": { \"necessary\": " +
                "{ \"title\": \"Strictly Necessary\", \"essential\": true } }.");
            _categoriesReadable = false;
            return result;
        }

        if (property.Value is not JsonObject categories)
        {
            Content(property.Value.Span, $"'categories' must be an object keyed by category id, not {property.Value.KindDescription}.");
            _categoriesReadable = false;
            return result;
        }

        var firstDeclarations = new Dictionary<string, JsonProperty>();
        var consentModeOwners = new Dictionary<string, string>();
        foreach (var category in categories.Properties)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            var id = category.Name;
            _scope = LeftOut.Category(id);
            var issuesBefore = _issues.Count;
            if (firstDeclarations.TryGetValue(id, out var first))
            {
                // Two bodies for one id: which title and which 'essential' is meant cannot be told, so neither is used.
                Conflict(category.NameSpan,
                    $"Duplicate category '{MessageText.Printable(id)}' (first at line {LineOf(first.NameSpan)}): " +
                    $"only one of the two would take effect; remove or merge one.");
            }
            else
            {
                firstDeclarations.Add(id, category);
                _categorySet.Add(id);
                _categoryIds.Add(id);
                if (!CategoryIdPattern.IsMatch(id))
                {
                    Content(category.NameSpan,
                        $"Category id '{MessageText.Printable(id)}' is not valid: " +
                        $"use lowercase letters, digits, '_' and '-', starting with a letter (e.g. 'analytics').");
                }
            }

            var owner = $"category '{MessageText.Printable(id)}'";
            if (category.Value is not JsonObject body)
            {
                Content(category.Value.Span, $"The {owner} must be an object with a 'title', not {category.Value.KindDescription}.");
                _brokenCategories.Add(id);
                continue;
            }

            CheckFields(body, owner, ManifestFields.Category);
            var title = ReadString(body, "title", owner, required: true);
            var description = ReadString(body, "description", owner, required: false);
            var essential = ReadBoolean(body, "essential", owner) ?? false;
            var signals = ReadKnownWords(body, "optOutSignals", owner, "opt-out signal", ManifestFields.OptOutSignals);
            var consentMode = ReadKnownWords(body, "consentMode", owner, "Consent Mode type", ManifestFields.ConsentModeTypes);
            CheckConsentModeOwners(body, id, consentMode, consentModeOwners);
            var tcfPurposes = ReadTcfPurposes(body, owner);
            if (_issues.Count != issuesBefore)
            {
                _brokenCategories.Add(id);
            }

            result.Add(new CategoryEntry(id, title ?? id, description, essential, signals)
            {
                ConsentModeTypes = consentMode,
                TcfPurposes = tcfPurposes,
            });
        }

        return result;
    }

    /// <summary>A category's list of known words (<c>optOutSignals</c>, <c>consentMode</c>): each known, each once.</summary>
    private EquatableArray<string> ReadKnownWords(JsonObject body, string field, string owner, string what, ImmutableArray<string> known)
    {
        var property = body.Find(field);
        if (property is null)
        {
            return EquatableArray<string>.Empty;
        }

        if (property.Value is not JsonArray array)
        {
            Content(property.Value.Span,
                $"'{field}' of {owner} must be an array of strings such as [\"{known[0]}\"], not {property.Value.KindDescription}.");
            return EquatableArray<string>.Empty;
        }

        var words = new List<string>();
        foreach (var item in array.Items)
        {
            if (item is not JsonString word)
            {
                Content(item.Span, $"Each {what} must be a string, not {item.KindDescription}.");
            }
            else if (!known.Contains(word.Value))
            {
                Content(word.Span,
                    $"Unknown {what} '{MessageText.Printable(word.Value)}'.{SpellingSuggestion.Hint(word.Value, known)} " +
                    $"Known {what}s: {string.Join(", ", known)}.");
            }
            else if (words.Contains(word.Value))
            {
                Conflict(word.Span, $"{Capitalize(what)} '{word.Value}' is listed twice.");
            }
            else
            {
                words.Add(word.Value);
            }
        }

        return words.ToEquatableArray();
    }

    /// <summary>A category's <c>tcfPurposes</c>: the TCF v2.2 purpose numbers, 1 to 11, each once.</summary>
    private EquatableArray<int> ReadTcfPurposes(JsonObject body, string owner)
    {
        var property = body.Find("tcfPurposes");
        if (property is null)
        {
            return EquatableArray<int>.Empty;
        }

        if (property.Value is not JsonArray array)
        {
            Content(property.Value.Span,
                $"'tcfPurposes' of {owner} must be an array of TCF purpose numbers such as [1, 8], not {property.Value.KindDescription}.");
            return EquatableArray<int>.Empty;
        }

        var purposes = new List<int>();
        foreach (var item in array.Items)
        {
            var purpose = item is JsonNumber digits && int.TryParse(digits.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
                ? value
                : 0;
            if (purpose < 1 || purpose > ManifestFields.TcfPurposeCount)
            {
                var given = item is JsonNumber number ? number.Text : item.KindDescription;
                Content(item.Span, $"A TCF purpose is a whole number from 1 to {ManifestFields.TcfPurposeCount} (TCF v2.2), not {given}.");
            }
            else if (purposes.Contains(purpose))
            {
                Conflict(item.Span, $"TCF purpose {purpose} is listed twice.");
            }
            else
            {
                purposes.Add(purpose);
            }
        }

        return purposes.ToEquatableArray();
    }

    /// <summary>
    /// An entry whose meaning could be read (enough for the conflict checks): the model, the categories it refers to,
    /// the span that identifies it in conflict messages, and whether it was read without any issue.
    /// </summary>
    private sealed record ReadEntry<T>(T Model, IReadOnlyList<string> Categories, TextSpan Key, bool Clean = false);

    private List<ReadEntry<T>> ReadEntries<T>(JsonObject root, string section, Func<JsonObject, ReadEntry<T>?> readEntry)
    {
        var result = new List<ReadEntry<T>>();
        var property = root.Find(section);
        if (property is null)
        {
            return result;
        }

        if (property.Value is not JsonArray array)
        {
            _scope = LeftOut.Section(section);
            Content(property.Value.Span, $"'{section}' must be an array of entry objects, not {property.Value.KindDescription}.");
            return result;
        }

        _scope = LeftOut.Entry;
        foreach (var item in array.Items)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            if (item is not JsonObject entry)
            {
                Content(item.Span, $"Each entry of '{section}' must be an object, not {item.KindDescription}.");
                continue;
            }

            var issuesBefore = _issues.Count;
            var read = readEntry(entry);
            if (read is not null)
            {
                result.Add(read with { Clean = _issues.Count == issuesBefore });
            }
        }

        return result;
    }

    private ReadEntry<CookieEntry>? ReadCookie(JsonObject entry)
    {
        const string Owner = "the cookie entry";
        CheckFields(entry, Owner, ManifestFields.Cookie);
        var name = ReadName(entry, "name", Owner, isCookie: true);
        var category = ReadCategoryReference(entry, Owner);
        var (provider, purpose, duration) = ReadDescription(entry, Owner);
        var maxAge = ReadLifetime(entry, Owner);
        var domain = ReadCookieDomain(entry, Owner);
        var path = ReadCookiePath(entry, Owner);
        var refresh = ReadBoolean(entry, "refresh", Owner) ?? false;
        if (name is null || category is null)
        {
            return null;
        }

        var cookie = new CookieEntry(name.Value, category, provider, purpose, duration)
        {
            MaxAge = maxAge,
            Domain = domain,
            Path = path,
            Refresh = refresh,
        };
        return new ReadEntry<CookieEntry>(cookie, new[] { category }, name.Span);
    }

    private ReadEntry<StorageEntry>? ReadStorage(JsonObject entry)
    {
        const string Owner = "the storage entry";
        CheckFields(entry, Owner, ManifestFields.Storage);
        var key = ReadName(entry, "key", Owner, isCookie: false);
        var area = ReadStorageArea(entry, Owner);
        var category = ReadCategoryReference(entry, Owner);
        var (provider, purpose, duration) = ReadDescription(entry, Owner);
        var maxAge = ReadLifetime(entry, Owner);
        if (key is null || area is null || category is null)
        {
            return null;
        }

        return new ReadEntry<StorageEntry>(new StorageEntry(key.Value, area.Value, category, provider, purpose, duration) { MaxAge = maxAge },
            new[] { category }, key.Span);
    }

    /// <summary>The optional fields a person reads in the cookie table: who, why, how long.</summary>
    private (string? Provider, string? Purpose, string? Duration) ReadDescription(JsonObject entry, string owner) => (
        ReadString(entry, "provider", owner, required: false),
        ReadString(entry, "purpose", owner, required: false),
        ReadString(entry, "duration", owner, required: false));

    private Lifetime? ReadLifetime(JsonObject entry, string owner)
    {
        var node = ReadStringNode(entry, "maxAge", owner, required: false);
        if (node is null)
        {
            return null;
        }

        var lifetime = Lifetime.Parse(node.Value, out var error);
        if (lifetime is null)
        {
            Content(node.Span, $"'maxAge' of {owner}: {error}");
        }

        return lifetime;
    }

    private string? ReadCookieDomain(JsonObject entry, string owner)
    {
        var node = ReadStringNode(entry, "domain", owner, required: false);
        if (node is not null && !CookieDomainSyntax.IsMatch(node.Value))
        {
            Content(node.Span,
                $"'domain' of {owner} must be a host name such as \"example.com\", or \".example.com\" for a cookie set on the parent domain, " +
                $"not '{MessageText.Printable(node.Value)}'.");
            return null;
        }

        return node?.Value;
    }

    private string? ReadCookiePath(JsonObject entry, string owner)
    {
        var node = ReadStringNode(entry, "path", owner, required: false);
        if (node is not null && (!node.Value.StartsWith("/", StringComparison.Ordinal) || node.Value.Any(c => c <= ' ' || c == ';' || c == 0x7F)))
        {
            Content(node.Span,
                $"'path' of {owner} must start with '/' and hold no space, control character or ';', not '{MessageText.Printable(node.Value)}'.");
            return null;
        }

        return node?.Value;
    }

    /// <summary>A Consent Mode type is granted by one category's consent: two categories claiming it would leave it undefined.</summary>
    private void CheckConsentModeOwners(JsonObject body, string categoryId, EquatableArray<string> types, Dictionary<string, string> owners)
    {
        foreach (var type in types)
        {
            if (owners.TryGetValue(type, out var first))
            {
                var span = ((JsonArray)body.Find("consentMode")!.Value).Items.OfType<JsonString>().First(item => item.Value == type).Span;
                Conflict(span, $"Consent Mode type '{type}' is already mapped to category '{MessageText.Printable(first)}': " +
                    "each type follows the consent for one category.");
            }
            else
            {
                owners.Add(type, categoryId);
            }
        }
    }

    private StorageArea? ReadStorageArea(JsonObject entry, string owner)
    {
        var area = ReadStringNode(entry, "area", owner, required: true);
        switch (area?.Value)
        {
            case null:
                return null;
            case "local":
                return StorageArea.Local;
            case "session":
                return StorageArea.Session;
            default:
                Content(area.Span,
                    $"Unknown storage area " +
                    $"'{MessageText.Printable(area.Value)}'.{SpellingSuggestion.Hint(area.Value, ManifestFields.StorageAreas)} 'area' is \"local\" " +
                    $"(localStorage) or \"session\" (sessionStorage).");
                return null;
        }
    }

    private ReadEntry<TrackerEntry>? ReadTracker(JsonObject entry)
    {
        const string Owner = "the tracker entry";
        CheckFields(entry, Owner, ManifestFields.Tracker);
        var kinds = new[] { ("use", TrackerKind.Catalog), ("api", TrackerKind.Api), ("url", TrackerKind.Url) };
        JsonString? value = null;
        var kind = TrackerKind.Catalog;
        foreach (var (field, fieldKind) in kinds)
        {
            var property = entry.Find(field);
            if (property is null)
            {
                continue;
            }

            if (value is not null)
            {
                Content(property.NameSpan,
                    $"A tracker entry takes exactly one of 'use', 'api' or 'url'; this one already has '{KindField(kind)}'. " +
                    $"Split it into two entries.");
                continue;
            }

            value = ReadStringNode(entry, field, Owner, required: true);
            kind = fieldKind;
        }

        if (value is null && !kinds.Any(k => entry.Find(k.Item1) is not null || _misspelt.Contains((entry, k.Item1))))
        {
            Content(entry.OpeningBraceSpan,
                "The tracker entry needs one of 'use' (a built-in tracker such as \"google-analytics\"), " +
                "'api' (a member pattern such as \"MyApp.Telemetry.Tracker.Send*\") " +
                "or 'url' (an endpoint pattern such as \"https://collect.example.com/*\").");
        }

        var category = ReadCategoryReference(entry, Owner);
        var provider = ReadString(entry, "provider", Owner, required: false);
        if (value is null || category is null || !IsValidTrackerValue(kind, value))
        {
            return null;
        }

        return new ReadEntry<TrackerEntry>(new TrackerEntry(kind, value.Value, category, provider ?? TrackerCatalog.DisplayName(value.Value)),
            new[] { category }, value.Span);
    }

    private static string KindField(TrackerKind kind) => kind switch
    {
        TrackerKind.Catalog => "use",
        TrackerKind.Api => "api",
        _ => "url",
    };

    private bool IsValidTrackerValue(TrackerKind kind, JsonString value)
    {
        switch (kind)
        {
            case TrackerKind.Catalog when TrackerCatalog.DisplayName(value.Value) is null:
                var ids = TrackerCatalog.Entries.Select(e => e.Id).ToList();
                Content(value.Span,
                    $"Unknown built-in tracker '{MessageText.Printable(value.Value)}'.{SpellingSuggestion.Hint(value.Value, ids)} Built-in " +
                    $"trackers: {string.Join(", ", ids)}. For anything else use 'api' or 'url'.");
                return false;
            case TrackerKind.Api:
                return IsValidApiPattern(value, "tracker 'api'");
            case TrackerKind.Url
                when !(value.Value.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
                    || value.Value.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
                    || value.Value.StartsWith("//", StringComparison.Ordinal)):
                Content(value.Span,
                    $"Tracker URL '{MessageText.Printable(value.Value)}' must be an absolute http(s) " +
                    $"URL or a protocol-relative one (starting with '//'), with '*' for any run of characters.");
                return false;
            default:
                return true;
        }
    }

    private bool IsValidApiPattern(JsonString value, string what)
    {
        var api = value.Value;
        if (!ApiPattern.IsMatch(api))
        {
            Content(value.Span,
                $"The {what} '{MessageText.Printable(api)}' must name a member as Namespace.Type.Member " +
                $"(dotted identifiers, without parentheses or parameters); '*' stands for any run of characters.");
            return false;
        }

        return true;
    }

    /// <summary>One entry of 'guards': a C# member (<c>api</c>) or a JavaScript path (<c>script</c>).</summary>
    private sealed record GuardDeclaration(GuardEntry? Code, ScriptGuardEntry? Script)
    {
        public string Key => Code?.Api ?? "script:" + Script!.Path;

        public string Shown => Code?.Api ?? Script!.Path;
    }

    private ReadEntry<GuardDeclaration>? ReadGuard(JsonObject entry)
    {
        const string Owner = "the guard entry";
        CheckFields(entry, Owner, ManifestFields.Guard);
        var apiProperty = entry.Find("api");
        var scriptProperty = entry.Find("script");
        if (apiProperty is not null && scriptProperty is not null)
        {
            Content(scriptProperty.NameSpan,
                "A guard names either 'api' (a member of C# code) or 'script' (a function or property of the site's JavaScript), not both.");
            return null;
        }

        var isScript = scriptProperty is not null;
        var path = isScript ? ReadStringNode(entry, "script", Owner, required: true) : ReadStringNode(entry, "api", Owner, required: true);
        var valid = path is not null && (isScript ? IsValidScriptPath(path) : IsValidApiPattern(path, "guard 'api'"));
        var callback = isScript ? ReadCallback(entry, ref valid) : RejectCallback(entry, ref valid);
        var (category, arguments) = ReadGuardMeaning(entry, Owner, isScript, ref valid);
        if (!valid)
        {
            return null;
        }

        var categories = category is not null ? new[] { category } : arguments.Select(a => a.Category).ToArray();
        var declaration = isScript
            ? new GuardDeclaration(null, new ScriptGuardEntry(ScriptGlobals.WithoutGlobalObject(path!.Value), category, arguments, callback))
            : new GuardDeclaration(new GuardEntry(path!.Value, category, arguments), null);
        return new ReadEntry<GuardDeclaration>(declaration, categories, path.Span);
    }

    /// <summary>What a guard checks: one 'category', or the 'arguments' map from argument value to category.</summary>
    private (string? Category, EquatableArray<GuardArgument> Arguments) ReadGuardMeaning(JsonObject entry, string owner, bool isScript,
        ref bool valid)
    {
        var hasCategory = entry.Find("category") is not null;
        var argumentsProperty = entry.Find("arguments");
        if (hasCategory && argumentsProperty is not null)
        {
            Content(argumentsProperty.NameSpan,
                "A guard takes either 'category' (the member checks one category) or 'arguments' (its argument names the category), not both.");
            valid = false;
            return (null, EquatableArray<GuardArgument>.Empty);
        }

        if (hasCategory)
        {
            var category = ReadCategoryReference(entry, owner);
            valid &= category is not null;
            return (category, EquatableArray<GuardArgument>.Empty);
        }

        if (argumentsProperty is not null)
        {
            return (null, ReadGuardArguments(argumentsProperty, ref valid));
        }

        Content(entry.OpeningBraceSpan, isScript
            ? "The script guard needs 'category' (the path's value, or its call's result, means consent for it) or 'arguments' " +
                $"(a map from the call's first argument, a string such as \"analytics\", to category). {ScriptGuardForms}"
            : "The guard entry needs 'category' (the category the member checks) " +
                "or 'arguments' (a map from argument value, e.g. \"Shop.Privacy.CookieType.Analytics\", to category).");
        valid = false;
        return (null, EquatableArray<GuardArgument>.Empty);
    }

    private const string ScriptGuardForms =
        "Accepted script guards: { \"script\": \"consent.has\", \"arguments\": { \"analytics\": \"analytics\" } } (a call whose first " +
        "argument names the category), { \"script\": \"siteConsent.analytics\", \"category\": \"analytics\" } (a boolean property or " +
        "function), and either with \"callback\": true (consent.whenGranted('analytics', () => …) runs its function once consent is given).";

    private bool IsValidScriptPath(JsonString path)
    {
        if (ScriptPathSyntax.IsMatch(path.Value))
        {
            return true;
        }

        Content(path.Span,
            $"The script guard '{MessageText.Printable(path.Value)}' must be a JavaScript function or property path: dotted identifiers " +
            $"without parentheses, arguments or '*' (write consent.has, not consent.has('analytics')). {ScriptGuardForms}");
        return false;
    }

    private bool ReadCallback(JsonObject entry, ref bool valid)
    {
        var property = entry.Find("callback");
        if (property is null)
        {
            return false;
        }

        if (property.Value is JsonBoolean flag)
        {
            return flag.Value;
        }

        Content(property.Value.Span, $"'callback' must be true or false, not {property.Value.KindDescription}. {ScriptGuardForms}");
        valid = false;
        return false;
    }

    private bool RejectCallback(JsonObject entry, ref bool valid)
    {
        if (entry.Find("callback") is { } property)
        {
            Content(property.NameSpan,
                "'callback' applies to script guards only (a JavaScript API that runs its function argument once consent is given); " +
                "a C# guard is a bool member.");
            valid = false;
        }

        return false;
    }

    private EquatableArray<GuardArgument> ReadGuardArguments(JsonProperty property, ref bool valid)
    {
        if (property.Value is not JsonObject map)
        {
            Content(property.Value.Span,
                $"'arguments' must be an object mapping each argument value to a category, not {property.Value.KindDescription}.");
            valid = false;
            return EquatableArray<GuardArgument>.Empty;
        }

        if (map.Properties.IsEmpty)
        {
            Content(map.Span, "'arguments' is empty: map at least one argument value to a category.");
            valid = false;
        }

        ReportDuplicateKeys(map, "argument value");
        var arguments = new List<GuardArgument>();
        foreach (var argument in map.Properties)
        {
            if (argument.Value is not JsonString category)
            {
                Content(argument.Value.Span,
                    $"The category for argument '{MessageText.Printable(argument.Name)}' must be a string naming a declared category, " +
                    $"not {argument.Value.KindDescription}.");
                valid = false;
            }
            else if (CheckCategoryExists(category))
            {
                arguments.Add(new GuardArgument(argument.Name, category.Value));
            }
            else
            {
                valid = false;
            }
        }

        return arguments.ToEquatableArray();
    }

    /// <summary>A cookie name or storage key: a non-empty string; '*' marks a pattern.</summary>
    private JsonString? ReadName(JsonObject entry, string field, string owner, bool isCookie)
    {
        var node = ReadStringNode(entry, field, owner, required: true);
        if (node is null)
        {
            return null;
        }

        var name = node.Value;
        if (name.Trim().Length == 0)
        {
            Content(node.Span, $"'{field}' must not be empty.");
            return null;
        }

        if (isCookie)
        {
            foreach (var c in name)
            {
                if (!IsCookieNameCharacter(c))
                {
                    Content(node.Span,
                        $"Cookie name '{MessageText.Printable(name)}' contains {DescribeCharacter(c)}, " +
                        $"which a cookie name cannot contain (RFC 6265 token characters only).");
                    return null;
                }
            }
        }

        return node;
    }

    private static bool IsCookieNameCharacter(char c) =>
        c > ' ' && c < 0x7F && "()<>@,;:\\\"/[]?={}".IndexOf(c) < 0;

    private static string DescribeCharacter(char c) => c switch
    {
        ' ' => "a space",
        _ when c < ' ' || c == 0x7F => $"the control character U+{(int)c:X4}",
        _ when c > 0x7E => $"the non-ASCII character '{MessageText.Printable(c.ToString())}' (U+{(int)c:X4})",
        _ => $"'{c}'",
    };

    private string? ReadCategoryReference(JsonObject entry, string owner)
    {
        var node = ReadStringNode(entry, "category", owner, required: true);
        return node is not null && CheckCategoryExists(node) ? node.Value : null;
    }

    private bool CheckCategoryExists(JsonString reference)
    {
        if (_categorySet.Contains(reference.Value))
        {
            return true;
        }

        if (!_categoriesReadable)
        {
            return false; // 'categories' is already reported; no model is built either way
        }

        var declared = _categoryIds.Count == 0
            ? "none (add them under 'categories')"
            : string.Join(", ", _categoryIds.Take(MaxListed).Select(MessageText.Printable))
                + (_categoryIds.Count > MaxListed ? $" and {_categoryIds.Count - MaxListed} more" : string.Empty);
        Content(reference.Span,
            $"Unknown category '{MessageText.Printable(reference.Value)}'.{SpellingSuggestion.Hint(reference.Value, _categoryIds)} Declared " +
            $"categories: {declared}.");
        return false;
    }

    private string? ReadString(JsonObject entry, string field, string owner, bool required) =>
        ReadStringNode(entry, field, owner, required)?.Value;

    private JsonString? ReadStringNode(JsonObject entry, string field, string owner, bool required)
    {
        var property = entry.Find(field);
        if (property is null)
        {
            if (required && !_misspelt.Contains((entry, field)))
            {
                Content(entry.OpeningBraceSpan, $"{Capitalize(owner)} is missing the required field '{field}'.");
            }

            return null;
        }

        if (property.Value is JsonString value)
        {
            return value;
        }

        Content(property.Value.Span, $"'{field}' of {owner} must be a string, not {property.Value.KindDescription}.");
        return null;
    }

    private bool? ReadBoolean(JsonObject entry, string field, string owner)
    {
        var property = entry.Find(field);
        if (property is null)
        {
            return null;
        }

        if (property.Value is JsonBoolean value)
        {
            return value.Value;
        }

        Content(property.Value.Span, $"'{field}' of {owner} must be true or false, not {property.Value.KindDescription}.");
        return null;
    }

    /// <summary>
    /// Reports unknown fields (a typo must not silently disable a check) and fields given twice. A misspelt field is
    /// reported once, as unknown with its correction, not again as a required field that is missing.
    /// </summary>
    private void CheckFields(JsonObject entry, string owner, ImmutableArray<string> known, LeftOut? duplicates = null)
    {
        foreach (var property in entry.Properties)
        {
            if (!known.Contains(property.Name))
            {
                var suggestion = SpellingSuggestion.Closest(property.Name, known);
                if (suggestion is not null && entry.Find(suggestion) is null)
                {
                    _misspelt.Add((entry, suggestion));
                }

                Content(property.NameSpan,
                    $"Unknown field '{MessageText.Printable(property.Name)}' in {owner}.{SpellingSuggestion.Hint(property.Name, known)} Known " +
                    $"fields: {string.Join(", ", known)}.");
            }
        }

        var scope = _scope;
        _scope = duplicates ?? _scope;
        ReportDuplicateKeys(entry, "field");
        _scope = scope;
    }

    private void ReportDuplicateKeys(JsonObject entry, string what)
    {
        var seen = new Dictionary<string, JsonProperty>();
        foreach (var property in entry.Properties)
        {
            if (seen.TryGetValue(property.Name, out var first))
            {
                Conflict(property.NameSpan,
                    $"Duplicate {what} '{MessageText.Printable(property.Name)}' (first at line {LineOf(first.NameSpan)}): " +
                    $"only one of the two would take effect; remove or merge one.");
            }
            else
            {
                seen.Add(property.Name, property);
            }
        }
    }

    private int LineOf(TextSpan span) => _text.Lines.GetLinePosition(span.Start).Line + 1;

    private static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text.Substring(1);

    private void Content(TextSpan span, string message) => Report(DiagnosticIds.ManifestContent, span, message);

    private void Conflict(TextSpan span, string message) => Report(DiagnosticIds.ManifestConflict, span, message);

    private void Report(string ruleId, TextSpan span, string message)
    {
        _everythingLeftOut |= _scope.IsEverything;
        _issues.Add(new ManifestIssue(ruleId, span, message + _scope.Sentence));
    }
}
