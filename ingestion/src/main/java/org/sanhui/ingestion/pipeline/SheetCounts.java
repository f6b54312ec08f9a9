package org.sanhui.ingestion.pipeline;

import org.sanhui.ingestion.IngestReport;

/** Mutable row counts of one sheet while it is read. */
final class SheetCounts {
    final String sheet;
    final String dataset;
    long read;
    long accepted;
    long rejected;
    long skipped;
    long carried;

    SheetCounts(String sheet, String dataset) {
        this.sheet = sheet;
        this.dataset = dataset;
    }

    IngestReport.SheetReport report() {
        return new IngestReport.SheetReport(sheet, dataset, read, accepted, rejected, skipped, carried);
    }
}
