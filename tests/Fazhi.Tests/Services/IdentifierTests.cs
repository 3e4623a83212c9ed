using Fazhi.Web.Platform.Privacy;
using Fazhi.Web.Modules.Services.Domain;

namespace Fazhi.Tests.Services;

public sealed class IdentifierTests
{
    [Theory]
    [InlineData("11010519491231002X", true)] // the example of GB 11643
    [InlineData("11010519491231002x", true)]
    [InlineData("110105194912310021", false)] // wrong check character
    [InlineData("110105194913310027", false)] // month 13
    [InlineData("11010519491231002", false)]
    [InlineData("1101051949123100AX", false)]
    public void Citizen_ID_numbers_are_checked_by_their_GB_11643_check_character(string id, bool valid) =>
        Assert.Equal(valid, Identifiers.IsValidIdNumber(id));

    [Theory]
    [InlineData("91350100M000100Y43", true)]
    [InlineData("91350100M000100Y44", false)]
    [InlineData("91350100M000100I43", false)] // I is not in the GB 32100 alphabet
    [InlineData("91350100M000100Y4", false)]
    public void Credit_codes_are_checked_by_their_GB_32100_check_character(string code, bool valid) =>
        Assert.Equal(valid, Identifiers.IsValidCreditCode(code));

    [Fact]
    public void Generated_check_characters_pass_the_checks()
    {
        Assert.True(Identifiers.IsValidIdNumber(Identifiers.WithIdCheck("44190019900101123")));
        Assert.True(Identifiers.IsValidCreditCode(Identifiers.WithCreditCheck("9144190079123456X")));
    }

    [Theory]
    [InlineData("张三", "张*")]
    [InlineData("张晓三", "张*三")]
    [InlineData("欧阳小明", "欧**明")]
    public void Names_are_masked_on_public_pages(string name, string masked) => Assert.Equal(masked, Masking.Name(name));

    [Fact]
    public void ID_numbers_and_phones_are_masked() 
    {
        Assert.Equal("4419**********1234", Masking.IdNumber("441900199001011234"));
        Assert.Equal("138****1234", Masking.Phone("13800001234"));
    }
}
