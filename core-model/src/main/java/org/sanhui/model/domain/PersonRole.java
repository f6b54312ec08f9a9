package org.sanhui.model.domain;

import java.util.List;

/**
 * The key-person category of a post holder (关键人物类别).
 */
public enum PersonRole implements Labelled {
    /** 医院院长. */
    HOSPITAL_HEAD("医院院长", "卫生院院长", "社区卫生服务中心主任"),
    /** 学校校长. */
    SCHOOL_HEAD("学校校长", "中小学校长", "校长"),
    /** 农技站站长. */
    AGRI_STATION_HEAD("农技站站长", "农业服务中心主任", "农技推广中心主任"),
    /** 社会服务中心主任. */
    SOCIAL_SERVICE_HEAD("社会服务中心主任"),
    /** 科技馆馆长. */
    SCIENCE_MUSEUM_HEAD("科技馆馆长"),
    /** 科普教育基地负责人. */
    POPULARISATION_BASE_HEAD("科普教育基地负责人", "科普基地负责人"),
    /** 科普讲师团团长. */
    LECTURER_GROUP_HEAD("科普讲师团团长", "讲师团负责人"),
    /** 科研院所负责人. */
    RESEARCH_INSTITUTE_HEAD("科研院所负责人"),
    /** 科技型企业负责人. */
    TECH_ENTERPRISE_HEAD("科技型企业负责人"),
    /** 高技能人才. */
    HIGH_SKILL_TALENT("高技能人才"),
    /** 其他. */
    OTHER("其他");

    private final String label;
    private final List<String> aliases;

    PersonRole(String label, String... aliases) {
        this.label = label;
        this.aliases = List.of(aliases);
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public List<String> aliases() {
        return aliases;
    }
}
