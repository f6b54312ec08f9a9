package org.sanhui.model.domain;

import static org.sanhui.model.schema.Datasets.COUNTY_CODE;
import static org.sanhui.model.schema.Datasets.DATASETS;
import static org.sanhui.model.schema.Datasets.FILING_DATE;
import static org.sanhui.model.schema.Datasets.INGESTED_AT;
import static org.sanhui.model.schema.Datasets.OPTIONS;
import static org.sanhui.model.schema.Datasets.PERIOD;
import static org.sanhui.model.schema.Datasets.ROWS_ACCEPTED;
import static org.sanhui.model.schema.Datasets.ROWS_READ;
import static org.sanhui.model.schema.Datasets.ROWS_REJECTED;
import static org.sanhui.model.schema.Datasets.ROWS_SKIPPED;
import static org.sanhui.model.schema.Datasets.SHA256;
import static org.sanhui.model.schema.Datasets.SOURCE_FILE;
import static org.sanhui.model.schema.Datasets.SUBMISSION_ID;
import static org.sanhui.model.schema.Datasets.VIA;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.sanhui.model.period.Period;

/**
 * One accepted submission: a county's file for a period, as stored in the {@code submissions} dataset.
 * Unlike the other records its values include its identifying columns, which are its own.
 *
 * @param submissionId the submission id, null not permitted
 * @param countyCode the county (6 digits), null not permitted
 * @param period the period, null not permitted
 * @param via the city or province code that sent a workbook covering several counties, or null
 * @param filingDate the 填报日期, or null when unknown
 * @param ingestedAt when ingestion ran, null not permitted
 * @param sourceFile the source file name, null not permitted
 * @param sha256 the source file's SHA-256 in hex, null not permitted
 * @param datasets the dataset names the submission contains, never null
 * @param rowsRead rows read
 * @param rowsAccepted rows accepted
 * @param rowsRejected rows rejected
 * @param rowsSkipped rows skipped
 * @param options the fingerprint of the ingest options ({@link org.sanhui.model.schema.Datasets#OPTIONS}), or null
 *        when not recorded
 */
public record Submission(String submissionId, String countyCode, Period period, String via, LocalDate filingDate,
        Instant ingestedAt, String sourceFile, String sha256, List<String> datasets, long rowsRead, long rowsAccepted,
        long rowsRejected, long rowsSkipped, String options) implements DatasetRecord {

    /**
     * Checks and copies.
     *
     * @param submissionId the submission id, null not permitted
     * @param countyCode the county (6 digits), null not permitted
     * @param period the period, null not permitted
     * @param via the city or province code that sent a workbook covering several counties, or null
     * @param filingDate the 填报日期, or null when unknown
     * @param ingestedAt when ingestion ran, null not permitted
     * @param sourceFile the source file name, null not permitted
     * @param sha256 the source file's SHA-256 in hex, null not permitted
     * @param datasets the dataset names the submission contains, never null
     * @param rowsRead rows read
     * @param rowsAccepted rows accepted
     * @param rowsRejected rows rejected
     * @param rowsSkipped rows skipped
     * @param options the fingerprint of the ingest options, or null when not recorded
     * @throws NullPointerException if a required part is null
     * @throws IllegalArgumentException if a count is negative
     */
    public Submission {
        Objects.requireNonNull(submissionId, "submissionId");
        Objects.requireNonNull(countyCode, "countyCode");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(ingestedAt, "ingestedAt");
        Objects.requireNonNull(sourceFile, "sourceFile");
        Objects.requireNonNull(sha256, "sha256");
        datasets = List.copyOf(datasets);
        if (rowsRead < 0 || rowsAccepted < 0 || rowsRejected < 0 || rowsSkipped < 0) {
            throw new IllegalArgumentException("row counts must be >= 0");
        }
    }

    @Override
    public Map<String, Object> values() {
        return new Columns().put(SUBMISSION_ID, submissionId).put(COUNTY_CODE, countyCode)
                .put(PERIOD, period.toString()).put(VIA, via).put(FILING_DATE, filingDate)
                .put(INGESTED_AT, ingestedAt).put(SOURCE_FILE, sourceFile).put(SHA256, sha256)
                .put(DATASETS, String.join(",", datasets)).put(ROWS_READ, rowsRead).put(ROWS_ACCEPTED, rowsAccepted)
                .put(ROWS_REJECTED, rowsRejected).put(ROWS_SKIPPED, rowsSkipped).put(OPTIONS, options).build();
    }
}
