package org.sanhui.analytics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.LocalInputFile;
import org.sanhui.model.error.DataIntegrityException;
import org.sanhui.model.warehouse.Checksums;
import org.sanhui.model.warehouse.LiveFile;

/**
 * Checks the live files a job is about to read, so that damaged data is refused with a message naming
 * the file rather than silently skipped (Spark skips zero-length files) or reported as an internal error.
 * A file passes when it exists, its bytes have the SHA-256 the manifest recorded when the file was made
 * live (any changed byte, in a page or in the footer, is caught here, before Spark reads anything), its
 * footer parses, and the footer's row count equals the count the manifest recorded. A file listed by a
 * version 1 manifest has no recorded checksum and gets the other checks only; damage the footer check
 * misses there is caught, if at all, when Spark reads the page and reported by {@link #translate}.
 */
final class LiveFileCheck {

    /**
     * Footer-only read options on a plain configuration: the no-argument {@code open} builds a Hadoop
     * {@code Configuration} per file, parsing its XML defaults each time (~5 ms, which made the check of a
     * national warehouse's ~70 000 files take minutes).
     */
    static final ParquetReadOptions READ_OPTIONS = ParquetReadOptions.builder(new PlainParquetConfiguration()).build();

    private static final Pattern PARQUET_FILE = Pattern.compile("(/[^\\s'\"]*\\.parquet)");

    private LiveFileCheck() {
    }

    static void verify(Path warehouse, List<LiveFile> files) {
        files.parallelStream().forEach(lf -> verify(warehouse, lf));
    }

    private static void verify(Path warehouse, LiveFile lf) {
        Path file = warehouse.resolve(lf.path());
        try {
            long size = Files.exists(file) ? Files.size(file) : -1;
            if (size < 0) {
                throw damaged(lf, "is listed in the manifest but missing");
            }
            if (size < 12) {
                throw damaged(lf, "has " + size + " bytes, too few for a Parquet file");
            }
            if (lf.sha256() != null) {
                String actual = Checksums.sha256(file);
                if (!actual.equals(lf.sha256())) {
                    throw damaged(lf, "has been altered or damaged since it was written: its SHA-256 is " + actual
                            + ", the manifest recorded " + lf.sha256());
                }
            }
            long rows;
            try (ParquetFileReader r = ParquetFileReader.open(new LocalInputFile(file), LiveFileCheck.READ_OPTIONS)) {
                rows = r.getRecordCount();
            } catch (IOException | RuntimeException e) {
                throw damaged(lf, "cannot be read as Parquet (truncated or altered)");
            }
            if (rows != lf.rows()) {
                throw damaged(lf, "holds " + rows + " rows where the manifest recorded " + lf.rows());
            }
        } catch (IOException e) {
            throw damaged(lf, "cannot be read (" + e.getMessage() + ")");
        }
    }

    private static DataIntegrityException damaged(LiveFile lf, String what) {
        return new DataIntegrityException("warehouse file " + lf.path() + " (" + lf.dataset() + ", county "
                + lf.county() + ", period " + lf.period() + ") " + what + "; the warehouse is damaged: restore it "
                + "from a backup, or ingest that county's submission for " + lf.period() + " again");
    }

    /**
     * Turns a failure while Spark read the warehouse into a {@link DataIntegrityException} naming the file,
     * when the failure names one.
     *
     * @param e the failure
     * @param warehouse the warehouse root
     * @return the translated exception, or {@code e} itself
     */
    static RuntimeException translate(RuntimeException e, Path warehouse) {
        if (e instanceof org.sanhui.model.error.SanhuiException) {
            return e; // already says what is wrong (a missing column, a damaged file found by verify)
        }
        String root = warehouse.toAbsolutePath().toString();
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage();
            if (m == null) {
                continue;
            }
            Matcher matcher = PARQUET_FILE.matcher(m);
            while (matcher.find()) {
                String path = matcher.group(1);
                int at = path.indexOf(root);
                if (at >= 0) {
                    String rel = path.substring(at + root.length()).replaceFirst("^/", "");
                    return new DataIntegrityException("warehouse file " + rel + " cannot be read (a damaged page: "
                            + "checksum or decoding failed); the warehouse is damaged: restore it from a backup, "
                            + "or ingest that county's submission again", e);
                }
            }
        }
        return e;
    }
}
