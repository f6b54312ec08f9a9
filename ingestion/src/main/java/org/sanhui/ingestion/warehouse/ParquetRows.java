package org.sanhui.ingestion.warehouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.api.ReadSupport;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.schema.GroupType;
import org.sanhui.model.schema.Column;
import org.sanhui.model.schema.DatasetSchema;

/**
 * Reads warehouse Parquet files back as maps from column name to value (String, Integer, Long,
 * Double, Boolean, LocalDate, Instant), for the checks that need earlier submissions (organisations
 * known, activities already received, rows carried forward). Nulls are absent from the map.
 */
public final class ParquetRows {

    private ParquetRows() {
    }

    /**
     * Reads every row of a file.
     *
     * @param file the file, null not permitted
     * @param dataset its dataset, null not permitted
     * @return the rows, never null
     * @throws UncheckedIOException if the file cannot be read
     */
    public static List<Map<String, Object>> read(Path file, DatasetSchema dataset) {
        List<Map<String, Object>> out = new ArrayList<>();
        forEach(file, dataset, out::add);
        return out;
    }

    /**
     * Streams every row of a file to a consumer.
     *
     * @param file the file, null not permitted
     * @param dataset its dataset, null not permitted
     * @param sink receives each row, null not permitted
     * @throws UncheckedIOException if the file cannot be read
     */
    public static void forEach(Path file, DatasetSchema dataset, Consumer<Map<String, Object>> sink) {
        InputFile in = new LocalInputFile(file);
        try (ParquetReader<Group> r = new GroupBuilder(in).build()) {
            Group g;
            while ((g = r.read()) != null) {
                sink.accept(toMap(g, dataset));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static Map<String, Object> toMap(Group g, DatasetSchema dataset) {
        GroupType t = g.getType();
        Map<String, Object> m = new HashMap<>();
        for (Column c : dataset.storedColumns()) {
            if (!t.containsField(c.name())) {
                continue;
            }
            int i = t.getFieldIndex(c.name());
            if (g.getFieldRepetitionCount(i) == 0) {
                continue;
            }
            Object v = switch (c.type()) {
                case STRING -> g.getString(i, 0);
                case INT -> g.getInteger(i, 0);
                case LONG -> g.getLong(i, 0);
                case DOUBLE -> g.getDouble(i, 0);
                case BOOLEAN -> g.getBoolean(i, 0);
                case DATE -> LocalDate.ofEpochDay(g.getInteger(i, 0));
                case TIMESTAMP -> {
                    long micros = g.getLong(i, 0);
                    yield Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000);
                }
            };
            m.put(c.name(), v);
        }
        return m;
    }

    private static final class GroupBuilder extends ParquetReader.Builder<Group> {
        GroupBuilder(InputFile file) {
            super(file, new PlainParquetConfiguration());
        }

        @Override
        protected ReadSupport<Group> getReadSupport() {
            return new GroupReadSupport();
        }
    }
}
