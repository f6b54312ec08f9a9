package org.sanhui.ingestion;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.sanhui.model.period.Period;
import org.sanhui.model.problem.Problem;

/**
 * What an ingest (or validate) run did: per file, per submission and per sheet, with every problem
 * (names masked, phones never shown) and the totals. Immutable.
 *
 * @param files the files in the order they were taken, never null
 * @param dryRun whether nothing was written to the warehouse ({@code validate})
 */
public record IngestReport(List<FileReport> files, boolean dryRun) {

    /** Copies. */
    public IngestReport {
        files = List.copyOf(files);
    }

    /** What became of a file or a submission. */
    public enum Outcome {
        /** Every row accepted (warnings and skipped rows allowed). */
        ACCEPTED("全部接收"),
        /** Accepted with some rows (or a sheet) rejected. */
        PARTIAL("部分接收"),
        /** The whole file refused; nothing of it was kept. */
        REFUSED("拒收");

        private final String label;

        Outcome(String label) {
            this.label = label;
        }

        /**
         * Returns the Chinese label.
         *
         * @return the label, never null
         */
        public String label() {
            return label;
        }
    }

    /**
     * Row counts of one sheet; {@code read = accepted + rejected + skipped} always holds.
     *
     * @param sheet the sheet name (the file name without extension for a CSV), never null
     * @param dataset the dataset it holds, or null if it was not recognised
     * @param read rows read below the header plus title rows above it (header rows excluded)
     * @param accepted rows accepted
     * @param rejected rows rejected
     * @param skipped rows skipped: title, blank, 合计, 注, footer rows, and rows already received
     * @param carriedForward previous rows written again (flagged) because this period's row was rejected; not counted in read
     */
    public record SheetReport(String sheet, String dataset, long read, long accepted, long rejected, long skipped,
            long carriedForward) {
        /**
         * Checks that the counts reconcile.
         *
         * @throws IllegalArgumentException if read != accepted + rejected + skipped
         */
        public SheetReport {
            Objects.requireNonNull(sheet, "sheet");
            if (read != accepted + rejected + skipped) {
                throw new IllegalArgumentException("counts of sheet " + sheet + " do not reconcile: read " + read
                        + " != accepted " + accepted + " + rejected " + rejected + " + skipped " + skipped);
            }
        }
    }

    /**
     * One submission: one county's rows of one period (a city's workbook gives one per county).
     *
     * @param submissionId the id written to the warehouse, never null
     * @param county the county code, never null
     * @param period the period (the year for evaluations), never null
     * @param via the city or province that sent a multi-county workbook, or null
     * @param filingDate the filing date, or null when unknown
     * @param datasets the datasets the submission replaces, never null
     * @param sheets the counts per sheet, never null
     * @param problems the problems (at most {@link #PROBLEMS_KEPT} kept here; all are in the rejects dataset), never null
     * @param problemCount the number of problems found, all kinds
     * @param outcome the outcome, never null
     */
    public record SubmissionReport(String submissionId, String county, Period period, String via, LocalDate filingDate,
            List<String> datasets, List<SheetReport> sheets, List<Problem> problems, long problemCount,
            Outcome outcome) {
        /** Copies. */
        public SubmissionReport {
            datasets = List.copyOf(datasets);
            sheets = List.copyOf(sheets);
            problems = List.copyOf(problems);
        }

        /**
         * Returns the rows accepted over all sheets.
         *
         * @return the count
         */
        public long accepted() {
            return sheets.stream().mapToLong(SheetReport::accepted).sum();
        }

        /**
         * Returns the rows rejected over all sheets.
         *
         * @return the count
         */
        public long rejected() {
            return sheets.stream().mapToLong(SheetReport::rejected).sum();
        }
    }

    /** How many problems a report keeps per submission or file (all are in the rejects dataset and feedback). */
    public static final int PROBLEMS_KEPT = 1000;

    /**
     * One input file.
     *
     * @param file the file, never null
     * @param sha256 the SHA-256 of its bytes, hex, never null
     * @param format the format sniffed (XLSX, XLS, CSV), or null when refused before
     * @param outcome the outcome, never null
     * @param sheets the counts per sheet over the whole file (all submissions), never null
     * @param submissions the submissions it gave (none when refused), never null
     * @param problems file-level problems (FATAL refusals, sheet refusals, rows without a county), never null
     * @param feedback the feedback workbooks written for it, never null
     */
    public record FileReport(Path file, String sha256, String format, Outcome outcome, List<SheetReport> sheets,
            List<SubmissionReport> submissions, List<Problem> problems, List<Path> feedback) {
        /** Copies. */
        public FileReport {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(outcome, "outcome");
            sheets = List.copyOf(sheets);
            submissions = List.copyOf(submissions);
            problems = List.copyOf(problems);
            feedback = List.copyOf(feedback);
        }

        FileReport withFeedback(List<Path> paths) {
            return new FileReport(file, sha256, format, outcome, sheets, submissions, problems, paths);
        }
    }

    /**
     * Totals over the run.
     *
     * @param files files taken
     * @param refused files refused
     * @param submissions submissions accepted (in full or in part)
     * @param read rows read
     * @param accepted rows accepted
     * @param rejected rows rejected
     * @param skipped rows skipped
     */
    public record Totals(int files, int refused, int submissions, long read, long accepted, long rejected,
            long skipped) {
    }

    /**
     * Returns the totals.
     *
     * @return the totals, never null
     */
    public Totals totals() {
        int refused = 0;
        int subs = 0;
        long read = 0;
        long acc = 0;
        long rej = 0;
        long skip = 0;
        for (FileReport f : files) {
            if (f.outcome() == Outcome.REFUSED) {
                refused++;
            }
            subs += f.submissions().size();
            for (SheetReport s : f.sheets()) {
                read += s.read();
                acc += s.accepted();
                rej += s.rejected();
                skip += s.skipped();
            }
        }
        return new Totals(files.size(), refused, subs, read, acc, rej, skip);
    }

    /**
     * Returns the exit code the CLI should end with: 0 when every file and row was accepted, 1 when
     * some rows or files were rejected.
     *
     * @return 0 or 1
     */
    public int exitCode() {
        return files.stream().allMatch(f -> f.outcome() == Outcome.ACCEPTED) ? 0 : 1;
    }
}
