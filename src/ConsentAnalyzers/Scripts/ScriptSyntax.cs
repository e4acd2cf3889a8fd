using System;
using System.Threading;
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
    /// <summary>
    /// The parser's options for one read; it looks at <paramref name="cancellationToken"/> at every node it makes, so
    /// that a cancelled analysis of a large script stops at once rather than after the parse.
    /// </summary>
    private static ParserOptions Options(CancellationToken cancellationToken) => new()
    {
        EcmaVersion = EcmaVersion.Latest,
        // Inline event handlers (onclick="if (…) return false;") are function bodies.
        AllowReturnOutsideFunction = true,
        AllowHashBang = true,
        OnNode = cancellationToken.CanBeCanceled ? (Node _, in OnNodeContext _) => cancellationToken.ThrowIfCancellationRequested() : null,
    };

    public static Program? Parse(string text, bool isModule, CancellationToken cancellationToken, out ScriptParseFailure? failure)
    {
        var module = isModule || MayBeModule(text);
        var program = TryParse(text, module, cancellationToken, out failure);
        if (program is null && !isModule)
        {
            // A script that mentions import/export only in a string or a comment, or a module whose import the
            // cheap test did not see: the other reading decides.
            program = TryParse(text, !module, cancellationToken, out _);
            failure = program is null ? failure : null;
        }

        return program;
    }

    private static Program? TryParse(string text, bool module, CancellationToken cancellationToken, out ScriptParseFailure? failure)
    {
        failure = null;
        try
        {
            var parser = new Parser(Options(cancellationToken));
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
