package org.sanhui.ingestion.pipeline;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sanhui.ingestion.IngestReport;
import org.sanhui.ingestion.warehouse.StagedFile;
import org.sanhui.ingestion.warehouse.Warehouse;
import org.sanhui.model.period.Period;
import org.sanhui.model.problem.Problem;
import org.sanhui.model.problem.ProblemCode;
import org.sanhui.model.schema.DatasetSchema;
import org.sanhui.model.schema.Datasets;

/** One county's submission of one period, while its file is read. Not thread-safe. */
final class SubmissionBuilder {

    final String id;
    final String county;
    final Period period;
    /** The period's label as stored ({@link Period#toString()}), made once rather than for every row. */
    final String periodLabel;
    final String via;
    final LocalDate filingDate;
    final Map<String, SheetCounts> sheets = new LinkedHashMap<>();
    final Set<DatasetSchema> datasets = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    // identity maps: a DatasetSchema record's hashCode walks every column and header
    final Map<DatasetSchema, Sink> sinks = new IdentityHashMap<>();
    final Map<DatasetSchema, Sink> rejects = new IdentityHashMap<>();
    final Map<DatasetSchema, SeenKeys> seen = new IdentityHashMap<>();
    final List<Problem> problems = new ArrayList<>();
    long problemCount;
    private final long[] problemCounts = new long[ProblemCode.values().length];
    private int summaryKeptBeyond;
    final Map<String, FeedbackRows> feedback = new LinkedHashMap<>();
    final List<Problem> feedbackProblems = new ArrayList<>();
    final OrgIndex orgs = new OrgIndex();
    final Set<String> rejectedOrgKeys = new HashSet<>();
    final Set<String> rejectedPostKeys = new HashSet<>();
    final Set<String> acceptedPostKeys = new HashSet<>();
    final Set<String> evaluationKeys = new HashSet<>();
    private final Warehouse warehouse;
    private final boolean dryRun;

    SubmissionBuilder(String id, String county, Period period, String via, LocalDate filingDate, Warehouse warehouse,
            boolean dryRun) {
        this.id = id;
        this.county = county;
        this.period = period;
        this.periodLabel = period.toString();
        this.via = via;
        this.filingDate = filingDate;
        this.warehouse = warehouse;
        this.dryRun = dryRun;
    }

    SheetCounts counts(String sheet, DatasetSchema ds) {
        return sheets.computeIfAbsent(sheet, s -> new SheetCounts(s, ds == null ? null : ds.name()));
    }

    Sink sink(DatasetSchema ds) {
        return sinks.computeIfAbsent(ds, d -> new Sink(warehouse, d, period.toString(), county, id, dryRun));
    }

    Sink rejectsSink(DatasetSchema ds) {
        return rejects.computeIfAbsent(ds,
                d -> new Sink(warehouse, Datasets.REJECTS, period.toString(), county, id + "-" + d.name(), dryRun));
    }

    SeenKeys seen(DatasetSchema ds) {
        return seen.computeIfAbsent(ds, d -> new SeenKeys());
    }

    void problem(Problem p) {
        problemCount++;
        problemCounts[p.code().ordinal()]++;
        if (problems.size() < IngestReport.PROBLEMS_KEPT || IngestReport.SUMMARY_WARNINGS.contains(p.code())
                && !p.rejects() && summaryKeptBeyond++ < IngestReport.SUMMARY_WARNINGS_KEPT) {
            problems.add(p);
        }
        if (feedbackProblems.size() < 20_000) {
            feedbackProblems.add(p);
        }
    }

    long rejected() {
        return sheets.values().stream().mapToLong(c -> c.rejected).sum();
    }

    List<StagedFile> finish() {
        List<StagedFile> out = new ArrayList<>();
        for (Sink s : sinks.values()) {
            StagedFile f = s.finish();
            if (f != null) {
                out.add(f);
            }
        }
        for (Sink s : rejects.values()) {
            StagedFile f = s.finish();
            if (f != null) {
                out.add(f);
            }
        }
        return out;
    }

    void abort() {
        sinks.values().forEach(Sink::abort);
        rejects.values().forEach(Sink::abort);
    }

    IngestReport.SubmissionReport report() {
        List<IngestReport.SheetReport> s = sheets.values().stream().map(SheetCounts::report).toList();
        IngestReport.Outcome o = IngestReport.Outcome.of(rejected(), problems);
        Map<ProblemCode, Long> counts = new EnumMap<>(ProblemCode.class);
        for (ProblemCode c : ProblemCode.values()) {
            if (problemCounts[c.ordinal()] > 0) {
                counts.put(c, problemCounts[c.ordinal()]);
            }
        }
        return new IngestReport.SubmissionReport(id, county, period, via, filingDate,
                datasets.stream().sorted(java.util.Comparator.comparingInt(Datasets.INPUTS::indexOf))
                        .map(DatasetSchema::name).toList(), s, problems, problemCount, counts, o);
    }
}
