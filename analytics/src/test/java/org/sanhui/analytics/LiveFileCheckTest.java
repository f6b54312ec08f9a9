package org.sanhui.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sanhui.model.error.DataIntegrityException;
import org.sanhui.model.schema.Column;
import org.sanhui.model.schema.Datasets;
import org.sanhui.model.warehouse.LiveFile;

/** LiveFileCheck without Spark: a byte changed anywhere in a live file is refused before Spark reads it. */
class LiveFileCheckTest {

    private static final String REL = "data/activities/period=2024Q3/county=640104/640104-2024Q3-1-x.parquet";

    private static LiveFile activities(Path wh, int rows, boolean withChecksum) {
        StructType st = SparkSchemas.of(Datasets.ACTIVITIES);
        List<Column> cols = Datasets.ACTIVITIES.storedColumns();
        List<Object[]> data = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            Object[] r = new Object[cols.size()];
            for (int c = 0; c < r.length; c++) {
                if (st.fields()[c].dataType().equals(org.apache.spark.sql.types.DataTypes.StringType)) {
                    r[c] = "value " + i + " of " + cols.get(c).name();
                }
            }
            data.add(r);
        }
        ParquetTables.write(wh.resolve(REL), st, data);
        return new LiveFile("activities", "2024Q3", "640104", REL, rows,
                withChecksum ? FixtureWarehouse.sha256(wh.resolve(REL)) : null);
    }

    @Test
    void passesAnIntactFileWithOrWithoutARecordedChecksum(@TempDir Path wh) {
        LiveFile lf = activities(wh, 200, true);
        LiveFileCheck.verify(wh, List.of(lf));
        LiveFileCheck.verify(wh, List.of(new LiveFile(lf.dataset(), lf.period(), lf.county(), lf.path(), lf.rows(), null)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"footer", "data"})
    void refusesAFlippedByteNamingTheFile(String where, @TempDir Path wh) throws Exception {
        LiveFile lf = activities(wh, 200, true);
        Path f = wh.resolve(REL);
        long size = Files.size(f);
        long pos = where.equals("footer") ? size - 12 : size / 3; // a footer byte (metadata), a byte of a page
        try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
            raf.seek(pos);
            int b = raf.read();
            raf.seek(pos);
            raf.write(b ^ 0x01);
        }
        assertThat(Files.size(f)).isEqualTo(size);
        assertThatThrownBy(() -> LiveFileCheck.verify(wh, List.of(lf))).isInstanceOf(DataIntegrityException.class)
                .hasMessageContaining(REL).hasMessageContaining("county 640104").hasMessageContaining("period 2024Q3")
                .hasMessageContaining("altered or damaged since it was written").hasMessageContaining("SHA-256")
                .hasMessageContaining("ingest that county's submission for 2024Q3 again");
    }

    @Test
    void refusesAFileReplacedByAnotherValidOneWithTheSameRowCount(@TempDir Path wh) throws Exception {
        LiveFile lf = activities(wh, 5, true);
        // a valid Parquet file with other content and the same row count: only the checksum tells
        int width = SparkSchemas.of(Datasets.ACTIVITIES).fields().length;
        List<Object[]> blank = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            blank.add(new Object[width]);
        }
        ParquetTables.write(wh.resolve(REL), SparkSchemas.of(Datasets.ACTIVITIES), blank);
        assertThatThrownBy(() -> LiveFileCheck.verify(wh, List.of(lf))).isInstanceOf(DataIntegrityException.class)
                .hasMessageContaining(REL);
    }
}
