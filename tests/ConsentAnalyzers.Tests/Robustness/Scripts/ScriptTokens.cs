namespace ConsentAnalyzers.Tests.Robustness.Scripts;

/// <summary>
/// A JavaScript token as far as the fuzz tests need one: an identifier or keyword, a number, a string literal, a
/// comment, or one punctuation character (so <c>${</c>, <c>=&gt;</c> and <c>&amp;&amp;</c> are cut in the middle too,
/// as while typing). Template literals and regular expressions are cut character by character.
/// </summary>
internal readonly record struct ScriptToken(int Start, int Length)
{
    public int End => Start + Length;

    public string Text(string script) => script.Substring(Start, Length);

    public static List<ScriptToken> Split(string script)
    {
        var tokens = new List<ScriptToken>();
        var i = 0;
        while (i < script.Length)
        {
            var c = script[i];
            var start = i;
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            if (char.IsLetter(c) || c == '_' || (c == '$' && !At(script, i + 1, '{')))
            {
                while (i < script.Length && (char.IsLetterOrDigit(script[i]) || script[i] is '_' or '$'))
                {
                    i++;
                }
            }
            else if (char.IsDigit(c))
            {
                while (i < script.Length && (char.IsLetterOrDigit(script[i]) || script[i] == '.'))
                {
                    i++;
                }
            }
            else if (c is '\'' or '"')
            {
                i++;
                while (i < script.Length && script[i] != c && script[i] != '\n')
                {
                    i += script[i] == '\\' ? 2 : 1;
                }

                i = Math.Min(i + 1, script.Length);
            }
            else if (c == '/' && At(script, i + 1, '/'))
            {
                var end = script.IndexOf('\n', i);
                i = end < 0 ? script.Length : end;
            }
            else if (c == '/' && At(script, i + 1, '*'))
            {
                var end = script.IndexOf("*/", i + 2, StringComparison.Ordinal);
                i = end < 0 ? script.Length : end + 2;
            }
            else
            {
                i++;
            }

            tokens.Add(new ScriptToken(start, i - start));
        }

        return tokens;
    }

    private static bool At(string script, int index, char c) => index < script.Length && script[index] == c;
}
