package org.sanhui.generator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Helpers shared by the generator tests: the committed datasets folder and whole-tree comparison. */
final class TestFiles {

    private TestFiles() {
    }

    /** The repository's datasets/ folder (tests run with the module as working directory). */
    static Path datasets() {
        Path p = Path.of("..", "datasets").toAbsolutePath().normalize();
        if (!Files.isDirectory(p)) {
            p = Path.of("datasets").toAbsolutePath();
        }
        return p;
    }

    /** Every regular file under a folder, relative path (with '/') to bytes, sorted. */
    static TreeMap<String, byte[]> tree(Path root) {
        TreeMap<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path f : s.filter(Files::isRegularFile).toList()) {
                out.put(root.relativize(f).toString().replace('\\', '/'), Files.readAllBytes(f));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** The names of files whose bytes differ between two trees, or that only one has. */
    static List<String> differences(TreeMap<String, byte[]> a, TreeMap<String, byte[]> b) {
        TreeMap<String, Boolean> names = new TreeMap<>();
        a.keySet().forEach(k -> names.put(k, true));
        b.keySet().forEach(k -> names.put(k, true));
        return names.keySet().stream()
                .filter(k -> !a.containsKey(k) || !b.containsKey(k) || !java.util.Arrays.equals(a.get(k), b.get(k)))
                .toList();
    }
}
