using Fazhi.Web.Modules.Report.Domain;

namespace Fazhi.Tests.Report;

/// <summary>How the report reads figure slots and prints figures the way the seed prints them.</summary>
public sealed class SlotTextTests
{
    [Theory]
    [InlineData(148, "140余")]
    [InlineData(1043, "1000余")]
    [InlineData(151_200, "15万余")]
    [InlineData(119_600, "近12万")]
    [InlineData(180_000, "18万")]
    [InlineData(2980, "近3000")]
    [InlineData(2950, "2900余")]
    [InlineData(77, "77")]
    public void Approximate_counts_read_as_the_seed_writes_them(int value, string printed) =>
        Assert.Equal(printed, SlotText.Approx(value));

    [Fact]
    public void Rates_print_to_two_decimals_half_away_from_zero_and_approximate_rates_as_whole_percent_and_above()
    {
        Assert.Equal("99.24%", SlotText.Print(3899m / 3929m, true, SlotFormat.Default, null));
        Assert.Equal("98%以上", SlotText.Print(118m / 120m, true, SlotFormat.Approx, null));
        Assert.Equal("100%", SlotText.Print(1m, true, SlotFormat.Approx, null));
        Assert.Equal("over 98%", SlotText.ApproxRate(118m / 120m, english: true));
    }

    [Fact]
    public void A_change_compares_with_the_year_before_or_prints_a_supplied_change()
    {
        Assert.Equal("增长25.00%", SlotText.Change(125, 100));
        Assert.Equal("下降22.30%", SlotText.ChangeBy(-0.223m));
        Assert.Equal("无可比数据", SlotText.Change(5, null));
        Assert.Equal("持平", SlotText.Change(100, 100));
        Assert.Equal("无可比数据", SlotText.Change(5, 0));
        Assert.Equal("down 22.30%", SlotText.ChangeBy(-0.223m, english: true));
    }

    [Fact]
    public void Slots_are_read_with_their_format_and_period_and_bad_ones_are_named()
    {
        var slots = SlotText.Slots("共调解{{mediation.mediated}}宗，成功率{{ mediation.success_rate | rate }}，去年{{enforcement.penalties|count|prev}}宗。").ToList();
        Assert.Equal(
            [new Slot("mediation.mediated", SlotFormat.Default, SlotPeriod.Year), new Slot("mediation.success_rate", SlotFormat.Rate, SlotPeriod.Year),
             new Slot("enforcement.penalties", SlotFormat.Count, SlotPeriod.PreviousYear)], slots);
        Assert.Equal("enforcement.penalties@prev", slots[2].Key);

        var problems = SlotText.Problems("{{mediation.nothing}} {{mediation.mediated|fancy}} {{Not A Name}} {{mediation.mediated}}", s => s.Figure == "mediation.mediated" ? null : "report.slot_unknown").ToList();
        Assert.Equal(
            [("{{mediation.nothing}}", "report.slot_unknown"), ("{{mediation.mediated|fancy}}", "report.slot_format"), ("{{Not A Name}}", "report.slot_name")], problems);
    }

    [Fact]
    public void Each_line_is_a_paragraph_and_text_around_slots_is_kept()
    {
        var paragraphs = SlotText.Paragraphs("第一段{{publicity.events}}场。\r\n\r\n  第二段  ");
        Assert.Equal(2, paragraphs.Count);
        Assert.Equal(["第一段", null, "场。"], paragraphs[0].Select(s => s.Text));
        Assert.Equal("publicity.events", paragraphs[0][1].Slot!.Figure);
        Assert.Equal("第二段", paragraphs[1].Single().Text);
    }
}
