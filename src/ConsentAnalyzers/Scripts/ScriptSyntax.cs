using System;
using Acornima;
using Acornima.Ast;

namespace ConsentAnalyzers.Scripts;

/// <summary>Why a script was not analyzed: the parser's message and where it stopped.</summary>
internal sealed record ScriptParseFailure(string Message, int Position);

/// <summary>
/// Parses JavaScript with Acornima, a standards-compliant parser: classic scripts and ES modules (a file with
/// <c>import</c>/<c>export</c> is a module, and so is every <c>.mjs</c> file). A text that does not parse as either
/// (a syntax error, TypeScript, a template) yields a failure, never an exception; so does nesting deeper than the
/// stack allows.
/// </summary>
internal static class ScriptSyntax
{
    private static readonly ParserOptions Options = new()
    {
        EcmaVersion = EcmaVersion.Latest,
        // Inline event handlers (onclick="if (…) return false;") are function bodies.
        AllowReturnOutsideFunction = true,
        AllowHashBang = true,
    };

    public static Program? Parse(string text, bool isModule, out ScriptParseFailure? failure)
    {
        var module = isModule || MayBeModule(text);
        var program = TryParse(text, module, out failure);
        if (program is null && !isModule)
        {
            // A script that mentions import/export only in a string or a comment, or a module whose import the
            // cheap test did not see: the other reading decides.
            program = TryParse(text, !module, out _);
            failure = program is null ? failure : null;
        }

        return program;
    }

    private static Program? TryParse(string text, bool module, out ScriptParseFailure? failure)
    {
        failure = null;
        try
        {
            var parser = new Parser(Options);
            return module ? parser.ParseModule(text) : parser.ParseScript(text);
        }
        catch (ParseErrorException error)
        {
            failure = new ScriptParseFailure(error.Error?.Description ?? error.Message, Math.Max(0, error.Error?.Index ?? 0));
        }
        catch (InsufficientExecutionStackException)
        {
            failure = new ScriptParseFailure("the script is nested too deeply to be read", 0);
        }

        return null;
    }

    private static bool MayBeModule(string text) =>
        text.IndexOf("import", StringComparison.Ordinal) >= 0 || text.IndexOf("export", StringComparison.Ordinal) >= 0;
}
