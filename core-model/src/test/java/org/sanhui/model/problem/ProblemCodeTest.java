package org.sanhui.model.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/problems.md documents every code with its default severity and Chinese label, and no other. */
class ProblemCodeTest {

    @Test
    void everyCodeIsDocumented() throws IOException {
        String doc;
        try (InputStream in = ProblemCodeTest.class.getResourceAsStream("/docs/problems.md")) {
            assertThat(in).as("docs/problems.md on the test class path").isNotNull();
            doc = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (ProblemCode c : ProblemCode.values()) {
            assertThat(doc).as(c.name()).contains("| `" + c.name() + "` | " + c.defaultSeverity() + " | " + c.labelZh()
                    + " |");
        }
        Matcher m = Pattern.compile("(?m)^\\| `([A-Z_]+)` \\|").matcher(doc);
        int rows = 0;
        while (m.find()) {
            assertThat(ProblemCode.valueOf(m.group(1))).isNotNull();
            rows++;
        }
        assertThat(rows).isEqualTo(ProblemCode.values().length);
    }

    @Test
    void problemsKnowWhetherTheyReject() {
        Problem e = Problem.of(ProblemCode.BAD_DATE, Location.NONE, null, null, "z", "e");
        assertThat(e.rejects()).isTrue();
        assertThat(Problem.of(ProblemCode.REPORTED_LATE, Location.NONE, null, null, "z", "e").rejects()).isFalse();
        assertThat(new Location("a.xlsx", "组织信息", 7, "成立日期").toString())
                .isEqualTo("a.xlsx sheet '组织信息' row 7 column '成立日期'");
    }
}
