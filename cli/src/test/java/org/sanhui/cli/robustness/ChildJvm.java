package org.sanhui.cli.robustness;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Starts {@code org.sanhui.cli.Main} in a child JVM from the test classpath, with its own working and
 * temporary directories, output captured to files, a time limit, and the whole process tree killed
 * when the limit is passed.
 */
public final class ChildJvm {

    /** The CLI's main class. */
    public static final String MAIN = "org.sanhui.cli.Main";
    /** The most of each stream read back into memory. */
    static final int MAX_CAPTURE = 1 << 20;

    /**
     * What a finished (or killed) child did.
     *
     * @param exit the exit code (-1 when killed)
     * @param timedOut whether the time limit was passed
     * @param stdout standard output (at most {@link #MAX_CAPTURE} bytes)
     * @param stderr standard error (at most {@link #MAX_CAPTURE} bytes)
     * @param took wall time
     */
    public record Result(int exit, boolean timedOut, String stdout, String stderr, Duration took) {
    }

    private ChildJvm() {
    }

    /** Whether the CLI is on the classpath (it lands on main later than this harness). */
    public static boolean cliPresent() {
        try {
            Class.forName(MAIN, false, ChildJvm.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /** The Spark JVM flags (the root pom's spark.jvm.flags), needed by analyze, report and run. */
    public static final List<String> SPARK_FLAGS = List.of("-XX:+IgnoreUnrecognizedVMOptions",
            "--add-opens=java.base/java.lang=ALL-UNNAMED", "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED",
            "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED", "--add-opens=java.base/java.io=ALL-UNNAMED",
            "--add-opens=java.base/java.net=ALL-UNNAMED", "--add-opens=java.base/java.nio=ALL-UNNAMED",
            "--add-opens=java.base/java.util=ALL-UNNAMED", "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED", "--add-opens=java.base/jdk.internal.ref=ALL-UNNAMED",
            "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED", "--add-opens=java.base/sun.nio.cs=ALL-UNNAMED",
            "--add-opens=java.base/sun.security.action=ALL-UNNAMED", "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED",
            "--add-opens=java.security.jgss/sun.security.krb5=ALL-UNNAMED", "-Djdk.reflect.useDirectMethodHandle=false",
            "-Dio.netty.tryReflectionSetAccessible=true", "-Djava.awt.headless=true");

    /**
     * Builds the command line of a child JVM running the CLI.
     *
     * @param heap the heap limit, e.g. {@code 512m}
     * @param tmp the child's java.io.tmpdir
     * @param jvmFlags further JVM flags (e.g. {@link #SPARK_FLAGS})
     * @param args the CLI's arguments
     * @return the command
     */
    public static List<String> command(String heap, Path tmp, List<String> jvmFlags, List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx" + heap);
        cmd.add("-XX:+ExitOnOutOfMemoryError");
        cmd.add("-XX:-UsePerfData");
        // C1 only and the serial collector: half the CPU of a short child on two cores; same semantics
        cmd.add("-XX:TieredStopAtLevel=1");
        cmd.add("-XX:+UseSerialGC");
        cmd.add("-Djava.io.tmpdir=" + tmp.toAbsolutePath());
        cmd.add("-Duser.timezone=Asia/Shanghai");
        cmd.add("-Dsun.stdout.encoding=UTF-8");
        cmd.add("-Dsun.stderr.encoding=UTF-8");
        cmd.addAll(jvmFlags);
        cmd.add("-cp");
        cmd.add(classpath());
        cmd.add(MAIN);
        cmd.addAll(args);
        return cmd;
    }

    /** The test classpath (surefire sets java.class.path to it), with entries that do not exist dropped. */
    static String classpath() {
        String cp = System.getProperty("java.class.path");
        return String.join(File.pathSeparator, Arrays.stream(cp.split(File.pathSeparator))
                .filter(s -> !s.isBlank() && Files.exists(Path.of(s))).toList());
    }

    /**
     * Starts a child with output redirected to {@code log.out} and {@code log.err}.
     *
     * @param command the command
     * @param workDir the working directory
     * @param log the path prefix of the output files
     * @return the process
     */
    public static Process start(List<String> command, Path workDir, Path log) {
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile())
                    .redirectOutput(out(log).toFile()).redirectError(err(log).toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
            pb.environment().remove("JAVA_TOOL_OPTIONS");
            return pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs a child to completion or to the time limit, then kills its tree if needed.
     *
     * @param command the command
     * @param workDir the working directory
     * @param log the path prefix of the output files
     * @param limit the time limit
     * @return what it did
     */
    public static Result run(List<String> command, Path workDir, Path log, Duration limit) {
        long t0 = System.nanoTime();
        Process p = start(command, workDir, log);
        boolean done;
        try {
            done = p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            killTree(p.toHandle());
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        if (!done) {
            killTree(p.toHandle());
            try {
                p.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        return new Result(done ? p.exitValue() : -1, !done, read(out(log)), read(err(log)), took);
    }

    /** Kills a process and all its descendants at once (SIGKILL). */
    public static void killTree(ProcessHandle p) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
    }

    static Path out(Path log) {
        return log.resolveSibling(log.getFileName() + ".out");
    }

    static Path err(Path log) {
        return log.resolveSibling(log.getFileName() + ".err");
    }

    static String read(Path p) {
        try (InputStream in = Files.newInputStream(p)) {
            return new String(in.readNBytes(MAX_CAPTURE), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
