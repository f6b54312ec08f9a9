package org.sanhui.cli.hardening;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.sanhui.cli.robustness.ChildJvm;

/**
 * Runs {@code sanhui} commands in child JVMs (Spark's flags, 2 GiB heap) under one base directory:
 * {@code base/work} is the working directory, {@code base/tmp} java.io.tmpdir, {@code base/logs} the output.
 */
final class Cli {

    /** The time limit of one command. */
    static final Duration LIMIT = Duration.ofMinutes(5);

    private final Path base;
    private final AtomicInteger seq = new AtomicInteger();

    Cli(Path base) {
        this.base = base;
        try {
            Files.createDirectories(work());
            Files.createDirectories(tmp());
            Files.createDirectories(base.resolve("logs"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path work() {
        return base.resolve("work");
    }

    Path tmp() {
        return base.resolve("tmp");
    }

    Path logs() {
        return base.resolve("logs");
    }

    List<String> command(String... args) {
        return ChildJvm.command("2g", tmp(), ChildJvm.SPARK_FLAGS, Arrays.asList(args));
    }

    /** Runs to completion. */
    ChildJvm.Result run(String... args) {
        return ChildJvm.run(command(args), work(), logs().resolve(args[0] + "-" + seq.incrementAndGet()), LIMIT);
    }

    /** Starts without waiting. */
    Process start(String... args) {
        return ChildJvm.start(command(args), work(), logs().resolve(args[0] + "-" + seq.incrementAndGet()));
    }

    /** The repository root (the folder holding datasets/ and the root pom), from the module's directory. */
    static Path repo() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !(Files.isDirectory(p.resolve("datasets")) && Files.isRegularFile(p.resolve("pom.xml")))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("no repository root above " + Path.of("").toAbsolutePath());
        }
        return p;
    }

    /** The bundled Ningxia sample. */
    static Path sample() {
        return repo().resolve("datasets").resolve("ningxia-sample");
    }

    /**
     * Copies some period folders of the sample (and its evaluations) into a fresh input folder.
     *
     * @param to the input folder to create
     * @param periods the period folder names, e.g. 2024Q3
     * @return the folders created, in the order given
     */
    static List<Path> sampleInput(Path to, String... periods) {
        List<Path> out = new ArrayList<>();
        for (String p : periods) {
            Path dir = to.resolve(p);
            copyTree(sample().resolve(p), dir);
            out.add(dir);
        }
        return out;
    }

    static void copyTree(Path from, Path to) {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.sorted().toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Output and error of a result, for assertion messages. */
    static String show(ChildJvm.Result r) {
        String out = r.stdout().length() > 3000 ? r.stdout().substring(r.stdout().length() - 3000) : r.stdout();
        String err = r.stderr().length() > 3000 ? r.stderr().substring(0, 3000) : r.stderr();
        return "exit " + r.exit() + (r.timedOut() ? " (timed out)" : "") + "\n--- stdout (tail)\n" + out + "\n--- stderr\n" + err;
    }

    /** Whether the output holds a stack trace or a fully qualified Java class name. */
    static boolean javaLeaks(ChildJvm.Result r) {
        String all = r.stdout() + r.stderr();
        return all.matches("(?s).*(\\n\\s+at [\\w$.]+\\(|Exception in thread|\\b(java|org\\.apache|org\\.sanhui)\\.[a-z]+\\.[\\w.]*[A-Z]\\w*(Exception|Error)).*");
    }
}
