package org.sanhui.model.domain;

import java.util.List;

/**
 * The form of an activity (活动形式).
 */
public enum Form implements Labelled {
    /** 线下. */
    OFFLINE("线下"),
    /** 线上. */
    ONLINE("线上"),
    /** 线上线下. */
    BOTH("线上线下", "线上+线下", "线上和线下");

    private final String label;
    private final List<String> aliases;

    Form(String label, String... aliases) {
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
