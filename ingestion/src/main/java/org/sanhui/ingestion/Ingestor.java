package org.sanhui.ingestion;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.sanhui.ingestion.feedback.FeedbackWriter;
import org.sanhui.ingestion.pipeline.FileJob;
import org.sanhui.ingestion.pipeline.Knowledge;
import org.sanhui.ingestion.resolve.FilingDates;
import org.sanhui.ingestion.resolve.RegionFinder;
import org.sanhui.ingestion.warehouse.Warehouse;
import org.sanhui.ingestion.warehouse.WarehouseLock;

/**
 * Ingests submission files (xlsx, xls, csv) into a warehouse: the entry point the CLI calls for
 * {@code sanhui ingest} and, with {@link IngestOptions#dryRun()}, {@code sanhui validate}.
 *
 * <p>Files, and the files of folders searched recursively (see {@link InputFiles} for what is left out:
 * hidden folders, Office lock and temporary files, links to folders, the warehouse and feedback folders),
 * are taken in period order, organisations first within a period. Each file is
 * made live with one atomic manifest replacement, so a crash leaves the warehouse as it was before or
 * after that file. The whole run holds the warehouse's lock; a dry run takes no lock and writes
 * nothing but feedback workbooks (if asked for).
 */
public final class Ingestor {

    /**
     * Creates an ingestor.
     */
    public Ingestor() {
    }

    /**
     * Ingests files.
     *
     * @param filesOrDirs files and folders, null not permitted, not empty
     * @param options the options, null not permitted
     * @return the report, never null
     * @throws IllegalArgumentException for a usage error (no input, a path that does not exist)
     * @throws IllegalStateException if another ingest holds the warehouse beyond the lock timeout
     * @throws UncheckedIOException if the warehouse cannot be written
     */
    public IngestReport ingest(List<Path> filesOrDirs, IngestOptions options) {
        Objects.requireNonNull(filesOrDirs, "filesOrDirs");
        Objects.requireNonNull(options, "options");
        List<Path> files = InputFiles.find(filesOrDirs, options.excludedFolders());
        // places are first needed once a file's titles are read; the national gazetteer loads meanwhile
        Supplier<RegionFinder> finder = new Supplier<>() {
            private RegionFinder made;

            @Override
            public RegionFinder get() {
                if (made == null) {
                    made = new RegionFinder(options.gazetteer());
                }
                return made;
            }
        };
        Map<Path, Map<String, java.time.LocalDate>> receivedByDir = new HashMap<>();
        Warehouse warehouse = new Warehouse(options.warehouse());
        try (WarehouseLock lock = options.dryRun() ? null : WarehouseLock.acquire(options.warehouse(),
                options.limits().lockTimeout())) {
            if (!options.dryRun()) {
                warehouse.cleanup();
            }
            List<FileJob> jobs = new ArrayList<>();
            for (Path f : files) {
                Path dir = f.toAbsolutePath().getParent();
                Map<String, java.time.LocalDate> rec = receivedByDir.computeIfAbsent(dir, FilingDates::received);
                jobs.add(FileJob.prepare(f, options, finder, rec));
            }
            jobs.sort(Comparator.comparing((FileJob j) -> j.period() == null ? null : j.period(),
                    Comparator.nullsLast(Comparator.naturalOrder())).thenComparingInt(FileJob::datasetRank)
                    .thenComparing(j -> j.file().getFileName().toString()));
            options.progress().started(jobs.size());
            Knowledge knowledge = new Knowledge(warehouse);
            FeedbackWriter feedback = options.feedbackDir() == null ? null : new FeedbackWriter(options.feedbackDir(),
                    options.gazetteer());
            List<IngestReport.FileReport> reports = new ArrayList<>();
            int seq = 0;
            for (FileJob job : jobs) {
                options.progress().fileStarted(job.file(), seq);
                FileJob.Outcome out = job.run(knowledge, ++seq);
                if (out.refusalCause() != null) {
                    options.progress().refusalCause(job.file(), out.refusalCause());
                }
                if (options.dryRun()) {
                    out.abort();
                } else if (!out.staged().isEmpty()) {
                    try {
                        warehouse.commit(out.staged(), out.replaced());
                    } catch (RuntimeException e) {
                        out.abort();
                        throw e;
                    }
                    knowledge.invalidate();
                }
                out.organisations().forEach(knowledge::remember);
                IngestReport.FileReport rep = out.report();
                if (feedback != null) {
                    rep = rep.withFeedback(feedback.write(out.feedback()));
                }
                reports.add(rep);
                options.progress().fileFinished(rep);
            }
            IngestReport report = new IngestReport(reports, options.dryRun());
            options.progress().finished(report);
            return report;
        }
    }
}
