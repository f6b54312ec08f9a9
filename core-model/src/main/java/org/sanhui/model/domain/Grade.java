package org.sanhui.model.domain;

import java.util.List;

/**
 * An annual evaluation grade (评价等次). The aliases are the default word mapping of DOMAIN.md;
 * {@link org.sanhui.model.rules.Rules#gradeWords()} may replace it, and a word it does not map is a
 * located problem, never a guess.
 */
public enum Grade implements Labelled {
    /** A: 优秀. */
    A("A", "优秀", "好", "A级", "A等"),
    /** B: 良好, 合格. */
    B("B", "良好", "合格", "较好", "一般", "B级", "B等"),
    /** C: 基本合格, 不合格; two consecutive years of C mean exit. */
    C("C", "基本合格", "不合格", "较差", "差", "C级", "C等");

    private final String label;
    private final List<String> aliases;

    Grade(String label, String... aliases) {
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
