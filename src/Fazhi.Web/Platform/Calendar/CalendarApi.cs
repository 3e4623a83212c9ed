using System.Globalization;
using Fazhi.Web.Platform.Organisation.Domain;
using Fazhi.Web.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Fazhi.Web.Platform.Calendar;

public sealed record DueDateResponse(string Due);

public sealed record WorkingDaysBetweenResponse(string From, string To, int WorkingDays);

public sealed record IsWorkingDayResponse(string Date, bool IsWorkingDay, string? Name);

public sealed record CalendarDayDto(string Date, bool IsWorkingDay, string Name);

public sealed record CalendarYearDto(int Year, string Source, IReadOnlyList<CalendarDayDto> Days);

public sealed record SetDayRequest(bool IsWorkingDay, string? Name);

public sealed record AddYearRequest(int Year, string Source);

public static class CalendarApi
{
    public static IEndpointRouteBuilder MapCalendarApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/calendar").WithTags("Calendar");
        api.MapGet("/add-working-days", AddWorkingDays)
            .WithSummary("The date a limit of N working days ends, counted from the day after `from`.")
            .AllowAnonymous();
        api.MapGet("/working-days-between", WorkingDaysBetween)
            .WithSummary("Working days after `from` up to and including `to`.")
            .AllowAnonymous();
        api.MapGet("/is-working-day", IsWorkingDay).AllowAnonymous()
            .WithSummary("Whether a date is a working day (make-up working weekends included, statutory holidays excluded).");
        api.MapGet("/years/{year:int}", Year).AllowAnonymous()
            .WithSummary("A year's holidays and make-up working days, with the notice they come from.");
        api.MapPost("/years", AddYear).RequireAuthorization(p => p.RequireRole(Roles.Administrator))
            .WithSummary("Open the next year for editing, naming the State Council notice.");
        api.MapPut("/days/{date}", SetDay).RequireAuthorization(p => p.RequireRole(Roles.Administrator))
            .WithSummary("Mark a day as a holiday or a make-up working day.");
        return app;
    }

    private static Ok<DueDateResponse> AddWorkingDays(string? from, string? days, WorkingDayCalendar calendar)
    {
        var v = new Validator();
        v.Check(CalendarStore.TryParseDate(from, out var start), "from", "date_format");
        v.Check(int.TryParse(days, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n <= WorkingDayCalendar.MaxDays, "days", "out_of_range", 0, WorkingDayCalendar.MaxDays);
        v.ThrowIfInvalid();
        return TypedResults.Ok(new DueDateResponse(Iso(calendar.AddWorkingDays(start, n))));
    }

    private static Ok<WorkingDaysBetweenResponse> WorkingDaysBetween(string? from, string? to, WorkingDayCalendar calendar)
    {
        var v = new Validator();
        v.Check(CalendarStore.TryParseDate(from, out var a), "from", "date_format");
        v.Check(CalendarStore.TryParseDate(to, out var b), "to", "date_format");
        v.ThrowIfInvalid();
        return TypedResults.Ok(new WorkingDaysBetweenResponse(Iso(a), Iso(b), calendar.CountWorkingDays(a, b)));
    }

    private static async Task<Ok<IsWorkingDayResponse>> IsWorkingDay(string? date, WorkingDayCalendar calendar, CalendarStore store)
    {
        new Validator().Check(CalendarStore.TryParseDate(date, out var d), "date", "date_format").ThrowIfInvalid();
        var named = (await store.DaysOfYearAsync(d.Year)).FirstOrDefault(x => x.Date == d);
        return TypedResults.Ok(new IsWorkingDayResponse(Iso(d), calendar.IsWorkingDay(d), named?.Name));
    }

    private static async Task<Results<Ok<CalendarYearDto>, NotFound>> Year(int year, CalendarStore store)
    {
        var y = (await store.YearsAsync()).FirstOrDefault(x => x.Year == year);
        if (y is null)
        {
            throw DomainException.NotFound("year");
        }

        var days = await store.DaysOfYearAsync(year);
        return TypedResults.Ok(new CalendarYearDto(y.Year, y.Source, days.Select(d => new CalendarDayDto(Iso(d.Date), d.IsWorkingDay, d.Name)).ToList()));
    }

    private static async Task<Created<CalendarYearDto>> AddYear(AddYearRequest request, CalendarStore store)
    {
        var y = await store.AddYearAsync(request.Year, request.Source);
        return TypedResults.Created($"/api/calendar/years/{y.Year}", new CalendarYearDto(y.Year, y.Source, []));
    }

    private static async Task<NoContent> SetDay(string date, SetDayRequest request, CalendarStore store)
    {
        new Validator().Check(CalendarStore.TryParseDate(date, out var d), "date", "date_format").ThrowIfInvalid();
        await store.SetDayAsync(d, request.IsWorkingDay, request.Name);
        return TypedResults.NoContent();
    }

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
