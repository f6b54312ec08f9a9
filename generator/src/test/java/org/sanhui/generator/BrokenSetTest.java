package org.sanhui.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.sanhui.model.problem.ProblemCode;
import org.sanhui.model.problem.Severity;

/** datasets/broken: every file has one EXPECTED.md row and vice versa; codes are real ProblemCodes. */
class BrokenSetTest {

    private static final Path BROKEN = TestFiles.datasets().resolve("broken");

    private record Row(String file, String outcome, String codes, int accepted, int rejected, String warnings) {
    }

    private static List<Row> rows() throws IOException {
        List<Row> out = new ArrayList<>();
        for (String line : Files.readAllLines(BROKEN.resolve("EXPECTED.md"))) {
            if (!line.startsWith("| ") || line.startsWith("| file ")) {
                continue;
            }
            String[] f = Arrays.stream(line.substring(1, line.length() - 1).split("\\|")).map(String::trim)
                    .toArray(String[]::new);
            out.add(new Row(f[0], f[1], f[2], Integer.parseInt(f[3]), Integer.parseInt(f[4]), f[5]));
        }
        return out;
    }

    @Test
    void everyFileHasAnExpectedOutcomeAndEveryOutcomeAFile() throws IOException {
        List<Row> rows = rows();
        Set<String> files = new HashSet<>();
        try (Stream<Path> s = Files.walk(BROKEN)) {
            s.filter(Files::isRegularFile).map(p -> BROKEN.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> !p.equals("EXPECTED.md") && !p.endsWith("received.csv")).forEach(files::add);
        }
        assertThat(rows.stream().map(Row::file).toList()).containsExactlyInAnyOrderElementsOf(files);
        long bad = rows.stream().filter(r -> r.outcome().equals("REFUSED") || r.rejected() > 0).count();
        assertThat(bad).isGreaterThanOrEqualTo(15);
        assertThat(rows.stream().filter(r -> r.file().startsWith("valid/")).count()).isGreaterThanOrEqualTo(4);
    }

    @Test
    void outcomesUseRealProblemCodesWithTheRightSeverity() throws IOException {
        for (Row r : rows()) {
            if (r.outcome().equals("REFUSED")) {
                assertThat(ProblemCode.valueOf(r.codes()).defaultSeverity()).as(r.file()).isEqualTo(Severity.FATAL);
                assertThat(r.accepted() + r.rejected()).isZero();
                continue;
            }
            assertThat(r.outcome()).isEqualTo("ACCEPTED");
            int n = 0;
            if (!r.codes().equals("-")) {
                for (String c : r.codes().split(";")) {
                    String[] kv = c.split(":");
                    assertThat(ProblemCode.valueOf(kv[0]).defaultSeverity()).as(r.file()).isEqualTo(Severity.ERROR);
                    n += Integer.parseInt(kv[1]);
                }
            }
            assertThat(n).as(r.file()).isEqualTo(r.rejected());
            if (!r.warnings().equals("-")) {
                for (String w : r.warnings().split(";")) {
                    assertThat(ProblemCode.valueOf(w).defaultSeverity()).isEqualTo(Severity.WARNING);
                }
            }
            if (r.file().startsWith("valid/")) {
                assertThat(r.rejected()).isZero();
            }
        }
    }

    @Test
    void theGb18030FileHoldsACharacterGbkCannotEncode() throws IOException {
        Path f = BROKEN.resolve("valid/640121_永宁县_2024Q3_组织信息.csv");
        String text = new String(Files.readAllBytes(f), Charset.forName("GB18030"));
        assertThat(text).contains("\u4DAE");
        assertThat(Charset.forName("GBK").newEncoder().canEncode(text)).isFalse();
        assertThat(Charset.forName("GB18030").newEncoder().canEncode(text)).isTrue();
    }

    @Test
    void theSpecialFormatsAreWhatTheyClaim() throws Exception {
        byte[] ole = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0};
        assertThat(Arrays.copyOf(Files.readAllBytes(BROKEN.resolve("640104_兴庆区_2024Q3_excel95.xls")), 4)).isEqualTo(ole);
        assertThat(Arrays.copyOf(Files.readAllBytes(BROKEN.resolve("640104_兴庆区_2024Q3_encrypted.xlsx")), 4))
                .isEqualTo(ole);
        assertThat(Files.size(BROKEN.resolve("640104_兴庆区_2024Q3_empty.xlsx"))).isZero();
        assertThat(Files.readString(BROKEN.resolve("640104_兴庆区_2024Q3_html.xls"))).startsWith("<html");
        try (var old = new org.apache.poi.hssf.extractor.OldExcelExtractor(
                BROKEN.resolve("640104_兴庆区_2024Q3_excel95.xls").toFile())) {
            assertThat(old.getBiffVersion()).isEqualTo(5);
            assertThat(old.getText()).contains("兴庆区科学技术协会");
        }
        try (var fs = new org.apache.poi.poifs.filesystem.POIFSFileSystem(
                BROKEN.resolve("640104_兴庆区_2024Q3_encrypted.xlsx").toFile())) {
            var d = org.apache.poi.poifs.crypt.Decryptor.getInstance(new org.apache.poi.poifs.crypt.EncryptionInfo(fs));
            assertThat(d.verifyPassword("sanhui")).isTrue();
        }
        try (var zip = new java.util.zip.ZipFile(BROKEN.resolve("640104_兴庆区_2024Q3.xlsb").toFile())) {
            assertThat(zip.getEntry("xl/workbook.bin")).isNotNull();
        }
    }
}
