package org.sanhui.ingestion.iceberg;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A writer process halted at a crash point (as by kill -9: no clean-up runs, the OS releases the lock) leaves the
 * warehouse as it was for readers; the next writer rolls back its commits and deletes the files it never committed.
 */
class KilledWriterTest {

    @TempDir
    Path dir;

    private static long parquetFiles(Path tableData) throws Exception {
        if (!Files.isDirectory(tableData)) {
            return 0;
        }
        try (Stream<Path> s = Files.walk(tableData)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".parquet")).count();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"after-write:activities", "after-commit:activities"})
    void haltedWriterLeavesBeforeStateAndItsLeftoversAreCleanedUp(String point) throws Exception {
        WarehouseCatalog catalog = Fixtures.catalog(dir);
        try (WriterLock lock = Fixtures.lock(dir)) {
            BatchWriter w = BatchWriter.open(WarehouseTables.openForWrite(catalog), lock,
                    BatchWriter.Options.DEFAULTS.withHook(CrashPoints.NONE));
            Batch b = w.begin("b1");
            AtomicBatchTest.batch1(b);
            b.commit();
        }
        Map<String, List<String>> before = AtomicBatchTest.view(catalog);
        Path activities = dir.resolve("sanhui/activities/data");
        long filesBefore = parquetFiles(activities);

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx256m", "-D" + CrashPoints.PROPERTY + "=" + point, "-cp",
                System.getProperty("java.class.path"), CrashChild.class.getName(), dir.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(Files.readString(dir.resolve("child.log"))).isEqualTo(137);

        // the dead writer's new activities file is on disk, readers do not see it
        assertThat(parquetFiles(activities)).isGreaterThan(filesBefore);
        assertThat(AtomicBatchTest.view(catalog)).isEqualTo(before);

        try (WriterLock lock = Fixtures.lock(dir)) { // the OS released the dead process's lock
            BatchWriter next = BatchWriter.open(WarehouseTables.openForWrite(catalog), lock,
                    BatchWriter.Options.DEFAULTS.withHook(CrashPoints.NONE));
            if (point.startsWith("after-write")) {
                // never committed: deleted
                assertThat(next.swept()).isNotEmpty().allMatch(f -> f.contains("/activities/data/")
                        || f.contains("/organisations/data/") || f.contains("/posts/data/"));
                assertThat(next.rolledBack()).hasSize(2); // organisations and posts had committed
                assertThat(parquetFiles(activities)).isEqualTo(filesBefore);
            } else {
                // committed, then rolled back: kept, as the rolled-back snapshot still names it
                assertThat(next.rolledBack()).hasSize(3);
                assertThat(next.swept()).isEmpty();
            }
            assertThat(AtomicBatchTest.view(catalog)).isEqualTo(before);
        }
    }
}
