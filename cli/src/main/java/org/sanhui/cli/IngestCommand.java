package org.sanhui.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.Callable;
import org.sanhui.ingestion.IngestOptions;
import org.sanhui.ingestion.IngestReport;
import org.sanhui.ingestion.Ingestor;
import org.sanhui.ingestion.ProgressListener;
import org.sanhui.model.error.InvalidInputException;
import org.sanhui.model.period.Period;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sanhui ingest}: submissions (xlsx, xls, csv) into the warehouse, with rejects and feedback. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Read county submissions (xlsx, xls, csv; folders are searched with their sub-folders) into the "
                + "Parquet warehouse. "
                + "Every row is accepted, rejected with a located reason, or skipped with a reason.",
        footerHeading = "%nExamples:%n",
        footer = {"  sanhui ingest --warehouse out/warehouse datasets/ningxia-sample",
            "  sanhui ingest --warehouse wh --period 2024Q4 --submitter 640104 --received 2025-01-10 兴庆区.xlsx",
            "  sanhui ingest --warehouse wh --feedback out/feedback inbox/",
            "", "Exit code 0: every row accepted; 1: some rows or files rejected (see the feedback workbooks)."})
final class IngestCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Mixin
    SubmissionOptions submission;

    @Option(names = "--warehouse", required = true, paramLabel = "DIR", description = "The warehouse to write (created if absent).")
    Path warehouse;

    @Override
    public Integer call() {
        common.applyLogLevel();
        IngestReport report = submission.ingest(warehouse, false, common);
        return report.exitCode();
    }

    /** Options shared by ingest and validate. */
    static final class SubmissionOptions {

        @Option(names = "--period", paramLabel = "P",
                description = "The period the files report (2024Q4, 2024年第四季度, 2024-07). Default: from each file "
                        + "(title, 填报 line, file name); a conflict is an error.")
        String period;

        @Option(names = "--submitter", paramLabel = "COUNTY",
                description = "The submitting county's code (e.g. 640104). Default: from the title, 填报单位, file name or rows.")
        String submitter;

        @Option(names = "--received", paramLabel = "DATE",
                description = "Filing date (yyyy-MM-dd) for files that state none (填报日期 line or received.csv win).")
        String received;

        @Option(names = "--feedback", paramLabel = "DIR", description = "Write each county's feedback workbook (回执) here.")
        Path feedback;

        @Parameters(arity = "1..*", paramLabel = "FILE|DIR",
                description = "Files or folders to read. Folders are searched with their sub-folders; hidden folders, "
                        + "Office lock and temporary files (~$*, *.tmp), links to folders, and the warehouse and "
                        + "feedback folders are left out.")
        List<Path> inputs;

        IngestReport ingest(Path warehouse, boolean dryRun, CommonOptions common) {
            for (Path p : inputs) {
                if (!Files.exists(p)) {
                    throw new InvalidInputException("input not found: " + p);
                }
            }
            IngestOptions.Builder b = IngestOptions.builder(warehouse).dryRun(dryRun)
                    .rules(common.rules()).limits(CommonOptions.ingestLimits(common.rules()));
            if (period != null) {
                b.period(Period.parse(period));
            }
            if (submitter != null) {
                b.submitter(submitter);
            }
            if (received != null) {
                try {
                    b.received(LocalDate.parse(received));
                } catch (DateTimeParseException e) {
                    throw new InvalidInputException("--received " + received + " is not a date: expected yyyy-MM-dd, e.g. 2025-01-10");
                }
            }
            if (feedback != null) {
                b.feedbackDir(feedback);
            }
            return run(inputs, b, dryRun ? "validate" : "ingest", common.verbose);
        }
    }

    /**
     * Runs an ingest (or validate) with a progress display and prints the summary.
     *
     * @param inputs files and folders (folders are searched recursively)
     * @param b the options so far
     * @param task the name shown in the progress display
     * @param verbose whether to print the exception behind each refusal (stack trace, on stderr)
     * @return the report
     */
    static IngestReport run(List<Path> inputs, IngestOptions.Builder b, String task, boolean verbose) {
        IngestReport report;
        try (Progress progress = Progress.start(task, -1)) {
            b.progress(new ProgressListener() {
                @Override
                public void started(int files) {
                    progress.maxHint(files);
                }

                @Override
                public void refusalCause(Path file, Throwable cause) {
                    if (verbose) {
                        System.err.println("  cause of the refusal of " + ConsoleText.escape(file.toString()) + ":");
                        ConsoleText.stackTrace(cause).forEach(l -> System.err.println("    " + l));
                    }
                }

                @Override
                public void fileFinished(IngestReport.FileReport r) {
                    progress.step(r.file().getFileName().toString());
                }
            });
            report = new Ingestor().ingest(inputs, b.build());
        }
        Summaries.print(report, System.out);
        return report;
    }
}
