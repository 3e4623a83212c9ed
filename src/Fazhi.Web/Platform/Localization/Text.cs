using System.Text.RegularExpressions;
using System.Collections.Frozen;
using System.Globalization;
using Fazhi.Web.Platform.Modules;
using Microsoft.Extensions.Localization;

namespace Fazhi.Web.Platform.Localization;

/// <summary>
/// The UI's words in zh-CN (default) and en. One table, filled from the platform's and every module's strings, holds both, so a
/// missing translation is a test failure rather than an untranslated page.
/// </summary>
public sealed partial class Text : IStringLocalizer
{
    public static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");
    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");
    public static readonly string[] SupportedCultures = ["zh-CN", "en"];

    private static readonly FrozenDictionary<string, (string Zh, string En)> Table =
        ModuleCatalog.All.SelectMany(m => m.Strings).ToFrozenDictionary(s => s.Key, s => (s.Zh, s.En), StringComparer.Ordinal);

    /// <summary>A string in a language chosen by the caller rather than by the request (messages sent later, in the recipient's language).</summary>
    public static string In(string key, bool english) =>
        Table.TryGetValue(key, out var pair) ? (english ? pair.En : pair.Zh) : key;

    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public LocalizedString this[string name]
    {
        get
        {
            var found = Table.TryGetValue(name, out var pair);
            return new LocalizedString(name, found ? (IsEnglish ? pair.En : pair.Zh) : name, resourceNotFound: !found);
        }
    }

    public LocalizedString this[string name, params object[] arguments]
    {
        get
        {
            var s = this[name];
            return new LocalizedString(name, string.Format(CultureInfo.CurrentCulture, s.Value, arguments), s.ResourceNotFound);
        }
    }

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) =>
        Table.Keys.Select(k => this[k]);

    /// <summary>
    /// A text that may be a string key (a task's or a figure record's title such as <c>mediation.type.Neighbours</c>):
    /// translated when it is one, shown as it is when it is not (an item's name, a matter).
    /// </summary>
    public string KeyOrText(string text) => Table.ContainsKey(text) ? this[text].Value : text;

    /// <summary>The message for an error code, e.g. <c>required</c> or <c>org.code_taken</c>.</summary>
    public string Error(string code, IReadOnlyList<object>? args = null)
    {
        var key = "error." + code;
        // Without arguments the message is not formatted: a slot left empty never turns an error into a 500.
        return !Table.ContainsKey(key) ? this["error.unknown", code].Value
            : args is { Count: > 0 } ? this[key, [.. args]].Value
            : this[key].Value;
    }

    /// <summary>The label of an input field, used to build "name: is required" messages.</summary>
    public string Field(string field)
    {
        if (Table.ContainsKey("field." + field))
        {
            return this["field." + field].Value;
        }

        // "parties[1].idNumber" reads as a person would say it: "Party 2, ID number" (当事人2的身份证号码), counting from one.
        var item = ItemPath().Match(field);
        if (item.Success)
        {
            var list = item.Groups["list"].Value;
            var label = Table.ContainsKey("field." + list) ? this["field." + list].Value : list;
            var number = int.Parse(item.Groups["index"].Value, CultureInfo.InvariantCulture) + 1;
            return this["field.item", label, number, Field(item.Groups["leaf"].Value)].Value;
        }

        // "files.id" reads as "Files (id)": the group's label and the item within it.
        var dot = field.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 && Table.ContainsKey("field." + field[..dot]) ? $"{this["field." + field[..dot]].Value} ({field[(dot + 1)..]})" : field;
    }

    /// <summary>A colon as the reader's language writes it: 「：」 or ": ".</summary>
    public string Colon => IsEnglish ? ": " : "：";

    /// <summary>Items joined as the reader's language joins them: 张三、李四 or 张三, 李四.</summary>
    public string Join(IEnumerable<string?> items) => string.Join(IsEnglish ? ", " : "、", items);

    /// <summary>A remark in brackets: 「（主持人）」 or " (presider)".</summary>
    public string Paren(string? inner) => IsEnglish ? $" ({inner})" : $"（{inner}）";

    /// <summary>An amount in yuan: 「5,000 元」 or "CNY 5,000".</summary>
    public string Yuan(decimal amount) => StepNote.Yuan(amount);

    public static string Both(string key) =>
        Table.TryGetValue(key, out var p) ? $"{p.Zh} / {p.En}" : key;

    internal static IEnumerable<(string Key, string Zh, string En)> Entries => ModuleCatalog.All.SelectMany(m => m.Strings);

    [GeneratedRegex(@"^(?<list>[A-Za-z]+)\[(?<index>\d+)\]\.(?<leaf>[A-Za-z.]+)$", RegexOptions.CultureInvariant)]
    private static partial Regex ItemPath();
}
