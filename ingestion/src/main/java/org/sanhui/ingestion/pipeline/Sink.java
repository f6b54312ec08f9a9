package org.sanhui.ingestion.pipeline;

import java.util.Map;
import org.sanhui.ingestion.warehouse.DatasetWriter;
import org.sanhui.ingestion.warehouse.StagedFile;
import org.sanhui.ingestion.warehouse.Warehouse;
import org.sanhui.model.schema.DatasetSchema;

/** Where one dataset's rows of one submission go: a staged Parquet file, or nowhere but a count in a dry run. */
final class Sink {

    private final Warehouse warehouse;
    private final DatasetSchema dataset;
    private final String period;
    private final String county;
    private final String fileTag;
    private final boolean dryRun;
    private DatasetWriter writer;
    private String relative;
    private long rows;

    Sink(Warehouse warehouse, DatasetSchema dataset, String period, String county, String fileTag, boolean dryRun) {
        this.warehouse = warehouse;
        this.dataset = dataset;
        this.period = period;
        this.county = county;
        this.fileTag = fileTag;
        this.dryRun = dryRun;
    }

    void write(Map<String, ?> values) {
        rows++;
        if (dryRun) {
            return;
        }
        if (writer == null) {
            String[] paths = warehouse.newFile(dataset, period, county, fileTag);
            writer = new DatasetWriter(dataset, java.nio.file.Path.of(paths[0]));
            relative = paths[1];
        }
        writer.write(values);
    }

    long rows() {
        return rows;
    }

    /** Closes the file; returns it staged, or null if nothing was written. */
    StagedFile finish() {
        if (writer == null) {
            return null;
        }
        writer.close();
        return new StagedFile(dataset.name(), period, county, writer.file(), relative, writer.rows());
    }

    /** Closes and deletes the file (the submission is abandoned). */
    void abort() {
        if (writer != null) {
            try {
                writer.close();
            } catch (RuntimeException e) {
                // abandoning: the temp file is deleted below or by the next cleanup
            }
            try {
                java.nio.file.Files.deleteIfExists(writer.file());
            } catch (java.io.IOException e) {
                // left for the next run's cleanup
            }
        }
    }
}
