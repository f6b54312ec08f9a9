package org.sanhui.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.impl.Log4jLogEvent;
import org.apache.logging.log4j.core.layout.PatternLayout;
import org.apache.logging.log4j.message.SimpleMessage;
import org.junit.jupiter.api.Test;

/** Escaping what is printed or logged (issue 17, item 8). */
class ConsoleTextTest {

    @Test
    void controlCharactersAreEscapedAndEverythingElseIsLeftAlone() {
        assertThat(ConsoleText.escape("组织信息\n9 files\r\t")).isEqualTo("组织信息\\n9 files\\r\\t");
        assertThat(ConsoleText.escape("a\u001B[2Jb\u0007c\u0000")).isEqualTo("a\\u001B[2Jb\\u0007c\\u0000");
        assertThat(ConsoleText.escape("del\u007F c1\u0085 \u009B31m")).isEqualTo("del\\u007F c1\\u0085 \\u009B31m");
        assertThat(ConsoleText.escape("x\u202Ecod.exe \u2066y\u2069 \u200E\u200F\u061C \u2028\u2029"))
                .isEqualTo("x\\u202Ecod.exe \\u2066y\\u2069 \\u200E\\u200F\\u061C \\u2028\\u2029");
        String plain = "兴庆区_2024年第三季度 C:\\inbox\\a.xlsx 王*芳 ①②";
        assertThat(ConsoleText.escape(plain)).isSameAs(plain);
        assertThat(ConsoleText.escape((String) null)).isEqualTo("null");
    }

    @Test
    void stackTraceKeepsEachMessageOnItsOwnLine() {
        Exception e = new IllegalStateException("outer\nFAKE LINE", new java.io.IOException("inner\u001B[31m"));
        e.addSuppressed(new RuntimeException("also\rhere"));
        List<String> lines = ConsoleText.stackTrace(e);
        assertThat(lines.get(0)).isEqualTo("java.lang.IllegalStateException: outer\\nFAKE LINE");
        assertThat(lines).contains("\tSuppressed: java.lang.RuntimeException: also\\rhere",
                "Caused by: java.io.IOException: inner\\u001B[31m");
        assertThat(lines).anyMatch(l -> l.startsWith("\tat org.sanhui.cli.ConsoleTextTest."));
        assertThat(lines).noneMatch(l -> l.chars().anyMatch(c -> c < 0x20 && c != '\t'));
    }

    @Test
    void logMessagesAndTheirExceptionsAreEscaped() throws IOException {
        PatternLayout layout = PatternLayout.newBuilder().withPattern("%-5level %escmsg%n").build();
        LogEvent event = Log4jLogEvent.newBuilder().setLevel(Level.WARN)
                .setMessage(new SimpleMessage("cannot read /in/a\n12:00:00 ERROR fake.xlsx\u001B[2J"))
                .setThrown(new IllegalArgumentException("bad\nname")).build();
        List<String> lines = layout.toSerializable(event).lines().toList();
        assertThat(lines.get(0)).isEqualTo("WARN  cannot read /in/a\\n12:00:00 ERROR fake.xlsx\\u001B[2J");
        assertThat(lines.get(1)).isEqualTo("java.lang.IllegalArgumentException: bad\\nname");
        assertThat(lines.subList(2, lines.size())).allMatch(l -> l.startsWith("\tat "));

        // the CLI's own logging configuration uses it
        try (InputStream in = Main.class.getResourceAsStream("/log4j2.xml")) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).contains("%escmsg%n").doesNotContain("%msg");
        }
    }
}
