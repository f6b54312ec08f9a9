package org.sanhui.model.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every label and alias of DOMAIN.md section 2b parses to its value. */
class VocabularyTest {

    static Stream<Arguments> domainAliases() {
        return Stream.of(
                a(OrgKind.COUNTY_KEXIE, "县级科协", "县科协", "区科协", "县（区）科协", "县(区)科协", "县（市、区）科协"),
                a(OrgKind.TOWNSHIP_KEXIE, "乡镇（街道）科协", "乡镇科协", "街道科协", "镇科协"),
                a(OrgKind.VILLAGE_KEXIE, "村（社区）科协", "村科协", "社区科协"),
                a(OrgKind.SCI_EDU_SOCIETY, "基层科技教育学会", "科技教育学会"),
                a(OrgKind.MEDICAL_SOCIETY, "基层医疗卫生学会", "医疗卫生学会", "medical_society"),
                a(OrgKind.AGRI_SOCIETY, "基层农业技术学会", "农业技术学会"),
                a(OrgKind.RURAL_TECH_ASSOCIATION, "农技协", "农村专业技术协会"),
                a(OrgKind.ENTERPRISE_KEXIE, "企业科协"),
                a(OrgKind.UNIVERSITY_KEXIE, "高校科协"),
                a(OrgKind.VOLUNTEER_TEAM, "科技志愿服务队", "志愿服务队"),
                a(OrgKind.OTHER_SOCIETY, "其他学会"),
                a(OrgStatus.ACTIVE, "正常", "ACTIVE"),
                a(OrgStatus.RECTIFYING, "整改中"),
                a(OrgStatus.REVOKED, "撤销", "已撤销"),
                a(PersonRole.HOSPITAL_HEAD, "医院院长", "卫生院院长", "社区卫生服务中心主任"),
                a(PersonRole.SCHOOL_HEAD, "学校校长", "中小学校长"),
                a(PersonRole.AGRI_STATION_HEAD, "农技站站长", "农业服务中心主任", "农技推广中心主任"),
                a(PersonRole.SOCIAL_SERVICE_HEAD, "社会服务中心主任"),
                a(PersonRole.SCIENCE_MUSEUM_HEAD, "科技馆馆长"),
                a(PersonRole.POPULARISATION_BASE_HEAD, "科普教育基地负责人", "科普基地负责人"),
                a(PersonRole.LECTURER_GROUP_HEAD, "科普讲师团团长", "讲师团负责人"),
                a(PersonRole.RESEARCH_INSTITUTE_HEAD, "科研院所负责人"),
                a(PersonRole.TECH_ENTERPRISE_HEAD, "科技型企业负责人"),
                a(PersonRole.HIGH_SKILL_TALENT, "高技能人才"),
                a(PersonRole.OTHER, "其他"),
                a(Post.PART_TIME_VICE_CHAIR, "兼职副主席"),
                a(Post.SECONDED_VICE_CHAIR, "挂职副主席"),
                a(Post.STANDING_COMMITTEE, "常委"),
                a(Post.COMMITTEE, "委员"),
                a(Post.DELEGATE, "代表"),
                a(ActivityType.ACADEMIC_EXCHANGE, "学术交流"),
                a(ActivityType.POPULARISATION, "科普宣传", "科学普及", "科普活动"),
                a(ActivityType.VOLUNTEER_SERVICE, "科技志愿服务"),
                a(ActivityType.TALENT_TRAINING, "人才培训", "人才举荐培训"),
                a(ActivityType.TECH_TRAINING, "实用技术培训", "农村实用技术培训", "技术培训"),
                a(ActivityType.YOUTH_COMPETITION, "青少年科技竞赛", "青少年科技创新大赛", "机器人竞赛", "科普剧竞赛", "校园科技节"),
                a(ActivityType.HEALTH_SERVICE, "健康讲座义诊", "健康讲堂", "健康义诊", "义诊"),
                a(ActivityType.CONSULTING, "决策咨询"),
                a(ActivityType.CONFERENCE, "学术会议"),
                a(ActivityType.OTHER, "其他"),
                a(TargetGroup.YOUTH, "青少年"),
                a(TargetGroup.FARMERS, "农民"),
                a(TargetGroup.WORKERS, "产业工人"),
                a(TargetGroup.ELDERLY, "老年人"),
                a(TargetGroup.CADRES, "领导干部"),
                a(TargetGroup.RESIDENTS, "社区居民", "公众", "群众"),
                a(TargetGroup.MEDICAL_STAFF, "医务人员"),
                a(TargetGroup.TEACHERS, "教师"),
                a(TargetGroup.SCI_TECH_WORKERS, "科技工作者"),
                a(TargetGroup.OTHER, "其他"),
                a(Form.OFFLINE, "线下"),
                a(Form.ONLINE, "线上"),
                a(Form.BOTH, "线上线下"),
                a(Grade.A, "A", "a", "优秀", "好"),
                a(Grade.B, "B", "良好", "合格", "较好", "一般"),
                a(Grade.C, "C", "基本合格", "不合格", "较差", "差"),
                a(CivilRating.A1, "1A", "1A级", "A"),
                a(CivilRating.A2, "2A", "2A级", "AA"),
                a(CivilRating.A3, "3A", "3A级", "AAA"),
                a(CivilRating.A4, "4A", "4A级", "AAAA"),
                a(CivilRating.A5, "5A", "5A级", "AAAAA", "５Ａ级"));
    }

    private static Arguments a(Enum<?> value, String... spellings) {
        return Arguments.of(value, spellings);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("domainAliases")
    @SuppressWarnings({"unchecked", "rawtypes"})
    void parsesEveryAlias(Enum<?> value, String[] spellings) {
        for (String s : spellings) {
            java.util.Optional<Object> hit = Vocabulary.parse((Class) value.getDeclaringClass(), s);
            assertThat(hit).as(s).contains(value);
            java.util.Optional<Object> padded = Vocabulary.parse((Class) value.getDeclaringClass(), "　" + s + " ");
            assertThat(padded).as(s).contains(value);
        }
    }

    @Test
    void unknownAndBlankWordsMatchNothing() {
        assertThat(Vocabulary.parse(OrgKind.class, "学会")).isEmpty();
        assertThat(Vocabulary.parse(OrgKind.class, "")).isEmpty();
        assertThat(Vocabulary.parse(OrgKind.class, null)).isEmpty();
    }

    @Test
    void noSpellingIsSharedWithinAnEnum() {
        for (Class<?> c : new Class<?>[] {OrgKind.class, OrgStatus.class, PersonRole.class, Post.class,
            ActivityType.class, TargetGroup.class, Form.class, Grade.class, CivilRating.class}) {
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (Object o : c.getEnumConstants()) {
                Labelled l = (Labelled) o;
                assertThat(seen.add(l.label())).as(c + " " + l.label()).isTrue();
                for (String alias : l.aliases()) {
                    assertThat(seen.add(alias)).as(c + " " + alias).isTrue();
                }
            }
        }
    }

    @Test
    void labelsListEveryValueInOrder() {
        assertThat(Vocabulary.labels(Form.class)).containsExactly("线下", "线上", "线上线下");
    }
}
