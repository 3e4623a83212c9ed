using Fazhi.ClientCheck.NSwag;

namespace Fazhi.ClientCheck;

/// <summary>The calls through the client NSwag generated, unedited.</summary>
internal static class NSwagCalls
{
    private const string Name = "NSwag";

    private static FazhiNSwagClient Client(string baseUrl, string? token = null) => new(Demo.Http(baseUrl, token)) { BaseUrl = baseUrl + "/" };

    private static async Task<FazhiNSwagClient> SignInAsync(string baseUrl, string userName)
    {
        var answer = await Client(baseUrl).PostAuthLoginAsync(new LoginRequest { UserName = userName, Password = Demo.Password });
        return Client(baseUrl, answer.AccessToken);
    }

    public static async Task RunAsync(string baseUrl, Checker check)
    {
        await check(Name, "wrong passwords answer 401, then the locked account 403, as problem details", async () =>
        {
            // Five wrong passwords lock an account for 15 minutes (clerk2 is not used by the other calls).
            var answers = new List<(int Status, string Code)>();
            for (var i = 0; i < 6; i++)
            {
                try
                {
                    await Client(baseUrl).PostAuthLoginAsync(new LoginRequest { UserName = "clerk2", Password = "not-the-password" });
                    throw new Expected("signed in with a wrong password");
                }
                catch (ApiException<ProblemBody> problem)
                {
                    answers.Add((problem.StatusCode, problem.Result.Code));
                }
            }

            if (answers[0] != (401, "auth.invalid_credentials") || answers[^1] != (403, "auth.locked_out"))
            {
                throw new Expected(string.Join(", ", answers));
            }
        });

        await check(Name, "window intake, and its retry with the same Idempotency-Key", async () =>
        {
            var clerk = await SignInAsync(baseUrl, "clerk");
            var window = (await clerk.GetOrgWindowsAsync()).First(w => w.Number == 2).Id;
            var item = await Client(baseUrl).GetServicesItemsByCodeAsync(Demo.Item, null);
            var request = new ServicesIntakeRequest
            {
                ItemCode = Demo.Item, WindowId = window, Outcome = ServicesIntakeOutcome.Accept,
                Applicant = new ServicesApplicantInput { Kind = ServicesApplicantKind.Person, Name = "赵客户", IdNumber = Demo.IdNumber("44190019900101123"), Phone = "13800004321" },
                Materials = [.. item.Elements.Materials.Select(m => new ServicesMaterialCheck { Key = m.Key, Provided = true })],
            };
            var key = Demo.Key();
            var first = await clerk.PostServicesApplicationsAsync(key, request);
            var again = await clerk.PostServicesApplicationsAsync(key, request);
            if (first.Status != ServicesApplicationStatus.Accepted || string.IsNullOrEmpty(first.QueryToken) || again.Number != first.Number)
            {
                throw new Expected($"accepted {first.Number} ({first.Status}), retried {again.Number}");
            }
        });

        await check(Name, "enforcement registration", async () =>
        {
            var officer = await SignInAsync(baseUrl, "officer.cae");
            var me = await officer.GetAuthMeAsync();
            var officers = (await officer.GetEnforcementOfficersAsync(null, null, true, null)).Items
                .Where(o => o.DepartmentId == me.DepartmentId && !o.ExpiresSoon).ToList();
            var created = await officer.PostEnforcementCasesAsync(Demo.Key(), new EnforcementRegisterCaseRequest
            {
                DepartmentId = me.DepartmentId, LeadSource = EnforcementCaseSource.Complaint, Matter = "未经许可从事经营活动",
                ViolationFacts = "群众投诉该店铺无证经营。", ActOn = Demo.Today.AddDays(-5).ToDateTime(TimeOnly.MinValue),
                DiscoveredOn = Demo.Today.AddDays(-2).ToDateTime(TimeOnly.MinValue), InvolvesSafety = false,
                Party = new EnforcementPartyInput { Kind = EnforcementPartyKind.Organisation, Name = "客户端商店" },
                OfficerIds = [.. officers.Take(2).Select(o => o.Id)],
            });
            if (string.IsNullOrEmpty(created.Number))
            {
                throw new Expected("no case number");
            }
        });

        await check(Name, "mediation registration, the rights notice as Word, a 409 and a 422 as typed problem details", async () =>
        {
            var mediator = await SignInAsync(baseUrl, "mediator");
            var town = (await mediator.GetMediationCommitteesAsync()).First(c => c.Code == "TX-MED");
            var mediators = (await mediator.GetMediationMediatorsAsync(null, town.Id, null)).Items;
            var request = new MediationRegisterCaseRequest
            {
                CommitteeId = town.Id, DisputeType = MediationDisputeType.Neighbours, CaseSource = MediationCaseSource.Application,
                Facts = "两家因院墙边界发生争执。", Claims = "请求确认院墙位置。",
                Parties =
                [
                    new MediationPartyInput { Side = MediationPartySide.Applicant, Kind = MediationPartyKind.Person, Name = "陈客户" },
                    new MediationPartyInput { Side = MediationPartySide.Respondent, Kind = MediationPartyKind.Person, Name = "周客户" },
                ],
                MediatorIds = [.. mediators.Take(2).Select(m => m.Id)],
            };
            var created = await mediator.PostMediationCasesAsync(Demo.Key(), request);

            using (var docx = await mediator.GetMediationCasesByIdRightsNoticeDocxAsync(created.Id))
            {
                var head = new byte[2];
                await docx.Stream.ReadExactlyAsync(head);
                if (head[0] != (byte)'P' || head[1] != (byte)'K' || docx.StatusCode != 200)
                {
                    throw new Expected("the rights notice is not a Word (zip) file");
                }
            }

            var respondent = (await mediator.GetMediationCasesByIdAsync(created.Id)).Parties.First(p => !p.Consented);
            try
            {
                await mediator.PostMediationCasesByIdPartiesByPartyIdConsentAsync(created.Id, respondent.Id, 0);
                throw new Expected("a stale page's step went through");
            }
            catch (ApiException<ProblemBody> problem) when (problem.StatusCode == 409 && problem.Result.Code == "case.acted_by" && problem.Result.Title.Length > 0)
            {
            }

            try
            {
                request.Parties = [];
                await mediator.PostMediationCasesAsync(Demo.Key(), request);
                throw new Expected("a case without parties was registered");
            }
            catch (ApiException<ProblemBody> problem) when (problem.StatusCode == 422 && problem.Result.Errors.ContainsKey("parties"))
            {
            }
        });
    }
}
