package org.sanhui.ingestion;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.sanhui.ingestion.resolve.FilingDates;

/**
 * Finds the input files of an ingest: the files given, and the files of the folders given, searched
 * recursively. The one discovery rule of {@code ingest}, {@code validate} and {@code run}.
 *
 * <ul>
 *   <li>Within a folder, entries are taken in name order, depth first, so a run takes the same files in
 *       the same order whatever order the file system lists them in.</li>
 *   <li>Hidden folders and files (a name starting with '.', or hidden to the operating system), Office
 *       lock and temporary files ({@code ~$…}, {@code *.tmp}) and the files that describe an input rather
 *       than being one ({@code received.csv}, {@code README.md}, {@code EXPECTED.md}, {@code *.json}) are
 *       left out.</li>
 *   <li>A link to a folder found inside a folder is not followed (no loops, no leaving the input); a
 *       folder named as an input is taken even when it is a link.</li>
 *   <li>The excluded folders (the warehouse, the feedback folder, a run's output folder) are not searched
 *       when they sit under an input.</li>
 *   <li>Every other entry is an input, regular or not: a pipe or a device found in a folder is listed,
 *       and refused when it is taken, rather than silently passed over.</li>
 * </ul>
 */
final class InputFiles {

    private final Set<Path> excluded = new HashSet<>();

    private InputFiles(Collection<Path> excludedFolders) {
        for (Path p : excludedFolders) {
            excluded.add(p.toAbsolutePath().normalize());
            try {
                excluded.add(p.toRealPath());
            } catch (IOException e) {
                // not made yet: its normalised absolute path is enough
            }
        }
    }

    /**
     * Lists the input files.
     *
     * @param inputs files and folders, null not permitted
     * @param excludedFolders folders not to search, null not permitted (may be empty; need not exist)
     * @return the files, each once, never null
     * @throws IllegalArgumentException if there is no input, an input does not exist, or no file is found
     * @throws UncheckedIOException if a folder cannot be listed
     */
    static List<Path> find(List<Path> inputs, Collection<Path> excludedFolders) {
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("no input: give at least one file or folder to ingest");
        }
        InputFiles finder = new InputFiles(excludedFolders);
        Map<Path, Path> out = new LinkedHashMap<>();
        for (Path p : inputs) {
            if (!Files.exists(p)) {
                throw new IllegalArgumentException("input " + p + " does not exist; expected a .xlsx, .xls or .csv file"
                        + " or a folder of them");
            }
            if (Files.isDirectory(p)) {
                List<Path> found = new ArrayList<>();
                finder.search(p, found);
                found.forEach(f -> out.putIfAbsent(f.toAbsolutePath().normalize(), f));
            } else {
                out.putIfAbsent(p.toAbsolutePath().normalize(), p);
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("no input files found in " + inputs
                    + " or the folders below; expected .xlsx, .xls or .csv files");
        }
        return new ArrayList<>(out.values());
    }

    private void search(Path dir, List<Path> found) {
        List<Path> entries;
        try (Stream<Path> s = Files.list(dir)) {
            entries = new ArrayList<>(s.toList());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
        entries.sort((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()));
        for (Path e : entries) {
            if (hidden(e)) {
                continue;
            }
            if (Files.isDirectory(e, LinkOption.NOFOLLOW_LINKS)) {
                if (!isExcluded(e)) {
                    search(e, found);
                }
            } else if (Files.isSymbolicLink(e) && Files.isDirectory(e)) {
                continue; // a link to a folder: not followed
            } else if (isInput(e.getFileName().toString())) {
                found.add(e);
            }
        }
    }

    private boolean isExcluded(Path dir) {
        if (excluded.isEmpty()) {
            return false;
        }
        if (excluded.contains(dir.toAbsolutePath().normalize())) {
            return true;
        }
        try {
            return excluded.contains(dir.toRealPath());
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean hidden(Path p) {
        if (p.getFileName().toString().startsWith(".")) {
            return true;
        }
        try {
            return Files.isHidden(p);
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean isInput(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return !n.startsWith("~$") && !n.endsWith(".tmp") && !n.equals(FilingDates.RECEIVED_CSV)
                && !n.equals("expected.md") && !n.equals("readme.md") && !n.endsWith(".json");
    }
}
