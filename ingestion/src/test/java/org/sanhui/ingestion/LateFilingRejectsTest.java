package org.sanhui.ingestion;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanhui.ingestion.warehouse.ParquetRows;
import org.sanhui.model.schema.Datasets;
import org.sanhui.model.warehouse.LiveManifest;

/** A file-level problem is filed under a fixed dataset's rejects, the same in every run. */
class LateFilingRejectsTest {

    private static final Path SAMPLE = Path.of("../datasets/ningxia-sample/2024Q3");

    @Test
    void aLateFilingIsFiledUnderTheSubmissionsFirstDatasetInCanonicalOrder(@TempDir Path tmp) {
        // It used to take the first of an identity set, whose order changes from one JVM run to the next, so
        // that a rerun after a kill filed it under another dataset's rejects (issue 8).
        Path wh = tmp.resolve("wh");
        new Ingestor().ingest(List.of(SAMPLE.resolve("640221_平罗县_2024Q3.xlsx")), IngestOptions.builder(wh).build());
        List<String> late = LiveManifest.read(wh).of(Datasets.REJECTS.name()).stream()
                .flatMap(f -> ParquetRows.read(wh.resolve(f.path()), Datasets.REJECTS).stream())
                .filter(r -> "LATE_FILING".equals(r.get(Datasets.CODE))).map(r -> (String) r.get(Datasets.DATASET))
                .toList();
        assertThat(late).containsExactly("organisations");
    }
}
