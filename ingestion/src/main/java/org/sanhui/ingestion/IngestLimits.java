package org.sanhui.ingestion;

import java.time.Duration;
import java.util.Objects;

/**
 * The processing limits that protect ingestion from hostile or broken files. Every limit is named in
 * the message of the problem it raises, so a clerk or an administrator knows which one to change.
 *
 * @param maxFileBytes largest input file accepted, in bytes
 * @param maxZipEntries most entries an xlsx (zip) may hold
 * @param maxInflatedBytes largest total uncompressed size of an xlsx's entries
 * @param maxInflationRatio largest ratio of uncompressed to compressed size, per entry and in total
 * @param maxCells most non-blank cells read from one file
 * @param maxCellChars longest text accepted in one cell
 * @param maxRowsPerSheet most rows read from one sheet
 * @param lockTimeout how long an ingest waits for another one on the same warehouse, never null
 */
public record IngestLimits(long maxFileBytes, int maxZipEntries, long maxInflatedBytes, double maxInflationRatio,
        long maxCells, int maxCellChars, long maxRowsPerSheet, Duration lockTimeout) {

    /** The defaults: 256 MB files, 1,000 zip entries, 4 GB inflated, ratio 200, 100 million cells, 32,767 characters, 5 million rows, 60 s. */
    public static final IngestLimits DEFAULTS = new IngestLimits(256L << 20, 1000, 4L << 30, 200.0, 100_000_000L,
            32_767, 5_000_000L, Duration.ofSeconds(60));

    /**
     * Checks the limits.
     *
     * @throws IllegalArgumentException if a limit is not positive
     */
    public IngestLimits {
        Objects.requireNonNull(lockTimeout, "lockTimeout");
        if (maxFileBytes <= 0 || maxZipEntries <= 0 || maxInflatedBytes <= 0 || maxInflationRatio <= 0 || maxCells <= 0
                || maxCellChars <= 0 || maxRowsPerSheet <= 0 || lockTimeout.isNegative()) {
            throw new IllegalArgumentException("every ingestion limit must be positive: " + this);
        }
    }

    /**
     * Returns these limits with another lock timeout.
     *
     * @param timeout the timeout, null not permitted
     * @return the limits, never null
     */
    public IngestLimits withLockTimeout(Duration timeout) {
        return new IngestLimits(maxFileBytes, maxZipEntries, maxInflatedBytes, maxInflationRatio, maxCells, maxCellChars,
                maxRowsPerSheet, timeout);
    }
}
