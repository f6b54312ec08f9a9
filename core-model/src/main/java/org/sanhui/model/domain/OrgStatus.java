package org.sanhui.model.domain;

import java.util.List;

/**
 * The status of an organisation (状态); a blank cell means ACTIVE, with a warning.
 */
public enum OrgStatus implements Labelled {
    /** 正常. */
    ACTIVE("正常", "运行", "运行中", "在运行"),
    /** 整改中. */
    RECTIFYING("整改中", "限期整改"),
    /** 撤销. */
    REVOKED("撤销", "已撤销");

    private final String label;
    private final List<String> aliases;

    OrgStatus(String label, String... aliases) {
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
