using ConsentAnalyzers.ConsentApi;
namespace ConsentAnalyzers.Generator;

/// <summary>
/// Emits the attributes by which an app declares its own cookie and storage writers (<c>[CookieWriter]</c>,
/// <c>[StorageWriter]</c>, <c>[ConsentName]</c> on the name parameter) and <c>ConsentStorageArea</c>, which the
/// storage writer names: always, like the consent attributes, so marked wrappers compile without a manifest.
/// </summary>
internal static class WriterAttributesEmitter
{
    public const string HintName = "ConsentWriterAttributes.g.cs";

    private const string MethodTargets =
        "[global::System.AttributeUsage(global::System.AttributeTargets.Method, Inherited = false, AllowMultiple = false)]";

    public static string Emit(GenerationInput input) => SourceFile.Build(input.Options, writer =>
    {
        var visibility = input.Options.Visibility;
        writer.Summary("The browser storage a key lives in.");
        writer.TypeAttributes(input.Options);
        writer.Open($"{visibility} enum {GeneratedNames.StorageArea}");
        writer.Summary("<c>window.localStorage</c>: kept until cleared.").Line("Local = 0,");
        writer.Summary("<c>window.sessionStorage</c>: kept for the browser tab's session.").Line("Session = 1,");
        writer.Close().Line();

        Open(writer, input.Options, GeneratedNames.CookieWriterAttribute, MethodTargets,
            "The method writes a cookie named by its parameter marked <see cref=\"" + GeneratedNames.ConsentNameAttribute
                + "\"/>: every call is checked as a cookie write with that argument as the name (declared in the manifest, " +
                "guarded by a consent check for its category).",
            "Inside the method, a write whose name is that parameter is not reported: its callers are checked instead.");
        writer.Close().Line();

        Open(writer, input.Options, GeneratedNames.StorageWriterAttribute, MethodTargets,
            "The method writes a browser-storage key, in <see cref=\"Area\"/>, named by its parameter marked <see cref=\""
                + GeneratedNames.ConsentNameAttribute + "\"/>: every call is checked as a storage write with that argument as the key.",
            "Inside the method, a write to that area whose key is that parameter is not reported: its callers are checked instead.");
        writer.Summary("Declares that the method writes a key of <paramref name=\"area\"/>.");
        writer.Line("/// <param name=\"area\">The storage the method writes to.</param>");
        writer.Open($"public {GeneratedNames.StorageWriterAttribute}({GeneratedNames.StorageArea} area)");
        writer.Line("Area = area;");
        writer.Close();
        writer.Line();
        writer.Summary("The storage the method writes to.");
        writer.Line($"public {GeneratedNames.StorageArea} Area {{ get; }}");
        writer.Close().Line();

        Open(writer, input.Options, GeneratedNames.ConsentNameAttribute,
            "[global::System.AttributeUsage(global::System.AttributeTargets.Parameter, Inherited = false, AllowMultiple = false)]",
            "The parameter of a <see cref=\"" + GeneratedNames.CookieWriterAttribute + "\"/> or <see cref=\"" + GeneratedNames.StorageWriterAttribute
                + "\"/> method that names the cookie or storage key written.");
        writer.Close();
    });

    private static void Open(CodeWriter writer, GeneratorOptions options, string name, string usage, params string[] summary)
    {
        writer.Summary(summary);
        writer.TypeAttributes(options);
        writer.Line(SourceFile.ExcludeFromCoverageAttribute);
        writer.Line(usage);
        writer.Open($"{options.Visibility} sealed class {name} : global::System.Attribute");
    }
}
