using Fazhi.Web.Platform.Documents;
using Fazhi.Web.Platform.Localization;

namespace Fazhi.Tests.Platform;

public sealed class LedgerTests
{
    private static readonly LedgerColumn Active = new("启用", "Active");
    private static readonly LedgerColumn Hours = new("学时", "Hours");
    private static readonly LedgerColumn Kind = new("类型", "Kind");

    [Theory]
    [InlineData("是", true)]
    [InlineData("Y", true)]
    [InlineData("yes", true)]
    [InlineData("TRUE", true)]
    [InlineData("√", true)]
    [InlineData("否", false)]
    [InlineData("n", false)]
    [InlineData("0", false)]
    [InlineData("×", false)]
    public void Every_import_reads_yes_and_no_the_same_way(string cell, bool expected) => Assert.Equal(expected, Ledger.ParseYesNo(cell));

    [Fact]
    public void A_row_reads_a_cell_under_its_Chinese_or_English_header_and_names_each_bad_cell_by_row_and_column()
    {
        var text = new Text();
        var kinds = new Dictionary<string, int> { ["乡镇"] = 1, ["Town"] = 1 };
        var row = new LedgerRow(7, new Dictionary<string, string> { ["Active"] = "是", ["学时"] = "十二", ["类型"] = "省" }, text);
        Assert.True(row.YesNo(Active, whenEmpty: false));
        Assert.Null(row.Whole(Hours));
        Assert.Null(row.Choice(Kind, kinds));
        Assert.False(row.Ok);
        Assert.Equal([(7, "学时"), (7, "类型")], row.Errors.Select(e => (e.Row, e.Field)));
        Assert.Equal(["启用", "学时"], Ledger.Row((Active, "是"), (Hours, 12)).Keys);
    }
}
