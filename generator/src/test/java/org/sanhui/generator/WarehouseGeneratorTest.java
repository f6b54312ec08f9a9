package org.sanhui.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.TreeMap;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.schema.MessageType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanhui.model.period.Period;
import org.sanhui.model.schema.Datasets;
import org.sanhui.model.warehouse.LiveFile;
import org.sanhui.model.warehouse.LiveManifest;

/** --format parquet writes a warehouse with exactly N activities, the manifest and the stored columns. */
class WarehouseGeneratorTest {

    private static GenerateOptions options(Path out) {
        return GenerateOptions.builder().scope("6405").from(Period.quarter(2024, 3)).to(Period.quarter(2024, 4))
                .out(out).activities(1234L).format(GenerateOptions.Format.PARQUET).build();
    }

    @Test
    void writesTheWarehouseLayoutWithExactlyNActivities(@TempDir Path dir) throws IOException {
        GenerateSummary s = Generator.generate(options(dir), null);
        LiveManifest m = LiveManifest.read(dir);
        // 3 counties x 2 quarters x (organisations, posts, activities, submissions) + evaluations of 2024
        assertThat(m.of("activities")).hasSize(6);
        assertThat(m.of("submissions")).hasSize(6).allMatch(f -> f.rows() == 1);
        assertThat(m.of("evaluations")).hasSize(3).allMatch(f -> f.period().equals("2024"));
        assertThat(m.of("activities").stream().mapToLong(LiveFile::rows).sum()).isEqualTo(1234);
        assertThat(s.activities()).isEqualTo(1234);
        for (LiveFile f : m.files()) {
            assertThat(f.path()).startsWith("data/" + f.dataset() + "/period=" + f.period() + "/county=" + f.county() + "/");
            assertThat(f.sha256()).as("the checksum readers verify").isEqualTo(
                    org.sanhui.model.warehouse.Checksums.sha256(dir.resolve(f.path())));
            try (ParquetFileReader r = ParquetFileReader.open(new LocalInputFile(dir.resolve(f.path())))) {
                assertThat(r.getRecordCount()).isEqualTo(f.rows());
                MessageType t = r.getFooter().getFileMetaData().getSchema();
                assertThat(t.getFields().stream().map(x -> x.getName()).toList())
                        .isEqualTo(Datasets.byName(f.dataset()).orElseThrow().names());
            }
        }
    }

    @Test
    void isReproducible(@TempDir Path dir) {
        Generator.generate(options(dir.resolve("a")), null);
        Generator.generate(options(dir.resolve("b")), null);
        TreeMap<String, byte[]> a = TestFiles.tree(dir.resolve("a"));
        assertThat(a).isNotEmpty();
        assertThat(TestFiles.differences(a, TestFiles.tree(dir.resolve("b")))).isEmpty();
    }
}
