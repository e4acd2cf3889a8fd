using System.Globalization;
using System.Text;

namespace ConsentAnalyzers.Benchmarks.Workload;

/// <summary>One generated JavaScript file of the site (<c>wwwroot/js/…</c>).</summary>
public sealed record ScriptFile(string Path, string Text, int Lines, bool IsLarge, bool IsModule);

/// <summary>What a script workload contains, counted as it was written.</summary>
public sealed class ScriptStats
{
    public int Files { get; set; }

    public int Modules { get; set; }

    /// <summary>Files that mention storage, a cookie, a tracker or an absolute URL: the ones the analysis parses.</summary>
    public int FilesWithSites { get; set; }

    public int StorageWrites { get; set; }

    public int CookieWrites { get; set; }

    public int TrackerCalls { get; set; }

    /// <summary>Writes and calls placed under a script guard for their own category, or of an essential name.</summary>
    public int Guarded { get; set; }

    public int Sites => StorageWrites + CookieWrites + TrackerCalls;
}

/// <summary>A generated site's scripts and the manifest they are checked against (the C# workload's, with script guards).</summary>
public sealed record ScriptWorkload(IReadOnlyList<ScriptFile> Files, int Lines, ScriptStats Stats, string ManifestJson);

/// <summary>
/// Writes the JavaScript of a site of a given size: mostly UI code (rendering lists, forms, event wiring, fetches of
/// the site's own API, small classes and utilities) with no consent-relevant site, and in about a third of the files
/// storage writes, cookie writes and Google tag calls and loads, under the manifest's script guards
/// (<c>consent.has('analytics')</c>, an early return, <c>&amp;&amp;</c>, <c>consent.whenGranted</c>) or not. A third
/// of the files are ES modules (<c>import</c>/<c>export</c>, some <c>.mjs</c>), the rest classic scripts. Every
/// twentieth file has 1,000 lines (the per-file edit case). Seeded, and plain C#: the same arguments give the same text.
/// </summary>
public sealed class ScriptGenerator
{
    public const int LargeFileLines = 1000;

    /// <summary>The script guards added to the manifest: what <c>consent.has</c>'s argument grants, and a callback guard.</summary>
    public const string ScriptGuards =
        "{ \"script\": \"consent.has\", \"arguments\": "
        + "{ \"prefs\": \"functional\", \"analytics\": \"analytics\", \"ads\": \"advertising\" } },\n"
        + "    { \"script\": \"consent.whenGranted\", \"callback\": true, "
        + "\"arguments\": { \"analytics\": \"analytics\", \"ads\": \"advertising\" } },\n    ";

    private static readonly Dictionary<string, string> CheckFor = new()
    {
        ["functional"] = "prefs", ["analytics"] = "analytics", ["advertising"] = "ads",
    };

    private static readonly string[] Nouns = ["catalog", "cart", "checkout", "account", "orders", "search", "wishlist", "reviews", "shipping",
        "billing", "profile", "newsletter", "returns", "inventory", "promotions", "support"];

    private readonly Random _random;
    private readonly List<DeclaredName> _names;
    private readonly ScriptStats _stats = new();
    private int _counter;

    private ScriptGenerator(GeneratedManifest manifest, int seed)
    {
        _random = new Random(seed);
        _names = manifest.Names.Where(n => !n.IsPattern && !n.Name.StartsWith(".AspNetCore.", StringComparison.Ordinal)).ToList();
    }

    /// <summary>About <paramref name="lines"/> lines in <paramref name="files"/> files, for <paramref name="manifest"/>.</summary>
    public static ScriptWorkload Generate(int files, int lines, GeneratedManifest manifest, int seed)
    {
        var generator = new ScriptGenerator(manifest, seed);
        var large = files / 20;
        var ordinary = Math.Max(1, (lines - large * LargeFileLines) / Math.Max(1, files - large));
        var written = new List<ScriptFile>();
        for (var i = 0; i < files; i++)
        {
            var isLarge = i % 20 == 10;
            written.Add(generator.File(i, isLarge ? LargeFileLines : ordinary, isLarge));
        }

        var json = manifest.Json.Replace("\"guards\": [\n    ", "\"guards\": [\n    " + ScriptGuards, StringComparison.Ordinal);
        return new ScriptWorkload(written, written.Sum(f => f.Lines), generator._stats, json);
    }

    private ScriptFile File(int index, int lines, bool isLarge)
    {
        var noun = Nouns[index % Nouns.Length];
        var isModule = index % 3 == 0;
        var withSites = isLarge || _random.NextDouble() < 0.33;
        var text = new StringBuilder();
        var written = 0;
        void Add(string block)
        {
            text.Append(block);
            written += block.Count(c => c == '\n');
        }

        Add(isModule
            ? $"import {{ debounce, formatPrice }} from './util.js';\nimport {{ api }} from './api.js';\n\n"
            : $"(function () {{\n'use strict';\n\n");
        while (written < lines - 2)
        {
            Add(withSites && _random.NextDouble() < 0.2 ? Site(noun) : Ui(noun, isModule));
        }

        Add(isModule ? $"export default {{ init{Pascal(noun)} }};\n" : "})();\n");
        _stats.Files++;
        _stats.Modules += isModule ? 1 : 0;
        _stats.FilesWithSites += withSites ? 1 : 0;
        var extension = isModule && index % 2 == 0 ? "mjs" : "js";
        return new ScriptFile($"wwwroot/js/{noun}/{noun}{index.ToString(CultureInfo.InvariantCulture)}.{extension}", text.ToString(),
            written, isLarge, isModule);
    }

    /// <summary>UI code: no storage, no cookie, no tracker, no absolute URL.</summary>
    private string Ui(string noun, bool isModule)
    {
        var n = ++_counter;
        var export = isModule ? "export " : string.Empty;
        return _random.Next(5) switch
        {
            0 => $$"""
                {{export}}function render{{Pascal(noun)}}{{n}}(items, container) {
                  container.innerHTML = '';
                  const fragment = document.createDocumentFragment();
                  for (const item of items.filter(i => i.visible !== false)) {
                    const row = document.createElement('li');
                    row.className = item.selected ? 'row selected' : 'row';
                    row.textContent = `${item.name} (${item.count ?? 0})`;
                    row.dataset.id = String(item.id);
                    fragment.appendChild(row);
                  }
                  container.appendChild(fragment);
                  return items.length;
                }


                """,
            1 => $$"""
                {{export}}async function load{{Pascal(noun)}}{{n}}(page = 1) {
                  const response = await fetch(`/api/{{noun}}?page=${page}`, { headers: { Accept: 'application/json' } });
                  if (!response.ok) {
                    throw new Error(`{{noun}} ${response.status}`);
                  }
                  const { items, total } = await response.json();
                  return { items: items.map(({ id, name, price }) => ({ id, name, price: Number(price) })), total };
                }


                """,
            2 => $$"""
                {{export}}class {{Pascal(noun)}}Panel{{n}} {
                  #open = false;
                  constructor(root) {
                    this.root = root;
                    this.toggle = this.toggle.bind(this);
                    root.querySelector('[data-toggle]')?.addEventListener('click', this.toggle);
                  }
                  toggle() {
                    this.#open = !this.#open;
                    this.root.classList.toggle('open', this.#open);
                    this.root.setAttribute('aria-expanded', String(this.#open));
                  }
                }


                """,
            3 => $$"""
                {{export}}function validate{{Pascal(noun)}}{{n}}(form) {
                  const errors = {};
                  for (const field of form.querySelectorAll('input[required], select[required]')) {
                    if (!field.value.trim()) {
                      errors[field.name] = 'Required';
                    } else if (field.type === 'email' && !/^[^@\s]+@[^@\s]+$/.test(field.value)) {
                      errors[field.name] = 'Not an email address';
                    }
                  }
                  form.classList.toggle('invalid', Object.keys(errors).length > 0);
                  return errors;
                }


                """,
            _ => $$"""
                document.addEventListener('DOMContentLoaded', () => {
                  const input = document.querySelector('#{{noun}}-filter-{{n}}');
                  const onInput = (event) => {
                    const query = event.target.value.toLowerCase();
                    document.querySelectorAll('.{{noun}} .row').forEach(row => {
                      row.hidden = !row.textContent.toLowerCase().includes(query);
                    });
                  };
                  input?.addEventListener('input', onInput);
                });


                """,
        };
    }

    /// <summary>A storage write, a cookie write or a tracker call or load, under a script guard for its category or not.</summary>
    private string Site(string noun)
    {
        var n = ++_counter;
        var name = _names[_random.Next(_names.Count)];
        var guarded = name.IsEssential || _random.NextDouble() < 0.8;
        var check = CheckFor.GetValueOrDefault(name.Category, "prefs");
        if (_random.Next(3) == 0)
        {
            _stats.TrackerCalls++;
            _stats.Guarded += guarded ? 1 : 0;
            return _random.Next(3) switch
            {
                0 when guarded => $$"""
                    function track{{n}}(action) {
                      if (!consent.has('analytics')) return;
                      gtag('event', action, { event_category: '{{noun}}', value: {{n % 50}} });
                    }
                    document.querySelector('#{{noun}}-{{n}}')?.addEventListener('click', () => track{{n}}('{{noun}}_click'));


                    """,
                1 when guarded => $$"""
                    consent.whenGranted('ads', () => {
                      const s = document.createElement('script');
                      s.async = true;
                      s.src = 'https://www.googletagmanager.com/gtag/js?id=AW-{{100000 + n}}';
                      document.head.appendChild(s);
                    });


                    """,
                _ => $$"""
                    window.addEventListener('load', () => {
                      {{(guarded ? "consent.has('analytics') && " : string.Empty)}}gtag('event', 'page_view_{{noun}}', { page_path: location.pathname });
                    });


                    """,
            };
        }

        string write;
        switch (name.Kind)
        {
            case NameKind.Cookie:
                _stats.CookieWrites++;
                write = $"document.cookie = `{name.Name}=${{encodeURIComponent(value)}}; path=/; max-age=31536000; samesite=lax`;";
                break;
            case NameKind.LocalStorage:
                _stats.StorageWrites++;
                write = $"localStorage.setItem('{name.Name}', JSON.stringify(value));";
                break;
            default:
                _stats.StorageWrites++;
                write = $"sessionStorage.setItem('{name.Name}', String(value));";
                break;
        }

        _stats.Guarded += guarded ? 1 : 0;
        return guarded && !name.IsEssential
            ? $$"""
                function remember{{n}}(value) {
                  if (consent.has('{{check}}')) {
                    {{write}}
                  }
                }
                remember{{n}}(document.querySelector('#{{noun}}-{{n}}')?.value ?? '');


                """
            : $$"""
                function remember{{n}}(value) {
                  {{write}}
                }
                document.querySelector('#{{noun}}-{{n}}')?.addEventListener('change', e => remember{{n}}(e.target.value));


                """;
    }

    private static string Pascal(string word) => char.ToUpperInvariant(word[0]) + word.Substring(1);
}
