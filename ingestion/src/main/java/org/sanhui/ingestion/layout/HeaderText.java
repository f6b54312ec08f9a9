package org.sanhui.ingestion.layout;

import java.util.Locale;
import org.sanhui.model.value.Text;

/** The one way header cells are compared: full-width and brackets folded, spaces, '*' and 必填 marks removed, lower case. */
final class HeaderText {

    private HeaderText() {
    }

    static String key(String s) {
        if (s == null) {
            return "";
        }
        String t = Text.normalizeAll(s);
        StringBuilder b = new StringBuilder(t.length());
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == ' ' || c == '*' || c == '＊' || c == '\n' || c == '\r') {
                continue;
            }
            b.append(c);
        }
        String k = b.toString().replace("(必填)", "").replace("(选填)", "").replace("必填", "");
        while (k.endsWith(":") || k.endsWith("：")) {
            k = k.substring(0, k.length() - 1);
        }
        return k.toLowerCase(Locale.ROOT);
    }
}
