package org.sanhui.reporting.briefing;

import java.util.regex.Pattern;

/**
 * Masks anything shaped like a phone number (mobile 1[3-9]xxxxxxxxx, landline 0xxx-xxxxxxx) in text bound
 * for a page, a chart or a workbook. Phones are dropped at ingestion (DOMAIN.md 7), so none should ever
 * arrive; this is defence in depth against a name or note typed with one.
 */
public final class Redaction {

    private static final Pattern PHONE = Pattern.compile("(?<!\\d)(1[3-9]\\d{9}|0\\d{2,3}-\\d{7,8})(?!\\d)");

    private Redaction() {
    }

    /**
     * Returns the text with every phone-shaped number replaced by {@code ***}.
     *
     * @param text the text, may be null
     * @return the masked text, or null for null
     */
    public static String maskPhones(String text) {
        return text == null ? null : PHONE.matcher(text).replaceAll("***");
    }
}
