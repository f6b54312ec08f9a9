package org.sanhui.model.rules;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The briefing masthead fields (BRIEFING.md): the issuing body per province and the optional
 * 报 / 送 / 发 distribution lines printed at the foot of the briefing.
 *
 * @param issuers the issuer's name per province code (e.g. {@code 64 -> 宁夏回族自治区科学技术协会}), never null
 * @param reportTo the 报 line, empty when not printed, never null
 * @param copyTo the 送 line, empty when not printed, never null
 * @param distributeTo the 发 line, empty when not printed, never null
 */
public record Masthead(Map<String, String> issuers, String reportTo, String copyTo, String distributeTo) {

    /** No issuers configured and no distribution lines. */
    public static final Masthead DEFAULTS = new Masthead(Map.of(), "", "", "");

    /**
     * Checks and copies.
     *
     * @param issuers the issuer's name per province code (e.g. {@code 64 -> 宁夏回族自治区科学技术协会}), never null
     * @param reportTo the 报 line, empty when not printed, never null
     * @param copyTo the 送 line, empty when not printed, never null
     * @param distributeTo the 发 line, empty when not printed, never null
     * @throws NullPointerException if a part is null
     * @throws IllegalArgumentException if an issuer key is not a two-digit province code
     */
    public Masthead {
        Objects.requireNonNull(reportTo, "reportTo");
        Objects.requireNonNull(copyTo, "copyTo");
        Objects.requireNonNull(distributeTo, "distributeTo");
        for (Map.Entry<String, String> e : issuers.entrySet()) {
            if (!e.getKey().matches("\\d{2}")) {
                throw new IllegalArgumentException("briefing issuer key '" + e.getKey()
                        + "' is not a province code, expected two digits such as 64");
            }
            Objects.requireNonNull(e.getValue(), "issuer");
        }
        issuers = Map.copyOf(new TreeMap<>(issuers));
    }

    /**
     * Returns the configured issuer of a province's briefing.
     *
     * @param provinceCode the two-digit province code, null not permitted
     * @return the issuer's name, or empty when none is configured (reporting then derives one from the
     *         province's name)
     */
    public Optional<String> issuer(String provinceCode) {
        return Optional.ofNullable(issuers.get(Objects.requireNonNull(provinceCode, "provinceCode")));
    }
}
