package org.sanhui.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Regenerating the committed Ningxia sample from its seed reproduces it byte for byte. */
class SampleReproducibleTest {

    @Test
    void committedSampleEqualsRegeneratedOne(@TempDir Path dir) {
        GenerateOptions o = GenerateOptions.builder().out(dir).build(); // scope 64, 2023Q1-2024Q4, default seed
        Generator.generate(o, null);
        Path committed = TestFiles.datasets().resolve("ningxia-sample");
        TreeMap<String, byte[]> expected = TestFiles.tree(committed);
        expected.remove("README.md");
        assertThat(Files.isDirectory(committed)).isTrue();
        assertThat(TestFiles.differences(TestFiles.tree(dir), expected)).isEmpty();
    }
}
