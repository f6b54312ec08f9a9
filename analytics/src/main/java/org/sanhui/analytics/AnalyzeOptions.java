package org.sanhui.analytics;

import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Consumer;
import org.sanhui.model.period.Period;

/**
 * What {@link Analyzer#run(AnalyzeOptions)} analyses: the warehouse, the period, the scope, where Spark
 * runs and the rules. Immutable; build with {@link #builder(Path, Period)}.
 */
public final class AnalyzeOptions {

    private final Path warehouse;
    private final Period period;
    private final String scope;
    private final String master;
    private final org.sanhui.model.rules.Rules rules;
    private final Consumer<String> progress;

    private AnalyzeOptions(Builder b) {
        this.warehouse = b.warehouse;
        this.period = b.period;
        this.scope = b.scope;
        this.master = b.master;
        this.rules = b.rules;
        this.progress = b.progress;
        if (period.kind() == Period.Kind.YEAR) {
            throw new IllegalArgumentException("period " + period + " is a year, expected a quarter (2024Q3) or a month (2024-07)");
        }
        if (scope != null && !scope.matches("\\d{2}|\\d{4}|\\d{6}")) {
            throw new IllegalArgumentException("scope '" + scope + "': expected 00 (nation), a province (2 digits), a city (4) or a county (6)");
        }
    }

    /**
     * Starts a builder.
     *
     * @param warehouse the warehouse root, null not permitted
     * @param period the period to analyse (a quarter or a month), null not permitted
     * @return a builder, never null
     */
    public static Builder builder(Path warehouse, Period period) {
        return new Builder(warehouse, period);
    }

    /** @return the warehouse root, never null */
    public Path warehouse() {
        return warehouse;
    }

    /** @return the period analysed, never null */
    public Period period() {
        return period;
    }

    /** @return the scope code, or null for "the province the warehouse's submissions come from" */
    public String scope() {
        return scope;
    }

    /** @return the Spark master, or null for an embedded {@code local[*]} session (or the one spark-submit set) */
    public String master() {
        return master;
    }

    /** @return the rules, never null */
    public org.sanhui.model.rules.Rules rules() {
        return rules;
    }

    /** @return the progress callback (one short English line per step), never null */
    public Consumer<String> progress() {
        return progress;
    }

    /** Builds {@link AnalyzeOptions}. */
    public static final class Builder {
        private final Path warehouse;
        private final Period period;
        private String scope;
        private String master;
        private org.sanhui.model.rules.Rules rules = org.sanhui.model.rules.Rules.DEFAULTS;
        private Consumer<String> progress = s -> { };

        private Builder(Path warehouse, Period period) {
            this.warehouse = Objects.requireNonNull(warehouse, "warehouse");
            this.period = Objects.requireNonNull(period, "period");
        }

        /**
         * @param scope {@code 00}, a province, city or county code; null for the warehouse's own province
         * @return this
         */
        public Builder scope(String scope) {
            this.scope = scope;
            return this;
        }

        /**
         * @param master a Spark master URL ({@code local[2]}, {@code spark://host:7077}, {@code yarn}); null for
         *     embedded {@code local[*]} unless spark-submit already set one
         * @return this
         */
        public Builder master(String master) {
            this.master = master;
            return this;
        }

        /**
         * @param rules core-model's rules (the configuration file), null not permitted
         * @return this
         */
        public Builder rules(org.sanhui.model.rules.Rules rules) {
            this.rules = Objects.requireNonNull(rules, "rules");
            return this;
        }

        /**
         * @param progress receives one line per step; null for none
         * @return this
         */
        public Builder progress(Consumer<String> progress) {
            this.progress = progress == null ? s -> { } : progress;
            return this;
        }

        /**
         * Builds.
         *
         * @return the options, never null
         * @throws IllegalArgumentException if the period is a year or the scope is malformed
         */
        public AnalyzeOptions build() {
            return new AnalyzeOptions(this);
        }
    }
}
