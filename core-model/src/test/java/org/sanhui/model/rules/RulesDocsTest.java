package org.sanhui.model.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.sanhui.model.period.Period;

/**
 * Keeps docs/configuration.md and docs/sanhui.example.properties in step with {@link Rules}: both are put on
 * the test class path by core-model's pom.
 */
class RulesDocsTest {

    private static String resource(String name) throws IOException {
        try (InputStream in = RulesDocsTest.class.getResourceAsStream("/docs/" + name)) {
            assertThat(in).as(name + " on the test class path").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theExampleFileLoadsToTheDefaults() throws IOException {
        Properties p = new Properties();
        try (Reader r = new InputStreamReader(RulesDocsTest.class.getResourceAsStream("/docs/sanhui.example.properties"),
                StandardCharsets.UTF_8)) {
            p.load(r);
        }
        assertThat(Rules.fromProperties(p)).isEqualTo(Rules.DEFAULTS);
    }

    @Test
    void theExampleFileShowsEveryKey() throws IOException {
        String example = resource("sanhui.example.properties");
        for (String key : Rules.keys()) {
            String pattern = Pattern.quote(key).replace("<name>", "\\E[A-Za-z0-9_-]+\\Q").replace("<NN>", "\\E\\d{2}\\Q");
            assertThat(Pattern.compile("(?m)^#?\\s*" + pattern + "\\s*=").matcher(example).find()).as(key).isTrue();
        }
    }

    @Test
    void bothPagesGiveTheDefaultReportingFrequencyOfTheRules() throws IOException {
        // indicators.md used to say that Tianjin reports monthly by default; no province does
        assertThat(Rules.DEFAULTS.reportingFrequency()).isEqualTo(Period.Kind.QUARTER);
        assertThat(Rules.DEFAULTS.provinceFrequencies()).isEmpty();
        assertThat(Rules.DEFAULTS.reportingFrequency("12")).isEqualTo(Period.Kind.QUARTER);
        assertThat(resource("configuration.md")).contains("| `reporting.frequency` | `QUARTER` |")
                .contains("| `reporting.frequency.<NN>` | none |");
        assertThat(resource("indicators.md")).contains("by default every province reports quarterly")
                .doesNotContain("default: Tianjin");
    }

    @Test
    void theConfigurationPageDocumentsEveryKeyAndNoOther() throws IOException {
        String doc = resource("configuration.md");
        for (String key : Rules.keys()) {
            assertThat(doc).as(key).contains("| `" + key + "` |");
        }
        Matcher m = Pattern.compile("(?m)^\\| `([^`]+)` \\|").matcher(doc);
        int rows = 0;
        while (m.find()) {
            String key = m.group(1);
            if (key.contains(".")) {
                assertThat(Rules.keys()).as("documented key " + key).contains(key);
                rows++;
            }
        }
        assertThat(rows).isEqualTo(Rules.keys().size());
    }
}
