using System.Globalization;
using Fazhi.Web.Modules.Mediation.Data;
using Fazhi.Web.Modules.Mediation.Domain;
using Fazhi.Web.Platform.Calendar;
using Fazhi.Web.Platform.Cases;
using Fazhi.Web.Platform.Data;
using Fazhi.Web.Platform.Deadlines;
using Fazhi.Web.Platform.Localization;
using Fazhi.Web.Platform.Modules;
using Fazhi.Web.Platform.Organisation;
using Fazhi.Web.Platform.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Modules.Mediation;

/// <summary>
/// The demo town's 2019 of people's mediation at the scale of Tangxia's annual report (Fazhi:DemoHistory), so that the report of
/// that year reads its figures from records: 3,929 disputes mediated and concluded in the year, 3,899 of them settled, 13 cases
/// subsidised (以案定补), 769 screening reports, 358 mediators and the six rooms in the police stations. Most disputes come to the
/// town committee's rooms in the six police stations; the rest to the town committee itself, its lawyer's studio, the land-contract
/// committee and the community committees, some of them found in the year's screenings. Every case is registered, consented to,
/// told its rights, mediated and closed through the domain's own steps, dated in 2019, with no clock left running. Loaded once,
/// after the current year's demo, with a fixed seed: the same history every time.
/// </summary>
public sealed class DemoMediationHistory(FazhiDbContext db, OrganisationDirectory directory, WorkingDayCalendar calendar, IConfiguration configuration)
{
    /// <summary>调解纠纷数: concluded in the year after mediation (settled, failed, or ended by a refusal after a session).</summary>
    public const int Mediated = 3929;

    /// <summary>调解成功数.</summary>
    public const int Settled = 3899;

    /// <summary>以案定补案件数: approved in the year.</summary>
    public const int Subsidised = 13;

    /// <summary>矛盾纠纷排查次数: the areas' reports in the year's campaigns.</summary>
    public const int Screenings = 769;

    /// <summary>人民调解员人数: the demo's own mediators and the community committees' others.</summary>
    public const int MediatorsInPost = 358;

    /// <summary>驻派出所人民调解室: the town committee's rooms in the six police stations, all open by the year's end.</summary>
    public const int PoliceRooms = 6;

    private const int Year = FazhiModule.DemoHistoryYear;

    // Mediated but not settled: failed after mediation, or ended when a party would not go on after a session.
    private const int Failed = 22;
    private const int EndedAfterSession = Mediated - Settled - Failed;

    // Received and ended because a party refused mediation from the outset (第17条): never mediated, so in neither figure.
    private const int RefusedAtOutset = 12;

    private const int ViolenceFlags = 6;
    private const int RegularCampaigns = 24;
    private const int BatchSize = 500;
    private const int TrainingHoursEach = 8;
    private const string Court = "东莞市第三人民法院";
    private const string Head = "justice.head";

    private static readonly DateOnly Last = new(Year, 12, 31);
    private static readonly DateTime End = ChinaTime.StartOfDayUtc(Last.AddDays(1));

    public async Task LoadAsync(CancellationToken ct = default)
    {
        // Once: nothing of the year (or before it) is there yet.
        if (await db.MediationCases.AnyAsync(c => c.RegisteredAt < End, ct) || await db.Campaigns.AnyAsync(c => c.From <= Last, ct))
        {
            return;
        }

        var committees = (await db.Committees.AsNoTracking().Where(c => c.IsActive).ToListAsync(ct)).OrderBy(c => c.Code, StringComparer.Ordinal).ToList();
        if (committees.Find(c => c.Kind == CommitteeKind.Town) is not { } town)
        {
            return;
        }

        var units = (await directory.UnitsAsync(ct)).Values.OrderBy(u => u.Code, StringComparer.Ordinal).ToList();

        // The history is written in batches, each saved and then let go; whatever the seeding before it left unsaved is saved first.
        if (db.ChangeTracker.HasChanges())
        {
            await db.SaveChangesAsync(ct);
        }

        db.ChangeTracker.Clear();
        var detect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            await LoadYearAsync(committees, town, units, ct);
        }
        finally
        {
            db.ChangeTracker.Clear();
            db.ChangeTracker.AutoDetectChangesEnabled = detect;
        }
    }

    private async Task LoadYearAsync(List<MediationCommittee> committees, MediationCommittee town, List<OrgUnit> units, CancellationToken ct)
    {
        var rnd = new Random(20191231);
        await using var tx = await db.BeginWriteAsync(ct);

        // The mediators: the demo's own, and the community committees' others up to the year's number.
        var communityCommittees = committees.Where(c => c.Kind == CommitteeKind.Community).ToList();
        var land = committees.Find(c => c.Kind == CommitteeKind.Sector);
        var existing = (await db.Mediators.AsNoTracking().Where(m => m.IsActive).ToListAsync(ct))
            .OrderBy(m => m.Phone, StringComparer.Ordinal).ThenBy(m => m.Name, StringComparer.Ordinal).ThenBy(m => m.Id).ToList();
        var added = NewMediators(communityCommittees.Count > 0 ? communityCommittees : [town], existing, rnd);
        db.Mediators.AddRange(added);
        for (var k = 0; k < added.Count; k++)
        {
            db.Trainings.Add(new MediatorTraining
            {
                Id = Guid.CreateVersion7(), MediatorId = added[k].Id, On = k % 2 == 0 ? new DateOnly(Year, 4, 18) : new DateOnly(Year, 10, 24), Hours = TrainingHoursEach,
                Topic = $"{Year}年塘厦镇人民调解员业务培训",
            });
        }

        // The rooms in the police stations, with the day each opened (the last of them in the year itself).
        var codes = units.ToDictionary(u => u.Id, u => u.Code);
        var rooms = (await db.Rooms.AsTracking().Where(r => r.IsActive).ToListAsync(ct)).OrderBy(r => r.Name, StringComparer.Ordinal).ToList();
        var police = new List<(MediationRoom Room, int Weight)>();
        foreach (var room in rooms.Where(r => r.CommitteeId == town.Id && r.Place == RoomPlace.PoliceStation))
        {
            var station = room.PoliceStationId is { } id && codes.TryGetValue(id, out var code) && Stations.TryGetValue(code, out var known)
                ? known
                : (Opened: new DateOnly(Year - 1, 12, 3), Weight: 10);
            room.OpenedOn ??= station.Opened;
            police.Add((room, station.Weight));
        }

        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();

        var everyone = existing.Concat(added).ToList();
        var townPool = everyone.Where(m => m.CommitteeId == town.Id && m.UserName != Head).ToList();
        if (townPool.Count == 0)
        {
            townPool = everyone.Where(m => m.CommitteeId == town.Id).ToList();
        }

        if (townPool.Count == 0)
        {
            return;
        }

        var pools = committees.ToDictionary(c => c.Id, c => everyone.Where(m => m.CommitteeId == c.Id).ToList());
        var communities = units.Where(u => u.Kind == Platform.Organisation.Domain.OrgNodeKind.Community && u.IsActive).ToList();
        var names = units.ToDictionary(u => u.Id, u => u.Name);
        var staffed = communityCommittees.Where(c => pools[c.Id].Count > 0).ToList();
        var communityRooms = new Dictionary<Guid, MediationRoom>();
        var communityPlaces = new Dictionary<Guid, string>();
        foreach (var c in staffed)
        {
            if (rooms.Find(r => r.CommitteeId == c.Id && r.Place == RoomPlace.Committee) is { } room)
            {
                communityRooms[c.Id] = room;
            }

            if (names.TryGetValue(c.DepartmentId, out var place))
            {
                communityPlaces[c.Id] = place;
            }
        }

        var places = communities.ConvertAll(u => u.Name);
        if (places.Count == 0)
        {
            places.Add("塘厦社区");
        }

        Guid? landId = land?.Id;
        var setting = new Setting(
            town, land is not null && pools[land.Id].Count > 0 ? land : null, landId is null ? null : rooms.Find(r => r.CommitteeId == landId),
            rooms.Find(r => r.CommitteeId == town.Id && r.Place == RoomPlace.LawyerStudio), [.. police], townPool, townPool.Where(m => m.IsLawyer).ToList(),
            land is null ? [] : pools[land.Id], staffed, pools, communityRooms, communityPlaces, places);

        // The year's screenings first: what they found becomes cases of the year.
        var office = units.Find(u => u.Code == "TX-JUS")?.Id ?? town.DepartmentId;
        var (campaigns, found) = Screen(communities, office, rnd);
        var plans = Plans(setting, found, rnd);
        await NumberAsync(plans, ct);

        var city = MediationModule.City(configuration);
        var rates = await db.SubsidyRates.AsNoTracking().ToListAsync(ct);
        var approver = (UserName: Head, Name: everyone.Find(m => m.UserName == Head)?.Name ?? "罗志坚");
        for (var i = 0; i < plans.Count; i++)
        {
            db.MediationCases.Add(Build(plans[i], rnd, i, city, rates, approver));
            if ((i + 1) % BatchSize == 0)
            {
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
            }
        }

        // The campaigns last: their findings now name the cases opened from them.
        db.Campaigns.AddRange(campaigns);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        await tx.CommitAsync(ct);
    }

    /// <summary>The community committees' mediators besides the demo's own, spread over the committees, each trained once in the year.</summary>
    private static List<Mediator> NewMediators(List<MediationCommittee> homes, List<Mediator> existing, Random rnd)
    {
        var made = new List<Mediator>();
        var taken = existing.Select(m => m.Name).ToHashSet(StringComparer.Ordinal);
        for (var k = 0; k < MediatorsInPost - existing.Count; k++)
        {
            var female = rnd.Next(100) < 45;
            var name = PersonName(rnd, female);
            while (!taken.Add(name))
            {
                name = PersonName(rnd, female);
            }

            made.Add(new Mediator
            {
                Id = Guid.CreateVersion7(), Name = name, Gender = female ? Gender.Female : Gender.Male,
                Phone = string.Create(CultureInfo.InvariantCulture, $"139{27700000 + k:00000000}"), CommitteeId = homes[k % homes.Count].Id,
                Specialities = [Weighted(rnd, CommunityTypes).ToString()], TrainingHours = TrainingHoursEach, RowVersion = Guid.NewGuid(),
            });
        }

        return made;
    }

    /// <summary>
    /// The year's campaigns: every community every half month, and seven special sweeps that add the town's main enterprises; every
    /// area reports on time, so no report is left owing. A finding is kept with the campaign and the area it came from.
    /// </summary>
    private (List<ScreeningCampaign> Campaigns, List<Found> Found) Screen(List<OrgUnit> communities, Guid office, Random rnd)
    {
        var campaigns = new List<ScreeningCampaign>();
        var found = new List<Found>();
        var reporters = new Dictionary<string, string>(StringComparer.Ordinal);
        var regular = communities.ConvertAll(u => (Name: u.Name, Kind: AreaKind.Community, DepartmentId: u.Id));
        for (var month = 1; month <= 12; month++)
        {
            var mid = new DateOnly(Year, month, 15);
            Sweep($"{Year}年{month}月上半月矛盾纠纷排查", new DateOnly(Year, month, 1), mid, regular, 6);
            Sweep($"{Year}年{month}月下半月矛盾纠纷排查", mid.AddDays(1), new DateOnly(Year, month, DateTime.DaysInMonth(Year, month)), regular, 6);
        }

        // The enterprises make up the year's number of reports over the special sweeps.
        var extra = Math.Max(0, Screenings - ((RegularCampaigns + Special.Length) * communities.Count));
        for (var k = 0; k < Special.Length; k++)
        {
            var areas = new List<(string Name, AreaKind Kind, Guid DepartmentId)>(regular);
            foreach (var enterprise in Enterprises.Take((extra / Special.Length) + (k < extra % Special.Length ? 1 : 0)))
            {
                areas.Add((enterprise, AreaKind.Enterprise, office));
            }

            Sweep(Special[k].Name, Special[k].From, Special[k].To, areas, 20);
        }

        return (campaigns, found);

        void Sweep(string name, DateOnly from, DateOnly to, List<(string Name, AreaKind Kind, Guid DepartmentId)> areas, int percent)
        {
            if (areas.Count == 0)
            {
                return;
            }

            var campaign = ScreeningCampaign.Open(name, from, to, to, office, areas, calendar, from, Head, ChinaTime.StartOfDayUtc(from).AddHours(9));
            foreach (var area in campaign.Areas)
            {
                var day = to.AddDays(-rnd.Next(0, 4));
                day = day < from ? from : day;
                var at = ChinaTime.StartOfDayUtc(day).AddHours(rnd.Next(10, 18)).AddMinutes(rnd.Next(60));
                var findings = new List<ScreeningFinding>();
                if (rnd.Next(100) < (area.Kind == AreaKind.Enterprise ? 30 : percent))
                {
                    var story = Pick(rnd, StoriesOf[area.Kind == AreaKind.Enterprise ? DisputeType.Labour : Weighted(rnd, CommunityTypes)]);
                    var finding = new ScreeningFinding { Description = story.Facts, Type = story.Type, Parties = story.Sides, Major = percent > 10 && rnd.Next(100) < 15 };
                    findings.Add(finding);
                    found.Add(new Found(finding, story, campaign.Name, area.Name, area.DepartmentId, area.Kind, day));
                }

                if (!reporters.TryGetValue(area.Name, out var reporter))
                {
                    reporter = PersonName(rnd, rnd.Next(2) == 0);
                    reporters[area.Name] = reporter;
                }

                area.Report(findings, reporter, at);
            }

            campaigns.Add(campaign);
        }
    }

    /// <summary>
    /// Every case of the year, in the order it was registered: the findings' cases, then the rest over the months and the committees;
    /// outcomes dealt in the year's exact numbers; sessions, agreements, court and follow-up days; the subsidised and the flagged.
    /// </summary>
    private List<Plan> Plans(Setting s, List<Found> found, Random rnd)
    {
        const int total = Mediated + RefusedAtOutset;
        var plans = new List<Plan>(total);
        foreach (var f in found.Take(total))
        {
            var committee = f.Kind == AreaKind.Community ? s.Communities.Find(c => c.DepartmentId == f.Department) : null;
            var (amount, terms) = Told(rnd, f.Story);
            // Registered after the report that found it (the days after, or its own evening at the year's very end).
            var day = Office(Earlier(f.On.AddDays(rnd.Next(1, 5)), Last), police: false);
            plans.Add(new Plan
            {
                Seq = plans.Count, Committee = committee ?? s.Town, Room = committee is null ? null : s.CommunityRooms.GetValueOrDefault(committee.Id),
                Venue = committee is null ? Venue.Town : Venue.Community, Story = f.Story, Amount = amount, Terms = terms, Source = CaseSource.Screening,
                ReferredBy = $"{f.Campaign} · {f.Area}", Day = day, Hour = day == f.On ? 18 : rnd.Next(9, 16),
                Place = f.Kind == AreaKind.Community ? f.Area : Pick(rnd, s.Places), Team = TeamOf(rnd, committee is null ? s.TownPool : s.Pools[committee.Id]),
                Finding = f.Finding,
            });
        }

        while (plans.Count < total)
        {
            plans.Add(RandomPlan(s, rnd, plans.Count));
        }

        plans = [.. plans.OrderBy(p => p.Day).ThenBy(p => p.Hour).ThenBy(p => p.Seq)];
        Outcome[] outcomes =
        [
            .. Enumerable.Repeat(Outcome.Settled, Settled), .. Enumerable.Repeat(Outcome.Failed, Failed),
            .. Enumerable.Repeat(Outcome.EndedAfterSession, EndedAfterSession), .. Enumerable.Repeat(Outcome.RefusedAtOutset, RefusedAtOutset),
        ];
        rnd.Shuffle(outcomes);
        for (var i = 0; i < plans.Count; i++)
        {
            plans[i].Outcome = outcomes[i];
            Schedule(plans[i], rnd);
        }

        // 以案定补: a harder settled case now and then through the year, proposed and approved within it.
        var candidates = plans.Where(p => p.Outcome == Outcome.Settled && p.Sessions[^1].Day <= Last.AddDays(-30)
            && p.Type is DisputeType.Labour or DisputeType.Land or DisputeType.Medical or DisputeType.Traffic or DisputeType.Property).ToList();
        for (var i = 0; i < Subsidised && candidates.Count >= Subsidised; i++)
        {
            var p = candidates[(2 * i + 1) * candidates.Count / (2 * Subsidised)];
            p.Class = p.Type switch
            {
                DisputeType.Medical => DifficultyClass.Major,
                DisputeType.Land => DifficultyClass.Difficult,
                DisputeType.Labour or DisputeType.Property when p.Amount >= 15000 => DifficultyClass.Difficult,
                _ => DifficultyClass.Ordinary,
            };
            var proposed = p.Sessions[^1].Day.AddDays(rnd.Next(1, 4));
            p.ProposedOn = proposed;
            p.ApprovedOn = proposed.AddDays(rnd.Next(5, 16));
        }

        // 第25条: a few police-station disputes at risk of turning violent, the room told.
        var watched = plans.Where(p => p.Venue == Venue.Police && p.Outcome != Outcome.RefusedAtOutset).ToList();
        for (var i = 0; i < ViolenceFlags && watched.Count >= ViolenceFlags; i++)
        {
            watched[(2 * i + 1) * watched.Count / (2 * ViolenceFlags)].Violence = true;
        }

        return plans;
    }

    private Plan RandomPlan(Setting s, Random rnd, int seq)
    {
        var roll = rnd.Next(1000);
        var venue = roll < 630 ? Venue.Police : roll < 720 ? Venue.Town : roll < 740 ? Venue.Lawyer : roll < 765 ? Venue.Land : Venue.Community;
        if ((venue == Venue.Police && s.Police.Length == 0) || (venue == Venue.Lawyer && (s.LawyerRoom is null || s.Lawyers.Count == 0))
            || (venue == Venue.Land && (s.Land is null || s.LandPool.Count == 0)) || (venue == Venue.Community && s.Communities.Count == 0))
        {
            venue = Venue.Town;
        }

        var day = RandomDay(rnd, workingDaysOnly: venue != Venue.Police);
        var open = venue == Venue.Police ? s.Police.Where(x => x.Room.OpenedOn <= day).ToArray() : [];
        if (venue == Venue.Police && open.Length == 0)
        {
            venue = Venue.Town;
            day = Office(day, police: false);
        }

        var committee = venue switch
        {
            Venue.Land => s.Land!,
            Venue.Community => Pick(rnd, s.Communities),
            _ => s.Town,
        };
        MediationRoom? room = venue switch
        {
            Venue.Police => Weighted(rnd, open),
            Venue.Lawyer => s.LawyerRoom,
            Venue.Land => s.LandRoom,
            Venue.Community => rnd.Next(100) < 75 ? s.CommunityRooms.GetValueOrDefault(committee.Id) : null,
            _ => null,
        };
        var type = venue switch
        {
            Venue.Police => Weighted(rnd, PoliceTypes),
            Venue.Lawyer => Weighted(rnd, LawyerTypes),
            Venue.Land => DisputeType.Land,
            Venue.Community => Weighted(rnd, CommunityTypes),
            _ => Weighted(rnd, TownTypes),
        };
        var source = venue switch
        {
            Venue.Police => CaseSource.PoliceReferral,
            Venue.Lawyer => Weighted(rnd, LawyerSources),
            Venue.Land => Weighted(rnd, LandSources),
            Venue.Community => Weighted(rnd, CommunitySources),
            _ => Weighted(rnd, TownSources),
        };
        var story = Pick(rnd, StoriesOf[type]);
        var (amount, terms) = Told(rnd, story);
        var team = venue switch
        {
            Venue.Lawyer => TeamOf(rnd, s.TownPool, Pick(rnd, s.Lawyers)),
            Venue.Land => TeamOf(rnd, s.LandPool),
            Venue.Community => TeamOf(rnd, s.Pools[committee.Id]),
            _ => TeamOf(rnd, s.TownPool),
        };
        return new Plan
        {
            Seq = seq, Committee = committee, Room = room, Venue = venue, Story = story, Amount = amount, Terms = terms, Source = source,
            // A police referral names the station; other referrals the court or office that sent the dispute.
            ReferredBy = venue == Venue.Police && room is not null ? room.Name.Replace("人民调解工作室", "", StringComparison.Ordinal) : Referrer(source, type),
            Day = day, Hour = rnd.Next(8, 17), Place = s.CommunityPlaces.GetValueOrDefault(committee.Id) ?? Pick(rnd, s.Places), Team = team,
        };
    }

    /// <summary>The case's days: its sessions, how it ends, and for a settled one the agreement's follow-up and court days.</summary>
    private void Schedule(Plan p, Random rnd)
    {
        var police = p.Venue == Venue.Police;
        if (p.Outcome == Outcome.RefusedAtOutset)
        {
            p.EndOn = Earlier(Office(p.Day.AddDays(rnd.Next(1, 4)), police), Last);
            return;
        }

        // A police-station room often mediates the day the station sends the dispute; the others within days.
        var first = police && rnd.Next(100) < 60 ? p.Day : Earlier(Office(p.Day.AddDays(rnd.Next(1, police ? 6 : 11)), police), Last);
        p.Sessions.Add((first, first == p.Day ? p.Hour + 1 + rnd.Next(2) : rnd.Next(9, 17)));
        var twice = p.Outcome switch
        {
            Outcome.Failed => rnd.Next(100) < 50,
            Outcome.Settled => rnd.Next(100) < 12,
            _ => false,
        };
        if (twice && first < Last)
        {
            p.Sessions.Add((Earlier(Office(first.AddDays(rnd.Next(2, 9)), police), Last), rnd.Next(9, 17)));
        }

        var closed = p.Sessions[^1].Day;
        if (p.Outcome == Outcome.EndedAfterSession)
        {
            p.EndOn = Earlier(Office(closed.AddDays(rnd.Next(2, 8)), police), Last);
            return;
        }

        if (p.Outcome != Outcome.Settled)
        {
            return;
        }

        // A written agreement may go to court (第33条), and every one in the history does, within the year: its parties' window
        // ends in an application, and the court's clocks in its decision. The rest are oral, some with a day to perform by.
        p.Written = p.Story.Written && closed <= Last.AddDays(-30) && rnd.Next(100) < WrittenChance(p.Type);
        if (p.Written)
        {
            var performBy = closed.AddDays(rnd.Next(5, 26));
            var applied = closed.AddDays(rnd.Next(2, 11));
            var accepted = applied.AddDays(rnd.Next(0, 4));
            p.PerformBy = performBy;
            p.AppliedOn = applied;
            p.CourtAcceptedOn = accepted;
            p.DecidedOn = accepted.AddDays(rnd.Next(3, 15));
            p.Confirmed = rnd.Next(100) < 97;
        }
        else if (closed <= Last.AddDays(-10) && rnd.Next(100) < 10)
        {
            p.PerformBy = closed.AddDays(rnd.Next(3, 11));
        }

        p.Performed = rnd.Next(100) < 95;
    }

    /// <summary>Each committee's yearly series (塘调〔2019〕1号 …), drawn in one go and given out in the order of registration.</summary>
    private async Task NumberAsync(List<Plan> plans, CancellationToken ct)
    {
        foreach (var group in plans.GroupBy(p => p.Committee.Id))
        {
            var list = group.ToList();
            var committee = list[0].Committee;
            var next = await NumberSeries.NextAsync(db, $"med-{committee.Code}-{Year}", list.Count, ct);
            var prefix = committee.Abbreviation is { Length: > 0 } a ? a : committee.Code;
            foreach (var p in list)
            {
                p.Number = string.Create(CultureInfo.InvariantCulture, $"{prefix}〔{Year}〕{next++}号");
            }
        }
    }

    /// <summary>The case as its mediators made it, step by step through the domain, at the plan's instants.</summary>
    private MediationCase Build(Plan p, Random rnd, int index, string city, List<SubsidyRate> rates, (string UserName, string Name) approver)
    {
        var lead = p.Team[0];
        var team = p.Team.ConvertAll(m => m.Id);
        var c = MediationCase.Register(p.Number, p.Committee, p.Room?.Id, p.Type, p.Source, p.ReferredBy, p.Story.Facts, p.Story.Claims, Parties(p, rnd, index), team,
            As(lead, p.Day, p.Hour, 0));
        if (p.Finding is { } finding)
        {
            finding.CaseId = c.Id;
        }

        // 第17条: both parties consent (an applicant by asking); one who refuses from the outset never does.
        foreach (var party in c.Parties.Where(x => !x.Consented && (p.Outcome != Outcome.RefusedAtOutset || x.Side == PartySide.Applicant)).ToList())
        {
            c.RecordConsent(party.Id, As(lead, p.Day, p.Hour, 10));
        }

        if (p.Outcome == Outcome.RefusedAtOutset)
        {
            var refusedOn = p.EndOn ?? Last;
            c.EndByRefusal("被申请人明确表示不同意调解，调解终止（人民调解法第十七条）。", As(lead, refusedOn, refusedOn == p.Day ? p.Hour + 2 : 10, 0));
            return Checked(c);
        }

        c.GiveRightsNotice(As(lead, p.Day, p.Hour, 20), p.Venue == Venue.Police ? "书面告知，双方当事人签收" : "口头告知，双方当事人表示知悉");
        if (p.Violence && p.Room is { } room)
        {
            c.FlagViolence("一方当事人情绪激动，扬言报复，已告知派出所调解室值班民警关注。", As(lead, p.Day, p.Hour, 30), [$"{room.Name} {room.DutyPhone}"]);
        }

        for (var i = 0; i < p.Sessions.Count; i++)
        {
            var at = As(lead, p.Sessions[i].Day, p.Sessions[i].Hour, 0);
            c.HoldSession(null, at.Now, p.Room?.Id, team, "双方当事人、调解员", i == 0 ? p.Story.Record : SecondSession, at);
        }

        var (lastDay, lastHour) = p.Sessions[^1];
        var closing = As(lead, lastDay, lastHour, 40);
        switch (p.Outcome)
        {
            case Outcome.Failed:
                c.Fail(Routes(p.Type), closing);
                break;
            case Outcome.EndedAfterSession:
                var endedOn = p.EndOn ?? Last;
                c.EndByRefusal("经调解后，被申请人明确表示不再接受调解，调解终止。", As(lead, endedOn, endedOn == lastDay ? lastHour + 1 : 10, 0));
                break;
            default:
                Settle(c, p, lead, closing, city, rates, approver);
                break;
        }

        return Checked(c);
    }

    /// <summary>The agreement, then in the order of their days: the follow-up, the court's confirmation, the subsidy's class.</summary>
    private void Settle(MediationCase c, Plan p, Mediator lead, Actor closing, string city, List<SubsidyRate> rates, (string UserName, string Name) approver)
    {
        if (p.Written)
        {
            c.AgreeInWriting(p.Story.Facts, p.Terms, "协议签订后按约定的方式和期限履行，调解委员会回访履行情况。", p.PerformBy, closing.Today, closing, p.Story.Matter);
        }
        else
        {
            c.AgreeOrally(p.Terms, p.PerformBy, closing);
        }

        var steps = new List<(DateOnly Day, int Hour, Action Run)>();
        if (p.PerformBy is { } due && c.FollowUps.Count > 0)
        {
            var followUp = c.FollowUps[0];
            steps.Add((due, 16, () => c.RecordFollowUp(followUp.Id, p.Performed,
                p.Performed ? "已电话回访，协议已按约履行完毕。" : "回访时协议尚未完全履行，调解员已督促，当事人承诺尽快履行。", As(lead, due, 16, 0))));
        }

        if (p is { Written: true, AppliedOn: { } applied, CourtAcceptedOn: { } accepted, DecidedOn: { } decided })
        {
            steps.Add((applied, 10, () => c.ApplyForConfirmation(applied, Court, As(lead, applied, 10, 0), [.. c.Parties.Select(x => x.Id)])));
            steps.Add((decided, 15, () => c.RecordCourt(accepted, decided, p.Confirmed, As(lead, decided, 15, 0))));
        }

        if (p is { Class: { } cls, ProposedOn: { } proposed, ApprovedOn: { } approved })
        {
            steps.Add((proposed, 11, () => c.ProposeClass(cls, As(lead, proposed, 11, 0))));
            // The amount in the city's table on the day the case was settled, as the justice office's approval takes it.
            steps.Add((approved, 17, () => c.ApproveClass(cls,
                SubsidyRate.InForce(rates, city, cls, ChinaTime.DateOf(c.ClosedAt ?? closing.Now))?.Amount ?? FallbackAmount(cls),
                Actor.Seeding(approver.UserName, approver.Name, ChinaTime.StartOfDayUtc(approved).AddHours(17), calendar))));
        }

        foreach (var step in steps.OrderBy(s => s.Day).ThenBy(s => s.Hour))
        {
            step.Run();
        }
    }

    /// <summary>A closed case of the year declares no clock, and no step of it falls after the year.</summary>
    private static MediationCase Checked(MediationCase c)
    {
        if (c.IsOpen || c.ClosedAt >= End || c.Events.Exists(e => e.At >= End) || ((IHasDeadlines)c).Deadlines.Any())
        {
            throw new InvalidOperationException($"The {Year} history's case {c.Number} is left open, runs a clock or steps past the year.");
        }

        return c;
    }

    private static List<Party> Parties(Plan p, Random rnd, int index)
    {
        // An applicant who asked for mediation has consented by asking; a referred dispute's parties consent at the room.
        var asked = p.Source == CaseSource.Application;
        var applicant = Party.Create(PartySide.Applicant, PartyKind.Person, PersonName(rnd, rnd.Next(2) == 0), rnd.Next(100) < 65 ? IdNumber(rnd) : null,
            string.Create(CultureInfo.InvariantCulture, $"135{27690000 + index:00000000}"), Address(rnd, p.Place), asked);
        var respondent = p.Story.Respondent switch
        {
            Respondent.Company => Party.Create(PartySide.Respondent, PartyKind.Organisation, $"东莞市{Pick(rnd, Brands)}{Pick(rnd, Industries)}有限公司", null, null, null, false),
            Respondent.Clinic => Party.Create(PartySide.Respondent, PartyKind.Organisation, $"塘厦{Pick(rnd, Brands)}{(rnd.Next(2) == 0 ? "诊所" : "口腔门诊部")}", null, null, null, false),
            Respondent.Estate => Party.Create(PartySide.Respondent, PartyKind.Organisation, $"东莞市{Pick(rnd, Brands)}物业管理有限公司", null, null, null, false),
            Respondent.Shop => Party.Create(PartySide.Respondent, PartyKind.Organisation, $"塘厦{Pick(rnd, Brands)}健身会所", null, null, null, false),
            Respondent.Group => Party.Create(PartySide.Respondent, PartyKind.Organisation, $"{p.Place}第{rnd.Next(1, 9)}居民小组", null, null, null, false),
            _ => Party.Create(PartySide.Respondent, PartyKind.Person, PersonName(rnd, rnd.Next(2) == 0), null,
                string.Create(CultureInfo.InvariantCulture, $"136{27690000 + index:00000000}"), rnd.Next(100) < 40 ? Address(rnd, p.Place) : null, false),
        };
        return [applicant, respondent];
    }

    private Actor As(Mediator m, DateOnly day, int hour, int minute) =>
        Actor.Seeding(m.UserName ?? m.Name, m.Name, ChinaTime.StartOfDayUtc(day).AddHours(hour).AddMinutes(minute), calendar);

    /// <summary>A day of the year, the months weighted (fewer at the Spring Festival, more before the New Year); working days only for the offices.</summary>
    private DateOnly RandomDay(Random rnd, bool workingDaysOnly)
    {
        while (true)
        {
            var month = Weighted(rnd, Months);
            var day = new DateOnly(Year, month, rnd.Next(1, DateTime.DaysInMonth(Year, month) + 1));
            if (!workingDaysOnly || calendar.IsWorkingDay(day))
            {
                return day;
            }
        }
    }

    /// <summary>The day itself in a police station; at an office the next working day, not past the year.</summary>
    private DateOnly Office(DateOnly day, bool police)
    {
        while (!police && day < Last && !calendar.IsWorkingDay(day))
        {
            day = day.AddDays(1);
        }

        return day;
    }

    private static DateOnly Earlier(DateOnly a, DateOnly b) => a < b ? a : b;

    private static List<Mediator> TeamOf(Random rnd, List<Mediator> pool, Mediator? lead = null)
    {
        var first = lead ?? pool[rnd.Next(pool.Count)];
        var team = new List<Mediator> { first };
        if (pool.Count > 1 && rnd.Next(100) < 40 && pool[rnd.Next(pool.Count)] is { } second && second.Id != first.Id)
        {
            team.Add(second);
        }

        return team;
    }

    private static (int Amount, string Terms) Told(Random rnd, Story story)
    {
        var amount = story.Max > 0 ? rnd.Next(story.Min, story.Max + 1) * 100 : 0;
        return (amount, story.Terms.Replace("{0}", amount.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));
    }

    private static string? Referrer(CaseSource source, DisputeType type) => source switch
    {
        CaseSource.CourtReferral => Court,
        CaseSource.GovernmentReferral => type switch
        {
            DisputeType.Labour => "塘厦镇人力资源和社会保障分局",
            DisputeType.Medical => "塘厦镇卫生健康局",
            DisputeType.Property => "塘厦镇住房和城乡建设分局",
            DisputeType.Land => "塘厦镇农林水务局",
            DisputeType.Traffic => "塘厦镇交通运输分局",
            DisputeType.MarriageFamily => "塘厦镇妇女联合会",
            DisputeType.Other => "塘厦镇市场监督管理分局",
            _ => "塘厦镇综合行政执法分局",
        },
        _ => null,
    };

    /// <summary>第26条: the routes the parties were told when mediation failed.</summary>
    private static string Routes(DisputeType type) => type switch
    {
        DisputeType.Labour => "双方分歧较大，调解不成。已告知申请人可向东莞市劳动人事争议仲裁院塘厦仲裁庭申请仲裁。",
        DisputeType.Land => "双方对权属认定分歧较大，调解不成。已告知当事人可申请农村土地承包仲裁或向人民法院起诉。",
        DisputeType.Traffic => "双方对赔偿数额分歧较大，调解不成。已告知当事人可向人民法院提起诉讼。",
        _ => "双方分歧较大，调解不成。已告知当事人可依法向人民法院提起诉讼。",
    };

    /// <summary>How often a settled dispute of a kind ends in a written agreement (in percent); the rest are oral (第30条).</summary>
    private static int WrittenChance(DisputeType type) => type switch
    {
        DisputeType.Medical => 35,
        DisputeType.Land => 30,
        DisputeType.Labour or DisputeType.Traffic or DisputeType.MarriageFamily => 20,
        DisputeType.Property => 12,
        _ => 3,
    };

    private static decimal FallbackAmount(DifficultyClass cls) => cls switch
    {
        DifficultyClass.Simple => 200m,
        DifficultyClass.Ordinary => 400m,
        DifficultyClass.Difficult => 800m,
        _ => 1500m,
    };

    private static string PersonName(Random rnd, bool female) => Pick(rnd, Surnames) + Pick(rnd, female ? FemaleGiven : MaleGiven);

    private static string IdNumber(Random rnd)
    {
        var born = DateOnly.FromDayNumber(BornFrom.DayNumber + rnd.Next(BornDays));
        return Identifiers.WithIdCheck(string.Create(CultureInfo.InvariantCulture, $"{Pick(rnd, Regions)}{born:yyyyMMdd}{rnd.Next(1, 1000):000}"));
    }

    private static string Address(Random rnd, string place) =>
        string.Create(CultureInfo.InvariantCulture, $"广东省东莞市塘厦镇{place}{Pick(rnd, Streets)}{rnd.Next(1, 200)}号");

    private static T Pick<T>(Random rnd, T[] items) => items[rnd.Next(items.Length)];

    private static T Pick<T>(Random rnd, List<T> items) => items[rnd.Next(items.Count)];

    private static T Weighted<T>(Random rnd, (T Value, int Weight)[] table)
    {
        var roll = rnd.Next(table.Sum(t => t.Weight));
        foreach (var (value, weight) in table)
        {
            if (roll < weight)
            {
                return value;
            }

            roll -= weight;
        }

        return table[^1].Value;
    }

    private enum Venue
    {
        Police,
        Town,
        Lawyer,
        Land,
        Community,
    }

    private enum Outcome
    {
        Settled,
        Failed,
        EndedAfterSession,
        RefusedAtOutset,
    }

    private enum Respondent
    {
        Person,
        Company,
        Clinic,
        Estate,
        Shop,
        Group,
    }

    /// <summary>A kind of dispute as told: facts, claims, terms ({0} the amount, in hundreds from Min to Max), the first session's record.</summary>
    private sealed record Story(
        DisputeType Type, string Facts, string Claims, string Terms, string Record, string Sides, int Min = 0, int Max = 0,
        Respondent Respondent = Respondent.Person, FamilyMatter? Matter = null, bool Written = true);

    private sealed record Found(ScreeningFinding Finding, Story Story, string Campaign, string Area, Guid Department, AreaKind Kind, DateOnly On);

    private sealed record Setting(
        MediationCommittee Town, MediationCommittee? Land, MediationRoom? LandRoom, MediationRoom? LawyerRoom, (MediationRoom Room, int Weight)[] Police,
        List<Mediator> TownPool, List<Mediator> Lawyers, List<Mediator> LandPool, List<MediationCommittee> Communities, Dictionary<Guid, List<Mediator>> Pools,
        Dictionary<Guid, MediationRoom> CommunityRooms, Dictionary<Guid, string> CommunityPlaces, List<string> Places);

    private sealed class Plan
    {
        public required int Seq { get; init; }

        public required MediationCommittee Committee { get; init; }

        public required MediationRoom? Room { get; init; }

        public required Venue Venue { get; init; }

        public required Story Story { get; init; }

        public required int Amount { get; init; }

        public required string Terms { get; init; }

        public required CaseSource Source { get; init; }

        public required string? ReferredBy { get; init; }

        public required DateOnly Day { get; init; }

        public required int Hour { get; init; }

        public required string Place { get; init; }

        public required List<Mediator> Team { get; init; }

        public ScreeningFinding? Finding { get; init; }

        public DisputeType Type => Story.Type;

        public Outcome Outcome { get; set; }

        public List<(DateOnly Day, int Hour)> Sessions { get; } = [];

        public DateOnly? EndOn { get; set; }

        public bool Written { get; set; }

        public DateOnly? PerformBy { get; set; }

        public bool Performed { get; set; }

        public DateOnly? AppliedOn { get; set; }

        public DateOnly? CourtAcceptedOn { get; set; }

        public DateOnly? DecidedOn { get; set; }

        public bool Confirmed { get; set; }

        public DifficultyClass? Class { get; set; }

        public DateOnly? ProposedOn { get; set; }

        public DateOnly? ApprovedOn { get; set; }

        public bool Violence { get; set; }

        public string Number { get; set; } = "";
    }

    private const string SecondSession = "第二次调解：调解员分别与双方背对背沟通，释明利害关系，缩小双方分歧。";

    /// <summary>The six police stations: the day each room opened and its share of the disputes the stations send.</summary>
    private static readonly Dictionary<string, (DateOnly Opened, int Weight)> Stations = new(StringComparer.Ordinal)
    {
        ["TX-POLICE-TX"] = (new DateOnly(2017, 3, 15), 30),
        ["TX-POLICE-STP"] = (new DateOnly(2017, 9, 12), 18),
        ["TX-POLICE-LC"] = (new DateOnly(2018, 1, 16), 16),
        ["TX-POLICE-FHG"] = (new DateOnly(2018, 5, 8), 14),
        ["TX-POLICE-ZFL"] = (new DateOnly(2018, 10, 23), 12),
        ["TX-POLICE-DP"] = (new DateOnly(Year, 3, 18), 10),
    };

    private static readonly (int Value, int Weight)[] Months =
        [(1, 105), (2, 70), (3, 100), (4, 100), (5, 105), (6, 100), (7, 105), (8, 105), (9, 100), (10, 90), (11, 100), (12, 110)];

    private static readonly (DisputeType Value, int Weight)[] PoliceTypes =
    [
        (DisputeType.Neighbours, 22), (DisputeType.Other, 25), (DisputeType.Traffic, 14), (DisputeType.Labour, 14), (DisputeType.MarriageFamily, 10),
        (DisputeType.Property, 12), (DisputeType.Medical, 3),
    ];

    private static readonly (DisputeType Value, int Weight)[] TownTypes =
    [
        (DisputeType.Labour, 30), (DisputeType.Property, 20), (DisputeType.Other, 15), (DisputeType.Neighbours, 10), (DisputeType.Traffic, 10),
        (DisputeType.Medical, 8), (DisputeType.MarriageFamily, 7),
    ];

    private static readonly (DisputeType Value, int Weight)[] LawyerTypes =
        [(DisputeType.Labour, 35), (DisputeType.Property, 30), (DisputeType.Traffic, 20), (DisputeType.Medical, 15)];

    private static readonly (DisputeType Value, int Weight)[] CommunityTypes =
    [
        (DisputeType.Neighbours, 35), (DisputeType.MarriageFamily, 20), (DisputeType.Property, 20), (DisputeType.Land, 5), (DisputeType.Other, 10),
        (DisputeType.Labour, 10),
    ];

    // No petition office referrals: those are the petitions work line's to open, from its own records (MediationReferrals).
    private static readonly (CaseSource Value, int Weight)[] TownSources =
        [(CaseSource.Application, 50), (CaseSource.GovernmentReferral, 18), (CaseSource.CourtReferral, 17), (CaseSource.OwnInitiative, 15)];

    private static readonly (CaseSource Value, int Weight)[] LawyerSources = [(CaseSource.Application, 70), (CaseSource.CourtReferral, 30)];

    private static readonly (CaseSource Value, int Weight)[] LandSources =
        [(CaseSource.Application, 70), (CaseSource.GovernmentReferral, 20), (CaseSource.OwnInitiative, 10)];

    private static readonly (CaseSource Value, int Weight)[] CommunitySources = [(CaseSource.Application, 65), (CaseSource.OwnInitiative, 35)];

    private static readonly (string Name, DateOnly From, DateOnly To)[] Special =
    [
        ($"{Year}年春节前矛盾纠纷专项大排查", new DateOnly(Year, 1, 14), new DateOnly(Year, 1, 25)),
        ($"{Year}年全国两会期间矛盾纠纷专项排查", new DateOnly(Year, 2, 25), new DateOnly(Year, 3, 8)),
        ($"{Year}年劳资纠纷隐患专项排查", new DateOnly(Year, 4, 15), new DateOnly(Year, 4, 26)),
        ($"{Year}年汛期前土地山林水利纠纷专项排查", new DateOnly(Year, 5, 13), new DateOnly(Year, 5, 24)),
        ($"{Year}年扫黑除恶专项斗争矛盾纠纷摸排", new DateOnly(Year, 7, 8), new DateOnly(Year, 7, 19)),
        ($"{Year}年国庆七十周年前矛盾纠纷专项大排查", new DateOnly(Year, 9, 2), new DateOnly(Year, 9, 20)),
        ($"{Year}年元旦春节前欠薪矛盾纠纷专项排查", new DateOnly(Year, 12, 2), new DateOnly(Year, 12, 20)),
    ];

    private static readonly string[] Enterprises =
    [
        "东莞市塘厦宏达电子有限公司", "东莞市塘厦鑫源五金制品有限公司", "东莞市塘厦华强塑胶有限公司", "东莞市塘厦立信精密模具有限公司",
        "东莞市塘厦恒通物流有限公司", "东莞市塘厦富华纺织有限公司", "东莞市塘厦美嘉家具有限公司", "东莞市塘厦顺达建筑工程有限公司",
        "东莞市塘厦永盛包装材料有限公司", "东莞市塘厦金丰照明电器有限公司", "东莞市塘厦嘉旺食品有限公司", "东莞市塘厦鸿图印刷有限公司",
    ];

    private static readonly string[] Surnames =
    [
        "陈", "李", "张", "黄", "林", "刘", "叶", "钟", "罗", "何", "郑", "周", "吴", "邓", "谢", "梁", "赖", "曾", "王", "杨",
        "赵", "徐", "孙", "胡", "朱", "高", "莫", "蔡", "袁", "彭",
    ];

    private static readonly string[] MaleGiven =
    [
        "建国", "志强", "海涛", "国平", "伟明", "俊杰", "德胜", "文斌", "家豪", "振宇", "晓东", "子健", "永强", "明辉", "少华", "国良",
        "志勇", "锦荣", "伟文", "汉明", "德明", "建华", "耀辉", "春生", "水生", "润发", "卫东", "志军", "金华", "新民",
    ];

    private static readonly string[] FemaleGiven =
    [
        "秀英", "丽娟", "美华", "晓敏", "淑芬", "小燕", "玉兰", "雪梅", "海燕", "秀珍", "慧敏", "嘉怡", "丽萍", "桂芳", "月娥", "惠玲",
        "少玲", "淑贞", "凤英", "秀兰", "艳红", "丽华", "翠萍", "美玲", "燕珍", "婉婷", "静怡", "玉梅", "素珍", "金凤",
    ];

    // 441900 东莞; the rest where Tangxia's many workers come from (Hunan, Guangxi, Sichuan, Jiangxi, Henan, eastern Guangdong).
    private static readonly string[] Regions = ["441900", "441900", "441900", "430521", "431121", "450881", "511681", "360781", "412723", "441523", "452226"];

    private static readonly DateOnly BornFrom = new(1955, 1, 1);
    private static readonly int BornDays = new DateOnly(2000, 12, 31).DayNumber - new DateOnly(1955, 1, 1).DayNumber;

    private static readonly string[] Streets = ["花园街", "迎宾大道", "塘龙东路", "环市东路", "林村路", "莆心湖路", "石潭埔大道", "商业街", "田心路", "富康路"];

    private static readonly string[] Brands = ["宏达", "鑫源", "华强", "立信", "恒通", "富华", "美嘉", "顺达", "永盛", "金丰", "嘉旺", "鸿图", "康健", "仁和", "安康", "德泰"];

    private static readonly string[] Industries = ["电子", "五金制品", "塑胶", "精密模具", "纺织", "家具", "包装材料", "照明电器", "印刷", "鞋业"];

    private static readonly Story[] Stories =
    [
        new(DisputeType.Neighbours, "双方系楼上楼下邻居，因楼上卫生间防水层破损渗水，导致楼下天花板发霉、墙皮脱落，多次交涉未果发生争吵。",
            "请求对方修复渗水并赔偿墙面修复费用。", "楼上住户于十日内请人修复卫生间防水层，并一次性补偿楼下住户墙面修复费{0}元。",
            "调解员上门查看渗水位置，听取双方陈述，释明相邻关系的法律规定，引导双方互谅互让。", "相邻两户居民", 5, 30),
        new(DisputeType.Neighbours, "双方系相邻住户，因一方长期在公共楼道堆放杂物、饲养的宠物犬夜间吠叫扰民，多次发生口角。",
            "请求对方清理楼道杂物并约束宠物。", "被申请人于三日内清理楼道杂物，今后不在楼道堆放物品，夜间将宠物犬关养于室内。",
            "调解员现场查看楼道情况，分别做双方工作，双方同意各让一步。", "同楼住户"),
        new(DisputeType.Neighbours, "双方因一方房屋装修噪音扰民及建筑垃圾堆放问题发生推搡，派出所出警后移送调解。",
            "请求对方赔礼道歉并赔偿医药费。", "装修一方向对方赔礼道歉，赔偿医药费{0}元，今后施工时间不早于早上八时、不晚于晚上六时。",
            "调解员听取双方陈述，释法明理，双方当面和解。", "相邻两户居民", 3, 15),
        new(DisputeType.Neighbours, "两户村民因房屋之间的排水沟被一方填堵、雨天积水倒灌发生纠纷。",
            "请求恢复排水沟原状。", "双方共同出资疏通并硬化排水沟，费用各半承担，今后互不妨碍排水。",
            "调解员会同社区干部实地查看排水沟走向，组织双方协商。", "相邻两户村民"),
        new(DisputeType.Neighbours, "邻居之间因一方在窗外加装空调外机正对对方窗户，噪音及热风影响生活发生争执。",
            "请求移位空调外机。", "被申请人于七日内将空调外机移至不影响对方的位置，移机费用{0}元由其自行承担。",
            "调解员实地查看空调外机位置，讲解相邻关系规定，双方商定移机方案。", "相邻两户居民", 3, 8),
        new(DisputeType.MarriageFamily, "兄弟三人因赡养年迈父亲的费用分担及轮流照顾问题产生矛盾，父亲到社区求助。",
            "请求明确赡养费分担和照顾安排。", "三兄弟每人每月支付父亲赡养费{0}元，父亲由三人按月轮流照顾，医疗费用凭票据平均分担。",
            "调解员召集家庭成员共同协商，讲解赡养义务的法律规定，引导子女尽孝。", "家庭成员", 5, 15, Matter: FamilyMatter.Support),
        new(DisputeType.MarriageFamily, "夫妻双方因家庭琐事发生争吵并有推搡，女方报警，派出所出警后经双方同意移送调解。",
            "请求对方保证不再动手。", "男方向女方赔礼道歉并保证今后不再动手，双方和好，共同照顾家庭。",
            "调解员分别与双方谈心，讲解反家庭暴力法的规定，双方表示和好。", "夫妻双方", Written: false),
        new(DisputeType.MarriageFamily, "双方离婚后就子女探望时间及抚养费支付问题多次发生争执。",
            "请求按时支付抚养费并明确探望安排。", "男方每月五日前支付孩子抚养费{0}元，每月第二、第四周周末可接孩子探望。",
            "调解员从有利于子女成长的角度释法说理，双方就探望和抚养费达成一致。", "离婚双方", 10, 25, Matter: FamilyMatter.CustodyVisitation),
        new(DisputeType.MarriageFamily, "兄妹因父母遗留房屋的居住使用和分割问题发生争执。",
            "请求分割父母遗留房屋。", "房屋由兄长居住使用，兄长一次性补偿妹妹{0}元，妹妹放弃对该房屋的权利。",
            "调解员讲解继承的法律规定，组织兄妹协商，双方同意以补偿方式解决。", "兄妹", 200, 800, Matter: FamilyMatter.Property),
        new(DisputeType.Labour, "员工离职后主张工厂拖欠两个月工资，多次追讨未果，到厂门口聚集讨薪，派出所出警后移送调解。",
            "请求支付拖欠工资。", "厂方于五日内一次性支付拖欠工资{0}元。",
            "调解员核对考勤和工资表，向厂方释明拖欠工资的法律后果，厂方同意支付。", "员工与厂方", 60, 300, Respondent.Company),
        new(DisputeType.Labour, "员工在车间作业时手指受伤，双方就医疗费及停工留薪期工资发生争议。",
            "请求支付医疗费及停工期间工资。", "单位一次性支付医疗费、停工留薪期工资等共计{0}元，双方劳动关系继续。",
            "调解员查看病历和工资记录，讲解工伤保险条例的相关规定，双方协商确定赔偿数额。", "员工与厂方", 50, 300, Respondent.Company),
        new(DisputeType.Labour, "工人主张包工头拖欠装修工程人工费，多次催讨未果。",
            "请求支付拖欠的人工费。", "包工头于十日内分两期支付人工费{0}元。",
            "调解员核对工人出勤记录，促成双方确认欠款数额和支付期限。", "工人与包工头", 30, 150),
        new(DisputeType.Labour, "员工被单位辞退，主张单位违法解除劳动合同并支付经济补偿。",
            "请求支付经济补偿金。", "单位支付经济补偿金{0}元，双方解除劳动关系，互不追究。",
            "调解员讲解劳动合同法关于解除劳动合同的规定，双方协商确定补偿数额。", "员工与企业", 80, 400, Respondent.Company),
        new(DisputeType.Land, "两户村民因承包地边界界址不清发生纠纷，一方在争议地上种植果树。",
            "请求确认界址并移走果树。", "以村委会测量确认的界址为准，双方重新立界桩，越界果树由种植方于一个月内移栽。",
            "调解员会同村干部实地测量，对照承包合同确认界址。", "两户村民"),
        new(DisputeType.Land, "居民小组与承包户因土地承包合同到期后的续包及租金调整问题发生争议。",
            "请求按原价续包。", "承包户按每亩每年{0}元的标准续包三年，租金于每年一月底前交清。",
            "调解员查阅原承包合同，组织居民小组代表与承包户协商租金标准。", "居民小组与承包户", 8, 20, Respondent.Group),
        new(DisputeType.Land, "两户村民因山林地权属及林木砍伐问题发生争执。",
            "请求停止砍伐并赔偿损失。", "双方确认以旧界石为界，已砍伐林木由砍伐方补偿{0}元。",
            "调解员会同林业站人员实地勘查界石，释明林木权属的规定。", "两户村民", 10, 60),
        new(DisputeType.Land, "村民对承包地被征收后的青苗补偿款归属产生争议。",
            "请求分得青苗补偿款。", "青苗补偿款{0}元归实际耕种方所有，由居民小组直接发放。",
            "调解员查阅征地补偿清单，核实耕种情况，双方认可处理方案。", "承包户与耕种户", 20, 120),
        new(DisputeType.Property, "租户退租时与房东就押金退还及房屋损坏赔偿发生争议。",
            "请求退还押金。", "房东退还押金{0}元，双方就房屋损坏互不追究。",
            "调解员查看租赁合同和房屋现状，释明押金退还的规则。", "租赁双方", 10, 60),
        new(DisputeType.Property, "双方系朋友，借款到期后借款人未按约还款，双方对还款期限发生争执。",
            "请求归还借款。", "借款人分三期归还借款{0}元，每月月底前支付一期。",
            "调解员核对借条和转账记录，促成双方确认欠款和还款计划。", "借贷双方", 50, 500),
        new(DisputeType.Property, "业主与物业公司因小区停车管理及车辆被划伤的赔偿发生争议。",
            "请求赔偿车辆维修费。", "物业公司承担车辆维修费用{0}元，业主补缴拖欠的停车费。",
            "调解员查看监控记录和维修报价，释明物业服务合同的约定。", "业主与物业公司", 10, 50, Respondent.Estate),
        new(DisputeType.Property, "买卖二手电动车后，买方发现车辆电池存在故障，双方发生争执。",
            "请求退车退款。", "卖方退还购车款{0}元，买方退还车辆。",
            "调解员查看车辆状况，讲解买卖合同中出卖人瑕疵担保的规定。", "买卖双方", 10, 40),
        new(DisputeType.Traffic, "电动自行车与小汽车在路口发生刮擦，骑车人轻微受伤，双方就赔偿金额意见不一。",
            "请求赔偿医疗费、误工费和车辆维修费。", "小汽车一方赔偿医疗费、误工费及车辆维修费共计{0}元。",
            "调解员查看事故认定书和医疗票据，依法核算各项赔偿。", "事故双方", 10, 80),
        new(DisputeType.Traffic, "两车追尾，交警认定后车负全部责任，双方就误工费及车辆维修期间的交通费有分歧。",
            "请求赔偿维修费和误工费。", "后车一方一次性赔偿{0}元，双方再无其他纠纷。",
            "调解员查看事故认定书和维修清单，释明赔偿范围，双方协商一致。", "事故双方", 20, 120),
        new(DisputeType.Traffic, "行人被倒车的货车碰伤，双方就后续治疗费用发生争议。",
            "请求赔偿医疗费及后续治疗费。", "货车一方支付医疗费及营养费{0}元，后续治疗费凭票据另行结算。",
            "调解员查看病历和事故经过，讲解侵权责任的规定，双方确认赔偿方案。", "事故双方", 30, 200),
        new(DisputeType.Medical, "患者家属认为诊所用药不当导致病情延误，到诊所讨要说法。",
            "请求退还医疗费并赔偿。", "诊所退还医疗费并补偿{0}元，双方不再另行主张。",
            "调解员听取双方陈述，查阅病历资料，引导双方理性协商。", "患者与诊所", 20, 150, Respondent.Clinic),
        new(DisputeType.Medical, "患者在口腔门诊种植牙后出现感染，双方就返工治疗及赔偿发生争议。",
            "请求免费返工并赔偿误工费。", "门诊免费为患者返工治疗，并补偿误工费{0}元。",
            "调解员查阅诊疗记录，讲解医疗损害责任的规定，双方商定返工和补偿方案。", "患者与诊所", 10, 60, Respondent.Clinic),
        new(DisputeType.Other, "双方在大排档因琐事发生口角后互相推打，一方轻微受伤，派出所出警后经双方同意移送调解。",
            "请求赔偿医药费并赔礼道歉。", "被申请人向申请人赔礼道歉，并赔偿医药费、误工费共计{0}元。",
            "调解员分别听取双方陈述，讲解治安管理处罚法和民法典的相关规定，双方握手言和。", "当事双方", 5, 40),
        new(DisputeType.Other, "顾客与健身会所因会所停业后预付卡退费问题发生争执。",
            "请求退还剩余预付款。", "会所按剩余金额的九成退款{0}元，当日结清。",
            "调解员核对办卡合同和消费记录，依据消费者权益保护法促成退费。", "顾客与商户", 10, 50, Respondent.Shop),
        new(DisputeType.Other, "网吧经营者与顾客因顾客损坏电脑设备的赔偿问题发生争执，派出所出警后移送调解。",
            "请求赔偿损坏的设备。", "顾客赔偿损坏设备费用{0}元，网吧不再追究。",
            "调解员查看监控录像和设备损坏情况，双方确认赔偿数额。", "经营者与顾客", 5, 30),
        new(DisputeType.Other, "外卖骑手与小区保安因进出小区问题发生争执并相互推搡。",
            "请求对方赔礼道歉。", "双方互相赔礼道歉，保安所在物业公司加强对保安人员的管理。",
            "调解员听取双方陈述，批评教育双方，双方互相谅解。", "当事双方"),
    ];

    private static readonly Dictionary<DisputeType, Story[]> StoriesOf = Stories.GroupBy(s => s.Type).ToDictionary(g => g.Key, g => g.ToArray());
}
