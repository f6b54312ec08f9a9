package org.sanhui.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.sanhui.model.error.DataIntegrityException;
import org.sanhui.model.error.InvalidInputException;
import org.sanhui.model.error.SanhuiException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParameterException;

/**
 * The {@code sanhui} command line. The only class that maps failures to exit codes and the only one
 * that exits; stack traces are printed only with {@code --verbose}.
 *
 * <p>Everything printed that comes from the input (file and sheet names, values, messages quoting them)
 * is escaped by {@link ConsoleText}, so no file can move the cursor, colour the terminal or forge a line.
 *
 * <p>Exit codes: 0 success (every row accepted); 1 done, but some rows or files were rejected;
 * 2 usage error (bad option, missing file, invalid configuration); 3 failed (input or output error,
 * incomplete or damaged data); 4 internal error (a bug: please report it with --verbose output).
 */
@Command(name = "sanhui", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Grassroots science-association submissions to province-wide figures and briefings.",
        subcommands = {TemplateCommand.class, GenerateCommand.class, IngestCommand.class, ValidateCommand.class,
            AnalyzeCommand.class, ReportCommand.class, RunCommand.class, CommandLine.HelpCommand.class},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  success, every row accepted", "  1  done, but some rows or files were rejected (see the feedback)",
            "  2  usage error: bad option, missing file, invalid configuration",
            "  3  failed: input/output error, incomplete or damaged data",
            "  4  internal error: rerun with --verbose and report the stack trace",
            "", "Run 'sanhui COMMAND --help' for a command's options and examples."})
public final class Main {

    /** Success. */
    public static final int OK = 0;
    /** Done, with rejected rows or files. */
    public static final int REJECTED = 1;
    /** Usage error. */
    public static final int USAGE = 2;
    /** Failed: I/O error, incomplete or damaged data. */
    public static final int FAILED = 3;
    /** Internal error. */
    public static final int INTERNAL = 4;

    private Main() {
    }

    /**
     * Runs the command line and exits with its code.
     *
     * @param args the arguments
     */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /**
     * Runs the command line without exiting (for tests and embedding).
     *
     * @param args the arguments, never null
     * @return the exit code
     */
    public static int run(String... args) {
        boolean verbose = Arrays.asList(args).contains("--verbose") || Arrays.asList(args).contains("-v");
        CommandLine cl = commandLine(verbose);
        return cl.execute(args);
    }

    static CommandLine commandLine(boolean verbose) {
        CommandLine cl = new CommandLine(new Main());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler((ex, args) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("sanhui: " + ConsoleText.escape(ex.getMessage()));
            err.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            return USAGE;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            int code = exitCode(ex);
            err.println("sanhui: " + ConsoleText.escape(message(ex, code)));
            if (verbose) {
                ConsoleText.stackTrace(ex).forEach(err::println);
            } else if (code == INTERNAL) {
                err.println("(rerun with --verbose for the stack trace)");
            }
            err.flush();
            return code;
        });
        return cl;
    }

    static int exitCode(Throwable ex) {
        if (ex instanceof ParameterException || ex instanceof IllegalArgumentException
                || ex instanceof InvalidInputException) {
            return USAGE;
        }
        if (ex instanceof UncheckedIOException || ex instanceof java.io.IOException
                || ex instanceof DataIntegrityException || ex instanceof SanhuiException) {
            return FAILED;
        }
        return INTERNAL;
    }

    private static String message(Throwable ex, int code) {
        String m = ex.getMessage();
        if (code == INTERNAL || m == null || m.isBlank()) {
            return "internal error (" + ex.getClass().getSimpleName() + (m == null ? "" : ": " + m) + ")";
        }
        if (ex instanceof UncheckedIOException && ex.getCause() != null && ex.getCause().getMessage() != null) {
            return m + ": " + ex.getCause().getMessage();
        }
        return m;
    }

    /** Reads the version from the jar manifest, or says it is a development build. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"sanhui " + (v == null ? "0.1.0-SNAPSHOT (development build)" : v)};
        }
    }
}
