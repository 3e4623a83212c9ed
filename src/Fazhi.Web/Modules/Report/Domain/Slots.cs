using System.Globalization;
using System.Text.RegularExpressions;

namespace Fazhi.Web.Modules.Report.Domain;

/// <summary>How a figure slot prints its value.</summary>
public enum SlotFormat
{
    /// <summary>The figure's own way: a count as a whole number, a rate as a percentage with two decimals.</summary>
    Default = 0,

    /// <summary>A whole number: 1643.</summary>
    Count = 1,

    /// <summary>A percentage rounded half away from zero to two decimals: 99.24%.</summary>
    Rate = 2,

    /// <summary>The change against the year before: 增长12.50% / 下降22.30% / 持平.</summary>
    Change = 3,

    /// <summary>As reports round: 140余, 15万余, 近12万, 18万; a rate 98%以上.</summary>
    Approx = 4,
}

/// <summary>Which year a slot counts.</summary>
public enum SlotPeriod
{
    /// <summary>The report's year.</summary>
    Year = 0,

    /// <summary>The year before the report's.</summary>
    PreviousYear = 1,
}

/// <summary>
/// A figure slot in a section's text: <c>{{mediation.settled}}</c>, <c>{{mediation.success_rate|rate}}</c>,
/// <c>{{enforcement.penalties|change}}</c>, <c>{{documents.legal_staff|approx}}</c>, <c>{{publicity.events|count|prev}}</c>. The name is
/// a module's figure (<c>/figures</c>) or one supplied to this report (<c>supplied.…</c>).
/// </summary>
public sealed record Slot(string Figure, SlotFormat Format, SlotPeriod Period)
{
    public const string SuppliedPrefix = "supplied.";

    public bool IsSupplied => Figure.StartsWith(SuppliedPrefix, StringComparison.Ordinal);

    /// <summary>The figure and period a snapshot freezes once however many slots print it.</summary>
    public string Key => Period == SlotPeriod.Year ? Figure : Figure + "@prev";

    /// <summary>How it is written in a text.</summary>
    public string Token => "{{" + Figure + (Format == SlotFormat.Default && Period == SlotPeriod.Year ? "" : "|" + SlotText.FormatName(Format))
        + (Period == SlotPeriod.PreviousYear ? "|prev" : "") + "}}";
}

/// <summary>A piece of a paragraph: its text, or a slot.</summary>
public sealed record Segment(string? Text, Slot? Slot);

/// <summary>Reading slots out of a section's text, and printing figures the way Chinese reports print them.</summary>
public static partial class SlotText
{
    [GeneratedRegex(@"\{\{(?<body>[^{}]*)\}\}", RegexOptions.CultureInvariant)]
    private static partial Regex SlotPattern();

    [GeneratedRegex(@"^[a-z][a-z0-9_]*(\.[A-Za-z0-9_]+)+$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();

    /// <summary>A figure's name as a slot can write it: module.name, letters, digits and underscores.</summary>
    public static bool IsName(string name) => NamePattern().IsMatch(name);

    public static string FormatName(SlotFormat f) => f switch
    {
        SlotFormat.Count => "count",
        SlotFormat.Rate => "rate",
        SlotFormat.Change => "change",
        SlotFormat.Approx => "approx",
        _ => "",
    };

    /// <summary>The text's paragraphs (one per line; blank lines dropped), each as text and slots.</summary>
    public static IReadOnlyList<IReadOnlyList<Segment>> Paragraphs(string? text) =>
        [.. (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n')
            .Select(l => l.Trim()).Where(l => l.Length > 0).Select(Parse)];

    /// <summary>One paragraph as text and slots; a slot that cannot be read stays as text (<see cref="Problems"/> names it).</summary>
    public static IReadOnlyList<Segment> Parse(string line)
    {
        var parts = new List<Segment>();
        var at = 0;
        foreach (Match m in SlotPattern().Matches(line))
        {
            if (m.Index > at)
            {
                parts.Add(new Segment(line[at..m.Index], null));
            }

            parts.Add(TryRead(m.Groups["body"].Value, out var slot, out _) ? new Segment(null, slot) : new Segment(m.Value, null));
            at = m.Index + m.Length;
        }

        if (at < line.Length)
        {
            parts.Add(new Segment(line[at..], null));
        }

        return parts;
    }

    /// <summary>Every slot of a text, in order.</summary>
    public static IEnumerable<Slot> Slots(string? text) =>
        Paragraphs(text).SelectMany(p => p).Where(s => s.Slot is not null).Select(s => s.Slot!);

    /// <summary>
    /// The slots of a text that cannot be read, or that <paramref name="problem"/> refuses (a figure unknown, a format its figure
    /// cannot take): (the slot as written, why).
    /// </summary>
    public static IEnumerable<(string Written, string Why)> Problems(string? text, Func<Slot, string?> problem)
    {
        foreach (Match m in SlotPattern().Matches(text ?? ""))
        {
            if (!TryRead(m.Groups["body"].Value, out var slot, out var why))
            {
                yield return (m.Value, why);
            }
            else if (problem(slot) is { } refused)
            {
                yield return (m.Value, refused);
            }
        }
    }

    private static bool TryRead(string body, out Slot slot, out string why)
    {
        slot = null!;
        var parts = body.Split('|', StringSplitOptions.TrimEntries);
        if (!NamePattern().IsMatch(parts[0]))
        {
            why = "report.slot_name";
            return false;
        }

        var format = SlotFormat.Default;
        var period = SlotPeriod.Year;
        foreach (var p in parts.Skip(1))
        {
            switch (p.ToLowerInvariant())
            {
                case "count": format = SlotFormat.Count; break;
                case "rate": format = SlotFormat.Rate; break;
                case "change" or "yoy": format = SlotFormat.Change; break;
                case "approx": format = SlotFormat.Approx; break;
                case "prev": period = SlotPeriod.PreviousYear; break;
                case "year": break;
                default:
                    why = "report.slot_format";
                    return false;
            }
        }

        slot = new Slot(parts[0], format, period);
        why = "";
        return true;
    }

    /// <summary>
    /// A value as the slot prints it. <paramref name="previous"/> is the year before's value (for a change); <paramref name="english"/>
    /// prints a change's words in English (the report's language, not the reader's).
    /// </summary>
    public static string Print(decimal value, bool isRate, SlotFormat format, decimal? previous, bool english = false) => format switch
    {
        SlotFormat.Count => Whole(value),
        SlotFormat.Rate => Percent(value),
        SlotFormat.Change => Change(value, previous, english),
        SlotFormat.Approx => isRate ? ApproxRate(value, english) : Approx(value, english),
        _ => isRate ? Percent(value) : Whole(value),
    };

    public static string Whole(decimal value) => Math.Round(value, 0, MidpointRounding.AwayFromZero).ToString("0", CultureInfo.InvariantCulture);

    public static string Percent(decimal ratio) =>
        Math.Round(ratio * 100, 2, MidpointRounding.AwayFromZero).ToString("0.00", CultureInfo.InvariantCulture) + "%";

    /// <summary>The change from <paramref name="previous"/> to <paramref name="value"/>; without a previous value (none, or nothing to grow from), no comparison.</summary>
    public static string Change(decimal value, decimal? previous, bool english = false) =>
        previous is { } p && p != 0 ? ChangeBy((value - p) / p, english) : english ? "no comparison" : "无可比数据";

    /// <summary>A change given as a ratio (a supplied figure: the police's −22.3 % is −0.223): 增长, 下降 or 持平 with two decimals.</summary>
    public static string ChangeBy(decimal ratio, bool english = false)
    {
        var rounded = Math.Round(ratio * 100, 2, MidpointRounding.AwayFromZero);
        var size = Math.Abs(rounded).ToString("0.00", CultureInfo.InvariantCulture) + "%";
        return rounded switch
        {
            > 0 => (english ? "up " : "增长") + size,
            < 0 => (english ? "down " : "下降") + size,
            _ => english ? "unchanged" : "持平",
        };
    }

    /// <summary>
    /// A count as reports round it, to two significant figures: 148 is 140余, 1,043 is 1000余, 151,200 is 15万余, 180,000 is
    /// 18万; within one per cent under the next round number it is "nearly" that (119,600 is 近12万). Small counts print whole.
    /// </summary>
    public static string Approx(decimal value, bool english = false)
    {
        var v = Math.Round(value, 0, MidpointRounding.AwayFromZero);
        if (v < 100)
        {
            return Whole(v);
        }

        var step = (decimal)Math.Pow(10, Math.Floor(Math.Log10((double)v)) - 1);
        var floor = Math.Floor(v / step) * step;
        var ceiling = floor + step;
        if (v == floor)
        {
            return Round(floor, english);
        }

        // Within one per cent under the next round number: "nearly" it.
        return ceiling - v <= ceiling / 100
            ? (english ? "nearly " + Round(ceiling, english) : "近" + Round(ceiling, english))
            : english ? "over " + Round(floor, english) : Round(floor, english) + "余";
    }

    private static string Round(decimal n, bool english) =>
        !english && n >= 10_000 && n % 10_000 == 0 ? Whole(n / 10_000) + "万" : Whole(n);

    /// <summary>A rate as reports round it: 100%, or the whole percent below and 以上 (98.33% is 98%以上).</summary>
    public static string ApproxRate(decimal ratio, bool english = false)
    {
        var percent = ratio * 100;
        var whole = Math.Floor(percent);
        return whole == percent
            ? Whole(whole) + "%"
            : english ? "over " + Whole(whole) + "%" : Whole(whole) + "%以上";
    }
}
