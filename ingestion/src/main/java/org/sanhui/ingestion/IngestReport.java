package org.sanhui.ingestion;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.sanhui.model.period.Period;
import org.sanhui.model.problem.Problem;
import org.sanhui.model.problem.ProblemCode;

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

    /**
     * What became of a file or a submission: one definition for the report, the exit code and the feedback
     * workbook. Warnings (and INFO notes) never change it.
     */
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
         * Returns the outcome of rows taken: PARTIAL when a row was rejected or a problem rejects (an ERROR,
         * or a FATAL one that refused a sheet), ACCEPTED otherwise. Warnings do not count.
         *
         * @param rejectedRows the rows rejected
         * @param problems the problems found, null not permitted
         * @return ACCEPTED or PARTIAL, never null
         */
        public static Outcome of(long rejectedRows, Collection<Problem> problems) {
            if (rejectedRows > 0) {
                return PARTIAL;
            }
            for (Problem p : problems) {
                if (p.rejects()) {
                    return PARTIAL;
                }
            }
            return ACCEPTED;
        }

        /**
         * Returns the worse of two outcomes (REFUSED worse than PARTIAL worse than ACCEPTED).
         *
         * @param other the other outcome, null not permitted
         * @return the worse, never null
         */
        public Outcome worse(Outcome other) {
            return other.ordinal() > ordinal() ? other : this;
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

    /** Why a row that is not taken as data was skipped. */
    public enum SkipReason {
        /** A title row above the header. */
        TITLE("标题"),
        /** A 填报单位 / 填报日期 line above the header. */
        FILING_LINE("填报单位行"),
        /** A header row. */
        HEADER("表头"),
        /** A 合计/总计/小计/共计 row. */
        TOTAL("合计行"),
        /** A 注：/说明： note. */
        NOTE("注释"),
        /** A 填报人/联系电话/审核人 footer. */
        FOOTER("落款"),
        /** An activity or evaluation identical to one accepted from an earlier submission. */
        ALREADY_RECEIVED("已报送");

        private final String label;

        SkipReason(String label) {
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
     * Row counts of one sheet. Every non-blank row of the sheet is read, and ends accepted, rejected or skipped
     * with a reason: {@code read = accepted + rejected + skipped} and {@code skipped} is the sum of
     * {@code skippedBy} always hold. Blank rows (no cell with content) are not counted.
     *
     * @param sheet the sheet name (the file name without extension for a CSV), never null
     * @param dataset the dataset it holds, or null if it was not recognised
     * @param read the sheet's non-blank rows: title and 填报 rows, header rows, detail rows, 合计, 注 and footer rows
     * @param accepted rows accepted
     * @param rejected rows rejected
     * @param skipped rows skipped: title, 填报, header, 合计, 注 and footer rows, and rows already received
     * @param skippedBy the skipped rows by reason (reasons without rows left out), never null
     * @param carriedForward previous rows written again (flagged) because this period's row was rejected; not counted in read
     */
    public record SheetReport(String sheet, String dataset, long read, long accepted, long rejected, long skipped,
            Map<SkipReason, Long> skippedBy, long carriedForward) {
        /**
         * Checks that the counts reconcile, and copies.
         *
         * @throws IllegalArgumentException if read != accepted + rejected + skipped, or the reasons do not add up
         *         to skipped
         */
        public SheetReport {
            Objects.requireNonNull(sheet, "sheet");
            Map<SkipReason, Long> by = new EnumMap<>(SkipReason.class);
            skippedBy.forEach((k, v) -> {
                if (v != 0) {
                    by.put(k, v);
                }
            });
            skippedBy = Collections.unmodifiableMap(by);
            if (read != accepted + rejected + skipped) {
                throw new IllegalArgumentException("counts of sheet " + sheet + " do not reconcile: read " + read
                        + " != accepted " + accepted + " + rejected " + rejected + " + skipped " + skipped);
            }
            long reasons = by.values().stream().mapToLong(Long::longValue).sum();
            if (reasons != skipped) {
                throw new IllegalArgumentException("skipped rows of sheet " + sheet + " do not reconcile: " + skipped
                        + " skipped, but " + reasons + " by reason " + by);
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
     * @param problems the problems (at most {@link #PROBLEMS_KEPT} kept here, and up to {@link #SUMMARY_WARNINGS_KEPT}
     *        of the {@link #SUMMARY_WARNINGS} beyond them; all are in the rejects dataset), never null
     * @param problemCount the number of problems found, all kinds
     * @param problemCounts the number of problems found by code (codes without problems left out), never null
     * @param outcome the outcome, never null
     */
    public record SubmissionReport(String submissionId, String county, Period period, String via, LocalDate filingDate,
            List<String> datasets, List<SheetReport> sheets, List<Problem> problems, long problemCount,
            Map<ProblemCode, Long> problemCounts, Outcome outcome) {
        /** Copies. */
        public SubmissionReport {
            datasets = List.copyOf(datasets);
            sheets = List.copyOf(sheets);
            problems = List.copyOf(problems);
            problemCounts = problemCounts.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(problemCounts));
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

    /**
     * How many problems a report keeps per submission or file (all are in the rejects dataset and feedback);
     * up to {@link #SUMMARY_WARNINGS_KEPT} of the {@link #SUMMARY_WARNINGS} are kept beyond them.
     */
    public static final int PROBLEMS_KEPT = 1000;

    /** How many of the {@link #SUMMARY_WARNINGS} a submission's report keeps beyond {@link #PROBLEMS_KEPT}. */
    public static final int SUMMARY_WARNINGS_KEPT = 100;

    /**
     * The warnings a run summary shows beside refusals: they concern a whole sheet or file (a sheet taken by its
     * headers, an unknown column, a 合计 row that differs from its detail rows, cells outside the header's
     * columns, a late filing), or rows kept that indicators leave out (evaluations of unknown organisations).
     */
    public static final Set<ProblemCode> SUMMARY_WARNINGS = Collections.unmodifiableSet(EnumSet.of(
            ProblemCode.SHEET_NAME_GUESSED, ProblemCode.UNKNOWN_COLUMN, ProblemCode.TOTAL_MISMATCH,
            ProblemCode.EXTRA_CELLS, ProblemCode.LATE_FILING, ProblemCode.UNKNOWN_EVALUATED_ORGANISATION));

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
     * @param unchanged whether the file had been ingested before and nothing about it changed (the same bytes,
     *        county, period and options as its live submissions), so that nothing was written: the counts and
     *        problems are those of that ingest, read again
     */
    public record FileReport(Path file, String sha256, String format, Outcome outcome, List<SheetReport> sheets,
            List<SubmissionReport> submissions, List<Problem> problems, List<Path> feedback, boolean unchanged) {
        /** Copies. */
        public FileReport {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(outcome, "outcome");
            sheets = List.copyOf(sheets);
            submissions = List.copyOf(submissions);
            problems = List.copyOf(problems);
            feedback = List.copyOf(feedback);
        }

        /**
         * Returns the warnings of {@link IngestReport#SUMMARY_WARNINGS} the report kept, file-level ones first,
         * then those of each submission, in the order found.
         *
         * @return the warnings, never null
         */
        public List<Problem> summaryWarnings() {
            List<Problem> out = new ArrayList<>();
            for (Problem p : problems) {
                if (!p.rejects() && SUMMARY_WARNINGS.contains(p.code())) {
                    out.add(p);
                }
            }
            for (SubmissionReport s : submissions) {
                for (Problem p : s.problems()) {
                    if (!p.rejects() && SUMMARY_WARNINGS.contains(p.code())) {
                        out.add(p);
                    }
                }
            }
            return out;
        }

        /**
         * Returns how many problems of a code the file gave, file-level and in its submissions.
         *
         * @param code the code, null not permitted
         * @return the count
         */
        public long problemCount(ProblemCode code) {
            long n = problems.stream().filter(p -> p.code() == code).count();
            for (SubmissionReport s : submissions) {
                n += s.problemCounts().getOrDefault(code, 0L);
            }
            return n;
        }

        FileReport withFeedback(List<Path> paths) {
            return new FileReport(file, sha256, format, outcome, sheets, submissions, problems, paths, unchanged);
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
     * @param unchanged files ingested before and unchanged, for which nothing was written
     */
    public record Totals(int files, int refused, int submissions, long read, long accepted, long rejected,
            long skipped, int unchanged) {
    }

    /**
     * Returns the totals.
     *
     * @return the totals, never null
     */
    public Totals totals() {
        int refused = 0;
        int unchanged = 0;
        int subs = 0;
        long read = 0;
        long acc = 0;
        long rej = 0;
        long skip = 0;
        for (FileReport f : files) {
            if (f.outcome() == Outcome.REFUSED) {
                refused++;
            }
            if (f.unchanged()) {
                unchanged++;
            }
            subs += f.submissions().size();
            for (SheetReport s : f.sheets()) {
                read += s.read();
                acc += s.accepted();
                rej += s.rejected();
                skip += s.skipped();
            }
        }
        return new Totals(files.size(), refused, subs, read, acc, rej, skip, unchanged);
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
