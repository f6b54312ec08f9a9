package org.sanhui.ingestion.iceberg;

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
 * The writer lock on a local warehouse: an OS file lock on {@code WAREHOUSE/.lock}, released by the OS when the
 * process dies, even by kill -9. A second writer waits up to a timeout, then refuses.
 */
public final class LocalWriterLock implements WriterLock {

    /** The lock file's name under the warehouse root. */
    public static final String FILE_NAME = ".lock";

    private final FileChannel channel;
    private final FileLock lock;

    private LocalWriterLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock, waiting up to the timeout.
     *
     * @param warehouse the warehouse folder (created if absent), null not permitted
     * @param timeout how long to wait, null not permitted
     * @return the held lock, never null
     * @throws IllegalStateException if another writer still holds it after the timeout
     * @throws UncheckedIOException if the lock file cannot be opened
     */
    public static LocalWriterLock acquire(Path warehouse, Duration timeout) {
        try {
            Files.createDirectories(warehouse);
            Path file = warehouse.resolve(FILE_NAME);
            FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
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
                    return new LocalWriterLock(ch, l);
                }
                if (System.nanoTime() >= deadline) {
                    ch.close();
                    throw new IllegalStateException("another writer is running on warehouse " + warehouse + " (it holds "
                            + file + "); waited " + timeout.toSeconds() + " s; try again when it has finished");
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
    public void checkHeld() {
        if (!lock.isValid()) {
            throw new IllegalStateException("the writer lock " + FILE_NAME + " is no longer held");
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
