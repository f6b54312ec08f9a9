package org.sanhui.ingestion.iceberg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WriterLockTest {

    @TempDir
    Path dir;

    @Test
    void localWarehouseUsesAnOsFileLockThatASecondWriterWaitsForThenRefuses() {
        WarehouseLocation loc = WarehouseLocation.of(dir);
        try (WriterLock first = WriterLock.acquire(loc, new Configuration(), Duration.ofSeconds(1))) {
            assertThat(first).isInstanceOf(LocalWriterLock.class);
            first.checkHeld();
            assertThatThrownBy(() -> WriterLock.acquire(loc, new Configuration(), Duration.ofMillis(300)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("another writer is running on warehouse");
        }
        try (WriterLock again = WriterLock.acquire(loc, new Configuration(), Duration.ofMillis(300))) {
            again.checkHeld();
        }
    }

    /** The lease logic, on the local Hadoop file system (as on HDFS: no OS lock, a file, a heartbeat). */
    @Test
    void leaseIsRenewedByItsHeartbeatAndTakenOverOnlyAfterItExpires() throws Exception {
        WarehouseLocation loc = WarehouseLocation.of(dir);
        Configuration conf = new Configuration();
        Duration expiry = Duration.ofMillis(900);
        LeaseWriterLock holder = LeaseWriterLock.acquire(loc, conf, Duration.ofSeconds(1), expiry);
        Path lease = dir.resolve(LeaseWriterLock.FILE_NAME);
        assertThat(Files.readString(lease)).contains("@");
        long mtime0 = Files.getLastModifiedTime(lease).toMillis();

        // a live holder keeps it well past the expiry: the waiter sees the heartbeat and gives up at its timeout
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> LeaseWriterLock.acquire(loc, conf, Duration.ofMillis(2500), expiry))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("lease");
        assertThat((System.nanoTime() - t0) / 1_000_000).isGreaterThanOrEqualTo(2400);
        assertThat(Files.getLastModifiedTime(lease).toMillis()).isGreaterThan(mtime0);
        holder.checkHeld();

        // the holder dies (its heartbeat stops, the file stays): a waiter takes over once the lease has expired
        holder.stopHeartbeatForTest();
        long t1 = System.nanoTime();
        LeaseWriterLock next = LeaseWriterLock.acquire(loc, conf, Duration.ofSeconds(10), expiry);
        long waited = (System.nanoTime() - t1) / 1_000_000;
        assertThat(waited).isGreaterThanOrEqualTo(expiry.toMillis()).isLessThan(5000);
        next.checkHeld();
        assertThatThrownBy(holder::checkHeld).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("lost");
        // the old holder's release leaves the new lease alone
        holder.close();
        next.checkHeld();
        next.close();
        assertThat(lease).doesNotExist();

        // released: the next one gets it at once
        try (LeaseWriterLock third = LeaseWriterLock.acquire(loc, conf, Duration.ofMillis(200), expiry)) {
            third.checkHeld();
        }
    }
}
