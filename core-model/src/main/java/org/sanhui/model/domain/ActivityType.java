package org.sanhui.model.domain;

import java.util.List;

/**
 * The type of an activity (活动类型).
 */
public enum ActivityType implements Labelled {
    /** 学术交流. */
    ACADEMIC_EXCHANGE("学术交流"),
    /** 科普宣传. */
    POPULARISATION("科普宣传", "科学普及", "科普活动"),
    /** 科技志愿服务. */
    VOLUNTEER_SERVICE("科技志愿服务"),
    /** 人才培训. */
    TALENT_TRAINING("人才培训", "人才举荐培训"),
    /** 实用技术培训. */
    TECH_TRAINING("实用技术培训", "农村实用技术培训", "技术培训"),
    /** 青少年科技竞赛. */
    YOUTH_COMPETITION("青少年科技竞赛", "青少年科技创新大赛", "机器人竞赛", "科普剧竞赛", "校园科技节"),
    /** 健康讲座义诊. */
    HEALTH_SERVICE("健康讲座义诊", "健康讲堂", "健康义诊", "义诊"),
    /** 决策咨询. */
    CONSULTING("决策咨询"),
    /** 学术会议. */
    CONFERENCE("学术会议"),
    /** 其他. */
    OTHER("其他");

    private final String label;
    private final List<String> aliases;

    ActivityType(String label, String... aliases) {
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
