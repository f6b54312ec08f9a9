package org.sanhui.ingestion.iceberg;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.OverwriteFiles;
import org.apache.iceberg.PartitionKey;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.StructLike;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.data.GenericFileWriterFactory;
import org.apache.iceberg.data.InternalRecordWrapper;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.expressions.Expression;
import org.apache.iceberg.expressions.Expressions;
import org.apache.iceberg.expressions.InclusiveMetricsEvaluator;
import org.apache.iceberg.formats.FormatModelRegistry;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.io.DataWriter;
import org.apache.iceberg.io.OutputFileFactory;
import org.apache.iceberg.io.RollingDataWriter;
import org.apache.iceberg.util.PropertyUtil;
import org.sanhui.model.schema.DatasetSchema;
import org.sanhui.model.schema.Datasets;

/**
 * One table's part of a batch: the slices and keyed rows it received, the runs spilled to disk, and the commit that
 * rewrites the touched partitions copy-on-write.
 *
 * <p>A touched partition (a period and province that receives rows or loses some) is rewritten from: its existing
 * files that may hold replaced rows (by their county statistics) or are small (under half the target size, so that
 * a partition's small files are compacted as it is touched), without the replaced rows; the spilled runs; the
 * buffered rows. These inputs are each sorted by county; a k-way merge keeps the output sorted by county, and the
 * output rolls over at the target file size. A spilled run that is large enough (a quarter of the target) and holds
 * no superseded rows is committed as it is, without being rewritten.
 *
 * <p>Spilling: when the batch's buffered rows exceed the memory budget, each partition's buffered rows are sorted by
 * county and appended to that partition's open spill writer, which rolls over at the target file size; a spill whose
 * counties come before what the writer already holds starts a new one. So a large batch in county order (a county's
 * 1,000,000-row workbook) is written once.
 */
final class TableBatch {

    private static final Comparator<String> COUNTY_ORDER = Comparator.nullsFirst(Comparator.naturalOrder());

    final Batch batch;
    final DatasetSchema dataset;
    final Table table;
    final String name;
    final Schema schema;
    final TableLayout.Change kind;
    private final PartitionSpec spec;
    private final long targetBytes;
    final int countyPos;
    final int periodPos;
    /** The position of the dataset column (rejects), or -1. */
    final int datasetPos;
    final RowValues rows;
    private final InternalRecordWrapper wrapper;
    private final PartitionKey partitionKey;
    private final GenericFileWriterFactory writerFactory;
    private final OutputFileFactory fileFactory;

    private final List<Slice> slices = new ArrayList<>();
    private final Map<SliceKey, Slice> live = new HashMap<>();
    private final Map<SliceKey, Slice> appends = new HashMap<>();
    private final LinkedHashMap<String, Record> keyed = new LinkedHashMap<>();
    private long keyedBytes;
    private final List<Run> runs = new ArrayList<>();
    private final LinkedHashMap<String, Stream> streams = new LinkedHashMap<>();
    /** Every data file written for the batch (by this thread and the encoder's). */
    private final List<DataFile> written = java.util.Collections.synchronizedList(new ArrayList<>());
    private final Set<String> committed = new HashSet<>();

    /**
     * Spilled files of one partition: slices' rows, sorted by county, in segments (in file order). The files are
     * known once the encoder has closed them.
     */
    private record Run(String partitionPath, StructLike partition, List<DataFile> files, List<Segment> segments) {
        boolean clean() {
            return segments.stream().allMatch(s -> s.slice().live);
        }

        long bytes() {
            return files.stream().mapToLong(DataFile::fileSizeInBytes).sum();
        }
    }

    /**
     * An open spill writer of one partition: successive spills append to it while their counties come in order, so
     * that a large batch is written once, in files of the target size, rather than in many runs merged at commit.
     */
    private final class Stream {
        final String partitionPath;
        final StructLike partition;
        final RollingDataWriter<Record> writer;
        final List<Segment> segments = new ArrayList<>();
        String lastCounty;
        boolean any;

        Stream(String partitionPath, StructLike partition) {
            this.partitionPath = partitionPath;
            this.partition = partition;
            this.writer = new RollingDataWriter<>(writerFactory, fileFactory, table.io(), targetBytes, spec, partition);
        }

        boolean clean() {
            return segments.stream().allMatch(s -> s.slice().live);
        }
    }

    /** Rows handed to the encoder thread at a time. */
    private static final int CHUNK_ROWS = 4096;

    /** At most this many spill writers are open per table (each buffers up to a row group in memory). */
    private static final int MAX_OPEN_STREAMS = 2;

    private record Segment(Slice slice, long rows) {
    }

    /** The work on one partition at commit. */
    private static final class Work {
        final StructLike partition;
        final List<Slice> slices = new ArrayList<>();
        final List<Run> runs = new ArrayList<>();
        final List<Record> keyed = new ArrayList<>();

        Work(StructLike partition) {
            this.partition = partition;
        }
    }

    TableBatch(Batch batch, DatasetSchema dataset, Table table) {
        this.batch = batch;
        this.dataset = dataset;
        this.table = table;
        this.name = dataset.name();
        this.schema = table.schema();
        this.kind = TableLayout.change(dataset);
        this.spec = table.spec();
        this.targetBytes = PropertyUtil.propertyAsLong(table.properties(), TableProperties.WRITE_TARGET_FILE_SIZE_BYTES,
                TableLayout.TARGET_FILE_BYTES);
        this.countyPos = schema.columns().indexOf(schema.findField(Datasets.COUNTY_CODE));
        this.periodPos = schema.columns().indexOf(schema.findField(Datasets.PERIOD));
        this.datasetPos = schema.findField(Datasets.DATASET) == null ? -1
                : schema.columns().indexOf(schema.findField(Datasets.DATASET));
        this.rows = new RowValues(schema, dataset);
        this.wrapper = new InternalRecordWrapper(schema.asStruct());
        this.partitionKey = new PartitionKey(spec, schema);
        this.writerFactory = new GenericFileWriterFactory.Builder(table).dataFileFormat(FileFormat.PARQUET)
                .dataSchema(schema).dataSortOrder(table.sortOrder()).build();
        this.fileFactory = OutputFileFactory.builderFor(table, 0, 0).format(FileFormat.PARQUET)
                .operationId(safe(batch.id()) + "-" + UUID.randomUUID().toString().substring(0, 8)).build();
    }

    private static String safe(String id) {
        return id.replaceAll("[^A-Za-z0-9_.-]", "_");
    }

    // ---- receiving rows

    Slice replace(SliceKey key) {
        Slice s = newSlice(key, true);
        Slice before = live.put(key, s);
        if (before != null) {
            before.live = false;
            batch.released(before.bufferedBytes);
            before.buffer = new ArrayList<>();
            before.bufferedBytes = 0;
        }
        return s;
    }

    void append(java.util.Map<String, ?> row) {
        Record r = rows.fromMap(row);
        long bytes = rows.lastBytes();
        SliceKey key = new SliceKey((String) r.get(countyPos), (String) r.get(periodPos), null);
        appends.computeIfAbsent(key, k -> newSlice(k, false)).add(r, bytes);
    }

    void upsert(java.util.Map<String, ?> row) {
        Record r = rows.fromMap(row);
        String key = r.getField(Datasets.ORG_KEY) + "|" + r.getField(Datasets.YEAR);
        Record before = keyed.remove(key);
        if (before != null) {
            long b = RowValues.estimateBytes(before);
            keyedBytes -= b;
            batch.released(b);
        }
        keyed.put(key, r);
        long bytes = rows.lastBytes();
        keyedBytes += bytes;
        batch.buffered(bytes);
    }

    private Slice newSlice(SliceKey key, boolean replaces) {
        Record probe = org.apache.iceberg.data.GenericRecord.create(schema);
        probe.setField(Datasets.COUNTY_CODE, key.county());
        probe.setField(Datasets.PERIOD, key.period());
        partitionKey.partition(wrapper.wrap(probe));
        Slice s = new Slice(this, key, replaces, slices.size(), spec.partitionToPath(partitionKey), partitionKey.copy());
        slices.add(s);
        return s;
    }

    long unspillableBytes() {
        return keyedBytes;
    }

    // ---- spilling

    void spill() {
        spill(false);
    }

    /**
     * Writes buffered rows to spill writers.
     *
     * @param openOnly only the partitions that have an open spill writer (at commit: the tail of a large batch goes
     *        into its file rather than into a small file of its own)
     */
    private void spill(boolean openOnly) {
        Map<String, List<Slice>> byPartition = new LinkedHashMap<>();
        for (Slice s : slices) {
            if (s.live && !s.buffer.isEmpty() && (!openOnly || streams.containsKey(s.partitionPath))) {
                byPartition.computeIfAbsent(s.partitionPath, p -> new ArrayList<>()).add(s);
            }
        }
        for (List<Slice> group : byPartition.values()) {
            group.sort(Comparator.comparing(Slice::county, COUNTY_ORDER).thenComparingInt(s -> s.seq));
            Slice first = group.get(0);
            Stream st = streams.remove(first.partitionPath);
            if (st != null && (!st.clean() || COUNTY_ORDER.compare(st.lastCounty, first.county()) > 0)) {
                close(st);
                st = null;
                if (openOnly) {
                    continue; // left buffered, for the merge
                }
            }
            if (st == null) {
                if (streams.size() >= MAX_OPEN_STREAMS) {
                    String eldest = streams.keySet().iterator().next();
                    close(streams.remove(eldest));
                }
                st = new Stream(first.partitionPath, first.partition);
            }
            streams.put(first.partitionPath, st); // most recently used last
            for (Slice s : group) {
                List<Record> buffered = s.buffer;
                RollingDataWriter<Record> writer = st.writer;
                int size = buffered.size();
                for (int from = 0; from < size; from += CHUNK_ROWS) { // in chunks, so the hand-off flows evenly
                    List<Record> chunk = buffered.subList(from, Math.min(size, from + CHUNK_ROWS));
                    batch.encoder().submit(s.bufferedBytes * chunk.size() / size, false, () -> {
                        for (Record r : chunk) {
                            writer.write(r);
                        }
                    });
                }
                st.segments.add(new Segment(s, size));
                st.lastCounty = s.county();
                st.any = true;
                batch.released(s.bufferedBytes);
                s.buffer = new ArrayList<>();
                s.bufferedBytes = 0;
            }
        }
    }

    /** Closes a spill writer on the encoder thread; its run's files are known after {@link Encoder#await()}. */
    private void close(Stream st) {
        Run run = st.any ? new Run(st.partitionPath, st.partition, new ArrayList<>(), st.segments) : null;
        if (run != null) {
            runs.add(run);
        }
        batch.encoder().submit(0, true, () -> {
            st.writer.close();
            List<DataFile> files = st.writer.result().dataFiles();
            written.addAll(files);
            if (run != null) {
                run.files().addAll(files);
            }
        });
    }

    private void closeStreams() {
        for (Stream st : streams.values()) {
            close(st);
        }
        streams.clear();
    }

    // ---- committing

    /**
     * Commits the table's part of the batch.
     *
     * @return the new snapshot id, or null when nothing changed and no commit was forced
     */
    Long commit(String batchId, Map<String, String> summary, boolean force) {
        spill(true);
        closeStreams();
        batch.encoder().await();
        table.refresh();
        Snapshot base = table.currentSnapshot();
        Map<String, Work> work = new LinkedHashMap<>();
        for (Slice s : slices) {
            if (s.live) {
                work.computeIfAbsent(s.partitionPath, p -> new Work(s.partition)).slices.add(s);
            }
        }
        for (Run r : runs) {
            work.computeIfAbsent(r.partitionPath(), p -> new Work(r.partition())).runs.add(r);
        }
        for (Record r : keyed.values()) {
            partitionKey.partition(wrapper.wrap(r));
            String path = spec.partitionToPath(partitionKey);
            work.computeIfAbsent(path, p -> new Work(partitionKey.copy())).keyed.add(r);
        }
        if (work.isEmpty() && !force) {
            return null;
        }
        Map<String, List<DataFile>> existing = existingFiles(base, work.keySet());
        List<DataFile> deletes = new ArrayList<>();
        List<DataFile> adds = new ArrayList<>();
        List<List<DataFile>> merged = new ArrayList<>();
        for (Map.Entry<String, Work> e : work.entrySet()) {
            rewrite(e.getValue(), existing.getOrDefault(e.getKey(), List.of()), deletes, adds, merged);
        }
        batch.encoder().await(); // the merged files are written and closed
        merged.forEach(adds::addAll);
        batch.hook().reached(CrashPoints.afterWrite(name));
        batch.lock().checkHeld();
        OverwriteFiles ov = table.newOverwrite();
        deletes.forEach(ov::deleteFile);
        adds.forEach(ov::addFile);
        if (base != null) {
            ov.validateFromSnapshot(base.snapshotId()).conflictDetectionFilter(Expressions.alwaysTrue())
                    .validateNoConflictingData().validateNoConflictingDeletes();
        }
        ov.set(BatchSnapshots.BATCH_ID, batchId);
        summary.forEach(ov::set);
        ov.commit();
        adds.forEach(f -> committed.add(f.location()));
        batch.hook().reached(CrashPoints.afterCommit(name));
        table.refresh();
        return table.currentSnapshot().snapshotId();
    }

    private Map<String, List<DataFile>> existingFiles(Snapshot base, Set<String> partitions) {
        Map<String, List<DataFile>> out = new HashMap<>();
        if (base == null) {
            return out;
        }
        Set<String> periods = new HashSet<>();
        boolean nullPeriod = false;
        for (Slice s : slices) {
            if (s.key.period() == null) {
                nullPeriod = true;
            } else {
                periods.add(s.key.period());
            }
        }
        for (Record r : keyed.values()) {
            Object p = r.getField(Datasets.PERIOD);
            if (p == null) {
                nullPeriod = true;
            } else {
                periods.add((String) p);
            }
        }
        Expression filter = periods.isEmpty() ? Expressions.alwaysFalse() : Expressions.in(Datasets.PERIOD, periods.toArray());
        if (nullPeriod) {
            filter = Expressions.or(filter, Expressions.isNull(Datasets.PERIOD));
        }
        try (CloseableIterable<FileScanTask> tasks = table.newScan().useSnapshot(base.snapshotId()).filter(filter)
                .ignoreResiduals().planFiles()) {
            for (FileScanTask t : tasks) {
                String path = spec.partitionToPath(t.file().partition());
                if (partitions.contains(path)) {
                    out.computeIfAbsent(path, p -> new ArrayList<>()).add(t.file());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the files of " + name, e);
        }
        return out;
    }

    private void rewrite(Work w, List<DataFile> existing, List<DataFile> deletes, List<DataFile> adds,
            List<List<DataFile>> mergedFiles) {
        // what the partition's new rows replace
        Set<SliceKey> replaced = new HashSet<>();
        Set<String> keys = new HashSet<>();
        Set<String> counties = new HashSet<>();
        for (Slice s : w.slices) {
            if (s.replaces) {
                replaced.add(s.key);
                counties.add(s.key.county());
            }
        }
        for (Record r : w.keyed) {
            keys.add(r.getField(Datasets.ORG_KEY) + "|" + r.getField(Datasets.YEAR));
            counties.add((String) r.getField(Datasets.COUNTY_CODE));
        }
        Predicate<Record> drop = r -> {
            if (!replaced.isEmpty()) {
                String ds = dataset.name().equals(Datasets.REJECTS.name()) ? (String) r.getField(Datasets.DATASET) : null;
                if (replaced.contains(new SliceKey((String) r.getField(Datasets.COUNTY_CODE),
                        (String) r.getField(Datasets.PERIOD), ds))) {
                    return true;
                }
            }
            return !keys.isEmpty() && keys.contains(r.getField(Datasets.ORG_KEY) + "|" + r.getField(Datasets.YEAR));
        };
        InclusiveMetricsEvaluator mayHold = counties.isEmpty() ? null
                : new InclusiveMetricsEvaluator(schema, Expressions.in(Datasets.COUNTY_CODE, counties.toArray()));

        List<DataFile> rewritten = new ArrayList<>();
        for (DataFile f : existing) {
            if ((mayHold != null && mayHold.eval(f)) || f.fileSizeInBytes() < targetBytes / 2) {
                rewritten.add(f);
            }
        }
        List<Run> merged = new ArrayList<>();
        for (Run r : w.runs) {
            if (r.clean() && r.bytes() >= targetBytes / 8) {
                adds.addAll(r.files()); // large and sorted already: committed as written
            } else if (r.segments().stream().anyMatch(s -> s.slice().live)) {
                merged.add(r);
            }
        }
        List<Slice> buffered = w.slices.stream().filter(s -> !s.buffer.isEmpty())
                .sorted(Comparator.comparing(Slice::county, COUNTY_ORDER).thenComparingInt(s -> s.seq)).toList();
        if (rewritten.isEmpty() && buffered.isEmpty() && w.keyed.isEmpty() && merged.size() == 1
                && merged.get(0).clean()) {
            adds.addAll(merged.get(0).files()); // a single clean run is the partition's whole new content
            return;
        }
        List<CloseableIterable<Record>> open = new ArrayList<>();
        List<Iterator<Record>> inputs = new ArrayList<>();
        try {
            for (DataFile f : rewritten) {
                CloseableIterable<Record> it = read(f);
                open.add(it);
                inputs.add(filter(it.iterator(), drop.negate()));
            }
            for (Run r : merged) {
                List<Iterator<Record>> parts = new ArrayList<>();
                for (DataFile f : r.files()) {
                    CloseableIterable<Record> it = read(f);
                    open.add(it);
                    parts.add(it.iterator());
                }
                inputs.add(liveSegments(concat(parts), r.segments()));
            }
            List<Record> mem = new ArrayList<>();
            for (Slice s : buffered) {
                mem.addAll(s.buffer);
            }
            if (!mem.isEmpty()) {
                inputs.add(mem.iterator());
            }
            if (!w.keyed.isEmpty()) {
                List<Record> k = new ArrayList<>(w.keyed);
                k.sort(Comparator.comparing(r -> (String) r.get(countyPos), COUNTY_ORDER));
                inputs.add(k.iterator());
            }
            if (!inputs.isEmpty()) {
                mergedFiles.add(writeMerged(w.partition, inputs));
            }
        } finally {
            for (CloseableIterable<Record> it : open) {
                try {
                    it.close();
                } catch (IOException e) {
                    // reading is over; nothing to keep
                }
            }
        }
        deletes.addAll(rewritten);
    }

    /**
     * Merges sorted inputs by county into the partition's new files. This thread reads and merges; the encoder
     * thread writes, in chunks. The returned list is filled once the encoder has closed the files
     * ({@link Encoder#await()}).
     */
    private List<DataFile> writeMerged(StructLike partition, List<Iterator<Record>> inputs) {
        record Head(Record row, int input) {
        }
        PriorityQueue<Head> heap = new PriorityQueue<>(Comparator
                .comparing((Head h) -> (String) h.row().get(countyPos), COUNTY_ORDER).thenComparingInt(Head::input));
        for (int i = 0; i < inputs.size(); i++) {
            if (inputs.get(i).hasNext()) {
                heap.add(new Head(inputs.get(i).next(), i));
            }
        }
        List<DataFile> result = new ArrayList<>();
        if (heap.isEmpty()) {
            return result;
        }
        RollingDataWriter<Record> out = new RollingDataWriter<>(writerFactory, fileFactory, table.io(), targetBytes, spec,
                partition);
        Encoder encoder = batch.encoder();
        try {
            Record[] chunk = new Record[CHUNK_ROWS];
            int n = 0;
            long bytes = 0;
            while (!heap.isEmpty()) {
                Head h = heap.poll();
                chunk[n++] = h.row();
                bytes += RowValues.estimateBytes(h.row());
                if (n == chunk.length) {
                    submitChunk(encoder, out, chunk, n, bytes);
                    chunk = new Record[CHUNK_ROWS];
                    n = 0;
                    bytes = 0;
                }
                Iterator<Record> in = inputs.get(h.input());
                if (in.hasNext()) {
                    heap.add(new Head(in.next(), h.input()));
                }
            }
            submitChunk(encoder, out, chunk, n, bytes);
        } finally {
            encoder.submit(0, true, () -> {
                out.close();
                List<DataFile> files = out.result().dataFiles();
                written.addAll(files);
                result.addAll(files);
            });
        }
        return result;
    }

    private static void submitChunk(Encoder encoder, RollingDataWriter<Record> out, Record[] chunk, int n, long bytes) {
        if (n > 0) {
            encoder.submit(bytes, false, () -> {
                for (int i = 0; i < n; i++) {
                    out.write(chunk[i]);
                }
            });
        }
    }

    private CloseableIterable<Record> read(DataFile f) {
        return FormatModelRegistry.<Record, Object>readBuilder(FileFormat.PARQUET, Record.class,
                table.io().newInputFile(f.location())).project(schema)
                .set(WarehouseCatalog.VERIFY_PAGE_CHECKSUMS, "true").build();
    }

    private static Iterator<Record> concat(List<Iterator<Record>> parts) {
        return new Iterator<>() {
            private int i;

            @Override
            public boolean hasNext() {
                while (i < parts.size() && !parts.get(i).hasNext()) {
                    i++;
                }
                return i < parts.size();
            }

            @Override
            public Record next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return parts.get(i).next();
            }
        };
    }

    private static Iterator<Record> filter(Iterator<Record> in, Predicate<Record> keep) {
        return new Iterator<>() {
            private Record next;

            @Override
            public boolean hasNext() {
                while (next == null && in.hasNext()) {
                    Record r = in.next();
                    if (keep.test(r)) {
                        next = r;
                    }
                }
                return next != null;
            }

            @Override
            public Record next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Record r = next;
                next = null;
                return r;
            }
        };
    }

    /** The rows of a run whose slices are still live, found by counting rows through its segments. */
    private static Iterator<Record> liveSegments(Iterator<Record> in, List<Segment> segments) {
        Iterator<Segment> seg = segments.iterator();
        long[] left = {0};
        Slice[] current = {null};
        return filter(in, r -> {
            while (left[0] == 0) {
                Segment s = seg.next();
                current[0] = s.slice();
                left[0] = s.rows();
            }
            left[0]--;
            return current[0].live;
        });
    }

    // ---- clean-up

    /** Deletes the files written for this batch that no commit took (runs merged away, files of a failed commit). */
    void discardRuns() {
        batch.encoder().awaitQuietly();
        for (Stream st : streams.values()) {
            try {
                st.writer.close();
                written.addAll(st.writer.result().dataFiles());
            } catch (IOException | RuntimeException e) {
                // abandoned
            }
        }
        streams.clear();
        for (DataFile f : written) {
            if (!committed.contains(f.location())) {
                try {
                    table.io().deleteFile(f.location());
                } catch (RuntimeException e) {
                    // an orphan: harmless, never referenced by a snapshot
                }
            }
        }
        written.clear();
    }

    void discardAll() {
        discardRuns();
    }
}
