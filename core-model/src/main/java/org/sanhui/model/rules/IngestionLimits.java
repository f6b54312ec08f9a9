package org.sanhui.model.rules;

/**
 * Limits that protect ingestion from hostile or broken files. A file beyond one is refused with
 * {@link org.sanhui.model.problem.ProblemCode#LIMIT_EXCEEDED}.
 *
 * @param maxFileBytes the largest file accepted, in bytes (default 256 MiB)
 * @param maxCells the most cells read from one file (default 100,000,000)
 * @param maxCellChars the longest cell text, in characters (default 32,767, Excel's own limit)
 * @param maxZipInflationRatio the largest uncompressed/compressed ratio of an xlsx zip entry (default 200)
 * @param maxZipEntries the most entries in an xlsx zip (default 1,000)
 * @param maxColumns the most columns of a sheet (default 16,384, Excel's own limit)
 */
public record IngestionLimits(long maxFileBytes, long maxCells, int maxCellChars, int maxZipInflationRatio,
        int maxZipEntries, int maxColumns) {

    /** The defaults. */
    public static final IngestionLimits DEFAULTS = new IngestionLimits(256L * 1024 * 1024, 100_000_000L, 32_767, 200,
            1_000, 16_384);

    /**
     * Checks that every limit is positive.
     *
     * @param maxFileBytes the largest file accepted, in bytes (default 256 MiB)
     * @param maxCells the most cells read from one file (default 100,000,000)
     * @param maxCellChars the longest cell text, in characters (default 32,767, Excel's own limit)
     * @param maxZipInflationRatio the largest uncompressed/compressed ratio of an xlsx zip entry (default 200)
     * @param maxZipEntries the most entries in an xlsx zip (default 1,000)
     * @param maxColumns the most columns of a sheet (default 16,384, Excel's own limit)
     * @throws IllegalArgumentException if a limit is zero or negative, naming it
     */
    public IngestionLimits {
        positive("maxFileBytes", maxFileBytes);
        positive("maxCells", maxCells);
        positive("maxCellChars", maxCellChars);
        positive("maxZipInflationRatio", maxZipInflationRatio);
        positive("maxZipEntries", maxZipEntries);
        positive("maxColumns", maxColumns);
    }

    private static void positive(String name, long v) {
        if (v <= 0) {
            throw new IllegalArgumentException(name + " must be positive, got " + v);
        }
    }
}
