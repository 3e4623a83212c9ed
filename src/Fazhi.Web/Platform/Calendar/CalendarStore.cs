using System.Globalization;
using System.Text.Json;
using Fazhi.Web.Platform.Data;
using Fazhi.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Platform.Calendar;

/// <summary>Loads, seeds and edits the holiday calendar, and keeps <see cref="WorkingDayCalendar"/> in step.</summary>
public sealed class CalendarStore(FazhiDbContext db, WorkingDayCalendar calendar, TimeProvider time)
{
    public const int FirstYear = 2000;
    public const int LastYear = 2100;

    private static readonly JsonSerializerOptions ShippedJson = new(JsonSerializerDefaults.Web);

    private sealed record ShippedYear(int Year, string Source, List<ShippedHoliday> Holidays, List<ShippedWorkday> Workdays);

    private sealed record ShippedHoliday(string Name, DateOnly From, DateOnly To);

    private sealed record ShippedWorkday(string Name, DateOnly Date);

    /// <summary>The years shipped with the platform (the State Council notices from 2019 on), each with its exceptional days.</summary>
    public static IReadOnlyList<(CalendarYear Year, IReadOnlyList<CalendarDay> Days)> ShippedYears()
    {
        using var stream = typeof(CalendarStore).Assembly.GetManifestResourceStream("Fazhi.holidays.json")
            ?? throw new InvalidOperationException("holidays.json is not embedded");
        var years = JsonSerializer.Deserialize<List<ShippedYear>>(stream, ShippedJson) ?? [];
        return years.Select(y => (
            new CalendarYear { Year = y.Year, Source = y.Source },
            (IReadOnlyList<CalendarDay>)
            [
                .. y.Holidays.SelectMany(h => Enumerable.Range(0, h.To.DayNumber - h.From.DayNumber + 1)
                    .Select(i => new CalendarDay { Date = h.From.AddDays(i), IsWorkingDay = false, Name = h.Name })),
                .. y.Workdays.Select(w => new CalendarDay { Date = w.Date, IsWorkingDay = true, Name = w.Name }),
            ])).ToList();
    }

    /// <summary>Adds the shipped years that the database does not have yet; edited years are left alone.</summary>
    public async Task SeedShippedYearsAsync(CancellationToken ct = default)
    {
        var known = await db.CalendarYears.Select(y => y.Year).ToListAsync(ct);
        foreach (var (year, days) in ShippedYears().Where(y => !known.Contains(y.Year.Year)))
        {
            year.UpdatedAt = time.GetUtcNow().UtcDateTime;
            db.CalendarYears.Add(year);
            db.CalendarDays.AddRange(days);
        }

        await db.SaveChangesAsync(ct);
    }

    public async Task ReloadAsync(CancellationToken ct = default) =>
        calendar.Replace(await db.CalendarDays.AsNoTracking().ToListAsync(ct), await db.CalendarYears.AsNoTracking().Select(y => y.Year).ToListAsync(ct));

    public async Task<List<CalendarYear>> YearsAsync(CancellationToken ct = default) =>
        await db.CalendarYears.AsNoTracking().OrderBy(y => y.Year).ToListAsync(ct);

    public async Task<List<CalendarDay>> DaysOfYearAsync(int year, CancellationToken ct = default)
    {
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        return await db.CalendarDays.AsNoTracking().Where(d => d.Date >= from && d.Date <= to).OrderBy(d => d.Date).ToListAsync(ct);
    }

    /// <summary>Opens a new year for editing, with the notice its holidays will come from.</summary>
    public async Task<CalendarYear> AddYearAsync(int year, string source, CancellationToken ct = default)
    {
        new Validator()
            .Check(year is >= FirstYear and <= LastYear, "year", "out_of_range", FirstYear, LastYear)
            .Required("source", source, 500)
            .ThrowIfInvalid();
        if (await db.CalendarYears.AnyAsync(y => y.Year == year, ct))
        {
            throw new DomainException("calendar.year_exists", "year", ErrorKind.Conflict);
        }

        var added = new CalendarYear { Year = year, Source = source.Trim(), UpdatedAt = time.GetUtcNow().UtcDateTime };
        db.CalendarYears.Add(added);
        await db.SaveChangesAsync(ct);
        return added;
    }

    /// <summary>
    /// Sets one day as a holiday or a make-up working day. A day set back to what its weekday
    /// implies (a weekday working, a weekend off) with no name is removed from the exceptions.
    /// </summary>
    public async Task SetDayAsync(DateOnly date, bool isWorkingDay, string? name, CancellationToken ct = default)
    {
        new Validator().MaxLength("name", name, 50).ThrowIfInvalid();
        var year = await db.CalendarYears.SingleOrDefaultAsync(y => y.Year == date.Year, ct)
            ?? throw new DomainException("calendar.year_missing", "date", ErrorKind.Invalid, date.Year);
        var day = await db.CalendarDays.SingleOrDefaultAsync(d => d.Date == date, ct);
        var plain = date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
        if (isWorkingDay == plain && string.IsNullOrWhiteSpace(name))
        {
            if (day is not null)
            {
                db.CalendarDays.Remove(day);
            }
        }
        else if (day is null)
        {
            db.CalendarDays.Add(new CalendarDay { Date = date, IsWorkingDay = isWorkingDay, Name = name?.Trim() ?? "" });
        }
        else
        {
            day.IsWorkingDay = isWorkingDay;
            day.Name = name?.Trim() ?? "";
        }

        year.UpdatedAt = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        await ReloadAsync(ct);
    }

    public static bool TryParseDate(string? value, out DateOnly date) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}
