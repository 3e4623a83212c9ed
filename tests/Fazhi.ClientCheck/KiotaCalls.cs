using Fazhi.ClientCheck.Kiota;
using Fazhi.ClientCheck.Kiota.Models;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;

namespace Fazhi.ClientCheck;

/// <summary>The calls through the client Kiota generated, unedited.</summary>
internal static class KiotaCalls
{
    private const string Name = "Kiota";

    private static FazhiKiotaClient Client(string baseUrl, string? token = null) =>
        new(new HttpClientRequestAdapter(new AnonymousAuthenticationProvider(), httpClient: Demo.Http(baseUrl, token)) { BaseUrl = baseUrl });

    private static async Task<FazhiKiotaClient> SignInAsync(string baseUrl, string userName)
    {
        var answer = await Client(baseUrl).Api.Auth.Login.PostAsync(new LoginRequest { UserName = userName, Password = Demo.Password });
        return Client(baseUrl, answer?.AccessToken ?? throw new Expected("no access token"));
    }

    public static async Task RunAsync(string baseUrl, Checker check)
    {
        await check(Name, "a wrong password answers 401 with problem details", async () =>
        {
            try
            {
                await Client(baseUrl).Api.Auth.Login.PostAsync(new LoginRequest { UserName = "clerk", Password = "not-the-password" });
                throw new Expected("signed in with a wrong password");
            }
            catch (ProblemBody problem) when (problem.Status == 401 && problem.Code == "auth.invalid_credentials")
            {
            }
        });

        await check(Name, "window intake, and its retry with the same Idempotency-Key", async () =>
        {
            var clerk = await SignInAsync(baseUrl, "clerk");
            var window = (await clerk.Api.Org.Windows.GetAsync())!.First(w => w.Number == 1).Id;
            var item = await Client(baseUrl).Api.Services.Items[Demo.Item].GetAsync();
            var request = new ServicesIntakeRequest
            {
                ItemCode = Demo.Item, WindowId = window, Outcome = ServicesIntakeOutcome.Accept,
                Applicant = new ServicesApplicantInput { Kind = ServicesApplicantKind.Person, Name = "张晓三", IdNumber = Demo.IdNumber("44190019850612301"), Phone = "13800001234" },
                Materials = [.. item!.Elements!.Materials!.Select(m => new ServicesMaterialCheck { Key = m.Key, Provided = true })],
            };
            var key = Demo.Key();
            var first = await clerk.Api.Services.Applications.PostAsync(request, c => c.Headers.Add("Idempotency-Key", key));
            var again = await clerk.Api.Services.Applications.PostAsync(request, c => c.Headers.Add("Idempotency-Key", key));
            if (first?.Status != ServicesApplicationStatus.Accepted || string.IsNullOrEmpty(first.QueryToken) || again?.Number != first.Number)
            {
                throw new Expected($"accepted {first?.Number} ({first?.Status}), retried {again?.Number}");
            }
        });

        await check(Name, "enforcement registration", async () =>
        {
            var officer = await SignInAsync(baseUrl, "officer.msa");
            var me = await officer.Api.Auth.Me.GetAsync();
            var officers = (await officer.Api.Enforcement.Officers.GetAsync(c => c.QueryParameters.CanAct = true))!.Items!
                .Where(o => o.DepartmentId == me!.DepartmentId && o.ExpiresSoon != true).ToList();
            var created = await officer.Api.Enforcement.Cases.PostAsync(new EnforcementRegisterCaseRequest
            {
                DepartmentId = me!.DepartmentId, LeadSource = EnforcementCaseSource.Inspection, Matter = "销售过期食品",
                ViolationFacts = "检查中发现货架上有超过保质期的预包装食品。", ActOn = new Date(Demo.Today.AddDays(-3).ToDateTime(TimeOnly.MinValue)),
                DiscoveredOn = new Date(Demo.Today.AddDays(-1).ToDateTime(TimeOnly.MinValue)), InvolvesSafety = false,
                Party = new EnforcementPartyInput { Kind = EnforcementPartyKind.Person, Name = "客户端当事人" },
                OfficerIds = [.. officers.Take(2).Select(o => o.Id)],
            }, c => c.Headers.Add("Idempotency-Key", Demo.Key()));
            if (string.IsNullOrEmpty(created?.Number))
            {
                throw new Expected("no case number");
            }
        });

        await check(Name, "mediation registration, the rights notice as Word, a 409 and a 422 as typed problem details", async () =>
        {
            var mediator = await SignInAsync(baseUrl, "mediator");
            var town = (await mediator.Api.Mediation.Committees.GetAsync())!.First(c => c.Code == "TX-MED");
            var mediators = (await mediator.Api.Mediation.Mediators.GetAsync(c => c.QueryParameters.CommitteeId = town.Id))!.Items!;
            var request = new MediationRegisterCaseRequest
            {
                CommitteeId = town.Id, DisputeType = MediationDisputeType.Neighbours, CaseSource = MediationCaseSource.Application,
                Facts = "邻居装修噪音持续到深夜。", Claims = "请求对方在晚上十点后停止施工。",
                Parties =
                [
                    new MediationPartyInput { Side = MediationPartySide.Applicant, Kind = MediationPartyKind.Person, Name = "李客户" },
                    new MediationPartyInput { Side = MediationPartySide.Respondent, Kind = MediationPartyKind.Person, Name = "王客户" },
                ],
                MediatorIds = [.. mediators.Take(2).Select(m => m.Id)],
            };
            var created = await mediator.Api.Mediation.Cases.PostAsync(request, c => c.Headers.Add("Idempotency-Key", Demo.Key()));
            var id = created!.Id!.Value;

            await using (var docx = await mediator.Api.Mediation.Cases[id].RightsNoticeDocx.GetAsync())
            {
                var head = new byte[2];
                await docx!.ReadExactlyAsync(head);
                if (head[0] != (byte)'P' || head[1] != (byte)'K')
                {
                    throw new Expected("the rights notice is not a Word (zip) file");
                }
            }

            var respondent = (await mediator.Api.Mediation.Cases[id].GetAsync())!.Parties!.First(p => p.Consented != true);
            try
            {
                // A page that showed the case before its first step: someone has acted since.
                await mediator.Api.Mediation.Cases[id].Parties[respondent.Id!.Value].Consent.PostAsync(c => c.QueryParameters.SeenEvents = 0);
                throw new Expected("a stale page's step went through");
            }
            catch (ProblemBody problem) when (problem.Status == 409 && problem.Code == "case.acted_by" && problem.Title?.Length > 0)
            {
            }

            try
            {
                request.Parties = [];
                await mediator.Api.Mediation.Cases.PostAsync(request, c => c.Headers.Add("Idempotency-Key", Demo.Key()));
                throw new Expected("a case without parties was registered");
            }
            catch (ProblemBody problem) when (problem.Status == 422 && problem.Errors?.AdditionalData.ContainsKey("parties") == true)
            {
            }
        });
    }
}
