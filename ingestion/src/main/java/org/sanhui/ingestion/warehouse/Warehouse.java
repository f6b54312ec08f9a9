package org.sanhui.ingestion.warehouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.sanhui.model.schema.DatasetSchema;
import org.sanhui.model.warehouse.Checksums;
import org.sanhui.model.warehouse.LiveFile;
import org.sanhui.model.warehouse.LiveManifest;

/**
 * The warehouse as ingestion sees it: immutable Parquet files under {@code data/<dataset>/period=<P>/county=<C>/},
 * made live only by the one atomic replacement of {@link LiveManifest}. Files are written under a
 * temporary name ({@code .tmp}), renamed to their final name, then listed in the new manifest in one
 * atomic rename; a crash anywhere leaves either the old manifest or the new one. Files no manifest
 * lists are garbage that {@link #cleanup()} removes at the start of the next run.
 *
 * <p>Not thread-safe; hold the {@link WarehouseLock} while changing it.
 */
public final class Warehouse {

    /** The folder of the data files under the root. */
    public static final String DATA = "data";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path root;
    private LiveManifest manifest;

    /**
     * Opens a warehouse (nothing is created until something is written).
     *
     * @param root the root folder, null not permitted
     */
    public Warehouse(Path root) {
        this.root = root;
    }

    /**
     * Returns the root.
     *
     * @return the root, never null
     */
    public Path root() {
        return root;
    }

    /**
     * Returns the live manifest (read once, then kept until the next commit).
     *
     * @return the manifest, never null
     */
    public LiveManifest manifest() {
        if (manifest == null) {
            manifest = LiveManifest.read(root);
        }
        return manifest;
    }

    /**
     * Deletes what no manifest lists: temporary files and data files left by a run that died, and files
     * replaced by earlier runs. Call only under the lock.
     *
     * @return the number of files deleted
     */
    public int cleanup() {
        Set<String> live = new HashSet<>();
        for (LiveFile f : manifest().files()) {
            live.add(f.path());
        }
        int deleted = 0;
        try {
            if (Files.isDirectory(root)) {
                try (Stream<Path> s = Files.list(root)) {
                    for (Path p : s.toList()) {
                        String n = p.getFileName().toString();
                        if (n.startsWith(".live-") && n.endsWith(".tmp")) {
                            Files.deleteIfExists(p);
                            deleted++;
                        }
                    }
                }
            }
            Path data = root.resolve(DATA);
            if (!Files.isDirectory(data)) {
                return deleted;
            }
            List<Path> files;
            try (Stream<Path> s = Files.walk(data)) {
                files = s.filter(Files::isRegularFile).toList();
            }
            for (Path p : files) {
                String rel = root.relativize(p).toString().replace('\\', '/');
                if (!live.contains(rel)) {
                    Files.deleteIfExists(p);
                    deleted++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean up " + root, e);
        }
        return deleted;
    }

    /**
     * Returns a fresh temporary file for a dataset's new data file, and its final relative path.
     *
     * @param dataset the dataset, null not permitted
     * @param period the live period key, null not permitted
     * @param county the live county key, null not permitted
     * @param submissionId the submission id, null not permitted
     * @return the temporary path and the final relative path
     */
    public String[] newFile(DatasetSchema dataset, String period, String county, String submissionId) {
        String rand = Long.toHexString(RANDOM.nextLong() & Long.MAX_VALUE);
        String dir = DATA + "/" + dataset.name() + "/period=" + period + "/county=" + county;
        String rel = dir + "/" + submissionId + "-" + rand + ".parquet";
        try {
            Files.createDirectories(root.resolve(dir));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + root.resolve(dir), e);
        }
        return new String[] {root.resolve(dir).resolve("." + submissionId + "-" + rand + ".parquet.tmp").toString(), rel};
    }

    /**
     * Makes staged files live in one step: each is read back for its SHA-256 (recorded in the manifest, so
     * that readers detect a file damaged or altered later), forced to disk and renamed to its final name,
     * then the manifest, with the files matching {@code replaced} dropped and the staged ones added, is
     * written atomically. The files are small and were just written, so the read-back comes from the page
     * cache.
     *
     * @param staged the files to add, null not permitted
     * @param replaced which live files the new ones replace, null not permitted
     * @throws UncheckedIOException if a step fails; the previous manifest then stays in force
     */
    public void commit(List<StagedFile> staged, Predicate<LiveFile> replaced) {
        List<LiveFile> add = new ArrayList<>();
        try {
            for (StagedFile f : staged) {
                String sha256;
                try (FileChannel ch = FileChannel.open(f.temp(), StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                    sha256 = Checksums.sha256(ch);
                    ch.force(true);
                }
                Files.move(f.temp(), root.resolve(f.relative()), StandardCopyOption.ATOMIC_MOVE);
                add.add(new LiveFile(f.dataset(), f.period(), f.county(), f.relative(), f.rows(), sha256));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move staged files into " + root, e);
        }
        LiveManifest next = manifest().replace(replaced, add);
        next.writeAtomically(root);
        manifest = next;
    }

    /**
     * Reads the rows of a live file.
     *
     * @param file the live file, null not permitted
     * @param dataset its dataset, null not permitted
     * @return the rows, never null
     */
    public List<Map<String, Object>> rows(LiveFile file, DatasetSchema dataset) {
        return ParquetRows.read(root.resolve(file.path()), dataset);
    }
}
