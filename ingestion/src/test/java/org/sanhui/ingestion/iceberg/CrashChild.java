package org.sanhui.ingestion.iceberg;

import java.nio.file.Path;
import java.time.Duration;

/** A writer process for {@link KilledWriterTest}: commits the second batch, dying at the point named by its system property. */
public final class CrashChild {

    private CrashChild() {
    }

    /**
     * Runs the batch.
     *
     * @param args the warehouse folder
     */
    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        WarehouseCatalog catalog = Fixtures.catalog(dir);
        try (WriterLock lock = LocalWriterLock.acquire(dir, Duration.ofSeconds(30))) {
            BatchWriter w = BatchWriter.open(WarehouseTables.openForWrite(catalog), lock, BatchWriter.Options.DEFAULTS);
            Batch b = w.begin("b2");
            AtomicBatchTest.batch2(b);
            b.commit();
        }
        System.exit(0);
    }
}
