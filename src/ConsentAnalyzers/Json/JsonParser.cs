using System;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using ConsentAnalyzers.Common;
using Microsoft.CodeAnalysis.Text;

namespace ConsentAnalyzers.Json;

/// <summary>The first syntax error in a JSON text: what is wrong, and exactly where.</summary>
internal sealed record JsonSyntaxError(string Message, TextSpan Span);

/// <summary>
/// A small JSON reader for the manifest: accepts comments and trailing commas, records the exact span of every value,
/// stops at the first syntax error (so a missing comma gives one precise diagnostic, not a cascade), and never
/// recurses deeper than <see cref="MaxDepth"/> (so hostile input cannot overflow the compiler's stack).
/// It is embedded rather than taken from System.Text.Json so the analyzer has no dependency that the
/// .NET Framework host (Visual Studio) could bind to a different version.
/// </summary>
internal sealed class JsonParser
{
    /// <summary>A manifest needs four levels; anything much deeper is a mistake or an attack.</summary>
    public const int MaxDepth = 64;

    private readonly string _text;
    private int _position;
    private JsonSyntaxError? _error;

    private JsonParser(string text) => _text = text;

    /// <summary>Parses a whole document: exactly one value, surrounded only by whitespace and comments.</summary>
    public static (JsonNode? Root, JsonSyntaxError? Error) Parse(string text)
    {
        var parser = new JsonParser(text);
        var root = parser.ParseDocument();
        return parser._error is null ? (root, null) : (null, parser._error);
    }

    private JsonNode? ParseDocument()
    {
        SkipTrivia();
        if (_error is not null)
        {
            return null;
        }

        if (AtEnd)
        {
            return Fail("The manifest is empty: it must contain a JSON object such as { \"version\": 1, \"categories\": { } }",
                new TextSpan(_position, 0));
        }

        var root = ParseValue(depth: 1);
        if (root is null)
        {
            return null;
        }

        SkipTrivia();
        if (_error is null && !AtEnd)
        {
            return Fail($"Unexpected {Describe(_position)} after the end of the manifest's top-level value; a manifest holds exactly one JSON object",
                TokenSpanAt(_position));
        }

        return root;
    }

    private bool AtEnd => _position >= _text.Length;

    private char Current => _text[_position];

    private JsonNode? ParseValue(int depth)
    {
        if (AtEnd)
        {
            return Fail("Unexpected end of file: expected a value", new TextSpan(_text.Length, 0));
        }

        switch (Current)
        {
            case '{':
                return ParseObject(depth);
            case '[':
                return ParseArray(depth);
            case '"':
                return ParseString();
            case '\'':
                return Fail("Strings must be enclosed in double quotes (\"), not single quotes", TokenSpanAt(_position));
            case '-':
            case >= '0' and <= '9':
                return ParseNumber();
            default:
                return ParseLiteral();
        }
    }

    private JsonNode? ParseObject(int depth)
    {
        if (depth > MaxDepth)
        {
            return Fail($"The manifest is nested more than {MaxDepth} levels deep", new TextSpan(_position, 1));
        }

        var start = _position;
        _position++; // '{'
        var properties = ImmutableArray.CreateBuilder<JsonProperty>();
        while (true)
        {
            SkipTrivia();
            if (_error is not null)
            {
                return null;
            }

            if (AtEnd)
            {
                return Fail("Unexpected end of file: this object is never closed; add '}'", new TextSpan(start, 1));
            }

            if (Current == '}')
            {
                _position++;
                return new JsonObject(TextSpan.FromBounds(start, _position), properties.ToImmutable());
            }

            if (Current != '"')
            {
                var message = Current == ','
                    ? "Unexpected ',': expected a property name in double quotes or '}'"
                    : $"Expected a property name in double quotes, found {Describe(_position)}";
                return Fail(message, TokenSpanAt(_position));
            }

            var nameStart = _position;
            var name = ReadStringContent();
            if (name is null)
            {
                return null;
            }

            var nameSpan = TextSpan.FromBounds(nameStart, _position);
            SkipTrivia();
            if (_error is not null)
            {
                return null;
            }

            if (AtEnd || Current != ':')
            {
                return Fail($"Expected ':' after the property name \"{MessageText.Printable(name)}\"",
                    AtEnd ? new TextSpan(_text.Length, 0) : TokenSpanAt(_position));
            }

            _position++;
            SkipTrivia();
            if (_error is not null)
            {
                return null;
            }

            var value = ParseValue(depth + 1);
            if (value is null)
            {
                return null;
            }

            properties.Add(new JsonProperty(name, nameSpan, value));
            if (!ExpectSeparator('}', "property", "object", start))
            {
                return null;
            }
        }
    }

    private JsonNode? ParseArray(int depth)
    {
        if (depth > MaxDepth)
        {
            return Fail($"The manifest is nested more than {MaxDepth} levels deep", new TextSpan(_position, 1));
        }

        var start = _position;
        _position++; // '['
        var items = ImmutableArray.CreateBuilder<JsonNode>();
        while (true)
        {
            SkipTrivia();
            if (_error is not null)
            {
                return null;
            }

            if (AtEnd)
            {
                return Fail("Unexpected end of file: this array is never closed; add ']'", new TextSpan(start, 1));
            }

            if (Current == ']')
            {
                _position++;
                return new JsonArray(TextSpan.FromBounds(start, _position), items.ToImmutable());
            }

            if (Current == ',')
            {
                return Fail("Unexpected ',': expected a value or ']'", TokenSpanAt(_position));
            }

            var item = ParseValue(depth + 1);
            if (item is null)
            {
                return null;
            }

            items.Add(item);
            if (!ExpectSeparator(']', "element", "array", start))
            {
                return null;
            }
        }
    }

    /// <summary>After a member: a comma (a trailing one is allowed) or the closing bracket.</summary>
    private bool ExpectSeparator(char closing, string memberKind, string containerKind, int containerStart)
    {
        SkipTrivia();
        if (_error is not null)
        {
            return false;
        }

        if (AtEnd)
        {
            Fail($"Unexpected end of file: this {containerKind} is never closed; add '{closing}'", new TextSpan(containerStart, 1));
            return false;
        }

        if (Current == ',')
        {
            _position++;
            return true;
        }

        if (Current == closing)
        {
            return true;
        }

        // The usual cause is a forgotten comma between two members: say so, at the start of the next one.
        var message = Current is '"' or '{' or '[' || char.IsLetterOrDigit(Current)
            ? $"Expected ',' before this {memberKind}: the previous {memberKind} is not followed by a comma"
            : $"Expected ',' or '{closing}', found {Describe(_position)}";
        Fail(message, TokenSpanAt(_position));
        return false;
    }

    private JsonNode? ParseString()
    {
        var start = _position;
        var value = ReadStringContent();
        return value is null ? null : new JsonString(TextSpan.FromBounds(start, _position), value);
    }

    /// <summary>Reads a double-quoted string at the current position, leaving the position after its closing quote.</summary>
    private string? ReadStringContent()
    {
        var start = _position;
        _position++; // opening quote
        StringBuilder? builder = null;
        var runStart = _position;
        while (true)
        {
            if (AtEnd || Current is '\r' or '\n')
            {
                var lineEnd = _position;
                Fail("This string is never closed: add '\"' before the end of the line", TextSpan.FromBounds(start, lineEnd));
                return null;
            }

            var c = Current;
            if (c == '"')
            {
                var tail = _text.Substring(runStart, _position - runStart);
                _position++;
                return builder is null ? tail : builder.Append(tail).ToString();
            }

            if (c < ' ')
            {
                Fail("Control characters must be escaped in JSON strings (write \\t for a tab)", new TextSpan(_position, 1));
                return null;
            }

            if (c != '\\')
            {
                _position++;
                continue;
            }

            builder ??= new StringBuilder();
            builder.Append(_text, runStart, _position - runStart);
            var escapeStart = _position;
            _position++;
            if (AtEnd)
            {
                continue; // reported as an unterminated string on the next iteration
            }

            var escaped = Current;
            _position++;
            switch (escaped)
            {
                case '"': builder.Append('"'); break;
                case '\\': builder.Append('\\'); break;
                case '/': builder.Append('/'); break;
                case 'b': builder.Append('\b'); break;
                case 'f': builder.Append('\f'); break;
                case 'n': builder.Append('\n'); break;
                case 'r': builder.Append('\r'); break;
                case 't': builder.Append('\t'); break;
                case 'u':
                    if (_position + 4 > _text.Length
                        || !int.TryParse(_text.Substring(_position, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                    {
                        Fail("Invalid \\u escape: expected four hexadecimal digits",
                            TextSpan.FromBounds(escapeStart, Math.Min(_text.Length, _position + 4)));
                        return null;
                    }

                    builder.Append((char)code);
                    _position += 4;
                    break;
                default:
                    Fail($"Invalid escape sequence '\\{MessageText.Printable(escaped.ToString())}' in string",
                        TextSpan.FromBounds(escapeStart, _position));
                    return null;
            }

            runStart = _position;
        }
    }

    private JsonNode? ParseNumber()
    {
        var start = _position;
        if (Current == '-')
        {
            _position++;
        }

        if (AtEnd || !IsDigit(Current))
        {
            return Fail("Invalid number: expected a digit", TokenSpanAt(start));
        }

        if (Current == '0')
        {
            _position++;
        }
        else
        {
            SkipDigits();
        }

        if (!AtEnd && Current == '.')
        {
            _position++;
            if (AtEnd || !IsDigit(Current))
            {
                return Fail("Invalid number: expected a digit after '.'", TokenSpanAt(start));
            }

            SkipDigits();
        }

        if (!AtEnd && Current is 'e' or 'E')
        {
            _position++;
            if (!AtEnd && Current is '+' or '-')
            {
                _position++;
            }

            if (AtEnd || !IsDigit(Current))
            {
                return Fail("Invalid number: expected a digit in the exponent", TokenSpanAt(start));
            }

            SkipDigits();
        }

        if (!AtEnd && (char.IsLetterOrDigit(Current) || Current == '_'))
        {
            return Fail($"Invalid number '{MessageText.Printable(_text.Substring(start, TokenSpanAt(start).Length))}'", TokenSpanAt(start));
        }

        return new JsonNumber(TextSpan.FromBounds(start, _position), _text.Substring(start, _position - start));
    }

    private JsonNode? ParseLiteral()
    {
        var span = TokenSpanAt(_position);
        var word = _text.Substring(span.Start, span.Length);
        switch (word)
        {
            case "true":
                _position = span.End;
                return new JsonBoolean(span, true);
            case "false":
                _position = span.End;
                return new JsonBoolean(span, false);
            case "null":
                _position = span.End;
                return new JsonNull(span);
        }

        var hint = word.Length > 0 && (char.IsLetter(word[0]) || word[0] == '_')
            ? " (strings and property names must be enclosed in double quotes)"
            : string.Empty;
        return Fail($"Unexpected {Describe(_position)}: expected a value (a string, number, object, array, true, false or null){hint}", span);
    }

    /// <summary>Skips whitespace and comments; an unterminated block comment is an error.</summary>
    private void SkipTrivia()
    {
        while (!AtEnd)
        {
            var c = Current;
            if (c is ' ' or '\t' or '\r' or '\n' or '\uFEFF')
            {
                _position++;
            }
            else if (c == '/' && _position + 1 < _text.Length && _text[_position + 1] == '/')
            {
                while (!AtEnd && Current is not '\r' and not '\n')
                {
                    _position++;
                }
            }
            else if (c == '/' && _position + 1 < _text.Length && _text[_position + 1] == '*')
            {
                var close = _text.IndexOf("*/", _position + 2, StringComparison.Ordinal);
                if (close < 0)
                {
                    Fail("This comment is never closed: add '*/'", new TextSpan(_position, 2));
                    return;
                }

                _position = close + 2;
            }
            else
            {
                return;
            }
        }
    }

    private void SkipDigits()
    {
        while (!AtEnd && IsDigit(Current))
        {
            _position++;
        }
    }

    private static bool IsDigit(char c) => c is >= '0' and <= '9';

    /// <summary>The span of the "word" at a position (letters, digits and a few symbols), or of its single character.</summary>
    private TextSpan TokenSpanAt(int position)
    {
        if (position >= _text.Length)
        {
            return new TextSpan(_text.Length, 0);
        }

        if (_text[position] == '"')
        {
            return QuotedSpanAt(position);
        }

        var end = position;
        while (end < _text.Length && IsWordCharacter(_text[end]))
        {
            end++;
        }

        return end == position ? new TextSpan(position, 1) : TextSpan.FromBounds(position, end);
    }

    /// <summary>A string token from its opening quote to its closing quote, or to the end of the line if unclosed.</summary>
    private TextSpan QuotedSpanAt(int position)
    {
        var end = position + 1;
        while (end < _text.Length && _text[end] is not '"' and not '\r' and not '\n')
        {
            end += _text[end] == '\\' ? 2 : 1;
        }

        return TextSpan.FromBounds(position, Math.Min(_text.Length, end < _text.Length && _text[end] == '"' ? end + 1 : end));
    }

    private static bool IsWordCharacter(char c) => char.IsLetterOrDigit(c) || c is '_' or '-' or '+' or '.' or '$';

    private string Describe(int position)
    {
        var span = TokenSpanAt(position);
        var token = _text.Substring(span.Start, span.Length);
        return token.Length switch
        {
            0 => "end of file",
            > 40 => $"'{MessageText.Printable(token.Substring(0, 40))}…'",
            _ => $"'{MessageText.Printable(token)}'",
        };
    }

    private JsonNode? Fail(string message, TextSpan span)
    {
        _error ??= new JsonSyntaxError(message.EndsWith(".", StringComparison.Ordinal) ? message : message + ".", span);
        return null;
    }
}
