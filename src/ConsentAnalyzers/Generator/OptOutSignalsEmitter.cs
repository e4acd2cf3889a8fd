using ConsentAnalyzers.ConsentApi;

namespace ConsentAnalyzers.Generator;

/// <summary>
/// Emits <c>static class ConsentOptOutSignals</c> (ASP.NET Core referenced): which browser opt-out preference signals
/// a request carries (<c>Sec-GPC: 1</c>, <c>DNT: 1</c>), and the first of a category's <c>optOutSignals</c> that
/// withdraws its consent in this request. Which categories honour which signal is the manifest's business.
/// </summary>
internal static class OptOutSignalsEmitter
{
    public const string HintName = "ConsentOptOutSignals.g.cs";

    public const string ClassName = "ConsentOptOutSignals";

    private const string Request = "global::Microsoft.AspNetCore.Http.HttpRequest";

    public static string Emit(GenerationInput input) => SourceFile.Build(input.Options, writer =>
    {
        var n = input.Options.NullableMark;
        writer.Summary(
            "The browser opt-out preference signals a category can honour (its <c>optOutSignals</c> in consent-manifest.json): " +
            "Global Privacy Control (<c>Sec-GPC: 1</c>) and Do Not Track (<c>DNT: 1</c>).");
        writer.OpenType(input.Options, $"static class {ClassName}");
        writer.Summary("Global Privacy Control, sent as <c>Sec-GPC: 1</c>.");
        writer.Line("public const string Gpc = \"gpc\";");
        writer.Line();
        writer.Summary("Do Not Track, sent as <c>DNT: 1</c>.");
        writer.Line("public const string Dnt = \"dnt\";");
        writer.Line();
        writer.Line("private static readonly string[] s_none = new string[0];");
        writer.Line();

        writer.Summary("Whether the request carries the signal: its header with the value <c>1</c>. An unknown signal id is never sent.");
        writer.Line("/// <param name=\"request\">The request.</param>");
        writer.Line("/// <param name=\"signalId\"><c>gpc</c> or <c>dnt</c>.</param>");
        writer.Open($"public static bool IsSent({Request} request, string signalId)");
        writer.Line("if (request == null) throw new global::System.ArgumentNullException(nameof(request));");
        writer.Line("if (signalId == null) throw new global::System.ArgumentNullException(nameof(signalId));");
        writer.Line("var header = HeaderOf(signalId);");
        writer.Line("return header != null && request.Headers[header] == \"1\";");
        writer.Close();
        writer.Line();

        writer.Summary("The ids of the signals the request carries (<c>gpc</c>, <c>dnt</c>), whether or not a category honours them.");
        writer.Line("/// <param name=\"request\">The request.</param>");
        writer.Open($"public static global::System.Collections.Generic.IReadOnlyList<string> SentBy({Request} request)");
        writer.Line("var gpc = IsSent(request, Gpc);");
        writer.Line("var dnt = IsSent(request, Dnt);");
        writer.Line("if (gpc && dnt) return new[] { Gpc, Dnt };");
        writer.Line("return gpc ? new[] { Gpc } : dnt ? new[] { Dnt } : s_none;");
        writer.Close();
        writer.Line();

        writer.Summary(
            "The first of the category's <c>optOutSignals</c> that the request carries: the signal that withdraws the category's consent " +
            "in this request whatever the visitor chose before; <c>null</c> if none.");
        writer.Line("/// <param name=\"request\">The request.</param>");
        writer.Line("/// <param name=\"category\">The category.</param>");
        writer.Open($"public static string{n} OptedOutBy({Request} request, {GeneratedNames.Category} category)");
        writer.Line("var signals = ConsentManifest.GetCategory(category).OptOutSignals;");
        writer.Open("for (var i = 0; i < signals.Count; i++)");
        writer.Line("if (IsSent(request, signals[i])) return signals[i];");
        writer.Close();
        writer.Line("return null;");
        writer.Close();
        writer.Line();

        writer.Summary("The signal's name as people know it (\"Global Privacy Control\", \"Do Not Track\"); an unknown id as given.");
        writer.Line("/// <param name=\"signalId\"><c>gpc</c> or <c>dnt</c>.</param>");
        writer.Open("public static string DisplayName(string signalId)");
        writer.Line("if (signalId == null) throw new global::System.ArgumentNullException(nameof(signalId));");
        writer.Line("if (string.Equals(signalId, Gpc, global::System.StringComparison.OrdinalIgnoreCase)) return \"Global Privacy Control\";");
        writer.Line("if (string.Equals(signalId, Dnt, global::System.StringComparison.OrdinalIgnoreCase)) return \"Do Not Track\";");
        writer.Line("return signalId;");
        writer.Close();
        writer.Line();

        writer.Open($"private static string{n} HeaderOf(string signalId)");
        writer.Line("if (string.Equals(signalId, Gpc, global::System.StringComparison.OrdinalIgnoreCase)) return \"Sec-GPC\";");
        writer.Line("if (string.Equals(signalId, Dnt, global::System.StringComparison.OrdinalIgnoreCase)) return \"DNT\";");
        writer.Line("return null;");
        writer.Close();
        writer.Close();
    });
}
