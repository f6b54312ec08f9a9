package org.sanhui.ingestion.pipeline;

import java.util.EnumMap;
import java.util.Map;
import org.sanhui.ingestion.IngestReport;
import org.sanhui.ingestion.IngestReport.SkipReason;

/** Mutable row counts of one sheet while it is read. */
final class SheetCounts {
    private static final SkipReason[] REASONS = SkipReason.values();

    final String sheet;
    final String dataset;
    long read;
    long accepted;
    long rejected;
    long skipped;
    long carried;
    private final long[] skippedBy = new long[REASONS.length];

    SheetCounts(String sheet, String dataset) {
        this.sheet = sheet;
        this.dataset = dataset;
    }

    /** Counts a row read and skipped for a reason. */
    void readAndSkip(SkipReason why) {
        read++;
        skip(why);
    }

    /** Counts a row (already counted as read) skipped for a reason. */
    void skip(SkipReason why) {
        skipped++;
        skippedBy[why.ordinal()]++;
    }

    IngestReport.SheetReport report() {
        Map<SkipReason, Long> by = new EnumMap<>(SkipReason.class);
        for (SkipReason r : REASONS) {
            by.put(r, skippedBy[r.ordinal()]);
        }
        return new IngestReport.SheetReport(sheet, dataset, read, accepted, rejected, skipped, by, carried);
    }
}
