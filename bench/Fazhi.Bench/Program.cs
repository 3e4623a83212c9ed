using System.Diagnostics;
using System.Globalization;
using Fazhi.Web.Platform.Calendar;

// Fazhi benchmarks. Each scenario prints its figures and the ratio it is judged by, measured in
// one run on this machine. `dotnet run -c Release --project bench/Fazhi.Bench -- [scenario]`.
var scenario = args.FirstOrDefault() ?? "calendar";
switch (scenario)
{
    case "calendar":
        Calendar();
        break;
    default:
        Console.Error.WriteLine($"unknown scenario '{scenario}'; known: calendar");
        return 2;
}

return 0;

// Deadline arithmetic runs on every intake and every monitor pass: how many 20-working-day due
// dates per second, against a plain loop over the same days (the floor any calendar must pay).
static void Calendar()
{
    var holidays = Enumerable.Range(0, 8 * 365)
        .Select(i => new DateOnly(2019, 1, 1).AddDays(i))
        .Where(d => d.Day is 1 or 2 && d.Month is 1 or 5 or 10)
        .Select(d => new CalendarDay { Date = d, IsWorkingDay = false, Name = "假日" });
    var calendar = new WorkingDayCalendar(holidays);
    var start = new DateOnly(2019, 1, 1);
    const int N = 2_000_000;

    var sw = Stopwatch.StartNew();
    var sink = 0;
    for (var i = 0; i < N; i++)
    {
        sink += calendar.AddWorkingDays(start.AddDays(i % 2500), 20).DayNumber & 1;
    }

    var calendarRate = N / sw.Elapsed.TotalSeconds;
    sw.Restart();
    for (var i = 0; i < N; i++)
    {
        var d = start.AddDays(i % 2500);
        for (var k = 0; k < 28; k++)
        {
            d = d.AddDays(1);
        }

        sink += d.DayNumber & 1;
    }

    var floorRate = N / sw.Elapsed.TotalSeconds;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"calendar: {calendarRate:N0} due dates/s; plain 28-day loop {floorRate:N0}/s; ratio {calendarRate / floorRate:P0} (sink {sink})"));
}
