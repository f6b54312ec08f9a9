package org.sanhui.ingestion.iceberg;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;

/**
 * Runs a batch's Parquet encoding on a second thread, so that the thread that reads and checks rows goes on while
 * the rows it handed over are encoded and compressed. Tasks run one at a time, in the order given. The hand-off is
 * bounded: {@link #submit} waits while the rows already waiting exceed the bound (the batch passes half its memory
 * budget), so the rows handed over and not yet written cannot pile up.
 *
 * <p>A task that fails makes every later task a no-op, except those marked {@code always} (the closing of files, so
 * that what was written can be deleted), and the failure is thrown by every later {@link #submit} of rows and every
 * {@link #await()}: no batch commits after a lost write. The thread is a daemon, started on the first task and ended
 * after a second without work, so an abandoned batch leaves no thread behind.
 */
final class Encoder {

    /** Work on the encoder thread. */
    @FunctionalInterface
    interface Task {
        void run() throws IOException;
    }

    private record Item(Task task, long bytes, boolean always) {
    }

    private static final long IDLE_MILLIS = 1000;

    private final String name;
    private final long maxPendingBytes;
    private final ArrayDeque<Item> queue = new ArrayDeque<>();
    private long pendingBytes;
    private boolean busy;
    private Thread thread;
    private Throwable failure;

    /**
     * An encoder.
     *
     * @param name the thread's name
     * @param maxPendingBytes the estimated bytes of rows that may wait for the thread before a submit waits
     */
    Encoder(String name, long maxPendingBytes) {
        this.name = name;
        this.maxPendingBytes = maxPendingBytes;
    }

    /**
     * Hands a task over, waiting while too many rows wait already.
     *
     * @param bytes the estimated heap of the rows the task writes (0 for a task that holds no rows)
     * @param always whether the task runs even after an earlier task failed (closing a file); such a task is queued
     *        at once, and an earlier failure is left for {@link #await()}
     * @param task the task
     * @throws UncheckedIOException if an earlier task failed, or the wait was interrupted (not for an
     *         {@code always} task)
     */
    synchronized void submit(long bytes, boolean always, Task task) {
        if (!always) { // a clean-up task is queued whatever happened, without waiting
            rethrow();
            while (pendingBytes > 0 && pendingBytes + bytes > maxPendingBytes && failure == null) {
                waitHere();
            }
            rethrow();
        }
        queue.add(new Item(task, bytes, always));
        pendingBytes += bytes;
        if (thread == null) {
            thread = new Thread(this::loop, name);
            thread.setDaemon(true);
            thread.start();
        }
        notifyAll();
    }

    /**
     * Waits until every task handed over has run.
     *
     * @throws UncheckedIOException if a task failed, or the wait was interrupted
     */
    synchronized void await() {
        while (!queue.isEmpty() || busy) {
            waitHere();
        }
        rethrow();
    }

    /** Waits until every task has run, whatever failed (abandoning a batch). */
    synchronized void awaitQuietly() {
        boolean interrupted = false;
        while (!queue.isEmpty() || busy) {
            try {
                wait();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void waitHere() {
        try {
            wait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new InterruptedIOException("interrupted while rows were encoded"));
        }
    }

    private void rethrow() {
        Throwable f = failure; // thrown by every later call: no rows may be committed after a lost write
        if (f == null) {
            return;
        }
        if (f instanceof IOException io) {
            throw new UncheckedIOException("cannot write the rows' data files: " + io.getMessage(), io);
        }
        if (f instanceof RuntimeException re) {
            throw re;
        }
        if (f instanceof Error err) {
            throw err;
        }
        throw new IllegalStateException(f);
    }

    private void loop() {
        while (true) {
            Item item;
            synchronized (this) {
                long idleSince = System.currentTimeMillis();
                while (queue.isEmpty()) {
                    long left = IDLE_MILLIS - (System.currentTimeMillis() - idleSince);
                    if (left <= 0) {
                        thread = null; // a later submit starts another
                        return;
                    }
                    try {
                        wait(left);
                    } catch (InterruptedException e) {
                        // nobody but this class knows the thread; tasks handed over still run
                    }
                }
                item = queue.poll();
                busy = true;
            }
            Throwable failed = null;
            if (item.always() || failure == null) {
                try {
                    item.task().run();
                } catch (Throwable e) { // handed to the thread that submitted, see rethrow
                    failed = e;
                }
            }
            synchronized (this) {
                if (failed != null && failure == null) {
                    failure = failed;
                }
                pendingBytes -= item.bytes();
                busy = false;
                notifyAll();
            }
        }
    }
}
