package org.sanhui.reporting;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Consumer;
import org.sanhui.model.period.Period;

/**
 * What {@link Reporter#run(ReportOptions)} writes: from which indicator file, where to, in which language,
 * for which city, with which masthead. Immutable; build with {@link #builder()}.
 *
 * <p>The indicator file is given either directly ({@link Builder#indicators(Path)}) or as a warehouse and a
 * period ({@link Builder#warehouse(Path, String)}), which resolves
 * {@code WAREHOUSE/indicators/<P>/indicators-<P>.json} and refuses when that folder's {@code _SUCCESS}
 * marker is absent (analytics did not finish).
 */
public final class ReportOptions {

    private final Path indicators;
    private final Path outDir;
    private final Lang lang;
    private final String city;
    private final Masthead masthead;
    private final boolean charts;
    private final boolean workbook;
    private final boolean cityBriefings;
    private final int threads;
    private final Consumer<String> warnings;

    private ReportOptions(Builder b) {
        this.indicators = b.indicators;
        this.outDir = b.outDir;
        this.lang = b.lang;
        this.city = b.city;
        this.masthead = b.masthead;
        this.charts = b.charts;
        this.workbook = b.workbook;
        this.cityBriefings = b.cityBriefings;
        this.threads = b.threads;
        this.warnings = b.warnings;
    }

    /**
     * Starts a builder.
     *
     * @return a new builder, never null
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the indicator file to report.
     *
     * @return the path, never null
     */
    public Path indicators() {
        return indicators;
    }

    /**
     * Returns the output folder.
     *
     * @return the folder, never null
     */
    public Path outDir() {
        return outDir;
    }

    /**
     * Returns the language.
     *
     * @return the language, never null
     */
    public Lang lang() {
        return lang;
    }

    /**
     * Returns the only city to report, if one was asked.
     *
     * @return the 4-digit city code, or null for the province and every city
     */
    public String city() {
        return city;
    }

    /**
     * Returns the masthead configuration.
     *
     * @return the masthead, never null
     */
    public Masthead masthead() {
        return masthead;
    }

    /**
     * Tells whether charts are also written as PNG and SVG files.
     *
     * @return true by default
     */
    public boolean chartFiles() {
        return charts;
    }

    /**
     * Tells whether the xlsx workbook is written.
     *
     * @return true by default
     */
    public boolean workbook() {
        return workbook;
    }

    /**
     * Tells whether one briefing per city is written beside the province's (ignored with {@link #city()}).
     *
     * @return true by default
     */
    public boolean cityBriefings() {
        return cityBriefings;
    }

    /**
     * Returns how many city briefings are written at once.
     *
     * @return 1 or more; by default the number of processors, at most 4
     */
    public int threads() {
        return threads;
    }

    /**
     * Returns the listener told of warnings (missing glyphs, missing previous-period files).
     *
     * @return the listener, never null
     */
    public Consumer<String> warnings() {
        return warnings;
    }

    /** Builds {@link ReportOptions}. Not thread-safe. */
    public static final class Builder {
        private Path indicators;
        private Path outDir;
        private Lang lang = Lang.ZH;
        private String city;
        private Masthead masthead = Masthead.DEFAULT;
        private boolean charts = true;
        private boolean workbook = true;
        private boolean cityBriefings = true;
        private int threads = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
        private Consumer<String> warnings = w -> System.getLogger("org.sanhui.reporting")
                .log(System.Logger.Level.WARNING, w);

        private Builder() {
        }

        /**
         * Reports this indicator file.
         *
         * @param path the {@code indicators-<P>.json} file, null not permitted
         * @return this builder
         */
        public Builder indicators(Path path) {
            this.indicators = Objects.requireNonNull(path, "path");
            return this;
        }

        /**
         * Reports the indicator file of a period in a warehouse.
         *
         * @param warehouse the warehouse folder, null not permitted
         * @param period the period, e.g. {@code 2024Q4}, null not permitted
         * @return this builder
         * @throws IllegalArgumentException if the period cannot be parsed
         * @throws org.sanhui.model.error.DataIntegrityException if analytics has not finished that period (no
         *     {@code _SUCCESS} marker): the output is incomplete and is never read
         */
        public Builder warehouse(Path warehouse, String period) {
            Objects.requireNonNull(warehouse, "warehouse");
            String p = Period.parse(Objects.requireNonNull(period, "period")).toString();
            Path dir = warehouse.resolve("indicators").resolve(p);
            if (!Files.exists(dir.resolve("_SUCCESS"))) {
                throw new org.sanhui.model.error.DataIntegrityException("no finished indicators for period " + p + " in warehouse " + warehouse
                        + ": " + dir.resolve("_SUCCESS") + " is absent; run `sanhui run --period " + p
                        + "` first (an analytics run that failed or is still going leaves no _SUCCESS marker)");
            }
            this.indicators = dir.resolve("indicators-" + p + ".json");
            return this;
        }

        /**
         * Writes into this folder (created if absent).
         *
         * @param dir the folder, null not permitted
         * @return this builder
         */
        public Builder outDir(Path dir) {
            this.outDir = Objects.requireNonNull(dir, "dir");
            return this;
        }

        /**
         * Sets the language (default Chinese).
         *
         * @param value the language, null not permitted
         * @return this builder
         */
        public Builder lang(Lang value) {
            this.lang = Objects.requireNonNull(value, "value");
            return this;
        }

        /**
         * Reports only this city (no province briefing).
         *
         * @param code the 4-digit city code, or null for the province and every city
         * @return this builder
         * @throws IllegalArgumentException if the code is not 4 digits
         */
        public Builder city(String code) {
            if (code != null && !code.matches("\\d{4}")) {
                throw new IllegalArgumentException("city code must have 4 digits, e.g. 6401, got '" + code + "'");
            }
            this.city = code;
            return this;
        }

        /**
         * Sets the masthead configuration.
         *
         * @param value the masthead, null not permitted
         * @return this builder
         */
        public Builder masthead(Masthead value) {
            this.masthead = Objects.requireNonNull(value, "value");
            return this;
        }

        /**
         * Writes (default) or skips the PNG and SVG chart files.
         *
         * @param value true to write them
         * @return this builder
         */
        public Builder chartFiles(boolean value) {
            this.charts = value;
            return this;
        }

        /**
         * Writes (default) or skips the xlsx workbook.
         *
         * @param value true to write it
         * @return this builder
         */
        public Builder workbook(boolean value) {
            this.workbook = value;
            return this;
        }

        /**
         * Writes (default) or skips the per-city briefings; the province briefing is always written
         * unless {@link #city(String)} asks for one city.
         *
         * @param value true to write one briefing per city
         * @return this builder
         */
        public Builder cityBriefings(boolean value) {
            this.cityBriefings = value;
            return this;
        }

        /**
         * Sets how many city briefings are written at once (default: the processors, at most 4).
         *
         * @param value 1 or more
         * @return this builder
         * @throws IllegalArgumentException if value is below 1
         */
        public Builder threads(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("threads must be 1 or more, got " + value);
            }
            this.threads = value;
            return this;
        }

        /**
         * Sends warnings to this listener (default: the {@code org.sanhui.reporting} System.Logger). City
         * briefings are written in parallel, so the listener may be called from several threads at once.
         *
         * @param listener the listener, null not permitted
         * @return this builder
         */
        public Builder warnings(Consumer<String> listener) {
            this.warnings = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * Builds the options.
         *
         * @return the options, never null
         * @throws IllegalArgumentException if the indicator file or the output folder is missing
         */
        public ReportOptions build() {
            if (indicators == null) {
                throw new IllegalArgumentException("no indicator file: call indicators(path) or warehouse(dir, period)");
            }
            if (outDir == null) {
                throw new IllegalArgumentException("no output folder: call outDir(dir)");
            }
            return new ReportOptions(this);
        }
    }
}
