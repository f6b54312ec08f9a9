package org.sanhui.ingestion;

import java.nio.file.Path;

/**
 * Hears how an ingest run goes, for a progress bar or a log. Every method has an empty default; the
 * CLI adapts this to its progress bar. Called on the ingesting thread.
 */
public interface ProgressListener {

    /** A listener that does nothing. */
    ProgressListener NONE = new ProgressListener() {
    };

    /**
     * The run starts.
     *
     * @param files the number of input files found, in the order they will be taken
     */
    default void started(int files) {
    }

    /**
     * A file starts.
     *
     * @param file the file, never null
     * @param index its 0-based position in the run
     */
    default void fileStarted(Path file, int index) {
    }

    /**
     * Rows were read (called every few thousand rows and at the end of each sheet).
     *
     * @param file the file, never null
     * @param rowsSoFar rows read from this file so far
     */
    default void rowsRead(Path file, long rowsSoFar) {
    }

    /**
     * A file was refused because reading it failed (a parser's or an I/O exception), before
     * {@link #fileFinished}: the exception, for a verbose log. The report's problem already says, in plain
     * words, what is wrong and what to do; this is the detail behind it.
     *
     * @param file the file, never null
     * @param cause the exception, never null
     */
    default void refusalCause(Path file, Throwable cause) {
    }

    /**
     * A file is done (committed, refused, or checked in a dry run).
     *
     * @param report the file's report, never null
     */
    default void fileFinished(IngestReport.FileReport report) {
    }

    /**
     * The run is done.
     *
     * @param report the whole report, never null
     */
    default void finished(IngestReport report) {
    }
}
