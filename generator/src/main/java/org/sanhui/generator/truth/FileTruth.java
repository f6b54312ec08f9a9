package org.sanhui.generator.truth;

import java.util.Map;
import java.util.TreeMap;

/**
 * What ingestion must do with one sheet of one file, for one county.
 *
 * @param file the path relative to the sample folder, '/' separated
 * @param sheet the sheet name (for a CSV: the sheet it stands for)
 * @param county the county (6 digits); for the layout rows of a multi-county workbook, the sender's code
 * @param period the period code ({@code 2024Q3}, or the year for evaluations)
 * @param accepted data rows accepted
 * @param rejected data rows rejected
 * @param skipped rows skipped: title, filing line, header, totals, notes, footer and already-received rows
 * @param skippedDetail the skipped rows by kind (title, filing_line, header, total, note, footer, already_received)
 * @param rejectedCodes the rejected rows by ProblemCode name
 */
public record FileTruth(String file, String sheet, String county, String period, int accepted, int rejected,
        int skipped, Map<String, Integer> skippedDetail, Map<String, Integer> rejectedCodes) {

    /**
     * Copies the maps into sorted maps.
     */
    public FileTruth {
        skippedDetail = new TreeMap<>(skippedDetail);
        rejectedCodes = new TreeMap<>(rejectedCodes);
    }
}
