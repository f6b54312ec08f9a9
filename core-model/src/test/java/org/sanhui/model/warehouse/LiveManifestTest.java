package org.sanhui.model.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanhui.model.error.DataIntegrityException;

class LiveManifestTest {

    private static final String A = "a".repeat(64);
    private static final String B = "0123456789abcdef".repeat(4);

    @Test
    void writesVersion2WithTheChecksumsAndReadsThemBack(@TempDir Path wh) throws Exception {
        LiveManifest m = new LiveManifest(List.of(
                new LiveFile("posts", "2024Q3", "640104", "data/posts/p.parquet", 3, B),
                new LiveFile("activities", "2024Q3", "640104", "data/activities/a.parquet", 12, A)));
        m.writeAtomically(wh);
        List<String> lines = Files.readAllLines(wh.resolve(LiveManifest.FILE_NAME), StandardCharsets.UTF_8);
        assertThat(lines).containsExactly("# sanhui live manifest v2",
                "activities\t2024Q3\t640104\tdata/activities/a.parquet\t12\t" + A,
                "posts\t2024Q3\t640104\tdata/posts/p.parquet\t3\t" + B);
        assertThat(LiveManifest.read(wh)).isEqualTo(m);
        assertThat(LiveManifest.read(wh).of("activities").get(0).sha256()).isEqualTo(A);
    }

    @Test
    void readsAVersion1ManifestWithoutChecksumsAndWritesItBackAsVersion2(@TempDir Path wh) throws Exception {
        Files.writeString(wh.resolve(LiveManifest.FILE_NAME), "# sanhui live manifest v1\n"
                + "activities\t2024Q3\t640104\tdata/activities/a.parquet\t12\n", StandardCharsets.UTF_8);
        LiveManifest m = LiveManifest.read(wh);
        assertThat(m.files()).containsExactly(new LiveFile("activities", "2024Q3", "640104", "data/activities/a.parquet", 12, null));
        // a later ingest adds a file with a checksum; the old one keeps "unknown" until it is replaced
        m.replace(f -> false, List.of(new LiveFile("posts", "2024Q4", "640104", "data/posts/p.parquet", 1, B)))
                .writeAtomically(wh);
        assertThat(Files.readAllLines(wh.resolve(LiveManifest.FILE_NAME), StandardCharsets.UTF_8)).containsExactly(
                "# sanhui live manifest v2", "activities\t2024Q3\t640104\tdata/activities/a.parquet\t12\t-",
                "posts\t2024Q4\t640104\tdata/posts/p.parquet\t1\t" + B);
        assertThat(LiveManifest.read(wh).files()).extracting(LiveFile::sha256).containsExactly(null, B);
    }

    @Test
    void refusesAVersion2LineWithoutItsChecksumOrWithAMalformedOne(@TempDir Path wh) throws Exception {
        Files.writeString(wh.resolve(LiveManifest.FILE_NAME), "# sanhui live manifest v2\n"
                + "activities\t2024Q3\t640104\tdata/a.parquet\t12\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> LiveManifest.read(wh)).isInstanceOf(DataIntegrityException.class)
                .hasMessageContaining("line 2").hasMessageContaining("expected 6 tab-separated fields, got 5");
        Files.writeString(wh.resolve(LiveManifest.FILE_NAME), "# sanhui live manifest v2\n"
                + "activities\t2024Q3\t640104\tdata/a.parquet\t12\tABC\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> LiveManifest.read(wh)).isInstanceOf(DataIntegrityException.class)
                .hasMessageContaining("line 2").hasMessageContaining("64 lowercase hexadecimal digits");
        Files.writeString(wh.resolve(LiveManifest.FILE_NAME), "# sanhui live manifest v3\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> LiveManifest.read(wh)).isInstanceOf(DataIntegrityException.class)
                .hasMessageContaining("is not a sanhui manifest");
    }

    @Test
    void checksumIsTheSha256OfTheBytes(@TempDir Path dir) throws Exception {
        Random rnd = new Random(8);
        for (int size : new int[] {0, 1, 65_535, 65_536, 65_537, 300_001}) {
            byte[] bytes = new byte[size];
            rnd.nextBytes(bytes);
            Path f = dir.resolve("f" + size);
            Files.write(f, bytes);
            String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
            assertThat(Checksums.sha256(f)).as("%d bytes", size).isEqualTo(expected);
            assertThat(Checksums.isSha256(expected)).isTrue();
        }
        assertThat(Checksums.isSha256(A.toUpperCase())).isFalse();
        assertThat(Checksums.isSha256("abc")).isFalse();
        assertThat(Checksums.isSha256(null)).isFalse();
    }
}
