using Microsoft.Playwright;

namespace Fazhi.BrowserTests;

/// <summary>
/// A market-regulation case in each language: an officer pair files it (each signed in as themselves), the party waives the
/// statement in writing, the legal officer passes the legality review, the decision is served with its proof and published,
/// and the public disclosure page shows it with the party masked.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class EnforcementFlowTests(ServerFixture server)
{
    [SkippableTheory]
    [InlineData("zh-CN", "已送达", "陈*强")]
    [InlineData("en", "Served", "陈*强")]
    public async Task An_officer_pair_files_a_case_the_reviewer_passes_it_and_the_public_page_shows_the_decision_masked(string culture, string served, string masked)
    {
        ServerFixture.SkipUnlessAvailable();
        var caseUrl = "";
        await server.WithPageAsync("enforcement-officer-" + culture, async page =>
        {
            await ServerFixture.SignInAsync(page, "officer.msa", culture);
            await page.GotoAsync("/enforcement/cases/new");
            await page.FillAsync("#matter", "销售过期食品");
            await page.FillAsync("#facts", "当事人在其经营的便利店内销售超过保质期的预包装食品，货值金额人民币860元。");
            await page.FillAsync("#party-name", "陈志强");
            await page.FillAsync("#party-id", "11010519491231002X");
            await page.FillAsync("#party-address", "广东省东莞市塘厦镇花园街12号");
            await page.FillAsync("#party-phone", "13800001234");
            // The signed-in officer is ticked; a second certified officer of the department joins.
            await page.CheckAsync("input[name='Form.OfficerIds']:not(:checked) >> nth=0");
            await page.ClickAsync("#register");
            await page.WaitForSelectorAsync("#case-number");
            caseUrl = new Uri(page.Url).AbsolutePath;

            await page.ClickAsync("#approve-filing");
            await page.WaitForSelectorAsync("#evidence-form");
            await page.FillAsync("#evidence-title", "现场检查笔录及照片");
            await page.ClickAsync("#add-evidence");
            await page.WaitForSelectorAsync("#evidence tr");

            // 第55条: the officers' showing their certificates is on the record before the notice.
            await page.FillAsync("#shown-to", "当事人陈志强，于其便利店");
            await page.ClickAsync("#show-certificates");
            await page.WaitForSelectorAsync("#certificates-shown");

            await page.SelectOptionAsync("#penalty-kind", "Fine");
            await page.FillAsync("#fine", "20000");
            await page.FillAsync("#provisions", "《中华人民共和国食品安全法》第三十四条第（十）项");
            await page.FillAsync("#basis", "《中华人民共和国食品安全法》第一百二十四条第一款");
            // 第34条: a fine cites its benchmark entry; without one the notice is refused and the form keeps what was typed.
            await page.ClickAsync("#issue-notice");
            await page.WaitForSelectorAsync("#form-errors");
            Assert.Equal("20000", await page.InputValueAsync("#fine"));
            await page.SelectOptionAsync("#rule", new SelectOptionValue { Label = await page.EvalOnSelectorAsync<string>("#rule option:text-matches('^SC-001')", "o => o.textContent") });
            await page.ClickAsync("#issue-notice");
            await page.WaitForSelectorAsync("#notice-docx");

            // A fine this size may be heard and must pass legality review: the party waives the hearing, the case goes to review.
            await page.ClickAsync("#waive-hearing");
            await page.WaitForSelectorAsync("#submit-review");
            await page.ClickAsync("#submit-review");
            await page.WaitForFunctionAsync("() => !document.querySelector('#submit-review')");
        }, culture);

        // The second officer of the pair, signed in as himself, records the party's written waiver of statement and defence.
        await server.WithPageAsync("enforcement-second-" + culture, async page =>
        {
            await ServerFixture.SignInAsync(page, "officer.msa2", culture);
            await page.GotoAsync(caseUrl);
            await page.WaitForSelectorAsync("#statement-window");
            await page.SetInputFilesAsync("#waiver-file", new FilePayload { Name = "放弃声明.png", MimeType = "image/png", Buffer = ServerFixture.Png });
            await page.ClickAsync("#waive-statement");
            await page.WaitForFunctionAsync("() => !document.querySelector('#waive-statement')");
            Assert.Contains(culture == "en" ? "waived in writing" : "书面放弃陈述申辩", await page.InnerTextAsync("#record"), StringComparison.Ordinal);
        }, culture);

        await server.WithPageAsync("enforcement-reviewer-" + culture, async page =>
        {
            await ServerFixture.SignInAsync(page, "legal", culture);
            await page.GotoAsync(caseUrl);
            // The reviewer reads the proposal beside the nine points; a point left unanswered is refused, each is answered pass or fail.
            Assert.Contains("20,000", await page.InnerTextAsync("#review-proposal"), StringComparison.Ordinal);
            await page.FillAsync("#opinion", "主体合法，事实清楚，证据确凿，程序合法，适用法律正确，裁量适当。");
            await page.ClickAsync("#pass-review");
            await page.WaitForSelectorAsync("#form-errors");
            foreach (var select in await page.QuerySelectorAllAsync("#review-points select"))
            {
                await select.SelectOptionAsync("pass");
            }

            await page.ClickAsync("#pass-review");
            await page.WaitForFunctionAsync("() => !document.querySelector('#pass-review')");
            Assert.Contains("郑雅琳", await page.InnerTextAsync("#reviews"), StringComparison.Ordinal);
        }, culture);

        var decision = "";
        await server.WithPageAsync("enforcement-decision-" + culture, async page =>
        {
            await ServerFixture.SignInAsync(page, "officer.msa", culture);
            await page.GotoAsync(caseUrl);
            await page.ClickAsync("#decide");
            await page.WaitForSelectorAsync("#decision-docx");
            decision = (await page.InnerTextAsync("#decision-number")).Split(' ')[0].Trim();
            Assert.Contains("罚〔", decision, StringComparison.Ordinal);

            // Service is a record: without its proof it is refused, with the recipient and the signed receipt it is done.
            await page.SelectOptionAsync("#method", "InPerson");
            await page.FillAsync("#recipient", "陈志强");
            await page.ClickAsync("#serve");
            await page.WaitForSelectorAsync("#form-errors");
            Assert.Equal("陈志强", await page.InputValueAsync("#recipient"));
            await page.SetInputFilesAsync("#proof-file", new FilePayload { Name = "送达回证.png", MimeType = "image/png", Buffer = ServerFixture.Png });
            await page.ClickAsync("#serve");
            await page.WaitForSelectorAsync("#performance-form");
            Assert.Contains("送达回证.png", await page.InnerTextAsync("#record"), StringComparison.Ordinal);
            Assert.StartsWith(served, await page.InnerTextAsync("#case-status"), StringComparison.Ordinal);

            // Publication shows first exactly what the public will see; a name typed into the text is masked in the preview.
            await page.GotoAsync("/enforcement/disclosure?status=Due");
            await page.ClickAsync($"#publications tr:has-text('{decision}') a.primary");
            await page.WaitForSelectorAsync("#public-preview");
            Assert.DoesNotContain("陈志强", await page.InnerTextAsync("#public-preview"), StringComparison.Ordinal);
            await page.FillAsync("#content", (await page.InputValueAsync("#content")) + "\n备注：当事人陈志强已当场改正");
            await page.ClickAsync("#preview");
            await page.WaitForFunctionAsync("() => document.querySelector('#public-preview').innerText.includes('陈*强已当场改正')");
            Assert.DoesNotContain("陈志强", await page.InnerTextAsync("#public-preview"), StringComparison.Ordinal);
            await page.ClickAsync("#publish");
            await page.WaitForSelectorAsync($"#publications tr:has-text('{decision}')");
        }, culture);

        await server.WithPageAsync("enforcement-public-" + culture, async page =>
        {
            await page.GotoAsync($"/culture/{culture}?returnUrl={Uri.EscapeDataString("/disclosure?q=" + decision)}");
            await page.WaitForSelectorAsync("#disclosures article");
            var text = await page.InnerTextAsync("#disclosures");
            Assert.Contains(decision, text, StringComparison.Ordinal);
            Assert.Contains(masked, text, StringComparison.Ordinal);
            Assert.DoesNotContain("陈志强", text, StringComparison.Ordinal);
            Assert.DoesNotContain("11010519491231002X", text, StringComparison.Ordinal);
            Assert.DoesNotContain("花园街12号", text, StringComparison.Ordinal);
        }, culture);
    }
}
