package org.sanhui.reporting.briefing;

import java.util.List;
import java.util.Objects;
import org.sanhui.reporting.Lang;

/**
 * A briefing ready to be laid out: its masthead texts, title and body blocks.
 *
 * @param regionCode the region it covers
 * @param regionName the region's display name (pseudo-cities named after their province)
 * @param periodCode the period, e.g. {@code 2024Q4}
 * @param lang the language
 * @param mastTitle the briefing's name in the masthead (red)
 * @param issueLine the issue line under it
 * @param issuer the issuing body (left)
 * @param dateLine the date (right)
 * @param title the issue's title, centred bold
 * @param blocks the body
 * @param distribution the 报/送/发 lines (empty when none configured)
 * @param copies the print count line, or null
 * @param subject a one-line subject for the document metadata
 */
public record Briefing(String regionCode, String regionName, String periodCode, Lang lang, String mastTitle,
        String issueLine, String issuer, String dateLine, String title, List<Block> blocks,
        List<String> distribution, String copies, String subject) {

    /** Copies the lists. */
    public Briefing {
        Objects.requireNonNull(regionCode, "regionCode");
        blocks = List.copyOf(blocks);
        distribution = List.copyOf(distribution);
    }

    /**
     * Returns the figures, in order.
     *
     * @return the figures, never null
     */
    public List<Block.Figure> figures() {
        return blocks.stream().filter(Block.Figure.class::isInstance).map(Block.Figure.class::cast).toList();
    }

    /**
     * Returns the tables, in order.
     *
     * @return the tables, never null
     */
    public List<Block.Table> tables() {
        return blocks.stream().filter(Block.Table.class::isInstance).map(Block.Table.class::cast).toList();
    }
}
