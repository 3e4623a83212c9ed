using Fazhi.Web.Modules.Report.Domain;

namespace Fazhi.Web.Modules.Report;

/// <summary>
/// The text of Tangxia's 2019 report (shared/seed), in the five parts the rules require, with every figure it prints as a slot
/// over the records. Passages the seed put elsewhere are moved to their part: the first-responsible-person duty to part three,
/// the shortcomings to part two.
/// </summary>
internal static class Seed2019
{
    public sealed record Section(ReportPart Part, WorkLine Line, string Heading, string? Department, string Text);

    public static readonly IReadOnlyList<Section> Sections =
    [
        new(ReportPart.Preamble, WorkLine.None, "", null,
            "2019年，塘厦镇法治政府建设工作以习近平新时代中国特色社会主义思想为指导，全面贯彻落实党的十九大和十九届二中、三中、四中全会精神、习近平总书记视察广东重要讲话和重要指示批示精神，在上级部门的指导下和镇委、镇政府的有力领导下，围绕党委、政府48项重点工作和“四大攻坚战”，服务大局，全镇各单位、各部门创新工作理念，落实工作举措，强化组织保障，有序推进党委依法执政、党政机关带头依法行政、建设法治政府、积极有效维护社会和谐稳定、扎实推进普法依法治理等依法治镇工作，为深入推进法治塘厦建设，提供坚实的法治基础。现将有关工作情况报告如下："),
        new(ReportPart.Measures, WorkLine.None, "扎实推进法治政府建设的各项工作", null, ""),
        new(ReportPart.Measures, WorkLine.Leadership, "深入学习贯彻习近平新时代中国特色社会主义思想和党的十九大精神，确保法治政府建设正确的政治方向", "TX-LAW",
            "不断夯实法治理论基础。镇委、镇政府坚持以习近平新时代中国特色社会主义思想统领法治建设工作，突出领导干部“关键少数”，着力健全党委理论学习中心组学法，领导干部法治学习作表率，2019年镇党委理论学习中心组共开展了{{publicity.central_group_sessions}}次法治理论集中学习。\n" +
            "深入推进宪法宣传贯彻。领导干部系统学习宪法，举办2019年塘厦镇领导干部学法讲座，组织国家工作人员参加年度学法考试，全镇参考率达{{publicity.exam_sat_rate|approx}}、合格率达{{publicity.exam_pass_rate|approx}}，优秀率达{{publicity.exam_excellent_rate|approx}}；组织领导干部现场旁听法院庭审和庭审直播；组织党员干部观看法治电影。开展“宪法在我心中”法治宣传进校园活动，全镇中小学校宪法教育模式{{publicity.schools_coverage|approx}}全覆盖，在镇{{publicity.schools}}所中小学建成“宪法在我心中”学法园地。"),
        new(ReportPart.Measures, WorkLine.Documents, "加强党的领导，全面提高法治建设水平", "TX-LAW",
            "加强党内法规制度建设。严格按照《中国共产党党内法规制定条例》及相关规定的要求，加强全镇党内法规的审查备案工作，2019年共向市委办备案党内规范性文件{{documents.party_filed}}份。进一步落实党内规范性文件的前置审核要求，规范党内规范性文件的制发程序。\n" +
            "推进党政机关{{documents.advisor_coverage|approx}}建立法律顾问、公职律师制度。2019年，发挥镇委和镇政府聘请的{{documents.firms}}家法律顾问的参谋助手作用，参与重大决策论证，对全镇涉及土地收储、项目发展、土地纠纷、合作纠纷等请示事项出具法律意见。实现镇委、镇政府和社区{{documents.advisor_coverage|approx}}建立法律顾问制度。推动全镇各单位、各部门建立法制工作人员队伍，目前我镇法制工作队伍{{documents.legal_staff|approx}}人。"),
        new(ReportPart.Measures, WorkLine.Enforcement, "深入推进依法行政，加快建设法治政府", "TX-CAE",
            "健全科学民主依法决策机制。做好行政规范性文件备案管理工作，2019年共完成{{documents.admin_filed}}份行政规范性文件的起草、审核和备案工作。\n" +
            "进一步规范行政执法行为。全面推行行政执法公示、执法全过程记录和重大执法决定法制审核“三项制度”，今年，全镇共录入行政处罚案件{{enforcement.penalties}}宗，行政许可{{enforcement.licences}}宗；重大行政执法决定法制审核案件{{enforcement.reviews|approx}}宗。加强行政执法保障，今年共组织{{enforcement.trained}}名执法人员参加行政执法人员培训班，目前我镇持有行政执法证人员数为{{enforcement.officers}}名。召开塘厦镇行政执法案卷现场集中核查会议，从全镇{{enforcement.evaluated_departments}}个行政执法部门中抽取{{enforcement.evaluated}}宗行政执法案卷进行集中评查，并将评查情况通报给各行政执法单位。"),
        new(ReportPart.Measures, WorkLine.Governance, "加强法治社会建设，营造共建共治共享社会治理格局", "TX-JUS",
            "打造全方位多层次社会治安安全防控体系。2019年全年违法犯罪警情同比{{supplied.police_incidents_change}}。健全安全生产责任体系，镇政府与各社区、各单位签订责任书{{publicity.letters_town}}份，各社区与辖区内生产经营单位签订责任书{{publicity.letters_community_business}}份，实现安全监管全覆盖。\n" +
            "加强创新社会治理，建设预防和化解社会矛盾纠纷大调解工作格局。扎实推动驻公安派出所人民调解室工作，在全镇{{mediation.police_rooms}}家派出所建立人民调解室，今年共调解案件{{mediation.mediated}}宗，成功调解案件{{mediation.settled}}宗，调解成功率{{mediation.success_rate}}。推进“以案定补”工作机制，今年落实“以案定补”调解案件{{mediation.subsidised}}宗。加强人民调解组织建设，建立调解员账号{{mediation.mediators}}个。开展矛盾纠纷专项大排查化解工作，今年共排查矛盾纠纷{{mediation.screenings}}次。\n" +
            "深化公共法律服务体系建设。落实法律援助工作，今年全镇共承办法援案件{{legalaid.granted}}宗，接待来访群众、法律援助热线等{{legalaid.contacts}}人次。"),
        new(ReportPart.Measures, WorkLine.Publicity, "加强法治文化建设，深入开展法治宣传教育，着力增强全面法治观念", "TX-LAW",
            "落实“谁执法谁普法”责任机制、普法责任清单制度，制定并印发《2019年塘厦镇普法依法治理工作要点》。完成{{publicity.business_projects}}家企业法治文化建设，举办法治宣传活动{{publicity.events}}场次，推送法治信息{{publicity.posts}}条，编印法治宣传资料{{publicity.printed|approx}}份，发放普法宣传资料{{publicity.handed_out|approx}}份，受教育人数达{{publicity.people_reached|approx}}人次。"),
        new(ReportPart.Measures, WorkLine.Services, "全面优化法治化营商环境，推进政务服务便利化", "TX-SVC",
            "加快推进塘厦市民服务中心建设，实现群众“进一扇门，办所有事”，共设综合类、主题类综合窗口共{{services.windows}}个，努力实现“一窗通办所有事”；深入推进“最多跑一次”改革，实行群众办事一次性告知和限时办结承诺制，群众可扫描办事回执二维码，实时查询办理进度。"),
        new(ReportPart.Shortcomings, WorkLine.None, "存在的不足和原因", null,
            "2019年我镇的法治政府建设相关工作虽取得一定成效，但是仍存在短板，包括重大行政决策程序有待规范，法制人才队伍建设有待进一步加强，工作质量水平有待进一步提高突破等问题。"),
        new(ReportPart.LeadersDuty, WorkLine.None, "党政主要负责人履行推进法治建设第一责任人职责情况", null,
            "全面落实《党政主要负责人履行推进法治建设第一责任人职责规定》，充分发挥镇委在推进本镇法治建设的领导核心作用，成立以镇党委书记为主任的“中共塘厦镇委全面依法治镇委员会”，召开“塘厦镇2019年依法治镇工作成员单位履职报告会议”，{{publicity.duty_reports}}个单位主要负责人述职。把履行第一责任人职责情况纳入政绩考核指标体系，作为考察使用干部的重要依据。"),
        new(ReportPart.Plan, WorkLine.None, "下一年工作计划", null,
            "（一）提升法治政府建设水平。加强公权力监督，开展《重大行政决策程序暂行条例》培训班，建立健全重大行政决策程序的配套机制。\n" +
            "（二）提升法治社会建设质量。着力深化建设公共法律服务体系，着力做好信访工作，畅通信访的投诉渠道，着力解决上访人的合理合法诉求。\n" +
            "（三）提升法治文化建设水平。落实“谁执法谁普法”责任制，加大扫黑除恶宣传力度，在重要时间节点面对重点宣传对象做好宪法和相关法律法规的宣传教育。"),
        new(ReportPart.Other, WorkLine.None, "其他需要报告的情况", null, "无。\n特此报告。"),
    ];
}
