package org.sanhui.ingestion;

import java.nio.file.Path;
import java.util.List;

/** The child JVM of {@link KillTest}: ingests one file into one warehouse, then exits. */
public final class KillTarget {

    private KillTarget() {
    }

    /**
     * Runs.
     *
     * @param args warehouse, file
     */
    public static void main(String[] args) {
        IngestReport r = new Ingestor().ingest(List.of(Path.of(args[1])), IngestOptions.builder(Path.of(args[0])).build());
        System.out.println("done " + r.totals());
    }
}
