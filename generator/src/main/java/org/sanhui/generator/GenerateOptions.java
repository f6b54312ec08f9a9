package org.sanhui.generator;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import org.sanhui.model.period.Period;
import org.sanhui.model.region.Gazetteer;
import org.sanhui.model.region.RegionLevel;

/**
 * The options of a generation; build with {@link #builder()}.
 *
 * @param scope the region code: {@code 64} (a province), {@code 00} (the country), a city or a county
 * @param from the first period: a quarter, or a month for a province that reports monthly
 * @param to the last period (inclusive), of the same kind as {@code from}
 * @param out the output folder
 * @param seed the seed; the same options always give byte-identical output
 * @param activities the total number of activities wanted, or null for the sample's natural rate
 * @param format what to write
 */
public record GenerateOptions(String scope, Period from, Period to, Path out, long seed, Long activities,
        Format format) {

    /** The default seed of the committed Ningxia sample. */
    public static final long DEFAULT_SEED = 20231130L;

    /** What the generator writes. */
    public enum Format {
        /** County submissions as workbooks (mostly xlsx; a few counties send CSV or .xls, one city one workbook), with truth.json. */
        XLSX,
        /**
         * County submissions, every county one .xlsx workbook (no CSV, .xls or city workbook), with truth.json: a
         * uniform batch, for the ingestion benchmark of a national quarter. Named {@code xlsx-only}.
         */
        XLSX_ONLY,
        /** County submissions as CSV files (UTF-8 with BOM, GBK, GB18030 in turn), with truth.json. */
        CSV,
        /** A ready warehouse: Parquet files under data/, _live.tsv and the submissions dataset. */
        PARQUET;

        /**
         * Parses a format name, case-insensitively.
         *
         * @param s xlsx, xlsx-only, csv or parquet, null not permitted
         * @return the format, never null
         * @throws IllegalArgumentException naming the accepted values
         */
        public static Format parse(String s) {
            try {
                return valueOf(s.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown format '" + s + "', expected xlsx, xlsx-only, csv or parquet",
                        e);
            }
        }
    }

    /**
     * Checks the options.
     *
     * @throws IllegalArgumentException if the scope is unknown or a township, the span is empty, from and to are
     *     not both quarters or both months, months are asked of the PARQUET format, or activities is negative
     */
    public GenerateOptions {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(format, "format");
        RegionLevel level = Gazetteer.national().require(scope).level();
        if (level == RegionLevel.TOWNSHIP) {
            throw new IllegalArgumentException("scope " + scope + " is a township; expected 00, a province, a city"
                    + " or a county code");
        }
        if (from.kind() != to.kind() || from.kind() == Period.Kind.YEAR) {
            throw new IllegalArgumentException("--from " + from + " and --to " + to + " must both be quarters (2024Q1)"
                    + " or both months (2024-05, for a province that reports monthly)");
        }
        if (from.kind() == Period.Kind.MONTH && format == Format.PARQUET) {
            throw new IllegalArgumentException("--format parquet writes quarters; monthly submissions (--from " + from
                    + ") are written as xlsx or csv");
        }
        if (to.compareTo(from) < 0) {
            throw new IllegalArgumentException("--to " + to + " is before --from " + from);
        }
        if (activities != null && activities < 0) {
            throw new IllegalArgumentException("activities must be >= 0, got " + activities);
        }
    }

    /**
     * Starts a builder with the sample's defaults: scope 64, 2023Q1 to 2024Q4, seed {@link #DEFAULT_SEED},
     * natural activity rate, XLSX.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link GenerateOptions}. */
    public static final class Builder {
        private String scope = "64";
        private Period from = Period.quarter(2023, 1);
        private Period to = Period.quarter(2024, 4);
        private Path out;
        private long seed = DEFAULT_SEED;
        private Long activities;
        private Format format = Format.XLSX;

        private Builder() {
        }

        /**
         * Sets the scope.
         *
         * @param scope a region code ({@code 64}, {@code 00}, ...)
         * @return this
         */
        public Builder scope(String scope) {
            this.scope = scope;
            return this;
        }

        /**
         * Sets the first period.
         *
         * @param from a quarter, or a month for monthly submissions (then {@link #to} is a month too)
         * @return this
         */
        public Builder from(Period from) {
            this.from = from;
            return this;
        }

        /**
         * Sets the last period.
         *
         * @param to a quarter, or a month for monthly submissions (then {@link #from} is a month too)
         * @return this
         */
        public Builder to(Period to) {
            this.to = to;
            return this;
        }

        /**
         * Sets the output folder.
         *
         * @param out the folder (created if absent)
         * @return this
         */
        public Builder out(Path out) {
            this.out = out;
            return this;
        }

        /**
         * Sets the seed.
         *
         * @param seed the seed
         * @return this
         */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * Sets the total number of activities (for benchmarks).
         *
         * @param activities the count, or null for the natural rate
         * @return this
         */
        public Builder activities(Long activities) {
            this.activities = activities;
            return this;
        }

        /**
         * Sets the format.
         *
         * @param format the format
         * @return this
         */
        public Builder format(Format format) {
            this.format = format;
            return this;
        }

        /**
         * Builds the options.
         *
         * @return the options
         * @throws IllegalArgumentException or NullPointerException when an option is missing or invalid
         */
        public GenerateOptions build() {
            return new GenerateOptions(scope, from, to, out, seed, activities, format);
        }
    }
}
