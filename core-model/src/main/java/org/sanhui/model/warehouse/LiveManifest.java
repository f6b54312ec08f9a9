package org.sanhui.model.warehouse;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * The list of live data files of a warehouse: the one place that says what the warehouse holds.
 *
 * <p>Data files are immutable and written under fresh names; a change of state (a new submission,
 * a resubmission replacing a county's period) writes a new manifest to a temporary file, forces it
 * to disk and renames it over {@value #FILE_NAME} atomically. Readers (analytics, tools) read only
 * the files listed here, so a crash at any point leaves the warehouse as it was before or as it is
 * after, never between. Files not listed are garbage that {@code ingest} may delete.
 *
 * <p>Format (version 2): UTF-8 text, a header line {@value #HEADER}, then one line per file:
 * {@code dataset TAB period TAB county TAB relative/path.parquet TAB rows TAB sha256}, sorted; sha256 is the
 * SHA-256 of the file's bytes in 64 lowercase hexadecimal digits, recorded by the writer when it made the
 * file live, or {@code -} for a file carried over from a version 1 manifest. Readers verify it before
 * reading a file, so a file damaged or altered afterwards is refused.
 *
 * <p>Version 1 manifests ({@value #HEADER_V1}, five fields, no checksum) are still read: their files get a
 * null {@link LiveFile#sha256()} and are checked as before (exists, Parquet footer, row count). Writing
 * always writes version 2; files without a checksum keep {@code -} until they are replaced.
 *
 * @param files the live files, never null
 */
public record LiveManifest(List<LiveFile> files) {

    /** The manifest's file name under the warehouse root. */
    public static final String FILE_NAME = "_live.tsv";
    /** The first line of a manifest, naming its format version. */
    public static final String HEADER = "# sanhui live manifest v2";
    /** The first line of a version 1 manifest (no checksums), still read. */
    public static final String HEADER_V1 = "# sanhui live manifest v1";
    /** The checksum field of a file whose checksum is unknown (carried over from a version 1 manifest). */
    static final String NO_CHECKSUM = "-";

    private static final Comparator<LiveFile> ORDER = Comparator.comparing(LiveFile::dataset)
            .thenComparing(LiveFile::period).thenComparing(LiveFile::county).thenComparing(LiveFile::path);

    /**
     * Copies and sorts.
     *
     * @param files the live files, never null
     */
    public LiveManifest {
        List<LiveFile> sorted = new ArrayList<>(files);
        sorted.sort(ORDER);
        files = List.copyOf(sorted);
    }

    /** An empty manifest. */
    public static final LiveManifest EMPTY = new LiveManifest(List.of());

    /**
     * Reads the manifest of a warehouse; a warehouse without one is empty.
     *
     * @param warehouse the warehouse root, null not permitted
     * @return the manifest, never null
     * @throws UncheckedIOException if it cannot be read
     * @throws IllegalStateException if it is damaged (wrong header, bad line), naming the line
     */
    public static LiveManifest read(Path warehouse) {
        Path file = warehouse.resolve(FILE_NAME);
        if (!Files.exists(file)) {
            return EMPTY;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        boolean v1 = !lines.isEmpty() && lines.get(0).equals(HEADER_V1);
        if (lines.isEmpty() || !(v1 || lines.get(0).equals(HEADER))) {
            throw new org.sanhui.model.error.DataIntegrityException(file + " is not a sanhui manifest: first line should be '"
                    + HEADER + "' (or '" + HEADER_V1 + "')");
        }
        int fields = v1 ? 5 : 6;
        List<LiveFile> out = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            try {
                if (f.length != fields) {
                    throw new IllegalArgumentException("expected " + fields + " tab-separated fields, got " + f.length);
                }
                String sha = v1 || f[5].equals(NO_CHECKSUM) ? null : f[5];
                out.add(new LiveFile(f[0], f[1], f[2], f[3], Long.parseLong(f[4]), sha));
            } catch (IllegalArgumentException e) {
                throw new org.sanhui.model.error.DataIntegrityException(file + " line " + (i + 1) + " is damaged: " + e.getMessage(), e);
            }
        }
        return new LiveManifest(out);
    }

    /**
     * Writes this manifest as the warehouse's current state, atomically: temporary file, fsync,
     * atomic rename.
     *
     * @param warehouse the warehouse root, null not permitted
     * @throws UncheckedIOException if it cannot be written; the previous manifest then stays in force
     */
    public void writeAtomically(Path warehouse) {
        Objects.requireNonNull(warehouse, "warehouse");
        try {
            Files.createDirectories(warehouse);
            Path tmp = Files.createTempFile(warehouse, ".live-", ".tmp");
            try {
                try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                    w.write(HEADER);
                    w.write('\n');
                    for (LiveFile f : files) {
                        w.write(f.dataset() + '\t' + f.period() + '\t' + f.county() + '\t' + f.path() + '\t' + f.rows()
                                + '\t' + (f.sha256() == null ? NO_CHECKSUM : f.sha256()));
                        w.write('\n');
                    }
                }
                try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                    ch.force(true);
                }
                try {
                    Files.move(tmp, warehouse.resolve(FILE_NAME), StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    throw new IOException("the file system of " + warehouse + " cannot rename atomically", e);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the manifest of " + warehouse, e);
        }
    }

    /**
     * Returns the live files of a dataset.
     *
     * @param dataset the dataset name, null not permitted
     * @return the files, never null
     */
    public List<LiveFile> of(String dataset) {
        return files.stream().filter(f -> f.dataset().equals(dataset)).toList();
    }

    /**
     * Returns a manifest where the files matching the predicate are replaced by the given ones.
     *
     * @param remove which files to drop, null not permitted
     * @param add the files to add, null not permitted
     * @return the new manifest, never null
     */
    public LiveManifest replace(Predicate<LiveFile> remove, List<LiveFile> add) {
        List<LiveFile> out = new ArrayList<>();
        for (LiveFile f : files) {
            if (!remove.test(f)) {
                out.add(f);
            }
        }
        out.addAll(add);
        return new LiveManifest(out);
    }
}
