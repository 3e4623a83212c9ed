using System.Globalization;

namespace Fazhi.Web.Platform.Privacy;

/// <summary>Check digits of the two national identifiers an applicant gives.</summary>
public static class Identifiers
{
    private static readonly int[] IdWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string IdCheck = "10X98765432";

    // GB 32100-2015: 31 characters, no I, O, Z, S, V.
    private const string CreditAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] CreditWeights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    /// <summary>A mainland mobile number (11 digits from 13x to 19x), as an SMS can reach.</summary>
    public static bool IsMobile(string? value) =>
        value is not null && System.Text.RegularExpressions.Regex.IsMatch(value.Trim(), "^1[3-9][0-9]{9}$");

    /// <summary>A mobile number, or a landline with its area code (0769-12345678).</summary>
    public static bool IsPhone(string? value) =>
        IsMobile(value) || (value is not null && System.Text.RegularExpressions.Regex.IsMatch(value.Trim(), "^0[0-9]{2,3}-?[0-9]{7,8}$"));

    /// <summary>
    /// A citizen ID number (公民身份号码, GB 11643-1999): 17 digits, a date of birth that exists,
    /// and the ISO 7064 MOD 11-2 check character (0-9 or X).
    /// </summary>
    public static bool IsValidIdNumber(string? value)
    {
        if (value is not { Length: 18 })
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            if (!char.IsAsciiDigit(value[i]))
            {
                return false;
            }

            sum += (value[i] - '0') * IdWeights[i];
        }

        if (!DateOnly.TryParseExact(value.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var born) || born.Year < 1900)
        {
            return false;
        }

        return char.ToUpperInvariant(value[17]) == IdCheck[sum % 11];
    }

    /// <summary>A unified social credit code (统一社会信用代码, GB 32100-2015) with its MOD 31 check character.</summary>
    public static bool IsValidCreditCode(string? value)
    {
        if (value is not { Length: 18 })
        {
            return false;
        }

        var upper = value.ToUpperInvariant();
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var v = CreditAlphabet.IndexOf(upper[i], StringComparison.Ordinal);
            if (v < 0)
            {
                return false;
            }

            sum += v * CreditWeights[i];
        }

        var check = (31 - (sum % 31)) % 31;
        return upper[17] == CreditAlphabet[check];
    }

    /// <summary>Completes 17 digits with the check character: for demo data and tests.</summary>
    public static string WithIdCheck(string first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (first17[i] - '0') * IdWeights[i];
        }

        return first17 + IdCheck[sum % 11];
    }

    /// <summary>Completes 17 characters with the check character: for demo data and tests.</summary>
    public static string WithCreditCheck(string first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += CreditAlphabet.IndexOf(first17[i], StringComparison.Ordinal) * CreditWeights[i];
        }

        return first17 + CreditAlphabet[(31 - (sum % 31)) % 31];
    }
}

/// <summary>Personal data as public pages and lists show it.</summary>
public static partial class Masking
{
    /// <summary>张三 → 张*, 张三丰 → 张*丰, 欧阳小明 → 欧**明.</summary>
    public static string Name(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return "";
        }

        var s = name.Trim();
        return s.Length switch
        {
            1 => s,
            2 => s[0] + "*",
            _ => s[0] + new string('*', s.Length - 2) + s[^1],
        };
    }

    /// <summary>441900199001011234 → 4419**********1234.</summary>
    public static string IdNumber(string? id) =>
        string.IsNullOrEmpty(id) || id.Length < 9 ? "" : id[..4] + new string('*', id.Length - 8) + id[^4..];

    /// <summary>广东省东莞市塘厦镇花园街12号 → 广东省东莞市****: the town is shown, the street and number are not.</summary>
    public static string Address(string? address) =>
        string.IsNullOrWhiteSpace(address) ? "" : address.Trim().Length <= 6 ? "****" : address.Trim()[..6] + "****";

    /// <summary>13800001234 → 138****1234.</summary>
    public static string Phone(string? phone) =>
        string.IsNullOrEmpty(phone) || phone.Length < 7 ? "" : phone[..3] + new string('*', phone.Length - 7) + phone[^4..];

    /// <summary>
    /// The phone to keep when a form or a ledger sends back what it was shown: its masked form (138****1234) keeps the stored
    /// number; anything else is the new number. A reader who saw only the mask cannot wipe the number by saving.
    /// </summary>
    public static string? PhoneKept(string? sent, string? stored) =>
        !string.IsNullOrWhiteSpace(sent) && stored is not null && sent.Trim() == Phone(stored) ? stored : sent;

    /// <summary>
    /// Free text with the identifiers in it masked, as the audit record keeps a story: ID numbers and credit codes, mobile
    /// and landline numbers, bank-card numbers, and the street and number of an address (塘厦镇花园街12号 → 塘厦镇花园街****).
    /// </summary>
    public static string IdentifiersIn(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? "";
        }

        var s = IdLike().Replace(text, m => IdNumber(m.Value));
        s = CardLike().Replace(s, m => m.Value[..4] + new string('*', m.Value.Length - 8) + m.Value[^4..]);
        s = PhoneLike().Replace(s, m => Phone(m.Value));
        return AddressLike().Replace(s, m => m.Groups["place"].Value + "****");
    }

    // 18 characters of an ID number or a credit code, not part of a longer run.
    [System.Text.RegularExpressions.GeneratedRegex("(?<![0-9A-Za-z])(?:[0-9]{17}[0-9Xx]|[0-9]{15}|[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10})(?![0-9A-Za-z])")]
    private static partial System.Text.RegularExpressions.Regex IdLike();

    [System.Text.RegularExpressions.GeneratedRegex("(?<![0-9])[0-9]{16,19}(?![0-9])")]
    private static partial System.Text.RegularExpressions.Regex CardLike();

    [System.Text.RegularExpressions.GeneratedRegex("(?<![0-9])(?:1[3-9][0-9]{9}|0[0-9]{2,3}-?[0-9]{7,8})(?![0-9])")]
    private static partial System.Text.RegularExpressions.Regex PhoneLike();

    // A road, street, lane, village or estate and the number after it (号, 栋, 座, 室 …).
    [System.Text.RegularExpressions.GeneratedRegex("(?<place>\\p{IsCJKUnifiedIdeographs}{0,12}?(?:路|街|巷|大道|道|村|弄|里|小区|花园|大厦|广场|社区))[\\p{IsCJKUnifiedIdeographs}A-Za-z0-9\\-]{0,12}?[0-9]+\\s*(?:号|栋|座|幢|楼|室)(?:[0-9A-Za-z\\-]+\\s*(?:号|栋|座|幢|楼|室))*")]
    private static partial System.Text.RegularExpressions.Regex AddressLike();
}
