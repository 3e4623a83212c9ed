using System.Globalization;
using Microsoft.Playwright;
using MiniExcelLibs;

namespace Fazhi.BrowserTests;

/// <summary>
/// The legal office's ledgers through their pages: this year's law exam created, its candidates added from the staff list by
/// department (a multiple choice), its scores imported from Excel and its rates shown exactly; a study session recorded with
/// attendees chosen from the staff list.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class PublicityLedgerTests(ServerFixture server)
{
    [SkippableFact]
    public async Task The_office_runs_this_years_exam_from_the_staff_list_to_its_rates_and_records_a_study_session()
    {
        ServerFixture.SkipUnlessAvailable();
        var today = DateTime.UtcNow.AddHours(8);
        var year = today.Year;
        await server.WithPageAsync("publicity-ledgers", async page =>
        {
            await ServerFixture.SignInAsync(page, "pufa.officer");
            await page.GotoAsync("/publicity/exams");
            await page.FillAsync("#exam-year", year.ToString(CultureInfo.InvariantCulture));
            await page.FillAsync("#exam-title", $"{year}年度国家工作人员学法考试");
            await page.FillAsync("#exam-held", today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            await page.ClickAsync("#create-exam");
            await page.ClickAsync($"#exam-{year} a");
            await page.WaitForSelectorAsync("#candidates-form");

            // Two departments' staff must sit it.
            var departments = await page.EvalOnSelectorAllAsync<string[]>("#candidate-departments option", "os => os.slice(0, 2).map(o => o.value)");
            await page.SelectOptionAsync("#candidate-departments", departments);
            await page.ClickAsync("#add-candidates");
            await page.WaitForSelectorAsync("#candidates-added");
            var accounts = await page.EvalOnSelectorAllAsync<string[]>("#candidates tbody tr td:first-child", "cells => cells.map(c => c.textContent.trim())");
            Assert.True(accounts.Length >= 2, $"{accounts.Length} candidates");

            // Everyone sits; all pass; one misses excellence.
            var rows = accounts.Select((a, i) => (IDictionary<string, object?>)new Dictionary<string, object?> { ["账号"] = a, ["成绩"] = i == 0 ? 75.5m : 96m }).ToList();
            using var stream = new MemoryStream();
            stream.SaveAs(new Dictionary<string, object> { ["成绩"] = rows });
            await page.SetInputFilesAsync("#scores-file", new FilePayload { Name = "成绩.xlsx", MimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Buffer = stream.ToArray() });
            await page.ClickAsync("#import-scores");
            await page.WaitForSelectorAsync("#import-report");
            var excellent = Math.Round((accounts.Length - 1) * 100m / accounts.Length, 2, MidpointRounding.AwayFromZero);
            Assert.Equal("100.00%", (await page.InnerTextAsync("#sat-rate")).Trim());
            Assert.Equal("100.00%", (await page.InnerTextAsync("#pass-rate")).Trim());
            Assert.Equal(excellent.ToString("0.00", CultureInfo.InvariantCulture) + "%", (await page.InnerTextAsync("#excellent-rate")).Trim());

            // A central-group session with three attendees chosen from the staff list.
            var topic = "学习《中华人民共和国行政复议法》（" + Guid.NewGuid().ToString("N")[..6] + "）";
            await page.GotoAsync("/publicity/study");
            await page.SelectOptionAsync("#session-kind", "CentralGroup");
            await page.SelectOptionAsync("#session-department", new SelectOptionValue { Index = 1 });
            await page.FillAsync("#session-topic", topic);
            await page.FillAsync("#session-date", today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            await page.FillAsync("#session-place", "镇委会议室");
            var staff = await page.EvalOnSelectorAllAsync<string[]>("#session-attendees option", "os => os.slice(0, 3).map(o => o.value)");
            await page.SelectOptionAsync("#session-attendees", staff);
            await page.ClickAsync("#add-session");
            await page.WaitForSelectorAsync($"#sessions :text(\"{topic}\")");
            Assert.Equal("3", (await page.InnerTextAsync($"#sessions tr:has-text(\"{topic}\") td:last-child")).Trim());
        });
    }
}
