package org.sanhui.ingestion.layout;

import org.sanhui.model.value.Text;

/** What a row of a sheet is, as far as layout goes. Only DATA rows are validated; the others are skipped and counted. */
public enum RowKind {
    /** A title or 填报单位/填报日期 line above the header. */
    TITLE,
    /** A row of only blank cells. */
    BLANK,
    /** A 合计/总计/小计 row. */
    TOTAL,
    /** A 注：/说明： note. */
    NOTE,
    /** A 填报人/联系电话/审核人 footer. */
    FOOTER,
    /** A detail row. */
    DATA;

    /**
     * Classifies a row below the header.
     *
     * @param cells the raw cells, null not permitted
     * @return the kind, never null
     */
    public static RowKind classify(String[] cells) {
        String first = null;
        for (String c : cells) {
            if (c != null && !c.isBlank()) {
                first = c;
                break;
            }
        }
        if (first == null) {
            return BLANK;
        }
        if (!mayBeLayout(first)) {
            return DATA;
        }
        String t = Text.normalizeAll(first).replace(" ", "");
        if (t.startsWith("合计") || t.startsWith("总计") || t.startsWith("小计") || t.startsWith("共计")) {
            return TOTAL;
        }
        if (t.startsWith("注:") || t.startsWith("注：") || t.equals("注") || t.startsWith("说明:")
                || t.startsWith("备注:") || t.startsWith("注1") || t.startsWith("注①")) {
            return NOTE;
        }
        if (t.startsWith("填报人") || t.startsWith("联系电话") || t.startsWith("审核人") || t.startsWith("制表人")
                || t.startsWith("单位负责人") || t.startsWith("填报日期") || t.startsWith("制表:") || t.startsWith("制表日期")
                || t.startsWith("联系人")) {
            return FOOTER;
        }
        return DATA;
    }

    /** Cheap pre-check on the first character, so that the usual detail row costs no normalisation. */
    private static boolean mayBeLayout(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ' ' || c == '\u3000' || c == '\t') {
                continue;
            }
            return c == '合' || c == '总' || c == '小' || c == '共' || c == '注' || c == '说' || c == '备' || c == '填'
                    || c == '联' || c == '审' || c == '制' || c == '单';
        }
        return false;
    }
}
