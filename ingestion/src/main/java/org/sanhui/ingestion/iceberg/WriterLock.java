package org.sanhui.ingestion.iceberg;

import java.time.Duration;
import java.util.Objects;
import org.apache.hadoop.conf.Configuration;

/**
 * The one lock every writer of a warehouse holds (ingest, the output table, compaction, expiry): the Hadoop catalog
 * commits by an exists-check and a rename, which is safe for one writer process at a time only.
 * On a local file system it is an OS file lock on {@code WAREHOUSE/.lock}, released by the OS even after kill -9;
 * on any other file system (HDFS), where no OS lock exists, a lease file {@code WAREHOUSE/.lease} that the holder
 * renews by a heartbeat and that a waiter may take over once it has not changed for the expiry.
 */
public interface WriterLock extends AutoCloseable {

    /** How long a lease survives without a heartbeat, unless configured otherwise. */
    Duration DEFAULT_LEASE_EXPIRY = Duration.ofSeconds(60);

    /**
     * Checks that the lock is still held; a writer calls it before each commit.
     *
     * @throws IllegalStateException if the lock was lost (a lease taken over after a stall beyond its expiry)
     */
    void checkHeld();

    /** Releases the lock. */
    @Override
    void close();

    /**
     * Takes the writer lock of a warehouse, waiting up to the timeout.
     *
     * @param location the warehouse, null not permitted
     * @param conf the Hadoop configuration (for a lease on a remote file system), null not permitted
     * @param timeout how long to wait for another writer, null not permitted
     * @return the held lock, never null
     * @throws IllegalStateException if another writer holds it after the timeout
     */
    static WriterLock acquire(WarehouseLocation location, Configuration conf, Duration timeout) {
        Objects.requireNonNull(location, "location");
        if (location.isLocal()) {
            return LocalWriterLock.acquire(location.localPath().orElseThrow(), timeout);
        }
        return LeaseWriterLock.acquire(location, conf, timeout, DEFAULT_LEASE_EXPIRY);
    }
}
