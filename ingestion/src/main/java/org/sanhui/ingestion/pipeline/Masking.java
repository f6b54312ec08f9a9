package org.sanhui.ingestion.pipeline;

import org.sanhui.model.value.Text;

/** Masks persons' names as DOMAIN.md section 7 says (王小芳 to 王*芳); interim until core-model's PersonalData is on main. */
public final class Masking {

    private Masking() {
    }

    /**
     * Masks a name: the first character and, for three or more, the last are kept.
     *
     * @param name the name, may be null
     * @return the masked name, empty for blank, never null
     */
    public static String name(String name) {
        String n = Text.normalize(name);
        if (n.isEmpty()) {
            return "";
        }
        int[] cps = n.codePoints().toArray();
        if (cps.length == 1) {
            return "*";
        }
        if (cps.length == 2) {
            return new String(cps, 0, 1) + "*";
        }
        return new String(cps, 0, 1) + "*".repeat(cps.length - 2) + new String(cps, cps.length - 1, 1);
    }
}
