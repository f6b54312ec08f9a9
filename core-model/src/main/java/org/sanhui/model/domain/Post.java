package org.sanhui.model.domain;

import java.util.List;

/**
 * The post a key person holds in a 科协 (科协职务).
 */
public enum Post implements Labelled {
    /** 兼职副主席. */
    PART_TIME_VICE_CHAIR("兼职副主席"),
    /** 挂职副主席. */
    SECONDED_VICE_CHAIR("挂职副主席"),
    /** 常委. */
    STANDING_COMMITTEE("常委"),
    /** 委员. */
    COMMITTEE("委员"),
    /** 代表. */
    DELEGATE("代表");

    private final String label;
    private final List<String> aliases;

    Post(String label, String... aliases) {
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
