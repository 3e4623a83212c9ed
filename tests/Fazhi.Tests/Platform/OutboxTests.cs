using Fazhi.Web.Platform.Notifications;

namespace Fazhi.Tests.Platform;

public sealed class OutboxTests
{
    [Fact]
    public void Every_module_template_is_written_in_both_languages_with_the_same_placeholders()
    {
        var templates = MessageText.All.ToList();
        Assert.NotEmpty(templates);
        foreach (var t in templates)
        {
            Assert.False(string.IsNullOrWhiteSpace(t.Zh), t.Key);
            Assert.False(string.IsNullOrWhiteSpace(t.En), t.Key);
            Assert.Equal(Slots(t.Zh), Slots(t.En));
        }

        static List<string> Slots(string text) =>
            [.. System.Text.RegularExpressions.Regex.Matches(text, "\\{([^}]*)\\}").Select(m => m.Groups[1].Value.Split('|')[^1]).Order()];
    }

    [Fact]
    public void A_message_reads_in_the_recipients_language_and_drops_an_empty_note_with_its_separator()
    {
        var values = new Dictionary<string, string> { ["number"] = "TX2019-000001", ["item"] = "民房报建", ["note"] = "需土壤检测" };
        Assert.Equal("【法治平台】您的办件 TX2019-000001（民房报建）中止办理（暂停计时）：需土壤检测。", MessageText.Render("services.suspended", values, "zh-CN"));
        Assert.Equal("[Fazhi] Your application TX2019-000001 (民房报建): Suspended (clock stopped): 需土壤检测.", MessageText.Render("services.suspended", values, "en"));
        values.Remove("note");
        Assert.Equal("【法治平台】您的办件 TX2019-000001（民房报建）中止办理（暂停计时）。", MessageText.Render("services.suspended", values, "zh-CN"));
    }
}
