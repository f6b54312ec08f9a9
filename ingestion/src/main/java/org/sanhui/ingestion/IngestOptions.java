package org.sanhui.ingestion;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.sanhui.ingestion.pipeline.CoreRowCheck;
import org.sanhui.ingestion.pipeline.RowCheck;
import org.sanhui.model.period.Period;
import org.sanhui.model.region.Gazetteer;
import org.sanhui.model.rules.Rules;

/**
 * How an ingest (or validate) run goes: the warehouse, what the caller states about the files
 * (period, submitter, received date), where feedback workbooks go, the limits, and whether anything
 * is written. Immutable; build with {@link #builder(Path)}.
 */
public final class IngestOptions {

    private final Path warehouse;
    private final Period period;
    private final String submitter;
    private final LocalDate received;
    private final Path feedbackDir;
    private final IngestLimits limits;
    private final boolean dryRun;
    private final ProgressListener progress;
    /** The gazetteer given, or null for the national one (loading in the background from construction). */
    private final Gazetteer gazetteer;
    private final Clock clock;
    private final RowCheck givenRowCheck;
    private volatile RowCheck rowCheck;
    private final Rules rules;
    private final List<Path> excludedFolders;

    private IngestOptions(Builder b) {
        this.warehouse = b.warehouse;
        this.period = b.period;
        this.submitter = b.submitter;
        this.received = b.received;
        this.feedbackDir = b.feedbackDir;
        this.limits = b.limits;
        this.dryRun = b.dryRun;
        this.progress = b.progress;
        this.gazetteer = b.gazetteer;
        if (gazetteer == null) {
            Gazetteer.preloadNational(); // the run has a workbook to open before it needs places
        }
        this.clock = b.clock;
        this.rules = b.rules;
        this.givenRowCheck = b.rowCheck;
        this.excludedFolders = List.copyOf(b.excludedFolders);
        validate();
    }

    private void validate() {
        if (submitter != null) {
            if (!submitter.matches("\\d{2}|\\d{4}|\\d{6}")) {
                throw new IllegalArgumentException("submitter must be a 6-digit county code (or a 4-digit city or"
                        + " 2-digit province code for a multi-county workbook), got '" + submitter + "'");
            }
            if (gazetteer().byCode(submitter).isEmpty()) {
                throw new IllegalArgumentException("submitter " + submitter + " is not in the gazetteer (2023 national"
                        + " division codes), expected a code such as 640104");
            }
        }
        if (period != null && period.kind() == Period.Kind.YEAR) {
            throw new IllegalArgumentException("period must be a quarter (2024Q3) or a month (2024-07), got " + period);
        }
        if (warehouse != null && java.nio.file.Files.exists(warehouse) && !java.nio.file.Files.isDirectory(warehouse)) {
            throw new IllegalArgumentException("warehouse " + warehouse + " is a file, expected a directory");
        }
    }

    /**
     * Starts options for a warehouse.
     *
     * @param warehouse the warehouse root (created if absent), null not permitted
     * @return a builder, never null
     */
    public static Builder builder(Path warehouse) {
        return new Builder(warehouse);
    }

    /** @return the warehouse root, never null */
    public Path warehouse() {
        return warehouse;
    }

    /** @return the period stated by the caller, or null */
    public Period period() {
        return period;
    }

    /** @return the submitter code stated by the caller (county, or city/province for a multi-county workbook), or null */
    public String submitter() {
        return submitter;
    }

    /** @return the received date stated by the caller, or null */
    public LocalDate received() {
        return received;
    }

    /** @return the folder for feedback workbooks, or null for none */
    public Path feedbackDir() {
        return feedbackDir;
    }

    /**
     * Returns the folders not searched for input files when they sit under an input folder: those given
     * to {@link Builder#excludeFolder}, the warehouse and the feedback folder.
     *
     * @return the folders, never null
     */
    public List<Path> excludedFolders() {
        List<Path> out = new ArrayList<>(excludedFolders);
        out.add(warehouse);
        if (feedbackDir != null) {
            out.add(feedbackDir);
        }
        return List.copyOf(out);
    }

    /** @return the limits, never null */
    public IngestLimits limits() {
        return limits;
    }

    /** @return true when nothing is written to the warehouse ({@code validate}) */
    public boolean dryRun() {
        return dryRun;
    }

    /** @return the progress listener, never null */
    public ProgressListener progress() {
        return progress;
    }

    /** @return the gazetteer, never null (the national one is waited for when still loading) */
    public Gazetteer gazetteer() {
        return gazetteer != null ? gazetteer : Gazetteer.national();
    }

    /** @return the clock for ingest times, never null */
    public Clock clock() {
        return clock;
    }

    /** @return the rules (vocabulary words, grade mapping, limits of core-model), never null */
    public Rules rules() {
        return rules;
    }

    /** @return the single-row validator, never null */
    public RowCheck rowCheck() {
        RowCheck c = rowCheck;
        if (c == null) {
            c = givenRowCheck != null ? givenRowCheck : new CoreRowCheck(rules, gazetteer());
            rowCheck = c; // two threads may both make one; they are equal and immutable
        }
        return c;
    }

    /** Builds {@link IngestOptions}. Not thread-safe. */
    public static final class Builder {
        private final Path warehouse;
        private Period period;
        private String submitter;
        private LocalDate received;
        private Path feedbackDir;
        private IngestLimits limits = IngestLimits.DEFAULTS;
        private boolean dryRun;
        private ProgressListener progress = ProgressListener.NONE;
        private Gazetteer gazetteer;
        private Clock clock = Clock.systemUTC();
        private RowCheck rowCheck;
        private Rules rules = Rules.DEFAULTS;
        private final List<Path> excludedFolders = new ArrayList<>();

        private Builder(Path warehouse) {
            this.warehouse = Objects.requireNonNull(warehouse, "warehouse");
        }

        /**
         * States the period of every file (a file that says another is refused).
         *
         * @param p the period (quarter or month), null for none
         * @return this
         */
        public Builder period(Period p) {
            this.period = p;
            return this;
        }

        /**
         * States the submitter: a county code, or a city/province code for a workbook covering several counties.
         *
         * @param code the code, null for none
         * @return this
         */
        public Builder submitter(String code) {
            this.submitter = code == null ? null : code.strip();
            return this;
        }

        /**
         * States the received date, used as filing date when neither the file nor received.csv gives one.
         *
         * @param date the date, null for none
         * @return this
         */
        public Builder received(LocalDate date) {
            this.received = date;
            return this;
        }

        /**
         * Sets the folder where feedback workbooks (回执) are written.
         *
         * @param dir the folder (created if absent), null for none
         * @return this
         */
        public Builder feedbackDir(Path dir) {
            this.feedbackDir = dir;
            return this;
        }

        /**
         * Leaves a folder out of the search for input files when it sits under an input folder (a run's
         * output folder, say). The warehouse and the feedback folder are always left out.
         *
         * @param folder the folder (need not exist), null not permitted
         * @return this
         */
        public Builder excludeFolder(Path folder) {
            this.excludedFolders.add(Objects.requireNonNull(folder, "folder"));
            return this;
        }

        /**
         * Sets the limits.
         *
         * @param l the limits, null not permitted
         * @return this
         */
        public Builder limits(IngestLimits l) {
            this.limits = Objects.requireNonNull(l, "limits");
            return this;
        }

        /**
         * Sets the time to wait for another ingest on the same warehouse.
         *
         * @param timeout the timeout, null not permitted
         * @return this
         */
        public Builder lockTimeout(Duration timeout) {
            this.limits = limits.withLockTimeout(Objects.requireNonNull(timeout, "timeout"));
            return this;
        }

        /**
         * Makes the run a dry run: everything is checked, nothing is written to the warehouse.
         *
         * @param d true for a dry run
         * @return this
         */
        public Builder dryRun(boolean d) {
            this.dryRun = d;
            return this;
        }

        /**
         * Sets the progress listener.
         *
         * @param p the listener, null not permitted
         * @return this
         */
        public Builder progress(ProgressListener p) {
            this.progress = Objects.requireNonNull(p, "progress");
            return this;
        }

        /**
         * Sets the gazetteer (default: the national one).
         *
         * @param g the gazetteer, null for the default
         * @return this
         */
        public Builder gazetteer(Gazetteer g) {
            this.gazetteer = g;
            return this;
        }

        /**
         * Sets the clock for ingest times (tests).
         *
         * @param c the clock, null not permitted
         * @return this
         */
        public Builder clock(Clock c) {
            this.clock = Objects.requireNonNull(c, "clock");
            return this;
        }

        /**
         * Sets the rules the row checks use (default {@link Rules#DEFAULTS}).
         *
         * @param r the rules, null not permitted
         * @return this
         */
        public Builder rules(Rules r) {
            this.rules = Objects.requireNonNull(r, "rules");
            return this;
        }

        /**
         * Replaces the single-row validator (default: core-model's RowValidator with the rules).
         *
         * @param check the validator, null for the default
         * @return this
         */
        public Builder rowCheck(RowCheck check) {
            this.rowCheck = check;
            return this;
        }

        /**
         * Builds the options.
         *
         * @return the options, never null
         * @throws IllegalArgumentException if an option is invalid, saying what is expected
         */
        public IngestOptions build() {
            return new IngestOptions(this);
        }
    }
}
