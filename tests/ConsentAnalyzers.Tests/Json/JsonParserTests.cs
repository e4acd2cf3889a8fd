using ConsentAnalyzers.Json;
using Microsoft.CodeAnalysis.Text;

namespace ConsentAnalyzers.Tests.Json;

public class JsonParserTests
{
    [Fact]
    public void Parses_comments_trailing_commas_and_all_value_kinds()
    {
        const string Text = """
            // leading comment
            {
              /* block
                 comment */
              "text": "a\"b\\c\/\n\u00e9",
              "number": -12.5e+3,
              "yes": true, "no": false, "nothing": null,
              "list": [1, 2, 3,],
              "nested": { "x": {}, },
            } // trailing comment
            """;

        var (root, error) = JsonParser.Parse(Text);

        Assert.Null(error);
        var obj = Assert.IsType<JsonObject>(root);
        Assert.Equal(["text", "number", "yes", "no", "nothing", "list", "nested"], obj.Properties.Select(p => p.Name));
        Assert.Equal("a\"b\\c/\né", Assert.IsType<JsonString>(obj.Find("text")!.Value).Value);
        Assert.Equal("-12.5e+3", Assert.IsType<JsonNumber>(obj.Find("number")!.Value).Text);
        Assert.True(Assert.IsType<JsonBoolean>(obj.Find("yes")!.Value).Value);
        Assert.False(Assert.IsType<JsonBoolean>(obj.Find("no")!.Value).Value);
        Assert.IsType<JsonNull>(obj.Find("nothing")!.Value);
        Assert.Equal(3, Assert.IsType<JsonArray>(obj.Find("list")!.Value).Items.Length);
        Assert.IsType<JsonObject>(obj.Find("nested")!.Value);
    }

    [Fact]
    public void Records_the_exact_span_of_names_and_values()
    {
        const string Text = "{\n  \"name\": \"_ga\",\n  \"list\": [ true ]\n}";

        var root = (JsonObject)JsonParser.Parse(Text).Root!;

        var name = root.Find("name")!;
        Assert.Equal("\"name\"", Text.Substring(name.NameSpan.Start, name.NameSpan.Length));
        Assert.Equal("\"_ga\"", Text.Substring(name.Value.Span.Start, name.Value.Span.Length));
        Assert.Equal("[ true ]", Text.Substring(root.Find("list")!.Value.Span.Start, root.Find("list")!.Value.Span.Length));
        Assert.Equal(new TextSpan(0, Text.Length), root.Span);
    }

    [Fact]
    public void Accepts_a_byte_order_mark_and_crlf_line_endings()
    {
        var (root, error) = JsonParser.Parse("\uFEFF{\r\n  \"a\": 1,\r\n}\r\n");

        Assert.Null(error);
        Assert.NotNull(root);
    }

    [Theory]
    [InlineData("{\n  \"a\": 1\n  \"b\": 2\n}", 2, 2, "Expected ',' before this property")]
    [InlineData("{\n  \"a\": [1 2]\n}", 1, 10, "Expected ',' before this element")]
    [InlineData("{ \"a\": 1,, }", 0, 9, "Unexpected ','")]
    [InlineData("{ \"a\" 1 }", 0, 6, "Expected ':' after the property name \"a\"")]
    [InlineData("{ a: 1 }", 0, 2, "Expected a property name in double quotes")]
    [InlineData("{ \"a\": 'x' }", 0, 7, "double quotes")]
    [InlineData("{ \"a\": tru }", 0, 7, "Unexpected 'tru'")]
    [InlineData("{ \"a\": \"open\n}", 0, 7, "never closed")]
    [InlineData("{ \"a\": \"\\q\" }", 0, 8, "Invalid escape sequence")]
    [InlineData("{ \"a\": \"\\u12G4\" }", 0, 8, "Invalid \\u escape")]
    [InlineData("{ \"a\": 01 }", 0, 7, "Invalid number")]
    [InlineData("{ \"a\": 1. }", 0, 7, "Invalid number")]
    [InlineData("{ \"a\": 1 } }", 0, 11, "after the end of the manifest")]
    [InlineData("{ \"a\": 1 /* open", 0, 9, "comment is never closed")]
    [InlineData("{\n  \"a\": {\n", 1, 7, "object is never closed")]
    [InlineData("[1, 2", 0, 0, "array is never closed")]
    [InlineData("   ", 0, 3, "The manifest is empty")]
    [InlineData("", 0, 0, "The manifest is empty")]
    public void Reports_the_first_syntax_error_at_its_exact_position(string text, int line, int column, string message)
    {
        var (root, error) = JsonParser.Parse(text);

        Assert.Null(root);
        Assert.NotNull(error);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        var position = SourceText.From(text).Lines.GetLinePosition(error.Span.Start);
        Assert.Equal((line, column), (position.Line, position.Character));
    }

    [Fact]
    public void Rejects_nesting_beyond_the_limit_without_recursing_into_it()
    {
        var deep = new string('[', 10_000) + new string(']', 10_000);

        var (root, error) = JsonParser.Parse(deep);

        Assert.Null(root);
        Assert.Contains("nested more than", error!.Message, StringComparison.Ordinal);
        Assert.Equal(JsonParser.MaxDepth, error.Span.Start);
    }

    [Fact]
    public void Accepts_nesting_up_to_the_limit()
    {
        var deep = new string('[', JsonParser.MaxDepth) + new string(']', JsonParser.MaxDepth);

        Assert.Null(JsonParser.Parse(deep).Error);
    }
}
