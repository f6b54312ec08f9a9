package org.sanhui.reporting;

import java.util.Locale;

/** The language of a briefing edition. */
public enum Lang {
    /** Chinese, the edition of record. */
    ZH,
    /** English, a simpler edition for readers without Chinese. */
    EN;

    /**
     * Parses {@code zh} or {@code en} (any case).
     *
     * @param text the text, null not permitted
     * @return the language, never null
     * @throws IllegalArgumentException if the text is neither, with the accepted values
     */
    public static Lang parse(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "zh", "zh-cn", "cn" -> ZH;
            case "en" -> EN;
            default -> throw new IllegalArgumentException("unknown language '" + text + "', expected zh or en");
        };
    }
}
