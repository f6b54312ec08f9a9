package org.sanhui.ingestion.warehouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

/**
 * The exclusive lock an ingest holds on {@code WAREHOUSE/.lock} while it runs (an OS file lock, so
 * it is released when the process dies, even by kill -9). A second ingest waits up to a timeout, then
 * refuses with a message that says who to wait for.
 */
public final class WarehouseLock implements AutoCloseable {

    /** The lock file's name under the warehouse root. */
    public static final String FILE_NAME = ".lock";

    private final FileChannel channel;
    private final FileLock lock;

    private WarehouseLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock, waiting up to the timeout.
     *
     * @param warehouse the warehouse root (created if absent), null not permitted
     * @param timeout how long to wait, null not permitted
     * @return the held lock, never null; close it to release
     * @throws IllegalStateException if another ingest still holds it after the timeout
     * @throws UncheckedIOException if the lock file cannot be opened
     */
    public static WarehouseLock acquire(Path warehouse, Duration timeout) {
        try {
            Files.createDirectories(warehouse);
            FileChannel ch = FileChannel.open(warehouse.resolve(FILE_NAME), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            long deadline = System.nanoTime() + timeout.toNanos();
            long sleep = 20;
            while (true) {
                FileLock l;
                try {
                    l = ch.tryLock();
                } catch (OverlappingFileLockException e) {
                    l = null;
                }
                if (l != null) {
                    return new WarehouseLock(ch, l);
                }
                if (System.nanoTime() >= deadline) {
                    ch.close();
                    throw new IllegalStateException("another ingest is running on warehouse " + warehouse
                            + " (it holds " + warehouse.resolve(FILE_NAME) + "); waited " + timeout.toSeconds()
                            + " s; try again when it has finished");
                }
                try {
                    Thread.sleep(sleep);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    ch.close();
                    throw new IllegalStateException("interrupted while waiting for the lock of " + warehouse, e);
                }
                sleep = Math.min(500, sleep * 2);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the lock file of " + warehouse, e);
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot release the warehouse lock", e);
        }
    }
}
