package org.sanhui.ingestion;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanhui.model.warehouse.Checksums;
import org.sanhui.model.warehouse.LiveFile;
import org.sanhui.model.warehouse.LiveManifest;

/** The manifest records each live file's SHA-256 as written. */
class WarehouseChecksumTest {

    private static final Path SAMPLE = Path.of("../datasets/ningxia-sample/2024Q3");

    @Test
    void everyLiveFileCarriesTheSha256OfItsBytes(@TempDir Path tmp) throws Exception {
        Path wh = tmp.resolve("wh");
        new Ingestor().ingest(List.of(SAMPLE.resolve("640104_兴庆区_2024Q3.xlsx"), SAMPLE.resolve("640221_平罗县_2024Q3.xlsx")),
                IngestOptions.builder(wh).build());
        // a second ingest of one of them replaces its files: the new ones get their own checksums
        new Ingestor().ingest(List.of(SAMPLE.resolve("640221_平罗县_2024Q3.xlsx")), IngestOptions.builder(wh).build());

        assertThat(Files.readAllLines(wh.resolve(LiveManifest.FILE_NAME), StandardCharsets.UTF_8).get(0))
                .isEqualTo(LiveManifest.HEADER);
        List<LiveFile> files = LiveManifest.read(wh).files();
        assertThat(files).extracting(LiveFile::dataset).contains("organisations", "posts", "activities", "submissions");
        for (LiveFile f : files) {
            byte[] bytes = Files.readAllBytes(wh.resolve(f.path()));
            String actual = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
            assertThat(f.sha256()).as(f.path()).isEqualTo(actual).isEqualTo(Checksums.sha256(wh.resolve(f.path())));
        }
    }
}
