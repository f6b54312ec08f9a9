package org.sanhui.ingestion.pipeline;

import java.util.List;
import java.util.Map;
import org.sanhui.model.schema.Column;
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
    private List<Column> stored;

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
        if (values instanceof StoredValues sv && sv.dataset() == dataset) {
            // already in stored-column order: converted into a fresh array, as DatasetWriter.write(Map) would
            Object[] in = sv.array();
            Object[] row = new Object[in.length];
            if (stored == null) {
                stored = dataset.storedColumns();
            }
            List<Column> columns = stored;
            for (int i = 0; i < row.length; i++) {
                row[i] = in[i] == null ? null : DatasetWriter.convert(columns.get(i), in[i]);
            }
            writer.write(row);
        } else {
            writer.write(values);
        }
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
