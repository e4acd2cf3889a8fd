using System.Globalization;
using System.Text;
using ConsentAnalyzers.Manifest;

namespace ConsentAnalyzers.Tests.Robustness.Manifests;

/// <summary>
/// Grammar-aware random manifests: the v1 shape with plausible categories, cookies, storage keys, trackers and
/// guards, written with random layout (comments, trailing commas, LF/CRLF/CR, \u escapes). A chaos level decides
/// how often a deliberate mistake is made (a wrong type, an unknown or missing field, a duplicate), so some
/// manifests are valid and reach the generated code, and the rest probe the validation.
/// </summary>
internal sealed class RandomManifestWriter
{
    private static readonly double[] ChaosLevels = [0, 0, 0, 0.02, 0.08, 0.3];

    private static readonly string[] CategoryIds =
    [
        "necessary", "functional", "analytics", "advertising", "a", "a-b", "a_b", "x1", "class", "object", "to-string",
        "equals", "consent-category", "get-type", "unknown", "value__", "z-", "n",
    ];

    private static readonly string[] BadCategoryIds = ["Ads", "1x", "", "é", "a b", "-a", "a\u2028b", "\\u0000", "analytics\\n"];

    private static readonly string[] Names =
    [
        "_ga", "_ga_*", "sb-*", "session", "a", "a*", "*a", "x*y", "pre*fix*", "**", "*", "a-b", "a_b", "a.b", "class", "1abc",
        "Equals", "ToString", "ConsentCookies", "ConsentStorageKeys", "aPrefix", "aName", "Prefix", "Name", "__", "_", "-",
        "_gcl_au", "_gcl_*", "draft:*", "return_page", "landing_page", "a**b", "*_*", "@", "Ab", "AB", "ab",
    ];

    /// <summary>Characters that stress every place a name or text lands: C# identifiers, literals, XML doc comments, messages.</summary>
    private static readonly string[] Awkward =
    [
        "<", ">", "&", "\"", "\\\\", "*/", "/*", "</summary>", "{0}", "\\n", "\\r\\n", "\\t", "\\u0000", "\\ud800", "\\udc00",
        "\\ud83d\\ude00", "\u2028", "\u2029", "\u0085", "\u200d", "\u202e", "é", "日本", "\ufeff", "\\u001b", "\\/", " ", "@", "#",
        "\ud83c\udf6a", "\\uFFFF", "\\u2028", "\\u0085", "'", "`", "$", "%",
    ];

    private static readonly string[] ApiPatterns =
    [
        "MyApp.Telemetry.Tracker.Send*", "MyApp.Telemetry.Tracker.AnalyticsAllowed", "A.B", "*.*", "A.*", "MyApp.*.Send",
        "A.B.C(int)", "a..b", "Ns.Type.Member", "Send", "*", "A.B.", "System.Console.WriteLine",
    ];

    private static readonly string[] Urls =
    [
        "https://collect.example.com/*", "//cdn.example.com/t.js", "http://x/*", "ftp://x", "https://*", "*", "https://a.example/**",
    ];

    private static readonly string[] LineBreaks = ["\n", "\r\n", "\r"];

    private readonly Random _random;
    private readonly double _chaos;
    private readonly List<string> _categories = [];
    private readonly HashSet<string> _used = [];

    /// <summary>
    /// Without chaos every choice is one a valid manifest could make (names made unique, patterns given a prefix of
    /// their own, valid API patterns and URLs), so about half the manifests are valid and reach the generated code.
    /// </summary>
    private bool Clean => _chaos == 0;

    private RandomManifestWriter(Random random)
    {
        _random = random;
        _chaos = ChaosLevels[random.Next(ChaosLevels.Length)];
    }

    public static string Write(Random random) => new RandomManifestWriter(random).Write();

    private string Write()
    {
        var root = new List<(string, Node)>();
        if (!Chance(_chaos))
        {
            root.Add(("version", Chance(_chaos) ? Any() : new Raw("1")));
        }

        if (Chance(0.2))
        {
            root.Add(("$schema", Str("./consent-manifest.schema.json")));
        }

        if (!Chance(_chaos / 2))
        {
            root.Add(("categories", Chance(_chaos / 2) ? Any() : Categories()));
        }

        AddSection(root, "cookies",
            () => Entry(("name", () => Str(Clean ? CleanName(cookie: true) : Name())), ("category", CategoryRef), ("provider", Text),
                ("purpose", Text), ("duration", Text)));
        AddSection(root, "storage",
            () => Entry(("key", () => Str(Clean ? CleanName(cookie: false) : Name())), ("area", Area), ("category", CategoryRef), ("purpose", Text)));
        AddSection(root, "trackers", Tracker);
        AddSection(root, "guards", Guard);
        Shuffle(root, 0.1);
        return new Formatter(_random).Format(Decorate(new Obj(root)));
    }

    private Node Categories()
    {
        var properties = new List<(string, Node)>();
        var count = _random.Next(Clean ? 1 : 0, 6);
        for (var i = 0; i < count; i++)
        {
            var id = Chance(_chaos) ? Pick(BadCategoryIds) : Unique(Pick(CategoryIds));
            _categories.Add(id);
            var body = new List<(string, Node)> { ("title", Text()) };
            if (Chance(0.4))
            {
                body.Add(("description", Text()));
            }

            if (Chance(0.3))
            {
                body.Add(("essential", new Raw(Chance(0.5) ? "true" : "false")));
            }

            if (Chance(0.15))
            {
                body.Add(("optOutSignals", new Arr([Str(Clean || Chance(0.8) ? "gpc" : Pick(["dnt", "gpc", "GPC", "x"]))])));
            }

            properties.Add((id, Decorate(new Obj(body))));
        }

        return new Obj(properties);
    }

    private void AddSection(List<(string, Node)> root, string name, Func<Node> entry)
    {
        if (!Chance(0.75))
        {
            return;
        }

        var items = new List<Node>();
        var count = _random.Next(0, 8);
        for (var i = 0; i < count; i++)
        {
            items.Add(Chance(_chaos / 2) ? Any() : entry());
        }

        root.Add((name, Chance(_chaos / 3) ? Any() : new Arr(items)));
    }

    /// <summary>An entry object from its fields: required ones (the first three) usually present, optional ones sometimes.</summary>
    private Node Entry(params (string Field, Func<Node> Value)[] fields)
    {
        var properties = new List<(string, Node)>();
        for (var i = 0; i < fields.Length; i++)
        {
            var required = i < 3;
            if (required ? !Chance(_chaos) : Chance(0.3))
            {
                properties.Add((fields[i].Field, fields[i].Value()));
            }
        }

        return Decorate(new Obj(properties));
    }

    private Node Tracker()
    {
        var (field, value) = _random.Next(3) switch
        {
            0 when !Clean => ("use", Str(Chance(0.9) ? Pick(TrackerCatalog.Entries.Select(e => e.Id).ToArray()) : "google-analytic")),
            0 or 1 => ("api", Str(Clean ? ValidApi() : Pick(ApiPatterns))),
            _ => ("url", Str(Clean ? Unique(Pick(Urls[..3])) : Pick(Urls))),
        };
        var properties = new List<(string, Node)> { (field, value), ("category", CategoryRef()) };
        if (Chance(_chaos))
        {
            properties.Add(("api", Str(Pick(ApiPatterns))));
        }

        if (Chance(0.2))
        {
            properties.Add(("provider", Text()));
        }

        return Decorate(new Obj(properties));
    }

    private Node Guard()
    {
        var properties = new List<(string, Node)> { ("api", Str(Clean ? ValidApi() : Pick(ApiPatterns))) };
        if (Chance(0.5))
        {
            properties.Add(("category", CategoryRef()));
        }

        else
        {
            var arguments = Enumerable.Range(0,
                _random.Next(Clean ? 1 : 0, 3))
                .Select(i => ("Shop.Privacy.CookieType.V" + i.ToString(CultureInfo.InvariantCulture), CategoryRef())).ToList();
            properties.Add(("arguments", new Obj(arguments)));
        }

        return Decorate(new Obj(properties));
    }

    private Node CategoryRef() =>
        Str(_categories.Count > 0 && !Chance(_chaos) ? Pick(_categories.ToArray()) : Pick(CategoryIds));

    private Node Area() => Str(Clean || Chance(0.95 - _chaos) ? Pick(["local", "session"]) : Pick(["Local", "cookie", "", "sesion"]));

    /// <summary>A cookie name or storage key: usually a plausible one, sometimes with awkward characters or very long.</summary>
    private string Name()
    {
        if (Chance(0.6))
        {
            return Pick(Names);
        }

        var builder = new StringBuilder();
        var parts = _random.Next(1, 5);
        for (var i = 0; i < parts; i++)
        {
            builder.Append(_random.Next(6) switch
            {
                0 => Pick(Awkward),
                1 => "*",
                2 => new string((char)('a' + _random.Next(26)), Chance(0.03) ? _random.Next(500, 1200) : _random.Next(1, 6)),
                3 => _random.Next(100).ToString(CultureInfo.InvariantCulture),
                _ => Pick(Names),
            });
        }

        return builder.ToString();
    }

    /// <summary>
    /// A name valid in any manifest: unique (a counter), a pattern only with a prefix no other name has, awkward
    /// characters only in storage keys (a cookie name is limited to token characters).
    /// </summary>
    private string CleanName(bool cookie)
    {
        var counter = _used.Count.ToString(CultureInfo.InvariantCulture);
        var stem = cookie
            ? Pick(Names.Where(
                n => !n.Contains('*', StringComparison.Ordinal) && n.All(c => c is > ' ' and < (char)0x7F && "@:".IndexOf(c) < 0)).ToArray())
            : Name().Replace("*", string.Empty, StringComparison.Ordinal);
        var name = Chance(0.2) ? "p" + counter + "_" + stem + "*" : stem + "_" + counter;
        _used.Add(name);
        return name;
    }

    private string ValidApi() => Unique("MyApp.Telemetry.Tracker." + Pick(["Send", "Send*", "AnalyticsAllowed", "Track"]));

    /// <summary>The value once; when it was used before, a variant with a counter (a duplicate is a conflict).</summary>
    private string Unique(string value)
    {
        if (!Clean || _used.Add(value))
        {
            return value;
        }

        var variant = value + _used.Count.ToString(CultureInfo.InvariantCulture);
        _used.Add(variant);
        return variant;
    }

    private Node Text()
    {
        var builder = new StringBuilder();
        var parts = _random.Next(0, 5);
        for (var i = 0; i < parts; i++)
        {
            builder.Append(Chance(0.3) ? Pick(Awkward) : Pick(["Analytics", "Strictly Necessary", "2 years", "Google", "keeps you signed in", " "]));
        }

        return Str(builder.ToString());
    }

    /// <summary>A value of any type at all, for a field that expects something else.</summary>
    private Node Any() => _random.Next(7) switch
    {
        0 => new Raw("null"),
        1 => new Raw(Pick(["true", "false"])),
        2 => new Raw(Pick(["0", "-1", "1.5", "1e400", "2", "01", "1.", "-", "NaN", "99999999999999999999"])),
        3 => new Arr([Str("x")]),
        4 => new Obj([("x", new Raw("1"))]),
        5 => Str(Name()),
        _ => new Raw(Pick(["undefined", "'single'", "unquoted", "\"unterminated"])),
    };

    /// <summary>Sometimes an unknown or misspelled field, a duplicated key, or a shuffled order.</summary>
    private Node Decorate(Node node)
    {
        if (node is not Obj obj)
        {
            return node;
        }

        if (Chance(_chaos))
        {
            obj.Properties.Insert(_random.Next(obj.Properties.Count + 1),
                (Pick(["nmae", "categroy", "Title", "essentail", "x", "", "categories", "\\u0000"]), Any()));
        }

        if (Chance(_chaos) && obj.Properties.Count > 0)
        {
            obj.Properties.Add(obj.Properties[_random.Next(obj.Properties.Count)]);
        }

        Shuffle(obj.Properties, 0.2);
        return obj;
    }

    private void Shuffle<T>(List<T> items, double probability)
    {
        if (!Chance(probability))
        {
            return;
        }

        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = _random.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    private Node Str(string value) => new Raw(Formatter.Quote(value, _random));

    private bool Chance(double probability) => _random.NextDouble() < probability;

    private T Pick<T>(T[] items) => items[_random.Next(items.Length)];

    private abstract record Node;

    /// <summary>A scalar, already written as JSON (or as deliberately broken JSON).</summary>
    private sealed record Raw(string Json) : Node;

    private sealed record Arr(List<Node> Items) : Node;

    private sealed record Obj(List<(string Key, Node Value)> Properties) : Node;

    /// <summary>Writes a tree with random layout: indentation, line breaks of every kind, comments, trailing commas.</summary>
    private sealed class Formatter(Random random)
    {
        private readonly StringBuilder _builder = new();
        private readonly string _lineBreak = LineBreaks[random.Next(LineBreaks.Length)];
        private readonly bool _mixedLineBreaks = random.NextDouble() < 0.1;
        private readonly bool _compact = random.NextDouble() < 0.2;

        public string Format(Node root)
        {
            if (random.NextDouble() < 0.1)
            {
                _builder.Append("// leading comment").Append(LineBreak());
            }

            Write(root, 0);
            return _builder.ToString();
        }

        /// <summary>JSON string syntax for a value; pieces already written as escapes (\u0000, \n) stay escapes.</summary>
        public static string Quote(string value, Random random)
        {
            var builder = new StringBuilder("\"");
            for (var i = 0; i < value.Length; i++)
            {
                var c = value[i];
                if (c == '\\' && i + 1 < value.Length)
                {
                    // An escape written out in the pools: keep it as JSON escape syntax.
                    builder.Append(c).Append(value[++i]);
                }
                else if (c == '"' || c == '\\')
                {
                    builder.Append('\\').Append(c);
                }
                else if (c < ' ' || random.NextDouble() < 0.02)
                {
                    builder.Append("\\u").Append(((int)c).ToString(random.NextDouble() < 0.5 ? "x4" : "X4", CultureInfo.InvariantCulture));
                }
                else
                {
                    builder.Append(c);
                }
            }

            return builder.Append('"').ToString();
        }

        private void Write(Node node, int indent)
        {
            switch (node)
            {
                case Raw raw:
                    _builder.Append(raw.Json);
                    break;
                case Arr arr:
                    WriteMembers('[', ']', arr.Items.Select(item => (Action)(() => Write(item, indent + 1))).ToList(), indent);
                    break;
                case Obj obj:
                    WriteMembers('{', '}', obj.Properties.Select(p => (Action)(() =>
                    {
                        _builder.Append(Quote(p.Key, random)).Append(random.NextDouble() < 0.1 ? " : " : ": ");
                        Write(p.Value, indent + 1);
                    })).ToList(), indent);
                    break;
            }
        }

        private void WriteMembers(char open, char close, List<Action> members, int indent)
        {
            _builder.Append(open);
            for (var i = 0; i < members.Count; i++)
            {
                NewLine(indent + 1);
                if (random.NextDouble() < 0.05)
                {
                    _builder.Append(
                        random.NextDouble() < 0.5 ? "/* a block comment, with * and / */ " : "// a line comment, with \"quotes\" and // slashes")
                        .Append(LineBreak());
                    Indent(indent + 1);
                }

                members[i]();
                if (i < members.Count - 1 || random.NextDouble() < 0.3)
                {
                    _builder.Append(',');
                }
            }

            NewLine(indent);
            _builder.Append(close);
        }

        private void NewLine(int indent)
        {
            if (_compact)
            {
                _builder.Append(' ');
                return;
            }

            _builder.Append(LineBreak());
            Indent(indent);
        }

        private void Indent(int indent) => _builder.Append(random.NextDouble() < 0.05 ? "\t" : new string(' ', indent * 2));

        private string LineBreak() => _mixedLineBreaks ? LineBreaks[random.Next(LineBreaks.Length)] : _lineBreak;
    }
}
