package org.sanhui.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanhui.generator.broken.BrokenSetWriter;
import org.sanhui.model.period.Period;

/** Same options and seed give byte-identical files; another seed gives other files. */
class DeterminismTest {

    private static GenerateOptions options(Path out, long seed) {
        return GenerateOptions.builder().scope("6401").from(Period.quarter(2024, 3)).to(Period.quarter(2024, 4))
                .out(out).seed(seed).build();
    }

    @Test
    void sameSeedGivesByteIdenticalWorkbooksCsvAndTruth(@TempDir Path dir) {
        GenerateSummary a = Generator.generate(options(dir.resolve("a"), 7), null);
        GenerateSummary b = Generator.generate(options(dir.resolve("b"), 7), null);
        TreeMap<String, byte[]> ta = TestFiles.tree(dir.resolve("a"));
        TreeMap<String, byte[]> tb = TestFiles.tree(dir.resolve("b"));
        assertThat(ta.keySet()).anyMatch(f -> f.endsWith(".xlsx")).anyMatch(f -> f.endsWith(".xls"))
                .anyMatch(f -> f.endsWith(".csv")).contains("truth.json");
        assertThat(TestFiles.differences(ta, tb)).isEmpty();
        assertThat(a.files()).isEqualTo(b.files()).isEqualTo(ta.size());
        assertThat(a.rows()).isEqualTo(b.rows()).isPositive();
    }

    @Test
    void anotherSeedGivesOtherData(@TempDir Path dir) {
        Generator.generate(options(dir.resolve("a"), 7), null);
        Generator.generate(options(dir.resolve("b"), 8), null);
        assertThat(TestFiles.differences(TestFiles.tree(dir.resolve("a")), TestFiles.tree(dir.resolve("b"))))
                .contains("truth.json");
    }

    @Test
    void brokenSetIsReproducible(@TempDir Path dir) {
        BrokenSetWriter.write(dir.resolve("a"), GenerateOptions.DEFAULT_SEED);
        BrokenSetWriter.write(dir.resolve("b"), GenerateOptions.DEFAULT_SEED);
        assertThat(TestFiles.differences(TestFiles.tree(dir.resolve("a")), TestFiles.tree(dir.resolve("b"))))
                .isEmpty();
    }

    @Test
    void committedBrokenSetEqualsRegeneratedOne(@TempDir Path dir) {
        BrokenSetWriter.write(dir, GenerateOptions.DEFAULT_SEED);
        assertThat(TestFiles.differences(TestFiles.tree(dir), TestFiles.tree(TestFiles.datasets().resolve("broken"))))
                .isEmpty();
    }
}
