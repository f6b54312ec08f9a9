package org.sanhui.model.privacy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sanhui.model.value.Text;

/**
 * Personal data helpers (DOMAIN.md section 7): masking names for problems, logs, rejects and feedback,
 * recognising phone numbers so that they are never echoed.
 */
public final class PersonalData {

    /** What a phone number is replaced with by {@link #scrub(String, Collection)}. */
    public static final String PHONE_MASK = "***********";

    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
    private static final Pattern LANDLINE = Pattern.compile("0\\d{2,3}\\d{7,8}");
    // In free text: a mobile, or a landline with its area code, digits (half- or full-width) possibly split
    // by dashes or spaces.
    private static final String D = "[0-9\uFF10-\uFF19]";
    private static final String SEP = "[-\uFF0D \u3000]?";
    private static final Pattern PHONE_IN_TEXT = Pattern.compile("(?<![0-9\uFF10-\uFF19])(?:(?:\\+?86" + SEP + ")?"
            + "[1\uFF11][3-9\uFF13-\uFF19]" + D + "(?:" + SEP + D + "){8}|(?:[(（][0\uFF10]" + D + "{2,3}[)）]|[0\uFF10]" + D + "{2,3})" + SEP
            + D + "{3,4}" + SEP + D + "{3,4})(?![0-9\uFF10-\uFF19])");

    private PersonalData() {
    }

    /**
     * Masks a person's name: the first character and, for three characters or more, the last are kept,
     * the rest become {@code *} (王小芳 to 王*芳, 王芳 to 王*, 欧阳小芳 to 欧**芳). A Latin-script name
     * keeps its first letter only ({@code Zhang Wei} to {@code Z***}).
     *
     * @param name the name as written, may be null
     * @return the masked name, empty for a null or blank name, never null
     */
    public static String maskName(String name) {
        String n = Text.normalize(name);
        if (n.isEmpty()) {
            return "";
        }
        int[] cps = n.codePoints().toArray();
        if (isLatin(cps)) {
            return new String(cps, 0, 1) + "***";
        }
        cps = n.replace(" ", "").codePoints().toArray(); // 王 小 芳 is 王小芳
        if (cps.length == 1) {
            return "*";
        }
        if (cps.length == 2) {
            return new String(cps, 0, 1) + "*";
        }
        return new String(cps, 0, 1) + "*".repeat(cps.length - 2) + new String(cps, cps.length - 1, 1);
    }

    private static boolean isLatin(int[] cps) {
        for (int c : cps) {
            if (Character.isLetter(c) && Character.UnicodeScript.of(c) != Character.UnicodeScript.LATIN) {
                return false;
            }
        }
        return true;
    }

    /**
     * Tells whether a text is a phone number: a mainland mobile ({@code 1[3-9]} and nine more digits)
     * or a landline with its area code ({@code 0951-1234567}), possibly with spaces, dashes,
     * brackets around the area code or a {@code +86} prefix.
     *
     * @param text the text, may be null
     * @return true when the whole text is a phone number
     */
    public static boolean looksLikePhone(String text) {
        String t = Text.normalize(text).replaceAll("[\\s\\-()（）]", "");
        if (t.startsWith("+86")) {
            t = t.substring(3);
        } else if (t.startsWith("86") && t.length() == 13) {
            t = t.substring(2);
        }
        return MOBILE.matcher(t).matches() || LANDLINE.matcher(t).matches();
    }

    /**
     * Scrubs a free text (a message, a log line): every occurrence of one of the names is masked
     * with {@link #maskName(String)} and every phone number replaced by {@link #PHONE_MASK}.
     *
     * @param text the text, may be null
     * @param names the names to mask (blank ones ignored), null not permitted
     * @return the scrubbed text, empty for null, never null
     */
    public static String scrub(String text, Collection<String> names) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String out = text;
        if (names.isEmpty() && digits(out) < 10) {
            return out;
        }
        List<String> sorted = new ArrayList<>();
        for (String n : names) {
            String t = Text.normalize(n);
            if (!t.isEmpty()) {
                sorted.add(t);
            }
        }
        sorted.sort(Comparator.comparingInt(String::length).reversed()); // 欧阳小芳 before 小芳
        for (String n : sorted) {
            out = out.replace(n, maskName(n));
        }
        if (digits(out) < 10) {
            return out; // no phone has fewer than ten digits: spare the regex, this runs for every problem
        }
        Matcher m = PHONE_IN_TEXT.matcher(out);
        return m.replaceAll(PHONE_MASK);
    }

    private static int digits(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9' || c >= '\uFF10' && c <= '\uFF19') {
                n++;
            }
        }
        return n;
    }
}
