using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Text;

namespace ConsentAnalyzers.Json;

internal enum JsonKind
{
    Object,
    Array,
    String,
    Number,
    Boolean,
    Null,
}

/// <summary>A JSON value that remembers exactly where it stands in the manifest text.</summary>
internal abstract class JsonNode
{
    protected JsonNode(TextSpan span) => Span = span;

    /// <summary>The value's whole extent in the text, from its first to its last character.</summary>
    public TextSpan Span { get; }

    public abstract JsonKind Kind { get; }

    /// <summary>Describes the kind for messages: "an object", "a string", ….</summary>
    public string KindDescription => Kind switch
    {
        JsonKind.Object => "an object",
        JsonKind.Array => "an array",
        JsonKind.String => "a string",
        JsonKind.Number => "a number",
        JsonKind.Boolean => "a boolean",
        _ => "null",
    };
}

internal sealed class JsonObject : JsonNode
{
    public JsonObject(TextSpan span, ImmutableArray<JsonProperty> properties)
        : base(span) => Properties = properties;

    public ImmutableArray<JsonProperty> Properties { get; }

    public override JsonKind Kind => JsonKind.Object;

    /// <summary>The span of the opening brace: where a "missing field" diagnostic points.</summary>
    public TextSpan OpeningBraceSpan => new(Span.Start, 1);

    /// <summary>The first property with this name, or null.</summary>
    public JsonProperty? Find(string name)
    {
        foreach (var property in Properties)
        {
            if (property.Name == name)
            {
                return property;
            }
        }

        return null;
    }
}

internal sealed class JsonProperty
{
    public JsonProperty(string name, TextSpan nameSpan, JsonNode value)
    {
        Name = name;
        NameSpan = nameSpan;
        Value = value;
    }

    public string Name { get; }

    /// <summary>The span of the quoted name, quotes included.</summary>
    public TextSpan NameSpan { get; }

    public JsonNode Value { get; }
}

internal sealed class JsonArray : JsonNode
{
    public JsonArray(TextSpan span, ImmutableArray<JsonNode> items)
        : base(span) => Items = items;

    public ImmutableArray<JsonNode> Items { get; }

    public override JsonKind Kind => JsonKind.Array;
}

internal sealed class JsonString : JsonNode
{
    public JsonString(TextSpan span, string value)
        : base(span) => Value = value;

    public string Value { get; }

    public override JsonKind Kind => JsonKind.String;
}

internal sealed class JsonNumber : JsonNode
{
    public JsonNumber(TextSpan span, string text)
        : base(span) => Text = text;

    /// <summary>The number as written; the manifest only needs small integers, so it is not converted eagerly.</summary>
    public string Text { get; }

    public override JsonKind Kind => JsonKind.Number;
}

internal sealed class JsonBoolean : JsonNode
{
    public JsonBoolean(TextSpan span, bool value)
        : base(span) => Value = value;

    public bool Value { get; }

    public override JsonKind Kind => JsonKind.Boolean;
}

internal sealed class JsonNull : JsonNode
{
    public JsonNull(TextSpan span)
        : base(span)
    {
    }

    public override JsonKind Kind => JsonKind.Null;
}
