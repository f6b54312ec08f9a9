package org.sanhui.reporting.briefing;

import java.util.Locale;

/**
 * Number formatting of the briefing: percentages with one decimal, counts with units, changes in
 * percentage points, and the scrubbing of phone numbers from any text that reaches a page.
 */
final class Fmt {

    private final boolean zh;

    Fmt(boolean zh) {
        this.zh = zh;
    }

    /** Percentage of a rate in 0..1 with one decimal, or a dash. */
    String pct(Double rate) {
        return rate == null ? "—" : String.format(Locale.ROOT, "%.1f%%", rate * 100);
    }

    /** A count without unit, with thousands separators. */
    String num(Double v) {
        if (v == null) {
            return "—";
        }
        if (Math.rint(v) == v && Math.abs(v) < 1e15) {
            return String.format(Locale.ROOT, "%,d", v.longValue());
        }
        return String.format(Locale.ROOT, "%,.2f", v);
    }

    /** A count with its unit (zh) or a noun (en). */
    String count(Double v, String unitZh, String nounEn) {
        if (v == null) {
            return "—";
        }
        return zh ? num(v) + unitZh : num(v) + " " + nounEn;
    }

    /** A number with one or two decimals. */
    String dec(Double v, int decimals) {
        return v == null ? "—" : String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    /**
     * The change of a rate in percentage points, between the two rates as printed (one decimal), so that a
     * reader can check it: 9.1% and 4.5% differ by 4.6 points, though the unrounded rates differ by 4.55.
     */
    static double points(double now, double before) {
        return Math.round((printed(now) - printed(before)) * 10) / 10.0;
    }

    private static double printed(double rate) {
        return Double.parseDouble(String.format(Locale.ROOT, "%.1f", rate * 100));
    }

    /** Change of a rate in percentage points, as a short table cell: +2.0个百分点 / -1.5个百分点 / 0.0个百分点. */
    String ppCell(Double now, Double before) {
        if (now == null || before == null) {
            return "—";
        }
        double d = points(now, before);
        return (d > 0 ? "+" : "") + String.format(Locale.ROOT, "%.1f", d) + (zh ? "个百分点" : " pp");
    }

    /** Change of a count as a short table cell: +3 / -2 / 0. */
    String diffCell(Double now, Double before) {
        if (now == null || before == null) {
            return "—";
        }
        double d = now - before;
        return (d > 0 ? "+" : "") + num(d);
    }

    /** A rate's change as words: 提高2.0个百分点 / 下降1.5个百分点 / 持平. */
    String ppWords(Double now, Double before) {
        if (now == null || before == null) {
            return null;
        }
        double d = points(now, before);
        if (d == 0) {
            return zh ? "持平" : "unchanged";
        }
        String v = String.format(Locale.ROOT, "%.1f", Math.abs(d));
        return zh ? (d > 0 ? "提高" : "下降") + v + "个百分点" : (d > 0 ? "up " : "down ") + v + " points";
    }

    /**
     * A rate compared with earlier periods, as a clause to append after the rate: "，较上季度提高2.3个百分点，
     * 与去年同期持平" (zh), " (up 2.3 points on last period)" (en); empty when no earlier rate is known.
     *
     * @param now the rate now, or null
     * @param earlier the earlier rates by their name (上季度, 去年同期), in order; a null rate is left out
     */
    String ppClause(Double now, java.util.Map<String, Double> earlier) {
        StringBuilder sb = new StringBuilder();
        for (java.util.Map.Entry<String, Double> e : earlier.entrySet()) {
            String w = ppWords(now, e.getValue());
            if (w == null) {
                continue;
            }
            if (zh) {
                sb.append(w.equals("持平") ? "，与" + e.getKey() + "持平" : "，较" + e.getKey() + w);
            } else {
                sb.append(sb.isEmpty() ? " (" : ", ").append(w).append(" on ").append(e.getKey());
            }
        }
        if (!zh && !sb.isEmpty()) {
            sb.append(')');
        }
        return sb.toString();
    }

    /** A count's change as words: 增加3个 / 减少2个 / 持平. */
    String diffWords(Double now, Double before, String unitZh) {
        if (now == null || before == null) {
            return null;
        }
        double d = now - before;
        if (d == 0) {
            return zh ? "持平" : "unchanged";
        }
        if (!zh) {
            return (d > 0 ? "up " : "down ") + num(Math.abs(d));
        }
        String rel = before != 0 ? String.format(Locale.ROOT, "（%s%.1f%%）", d > 0 ? "增长" : "下降",
                Math.abs(d) / before * 100) : "";
        return (d > 0 ? "增加" : "减少") + num(Math.abs(d)) + unitZh + rel;
    }

    /** Masks anything shaped like a phone number (defence in depth: none should ever arrive). */
    static String scrub(String text) {
        return Redaction.maskPhones(text);
    }

    /** Joins names with 、 (zh) or commas (en). */
    String join(java.util.List<String> names) {
        return String.join(zh ? "、" : ", ", names);
    }
}
