package org.sanhui.ingestion.iceberg;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.SnapshotChanges;
import org.apache.iceberg.Table;

/**
 * Deletes the data files a writer that died left behind: written for a batch, never committed. Only files newer than
 * the last complete batch can be such orphans, and only snapshots made since then can name them, so the sweep lists
 * the data folder and reads the added files of those recent snapshots only, not the whole history. Run it under the
 * writer lock, when no other writer can be adding files.
 */
final class OrphanFiles {

    /** Slack for the clocks of the machines that wrote the files and the snapshots. */
    private static final long MARGIN_MILLIS = 10 * 60_000L;

    private OrphanFiles() {
    }

    /**
     * Deletes a table's unreferenced data files modified after a time.
     *
     * @param table the table
     * @param sinceMillis the commit time of the last complete batch
     * @param conf the Hadoop configuration
     * @return the files deleted
     */
    static List<String> sweep(Table table, long sinceMillis, Configuration conf) {
        long from = sinceMillis - MARGIN_MILLIS;
        Set<String> referenced = new HashSet<>();
        for (Snapshot s : table.snapshots()) {
            if (s.timestampMillis() >= from - MARGIN_MILLIS) {
                for (DataFile f : SnapshotChanges.builderFor(table).snapshot(s).build().addedDataFiles()) {
                    referenced.add(normal(f.location()));
                }
            }
        }
        Path data = new Path(table.location(), "data");
        java.util.ArrayList<String> deleted = new java.util.ArrayList<>();
        try {
            FileSystem fs = data.getFileSystem(conf);
            if (!fs.exists(data)) {
                return deleted;
            }
            RemoteIterator<LocatedFileStatus> it = fs.listFiles(data, true);
            while (it.hasNext()) {
                FileStatus st = it.next();
                String name = st.getPath().getName();
                if (!name.endsWith(".parquet") || st.getModificationTime() < from) {
                    continue;
                }
                if (!referenced.contains(normal(st.getPath().toString()))) {
                    fs.delete(st.getPath(), false);
                    deleted.add(st.getPath().toString());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the data files of " + table.name(), e);
        }
        return deleted;
    }

    private static String normal(String location) {
        return new Path(location).toUri().getPath();
    }
}
