package org.sanhui.ingestion.iceberg;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The writer lock on a file system without OS locks (HDFS): a lease file {@code WAREHOUSE/.lease}.
 *
 * <ul>
 * <li><b>Taking it:</b> create the file, failing if it exists (atomic on HDFS), holding a random token and who
 * holds it.</li>
 * <li><b>Heartbeat:</b> a daemon thread renews it every third of the expiry: it checks that the file still holds its
 * token and sets the file's modification time.</li>
 * <li><b>Expiry:</b> a waiter watches the file's token and modification time. Only once they have not changed for
 * the expiry, measured on the waiter's own clock (so the clocks of the two machines need not agree), does it take
 * the lease over: it renames the stale file aside (atomic; only one waiter succeeds), deletes it and creates its own.</li>
 * <li><b>Loss:</b> a holder that stalled beyond the expiry finds another token in the file;
 * {@link #checkHeld()}, which the writer calls before each commit, then fails.</li>
 * </ul>
 * Like every lease this is safe only if no holder stalls for longer than the expiry between its check and its commit.
 */
public final class LeaseWriterLock implements WriterLock {

    /** The lease file's name under the warehouse root. */
    public static final String FILE_NAME = ".lease";

    private final FileSystem fs;
    private final Path file;
    private final String token;
    private final Duration expiry;
    private final Thread heartbeat;
    private volatile String lost;
    private volatile long lastBeatNanos;
    private volatile boolean closed;

    private LeaseWriterLock(FileSystem fs, Path file, String token, Duration expiry) {
        this.fs = fs;
        this.file = file;
        this.token = token;
        this.expiry = expiry;
        this.lastBeatNanos = System.nanoTime();
        this.heartbeat = new Thread(this::beat, "sanhui-lease-heartbeat");
        heartbeat.setDaemon(true);
    }

    /**
     * Takes the lease, waiting up to the timeout (and taking over a lease whose holder stopped renewing it).
     *
     * @param location the warehouse, null not permitted
     * @param conf the Hadoop configuration, null not permitted
     * @param timeout how long to wait, null not permitted
     * @param expiry how long a lease lives without a heartbeat, null not permitted
     * @return the held lease, never null
     * @throws IllegalStateException if another writer holds it after the timeout
     * @throws UncheckedIOException if the file system fails
     */
    public static LeaseWriterLock acquire(WarehouseLocation location, Configuration conf, Duration timeout,
            Duration expiry) {
        Objects.requireNonNull(location, "location");
        Path file = new Path(location.resolve(FILE_NAME));
        try {
            FileSystem fs = file.getFileSystem(conf);
            fs.mkdirs(file.getParent());
            String token = UUID.randomUUID().toString();
            long deadline = System.nanoTime() + timeout.toNanos();
            String seenToken = null;
            long seenMtime = Long.MIN_VALUE;
            long seenSince = System.nanoTime();
            long sleep = 20;
            while (true) {
                if (tryCreate(fs, file, token)) {
                    LeaseWriterLock l = new LeaseWriterLock(fs, file, token, expiry);
                    l.heartbeat.start();
                    return l;
                }
                String[] holder = read(fs, file);
                if (holder != null) {
                    long mtime = mtime(fs, file);
                    if (!holder[0].equals(seenToken) || mtime != seenMtime) {
                        seenToken = holder[0];
                        seenMtime = mtime;
                        seenSince = System.nanoTime();
                    } else if (System.nanoTime() - seenSince >= expiry.toNanos()) {
                        takeOver(fs, file, seenToken, token);
                        continue;
                    }
                }
                if (System.nanoTime() >= deadline) {
                    throw new IllegalStateException("another writer is running on warehouse " + location + " (lease "
                            + file + " held by " + (holder == null ? "?" : holder[1]) + "); waited "
                            + timeout.toSeconds() + " s; try again when it has finished, or once the lease has expired ("
                            + expiry.toSeconds() + " s without a heartbeat)");
                }
                try {
                    Thread.sleep(sleep);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for the lease of " + location, e);
                }
                sleep = Math.min(Math.max(20, expiry.toMillis() / 4), sleep * 2);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot take the writer lease " + file, e);
        }
    }

    private static boolean tryCreate(FileSystem fs, Path file, String token) throws IOException {
        String text = token + "\t" + owner() + "\n";
        try (OutputStream out = fs.create(file, false)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (IOException e) {
            if (fs.exists(file)) {
                return false; // some file systems report an existing file with a plain IOException
            }
            throw e;
        }
        String[] written = read(fs, file);
        return written != null && written[0].equals(token);
    }

    private static void takeOver(FileSystem fs, Path file, String staleToken, String myToken) throws IOException {
        Path aside = new Path(file.getParent(), FILE_NAME + ".expired-" + myToken);
        if (!fs.rename(file, aside)) {
            return; // another waiter was quicker, or the holder released it
        }
        String[] moved = read(fs, aside);
        if (moved != null && !moved[0].equals(staleToken)) {
            // a fresh lease was taken between our look and the rename: give it back if its place is still free
            if (!fs.rename(aside, file)) {
                fs.delete(aside, false);
            }
            return;
        }
        fs.delete(aside, false);
    }

    private static String[] read(FileSystem fs, Path file) throws IOException {
        try (InputStream in = fs.open(file)) {
            String s = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            if (s.isEmpty()) {
                return null; // being written
            }
            String[] parts = s.split("\t", 2);
            return new String[] {parts[0], parts.length > 1 ? parts[1] : "?"};
        } catch (FileNotFoundException e) {
            return null;
        }
    }

    private static long mtime(FileSystem fs, Path file) throws IOException {
        try {
            FileStatus st = fs.getFileStatus(file);
            return st.getModificationTime();
        } catch (FileNotFoundException e) {
            return Long.MIN_VALUE;
        }
    }

    private static String owner() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = "unknown-host";
        }
        return ManagementFactory.getRuntimeMXBean().getPid() + "@" + host;
    }

    private void beat() {
        long period = Math.max(10, expiry.toMillis() / 3);
        while (!closed && lost == null) {
            try {
                Thread.sleep(period);
            } catch (InterruptedException e) {
                return;
            }
            if (closed) {
                return;
            }
            renew();
        }
    }

    /** Renews the lease once: the heartbeat thread's step. */
    void renew() {
        try {
            String[] holder = read(fs, file);
            if (holder == null || !holder[0].equals(token)) {
                lost = "the lease " + file + " was taken over by " + (holder == null ? "nobody (deleted)" : holder[1]);
                return;
            }
            long now = Math.max(System.currentTimeMillis(), mtime(fs, file) + 1);
            fs.setTimes(file, now, -1);
            lastBeatNanos = System.nanoTime();
        } catch (IOException e) {
            // a missed beat: the next one retries; checkHeld() fails once beats have failed for the expiry
        }
    }

    /** Stops the heartbeat without releasing the lease: what a holder that died leaves behind (tests only). */
    void stopHeartbeatForTest() {
        closed = true;
        heartbeat.interrupt();
    }

    @Override
    public void checkHeld() {
        if (lost != null) {
            throw new IllegalStateException("the writer lock was lost: " + lost);
        }
        try {
            String[] holder = read(fs, file);
            if (holder == null || !holder[0].equals(token)) {
                lost = "the lease " + file + " is now held by " + (holder == null ? "nobody" : holder[1]);
                throw new IllegalStateException("the writer lock was lost: " + lost);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot check the writer lease " + file, e);
        }
        if (System.nanoTime() - lastBeatNanos > expiry.toNanos()) {
            throw new IllegalStateException("the writer lock may be lost: no heartbeat of the lease " + file
                    + " succeeded for " + expiry.toSeconds() + " s");
        }
    }

    @Override
    public void close() {
        closed = true;
        heartbeat.interrupt();
        try {
            heartbeat.join(1000);
            String[] holder = read(fs, file);
            if (holder != null && holder[0].equals(token)) {
                fs.delete(file, false);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot release the writer lease " + file, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
