using System.Globalization;
using System.Text.Json;

namespace Fazhi.Web.Platform.Localization;

/// <summary>
/// One part of a note the system writes: text as someone typed it (a reason, a name), a string key said in the reader's
/// language (a penalty's kind, a service method), an amount in yuan, a day, or a list of names.
/// </summary>
public readonly record struct NoteArg(string Kind, string? Text = null, decimal Amount = 0, IReadOnlyList<string>? Items = null)
{
    public static implicit operator NoteArg(string? text) => new("text", text ?? "");

    /// <summary>A string key, said in the reader's language.</summary>
    public static NoteArg Key(string key) => new("key", key);

    public static NoteArg Yuan(decimal amount) => new("yuan", Amount: amount);

    public static NoteArg Day(DateOnly day) => new("day", day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    /// <summary>Names joined as the reader's language joins them: 张三、李四 or 张三, 李四.</summary>
    public static NoteArg List(IEnumerable<string> items) => new("list", Items: [.. items]);
}

/// <summary>
/// A note on a case's record: one the system wrote (<see cref="StepNote.Of"/>), or text someone typed, which converts to
/// a note implicitly. Typed text that happens to read like a written note's stored form is kept as typed text, so nobody
/// can type a note that the record then shows in the system's words.
/// </summary>
public readonly record struct RecordNote(string? Value)
{
    public static implicit operator RecordNote(string? typed) =>
        new(typed is not null && StepNote.LooksWritten(typed) ? StepNote.Of("note.typed", typed).Value : typed);
}

/// <summary>
/// A note the system writes on a case's record, kept as its string key and its parts rather than as words in one language,
/// so the Chinese page reads 「罚款 5,000 元；告知听证权利」 and the English page "Fine CNY 5,000; told of the right to a hearing"
/// from the same record. A note someone typed is kept as typed and shown as it is. The stored form is a small JSON object
/// (<c>{"k":"enforcement.note.notice","a":[…]}</c>); the record's hash covers it like any other note.
/// </summary>
public static partial class StepNote
{
    /// <summary>Longest text part kept: a typed reason inside a written note, so the note stays whole within its column.</summary>
    private const int MaxPart = 400;

    private const string Marker = "{\"k\":";

    internal static bool LooksWritten(string note) => note.StartsWith(Marker, StringComparison.Ordinal);

    public static RecordNote Of(string key, params NoteArg[] args)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("k", key);
            w.WriteStartArray("a");
            foreach (var a in args)
            {
                switch (a.Kind)
                {
                    case "key": w.WriteStartObject(); w.WriteString("t", a.Text); w.WriteEndObject(); break;
                    case "yuan": w.WriteStartObject(); w.WriteNumber("y", a.Amount); w.WriteEndObject(); break;
                    case "day": w.WriteStartObject(); w.WriteString("d", a.Text); w.WriteEndObject(); break;
                    case "list":
                        w.WriteStartObject();
                        w.WriteStartArray("l");
                        foreach (var item in a.Items ?? [])
                        {
                            w.WriteStringValue(Cut(item));
                        }

                        w.WriteEndArray();
                        w.WriteEndObject();
                        break;
                    default: w.WriteStringValue(key == "note.typed" ? a.Text : Cut(a.Text ?? "")); break;
                }
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return new(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    /// <summary>The note in the request's language (typed notes as they are).</summary>
    public static string? Render(string? note) => Render(note, Text.IsEnglish);

    /// <summary>The note in a chosen language: the case file and its contents list are Chinese whoever prints them.</summary>
    public static string? Render(string? note, bool english)
    {
        if (note is null || !LooksWritten(note))
        {
            return note;
        }

        try
        {
            using var json = JsonDocument.Parse(note);
            var key = json.RootElement.GetProperty("k").GetString() ?? "";
            var format = Text.In(key, english);
            if (format == key)
            {
                return note;
            }

            var parts = json.RootElement.GetProperty("a").EnumerateArray().Select(a => (object)Part(a, english)).ToArray();
            // A part left empty (no amount) leaves no stray space before the punctuation that follows it.
            var text = string.Format(english ? CultureInfo.InvariantCulture : Text.Chinese, format, parts);
            return SpaceBeforeMark().Replace(Spaces().Replace(text, " "), "").Trim();
        }
        catch (Exception e) when (e is JsonException or FormatException or KeyNotFoundException or InvalidOperationException)
        {
            // A typed note that happens to look like one the system wrote is shown as it was typed.
            return note;
        }
    }

    /// <summary>An amount in yuan as people write it in the language: 「5,000 元」, "CNY 5,000"; never 5000.0.</summary>
    public static string Yuan(decimal amount, bool english) =>
        string.Format(CultureInfo.InvariantCulture, Text.In("money.yuan", english), amount.ToString("#,0.##", CultureInfo.InvariantCulture));

    public static string Yuan(decimal amount) => Yuan(amount, Text.IsEnglish);

    private static string Part(JsonElement a, bool english)
    {
        if (a.ValueKind == JsonValueKind.String)
        {
            return a.GetString() ?? "";
        }

        if (a.TryGetProperty("t", out var key))
        {
            return Text.In(key.GetString() ?? "", english);
        }

        if (a.TryGetProperty("y", out var yuan))
        {
            // No amount (a warning) says nothing rather than "0 元".
            return yuan.GetDecimal() == 0 ? "" : Yuan(yuan.GetDecimal(), english);
        }

        if (a.TryGetProperty("d", out var day))
        {
            var d = DateOnly.ParseExact(day.GetString() ?? "", "yyyy-MM-dd", CultureInfo.InvariantCulture);
            return english ? d.ToString("d MMM yyyy", CultureInfo.InvariantCulture) : $"{d.Year}年{d.Month}月{d.Day}日";
        }

        return string.Join(english ? ", " : "、", a.GetProperty("l").EnumerateArray().Select(i => i.GetString()));
    }

    [System.Text.RegularExpressions.GeneratedRegex(" {2,}", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex Spaces();

    /// <summary>A space left before a mark that closes a part.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(" +(?=[；;，,。.）)])", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex SpaceBeforeMark();

    private static string Cut(string text) => text.Length > MaxPart ? text[..MaxPart] : text;
}
