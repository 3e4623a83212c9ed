using Fazhi.Web.Platform.Organisation.Domain;
using Fazhi.Web.Platform.Data;
using Fazhi.Web.Platform.Modules;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Platform.Organisation;

/// <summary>
/// A town shaped like Tangxia in the 2019 report: the party and government offices, the legal,
/// justice and petitions offices, fifteen enforcement departments, communities, police stations
/// with mediation rooms, 25 windows and a few staff to sign in as. Loaded only in demo mode,
/// only into an empty database.
/// </summary>
public sealed class DemoTown(FazhiDbContext db, UserManager<StaffUser> users, IPasswordHasher<StaffUser> hasher)
{
    /// <summary>Shown on the login page in demo mode. It is shorter than the policy asks: demo accounts are seeded, not created through the policy.</summary>
    public const string Password = "Demo#2019";

    /// <summary>The demo citizen's phone: their online account (the one door's) and their matters in the other work lines use it, so one page shows them all.</summary>
    public const string CitizenPhone = "13800138000";

    public const string CitizenName = "陈美玲";

    private static readonly (string Code, string Name, bool Enforces)[] Departments =
    [
        ("TX-PARTY", "镇委办公室", false),
        ("TX-GOV", "镇政府办公室", false),
        ("TX-LAW", "依法治镇办", false),
        ("TX-POL", "镇委政法办", false),
        ("TX-JUS", "司法所", false),
        ("TX-PET", "信访办", false),
        ("TX-SUP", "效能监督办", false),
        ("TX-SVC", "市民服务中心", false),
        ("TX-CAE", "综合行政执法分局", true),
        ("TX-MSA", "市场监督管理分局", true),
        ("TX-ECO", "生态环境分局", true),
        ("TX-EMG", "应急管理分局", true),
        ("TX-LAND", "自然资源分局", true),
        ("TX-BUILD", "住房和城乡建设分局", true),
        ("TX-PLAN", "规划管理所", true),
        ("TX-HR", "人力资源和社会保障分局", true),
        ("TX-HEALTH", "卫生健康局", true),
        ("TX-TRANS", "交通运输分局", true),
        ("TX-AGRI", "农林水务局", true),
        ("TX-CULT", "文化广电旅游体育局", true),
        ("TX-FIRE", "消防救援大队", true),
        ("TX-POLICE", "公安分局", true),
        ("TX-EDU", "教育管理中心", true),
    ];

    private static readonly (string Code, string Parent, string Name)[] Units =
    [
        ("TX-SVC-GEN", "TX-SVC", "综合窗口科"),
        ("TX-SVC-24H", "TX-SVC", "24小时服务区"),
        ("TX-JUS-MED", "TX-JUS", "镇人民调解委员会"),
        ("TX-JUS-AID", "TX-JUS", "公共法律服务中心"),
        ("TX-JUS-LAND", "TX-JUS", "农村土地承包调解委员会"),
        ("TX-POLICE-TX", "TX-POLICE", "塘厦派出所"),
        ("TX-POLICE-STP", "TX-POLICE", "石潭埔派出所"),
        ("TX-POLICE-LC", "TX-POLICE", "林村派出所"),
        ("TX-POLICE-FHG", "TX-POLICE", "凤凰岗派出所"),
        ("TX-POLICE-ZFL", "TX-POLICE", "诸佛岭派出所"),
        ("TX-POLICE-DP", "TX-POLICE", "大坪派出所"),
    ];

    private static readonly string[] Communities =
    [
        "塘厦", "石潭埔", "石鼓", "石马", "林村", "田心", "蛟乙塘", "四村", "诸佛岭", "莆心湖", "大坪", "凤凰岗",
        "桥陇", "沙湖口", "横塘", "龙背岭", "浦龙", "清湖头", "平山", "鹿苑", "新塘", "连塘", "旧围",
    ];

    private static readonly string[] Themes =
    [
        "企业开办", "民房报建", "不动产登记", "社保医保", "人才户籍", "公安户政", "税务办理", "婚姻登记", "工程建设", "出入境",
    ];

    /// <summary>Every module's demo accounts, the platform's first: as the login page lists them.</summary>
    public static IEnumerable<DemoAccount> Accounts => ModuleCatalog.All.SelectMany(m => m.DemoAccounts);

    public async Task LoadAsync(CancellationToken ct = default)
    {
        if (await db.OrgNodes.AnyAsync(ct))
        {
            return;
        }

        var town = OrgNode.Create("TX", "塘厦镇人民政府", OrgNodeKind.Town, null);
        db.OrgNodes.Add(town);
        var byCode = new Dictionary<string, OrgNode> { [town.Code] = town };
        var order = 1;
        foreach (var (code, name, enforces) in Departments)
        {
            byCode[code] = OrgNode.Create(code, name, OrgNodeKind.Department, town, order++, enforces);
        }

        foreach (var (code, parent, name) in Units)
        {
            byCode[code] = OrgNode.Create(code, name, OrgNodeKind.Unit, byCode[parent], order++);
        }

        var c = 1;
        foreach (var name in Communities)
        {
            var code = $"TX-C{c++:00}";
            byCode[code] = OrgNode.Create(code, name + "社区", OrgNodeKind.Community, town, order++);
        }

        db.OrgNodes.AddRange(byCode.Values.Where(n => n != town));

        for (var n = 1; n <= 25; n++)
        {
            db.Windows.Add(n <= 15
                ? Window.Create(n, $"综合窗口 {n:00}", WindowKind.General, null)
                : Window.Create(n, $"{Themes[n - 16]}窗口", WindowKind.Thematic, Themes[n - 16]));
        }

        await db.SaveChangesAsync(ct);

        var phone = 1000;
        // Every demo account has the published demo password: one hash serves them all (hashing is slow by design).
        string? hash = null;
        foreach (var (userName, name, dept, roles, scope) in Accounts)
        {
            var user = new StaffUser
            {
                Id = Guid.CreateVersion7(),
                UserName = userName,
                DisplayName = name,
                DepartmentId = byCode[dept].Id,
                DataScope = scope,
                LockoutEnabled = true,
                PhoneNumber = $"1380769{phone++:0000}",
            };
            user.PasswordHash = hash ??= hasher.HashPassword(user, Password);
            Check(await users.CreateAsync(user));
            Check(await users.AddToRolesAsync(user, roles));
        }

        // The town's other staff (国家工作人员) on the staff list: accounts without a role or a password, so no one signs in
        // as them; they attend study sessions and sit the yearly law exam.
        var departments = byCode.Values.Where(n => n.Kind == OrgNodeKind.Department).OrderBy(n => n.SortOrder).ToList();
        for (var i = 0; i < Cadres; i++)
        {
            var userName = $"cadre{i + 1:000}";
            db.Users.Add(new StaffUser
            {
                Id = Guid.CreateVersion7(), UserName = userName, NormalizedUserName = userName.ToUpperInvariant(), DisplayName = Surnames[i % Surnames.Length] + Given[i * 7 % Given.Length],
                DepartmentId = departments[i % departments.Count].Id, DataScope = DataScope.Self, LockoutEnabled = true,
                SecurityStamp = Guid.NewGuid().ToString("N"), ConcurrencyStamp = Guid.NewGuid().ToString(),
            });
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>How many staff the demo town has besides its sign-in accounts.</summary>
    public const int Cadres = 122;

    private static readonly string[] Surnames = ["陈", "李", "张", "黄", "林", "刘", "叶", "钟", "罗", "何", "郑", "周", "吴", "邓", "谢", "梁", "赖", "曾"];

    private static readonly string[] Given = ["志强", "丽娟", "伟明", "淑芬", "海燕", "建军", "秀珍", "国平", "慧敏", "家豪", "永红", "文华", "晓东", "美华", "振宇", "玉兰", "子健", "嘉怡"];

    private static void Check(IdentityResult r)
    {
        if (!r.Succeeded)
        {
            throw new InvalidOperationException("Demo seeding failed: " + string.Join("; ", r.Errors.Select(e => e.Description)));
        }
    }
}
