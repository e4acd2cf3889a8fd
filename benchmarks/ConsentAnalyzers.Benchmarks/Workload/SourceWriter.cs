using System.Text;

namespace ConsentAnalyzers.Benchmarks.Workload;

/// <summary>Writes C# source line by line with indentation, and counts the lines.</summary>
public sealed class SourceWriter
{
    private readonly StringBuilder _text = new();
    private int _indent;

    public int Lines { get; private set; }

    public void Line(string line = "")
    {
        if (line.Length > 0)
        {
            _text.Append(' ', _indent * 4);
        }

        _text.Append(line).Append('\n');
        Lines++;
    }

    /// <summary>A line, then <c>{</c> on the next one, and one level deeper.</summary>
    public void Open(string line)
    {
        Line(line);
        Line("{");
        _indent++;
    }

    /// <summary>One level up, then <c>}</c> and whatever follows it (<c>);</c>, <c>;</c>).</summary>
    public void Close(string suffix = "")
    {
        _indent--;
        Line("}" + suffix);
    }

    public override string ToString() => _text.ToString();
}
