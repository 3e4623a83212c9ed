using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.Tests.Infrastructure;
using Fazhi.Web.Platform.Calendar;

namespace Fazhi.Tests.Platform;

public sealed class WorkingDayCalendarRules
{
    private static readonly WorkingDayCalendar Plain = new([]);

    [Fact]
    public void Counting_starts_on_the_day_after_the_event()
    {
        // Wednesday 2026-11-25 + 1 working day is Thursday, not the same Wednesday.
        Assert.Equal(new DateOnly(2026, 11, 26), Plain.AddWorkingDays(new DateOnly(2026, 11, 25), 1));
    }

    [Fact]
    public void A_limit_reaching_past_a_weekend_skips_it()
    {
        Assert.Equal(new DateOnly(2026, 11, 30), Plain.AddWorkingDays(new DateOnly(2026, 11, 27), 1));
    }

    [Fact]
    public void Zero_days_ends_on_the_day_itself()
    {
        Assert.Equal(new DateOnly(2026, 11, 28), Plain.AddWorkingDays(new DateOnly(2026, 11, 28), 0));
    }

    [Fact]
    public void A_make_up_Saturday_counts_and_a_weekday_holiday_does_not()
    {
        var calendar = new WorkingDayCalendar(
        [
            new CalendarDay { Date = new DateOnly(2026, 11, 28), IsWorkingDay = true, Name = "调休" },
            new CalendarDay { Date = new DateOnly(2026, 11, 30), IsWorkingDay = false, Name = "假日" },
        ]);
        Assert.Equal(new DateOnly(2026, 11, 28), calendar.AddWorkingDays(new DateOnly(2026, 11, 27), 1));
        Assert.Equal(new DateOnly(2026, 12, 1), calendar.AddWorkingDays(new DateOnly(2026, 11, 27), 2));
        Assert.Equal(2, calendar.CountWorkingDays(new DateOnly(2026, 11, 27), new DateOnly(2026, 12, 1)));
        Assert.Equal(-2, calendar.CountWorkingDays(new DateOnly(2026, 12, 1), new DateOnly(2026, 11, 27)));
    }

    [Fact]
    public void A_negative_limit_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Plain.AddWorkingDays(new DateOnly(2026, 1, 1), -1));
    }
}

public sealed class CalendarApiTests(FazhiFactory app) : IClassFixture<FazhiFactory>
{
    [Fact]
    public async Task Twenty_working_days_from_2019_09_25_are_due_on_2019_10_28()
    {
        var client = app.Anonymous();
        var due = await client.GetFromJsonAsync<JsonElement>("/api/calendar/add-working-days?from=2019-09-25&days=20");
        Assert.Equal("2019-10-28", due.GetProperty("due").GetString());
        var between = await client.GetFromJsonAsync<JsonElement>("/api/calendar/working-days-between?from=2019-09-25&to=2019-10-28");
        Assert.Equal(20, between.GetProperty("workingDays").GetInt32());
    }

    [Theory]
    [InlineData("2019-09-29", true)] // Sunday, make-up day for National Day
    [InlineData("2019-10-01", false)]
    [InlineData("2019-10-07", false)]
    [InlineData("2019-10-12", true)] // Saturday, make-up day
    [InlineData("2019-10-13", false)]
    [InlineData("2020-01-31", false)] // Spring Festival extended in 2020
    [InlineData("2020-02-01", false)] // the make-up day the extension cancelled
    [InlineData("2026-02-14", true)]
    [InlineData("2026-02-23", false)] // nine-day Spring Festival of 2026
    [InlineData("2026-02-24", true)]
    [InlineData("2026-11-25", true)]
    public async Task Shipped_holidays_and_make_up_days_are_known(string date, bool working)
    {
        var day = await app.Anonymous().GetFromJsonAsync<JsonElement>($"/api/calendar/is-working-day?date={date}");
        Assert.Equal(working, day.GetProperty("isWorkingDay").GetBoolean());
    }

    [Fact]
    public async Task Every_year_from_2019_to_2026_names_the_State_Council_notice()
    {
        var client = app.Anonymous();
        for (var year = 2019; year <= 2026; year++)
        {
            var y = await client.GetFromJsonAsync<JsonElement>($"/api/calendar/years/{year}");
            Assert.Contains("国办发明电", y.GetProperty("source").GetString());
            var days = y.GetProperty("days").EnumerateArray().ToList();
            Assert.Contains(days, d => d.GetProperty("name").GetString()!.Contains("国庆节", StringComparison.Ordinal));
            Assert.Contains(days, d => d.GetProperty("name").GetString() == "春节");
        }
    }

    [Fact]
    public async Task Bad_dates_and_day_counts_are_refused_naming_the_field()
    {
        var client = app.Anonymous();
        var problem = await (await client.GetAsync("/api/calendar/add-working-days?from=2019-9-25&days=-3")).ReadProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("validation_failed", problem.Code());
        Assert.Equal(["days", "from"], problem.ErrorFields().Order());
    }

    [Fact]
    public async Task An_administrator_adds_the_next_year_and_marks_its_holidays()
    {
        var admin = await app.SignedInAsync("admin");
        var created = await admin.PostAsJsonAsync("/api/calendar/years", new { year = 2027, source = "国务院办公厅关于2027年部分节假日安排的通知" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        // Friday 2027-01-01 becomes a holiday: one working day from Thursday 2026-12-31 is then Monday.
        var set = await admin.PutAsJsonAsync("/api/calendar/days/2027-01-01", new { isWorkingDay = false, name = "元旦" });
        Assert.Equal(HttpStatusCode.NoContent, set.StatusCode);
        var due = await admin.GetFromJsonAsync<JsonElement>("/api/calendar/add-working-days?from=2026-12-31&days=1");
        Assert.Equal("2027-01-04", due.GetProperty("due").GetString());

        var again = await admin.PostAsJsonAsync("/api/calendar/years", new { year = 2027, source = "x" });
        Assert.Equal("calendar.year_exists", (await again.ReadProblemAsync(HttpStatusCode.Conflict)).Code());
    }

    [Fact]
    public async Task Only_administrators_edit_the_calendar()
    {
        var clerk = await app.SignedInAsync("clerk");
        var response = await clerk.PutAsJsonAsync("/api/calendar/days/2026-12-01", new { isWorkingDay = false, name = "x" });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.True((await app.Anonymous().GetFromJsonAsync<JsonElement>("/api/calendar/is-working-day?date=2026-12-01")).GetProperty("isWorkingDay").GetBoolean());
    }
}
