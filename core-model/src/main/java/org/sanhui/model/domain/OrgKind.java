package org.sanhui.model.domain;

import java.util.List;

/**
 * The kind of an organisation (组织类型).
 */
public enum OrgKind implements Labelled {
    /** 县级科协. */
    COUNTY_KEXIE("县级科协", "县科协", "区科协", "县（区）科协", "县（市、区）科协", "市科协", "旗科协"),
    /** 乡镇（街道）科协. */
    TOWNSHIP_KEXIE("乡镇（街道）科协", "乡镇科协", "街道科协", "镇科协", "乡科协"),
    /** 村（社区）科协. */
    VILLAGE_KEXIE("村（社区）科协", "村科协", "社区科协"),
    /** the grassroots science-education society, led by a school principal. */
    SCI_EDU_SOCIETY("基层科技教育学会", "科技教育学会", "科教学会"),
    /** the grassroots medical-health society, led by a hospital director. */
    MEDICAL_SOCIETY("基层医疗卫生学会", "医疗卫生学会", "医卫学会"),
    /** the grassroots agri-tech society, led by an agri-tech station head. */
    AGRI_SOCIETY("基层农业技术学会", "农业技术学会", "农技学会"),
    /** 农技协. */
    RURAL_TECH_ASSOCIATION("农技协", "农村专业技术协会"),
    /** 企业科协. */
    ENTERPRISE_KEXIE("企业科协"),
    /** 高校科协. */
    UNIVERSITY_KEXIE("高校科协"),
    /** a science volunteer team, one of the 三队 that the 三长 lead. */
    VOLUNTEER_TEAM("科技志愿服务队", "志愿服务队"),
    /** 其他学会. */
    OTHER_SOCIETY("其他学会");

    private final String label;
    private final List<String> aliases;

    OrgKind(String label, String... aliases) {
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
