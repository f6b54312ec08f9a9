package org.sanhui.model.domain;

import java.util.List;

/**
 * A target group of an activity (服务对象); a cell may list several.
 */
public enum TargetGroup implements Labelled {
    /** 青少年. */
    YOUTH("青少年"),
    /** 农民. */
    FARMERS("农民"),
    /** 产业工人. */
    WORKERS("产业工人"),
    /** 老年人. */
    ELDERLY("老年人"),
    /** 领导干部. */
    CADRES("领导干部"),
    /** 社区居民. */
    RESIDENTS("社区居民", "公众", "群众"),
    /** 医务人员. */
    MEDICAL_STAFF("医务人员"),
    /** 教师. */
    TEACHERS("教师"),
    /** 科技工作者. */
    SCI_TECH_WORKERS("科技工作者"),
    /** 其他. */
    OTHER("其他");

    private final String label;
    private final List<String> aliases;

    TargetGroup(String label, String... aliases) {
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
