namespace ConsentAnalyzers.Tests.Robustness.Manifests;

internal enum JsonTokenKind
{
    Trivia,
    Punctuation,
    String,
    Word,
}

internal readonly record struct JsonToken(JsonTokenKind Kind, int Start, int Length);

/// <summary>
/// A forgiving lexer for the fuzzer's token-level mutations: it splits any text (valid JSON or not) into tokens
/// and trivia without ever failing, so the mutator can delete, duplicate and swap whole tokens.
/// </summary>
internal static class JsonTokens
{
    public static List<JsonToken> Lex(string text)
    {
        var tokens = new List<JsonToken>();
        var i = 0;
        while (i < text.Length)
        {
            var start = i;
            var c = text[i];
            JsonTokenKind kind;
            if (char.IsWhiteSpace(c))
            {
                kind = JsonTokenKind.Trivia;
                while (i < text.Length && char.IsWhiteSpace(text[i]))
                {
                    i++;
                }
            }
            else if (c == '/' && i + 1 < text.Length && text[i + 1] is '/' or '*')
            {
                kind = JsonTokenKind.Trivia;
                var close = text[i + 1] == '/' ? text.IndexOf('\n', i) : text.IndexOf("*/", i + 2, StringComparison.Ordinal);
                i = close < 0 ? text.Length : close + (text[i + 1] == '/' ? 0 : 2);
                i = Math.Max(i, start + 2);
            }
            else if (c == '"')
            {
                kind = JsonTokenKind.String;
                i++;
                while (i < text.Length && text[i] is not '"' and not '\n')
                {
                    i += text[i] == '\\' ? 2 : 1;
                }

                i = Math.Min(text.Length, i + 1);
            }
            else if (c is '{' or '}' or '[' or ']' or ':' or ',')
            {
                kind = JsonTokenKind.Punctuation;
                i++;
            }
            else
            {
                kind = JsonTokenKind.Word;
                i++;
                while (i < text.Length
                    && !char.IsWhiteSpace(text[i])
                    && text[i] is not '{' and not '}' and not '[' and not ']' and not ':' and not ',' and not '"')
                {
                    i++;
                }
            }

            tokens.Add(new JsonToken(kind, start, i - start));
        }

        return tokens;
    }
}
