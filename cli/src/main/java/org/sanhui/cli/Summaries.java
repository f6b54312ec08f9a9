package org.sanhui.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Stream;
import org.sanhui.ingestion.IngestReport;
import org.sanhui.model.problem.Problem;
import org.sanhui.model.problem.ProblemCode;

/**
 * The end-of-command summary tables. File names, sheet names and the messages that quote values come
 * from the files and are printed escaped ({@link ConsoleText}).
 */
final class Summaries {

    private static final int PROBLEMS_SHOWN = 5;

    private Summaries() {
    }

    static void print(IngestReport report, PrintStream out) {
        out.printf("%-44s %-6s %-10s %8s %8s %8s %8s%n", "file", "format", "outcome", "read", "accepted", "rejected",
                "skipped");
        for (IngestReport.FileReport f : report.files()) {
            long read = 0;
            long acc = 0;
            long rej = 0;
            long skip = 0;
            for (IngestReport.SheetReport s : f.sheets()) {
                read += s.read();
                acc += s.accepted();
                rej += s.rejected();
                skip += s.skipped();
            }
            out.printf("%-44s %-6s %-10s %8d %8d %8d %8d%n", shorten(ConsoleText.escape(f.file().toString()), 44),
                    f.format() == null ? "?" : f.format(), f.outcome(), read, acc, rej, skip);
            int shown = 0;
            for (Problem p : f.problems()) {
                if (p.rejects() && shown++ < PROBLEMS_SHOWN) {
                    out.println("    " + p.severity() + " " + p.code() + " " + ConsoleText.escape(p.location().toString())
                            + ": " + ConsoleText.escape(p.messageEn()));
                }
            }
            long more = f.problems().stream().filter(Problem::rejects).count() - shown;
            if (more > 0) {
                out.println("    ... and " + more + " more (see the feedback workbook)");
            }
            warnings(f, out);
            if (f.unchanged()) {
                out.println("    already ingested, unchanged: nothing written (the counts are those of its live"
                        + " submission)");
            }
        }
        IngestReport.Totals t = report.totals();
        out.printf("%d files (%d refused%s), %d submissions: %d rows read = %d accepted + %d rejected + %d skipped%s%n",
                t.files(), t.refused(), t.unchanged() > 0 ? ", " + t.unchanged() + " already ingested, unchanged" : "",
                t.submissions(), t.read(), t.accepted(), t.rejected(), t.skipped(),
                report.dryRun() ? " (dry run: nothing written)" : "");
    }

    /** The warnings that concern a whole sheet or file, located, a few of each kind. */
    private static void warnings(IngestReport.FileReport f, PrintStream out) {
        Map<ProblemCode, Integer> shown = new EnumMap<>(ProblemCode.class);
        for (Problem p : f.summaryWarnings()) {
            if (shown.merge(p.code(), 1, Integer::sum) <= PROBLEMS_SHOWN) {
                out.println("    " + p.severity() + " " + p.code() + " " + p.location() + ": " + p.messageEn());
            }
        }
        for (Map.Entry<ProblemCode, Integer> e : shown.entrySet()) {
            long more = f.problemCount(e.getKey()) - Math.min(e.getValue(), PROBLEMS_SHOWN);
            if (more > 0) {
                out.println("    ... and " + more + " more " + e.getKey() + " (see the feedback workbook)");
            }
        }
    }

    static String shorten(String s, int max) {
        return s.length() <= max ? s : "…" + s.substring(s.length() - max + 1);
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }
}
