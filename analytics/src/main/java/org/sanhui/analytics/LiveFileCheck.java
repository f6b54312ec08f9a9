package org.sanhui.analytics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.sanhui.model.error.DataIntegrityException;
import org.sanhui.model.warehouse.Checksums;
import org.sanhui.model.warehouse.LiveFile;

/**
 * Checks the live files a job reads, so that damaged data is refused with a message naming the file
 * rather than silently skipped or reported as an internal error. A file passes when it exists, its bytes
 * have the SHA-256 the manifest recorded when the file was made live (any changed byte, in a page or in the
 * footer, is caught), its footer parses, and the footer's row count equals the count the manifest recorded.
 * The read tasks ({@link LiveBatchReader}) apply these checks to each file as they load it, so a file's bytes
 * are read once for checking and decoding. A file listed by a version 1 manifest has no recorded checksum
 * and gets the other checks only; damage they miss is caught, if at all, when its pages are decoded.
 */
final class LiveFileCheck {

    /**
     * Footer-only read options on a plain configuration: the no-argument {@code open} builds a Hadoop
     * {@code Configuration} per file, parsing its XML defaults each time (~5 ms, which made the check of a
     * national warehouse's ~70 000 files take minutes). Pages are decompressed by {@link PageCodecs}, without
     * Hadoop's codec classes and their configuration look-up per page.
     */
    static final ParquetReadOptions READ_OPTIONS = ParquetReadOptions.builder(new PlainParquetConfiguration())
            .withCodecFactory(PageCodecs.INSTANCE).build();

    private LiveFileCheck() {
    }

    /**
     * Checks live files without decoding their pages: each is read, checked and its footer opened as
     * {@link #read} and {@link #open} do. The job itself checks each file as its read task loads it
     * ({@link LiveBatchReader}), reading the bytes once for both.
     *
     * @param warehouse the warehouse root
     * @param files the files
     * @throws DataIntegrityException naming the first damaged file met
     */
    static void verify(Path warehouse, List<LiveFile> files) {
        files.parallelStream().forEach(lf -> {
            try (ParquetFileReader r = open(lf, read(lf, warehouse.resolve(lf.path())))) {
                // read and open are the checks
            } catch (IOException e) {
                throw damaged(lf, "cannot be read (" + e.getMessage() + ")");
            }
        });
    }

    /**
     * Reads a live file whole and checks its bytes: it exists, is long enough to be Parquet and, when the
     * manifest recorded a SHA-256, has that checksum.
     *
     * @param lf the manifest's entry
     * @param file where the file is
     * @return the file's bytes
     * @throws DataIntegrityException if the file is missing, too short or altered
     */
    static byte[] read(LiveFile lf, Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (java.nio.file.NoSuchFileException e) {
            throw damaged(lf, "is listed in the manifest but missing");
        } catch (IOException e) {
            throw damaged(lf, "cannot be read (" + e.getMessage() + ")");
        }
        if (bytes.length < 12) {
            throw damaged(lf, "has " + bytes.length + " bytes, too few for a Parquet file");
        }
        if (lf.sha256() != null) {
            String actual = Checksums.sha256(bytes);
            if (!actual.equals(lf.sha256())) {
                throw damaged(lf, "has been altered or damaged since it was written: its SHA-256 is " + actual
                        + ", the manifest recorded " + lf.sha256());
            }
        }
        return bytes;
    }

    /**
     * Opens a live file's bytes as Parquet and checks that its footer holds the row count the manifest
     * recorded.
     *
     * @param lf the manifest's entry
     * @param bytes the file's bytes, as {@link #read} returned them
     * @return the open reader, footer read, positioned before the first row group; the caller closes it
     * @throws DataIntegrityException if the footer does not parse or counts other rows
     */
    static ParquetFileReader open(LiveFile lf, byte[] bytes) {
        ParquetFileReader r;
        try {
            r = ParquetFileReader.open(new BytesInputFile(bytes), READ_OPTIONS);
        } catch (IOException | RuntimeException e) {
            throw damaged(lf, "cannot be read as Parquet (truncated or altered)");
        }
        if (r.getRecordCount() != lf.rows()) {
            long rows = r.getRecordCount();
            try {
                r.close();
            } catch (IOException e) {
                // nothing held but memory
            }
            throw damaged(lf, "holds " + rows + " rows where the manifest recorded " + lf.rows());
        }
        return r;
    }

    static DataIntegrityException damaged(LiveFile lf, String what) {
        return new DataIntegrityException("warehouse file " + lf.path() + " (" + lf.dataset() + ", county "
                + lf.county() + ", period " + lf.period() + ") " + what + "; the warehouse is damaged: restore it "
                + "from a backup, or ingest that county's submission for " + lf.period() + " again");
    }

    /**
     * Finds, in a failure of the job's reads, sanhui's own exception saying what is wrong (a damaged file or
     * a missing column met by a read task), which Spark hands back wrapped in its job failure.
     *
     * @param e the failure
     * @return sanhui's exception, or null when the failure holds none
     */
    static RuntimeException translate(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.sanhui.model.error.SanhuiException se) {
                return se;
            }
        }
        return null;
    }
}
