package org.sanhui.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.sanhui.model.value.Text;

/** The module exports every API package, no internal one, and needs nothing beyond java.base. */
class ModuleTest {

    private static ModuleDescriptor descriptor() throws IOException {
        Path classes = Path.of(Text.class.getProtectionDomain().getCodeSource().getLocation().getPath());
        try (InputStream in = Files.newInputStream(classes.resolve("module-info.class"))) {
            return ModuleDescriptor.read(in);
        }
    }

    @Test
    void exportsTheApiAndHidesInternals() throws IOException {
        ModuleDescriptor d = descriptor();
        assertThat(d.name()).isEqualTo("org.sanhui.model");
        Set<String> exported = d.exports().stream().map(ModuleDescriptor.Exports::source).collect(Collectors.toSet());
        assertThat(exported).noneMatch(p -> p.contains("internal"));
        Set<String> packages = sourcePackages();
        assertThat(packages).contains("org.sanhui.model.rules.internal", "org.sanhui.model.validation.internal");
        assertThat(exported).isEqualTo(packages.stream().filter(p -> !p.contains(".internal"))
                .collect(Collectors.toSet()));
        assertThat(d.requires()).extracting(ModuleDescriptor.Requires::name).containsExactly("java.base");
    }

    private static Set<String> sourcePackages() throws IOException {
        Path root = Path.of("src/main/java");
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".java") && !f.endsWith("module-info.java"))
                    .map(f -> root.relativize(f.getParent()).toString().replace('/', '.'))
                    .collect(Collectors.toSet());
        }
    }

    @Test
    void everyPackageHasAPackageInfo() throws IOException {
        Path src = Path.of("src/main/java/org/sanhui/model");
        try (Stream<Path> dirs = Files.walk(src)) {
            dirs.filter(Files::isDirectory).filter(d -> {
                try (Stream<Path> files = Files.list(d)) {
                    return files.anyMatch(f -> f.toString().endsWith(".java"));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).forEach(d -> assertThat(d.resolve("package-info.java")).as(d.toString()).exists());
        }
    }
}
