package org.sanhui.model.domain;

import java.util.List;

/**
 * A civil-affairs rating of a social organisation (社会组织等级评估).
 */
public enum CivilRating implements Labelled {
    /** 1A级. */
    A1("1A级", "1A", "A"),
    /** 2A级. */
    A2("2A级", "2A", "AA"),
    /** 3A级. */
    A3("3A级", "3A", "AAA"),
    /** 4A级. */
    A4("4A级", "4A", "AAAA"),
    /** 5A级. */
    A5("5A级", "5A", "AAAAA");

    private final String label;
    private final List<String> aliases;

    CivilRating(String label, String... aliases) {
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
