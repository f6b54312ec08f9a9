package org.sanhui.cli.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The corpus is what it claims to be, within its size bound, and reproducible byte for byte. */
class CorpusBuilderTest {

    @TempDir
    static Path tmp;
    static List<CorpusEntry> entries;
    static Path dir;

    @BeforeAll
    static void build() {
        dir = tmp.resolve("a");
        entries = new CorpusBuilder(dir).buildFixed();
    }

    @Test
    void fixedCorpusIsAtMost150FilesAndCoversEveryKind() throws IOException {
        assertThat(entries).hasSizeLessThanOrEqualTo(CorpusBuilder.MAX_FIXED).hasSizeGreaterThan(120);
        assertThat(entries.stream().map(CorpusEntry::kind).collect(Collectors.toSet())).containsExactlyInAnyOrder(InputKind.values());
        assertThat(entries.stream().map(CorpusEntry::name).distinct().count()).isEqualTo(entries.size());
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.count()).isEqualTo(entries.size());
        }
    }

    @Test
    void buildingTwiceGivesTheSameBytes() throws Exception {
        Path other = tmp.resolve("b");
        new CorpusBuilder(other).buildFixed();
        Map<String, String> a = hashes(dir);
        Map<String, String> b = hashes(other);
        a.keySet().removeIf(k -> k.contains("rc4"));
        b.keySet().removeIf(k -> k.contains("rc4"));
        assertThat(b).isEqualTo(a);
    }

    @Test
    void validSeedsOpenWithPoiAndHoldTheRowsTheySay() throws Exception {
        for (String name : List.of("v01-兴庆区_2024Q3.xlsx", "v03-兴庆区_2024Q3.xls", "v04-兴庆区_2024Q3_inline.xlsx")) {
            try (Workbook wb = WorkbookFactory.create(dir.resolve(name).toFile(), null, true)) {
                assertThat(wb.getSheet("组织信息").getLastRowNum()).isEqualTo(5);
                assertThat(wb.getSheet("关键人物").getLastRowNum()).isEqualTo(6);
                assertThat(wb.getSheet("活动记录").getLastRowNum()).isEqualTo(8);
                assertThat(wb.getSheet("关键人物").getRow(1).getCell(0).getStringCellValue()).isEqualTo("赵德明");
            }
        }
        try (Workbook wb = WorkbookFactory.create(dir.resolve("o04-兴庆区_2024Q3_strict.xlsx").toFile(), null, true)) {
            assertThat(wb.getSheet("组织信息")).isNotNull();
        } catch (Exception strictRefused) {
            // POI may refuse strict OOXML; what matters is that the file is strict (checked below)
        }
        assertThat(new String(entry(dir.resolve("o04-兴庆区_2024Q3_strict.xlsx"), "xl/workbook.xml"), "UTF-8"))
                .contains(RawXlsx.MAIN_STRICT);
        try (Workbook wb = WorkbookFactory.create(dir.resolve("n01-agile加密.xlsx").toFile(), "secret", true)) {
            assertThat(wb.getSheet("活动记录").getLastRowNum()).isEqualTo(8);
        }
    }

    @Test
    void hostileFilesHoldTheirPayloads() throws Exception {
        long compressed = Files.size(dir.resolve("b01-空白炸弹.xlsx"));
        assertThat(CorpusBuilder.BOMB / compressed).isGreaterThanOrEqualTo(800);
        assertThat(new String(entry(dir.resolve("x01-xxe-workbook.xlsx"), "xl/workbook.xml"), "UTF-8"))
                .contains("<!ENTITY xxe SYSTEM \"file:///etc/passwd\">").contains("name=\"&xxe;\"");
        assertThat(names(dir.resolve("z01-zip-slip.xlsx"))).contains("../../evil.txt");
        List<String> dup = names(dir.resolve("z06-duplicate-sheet1.xlsx"));
        assertThat(dup.stream().filter("xl/worksheets/sheet1.xml"::equals).count()).isEqualTo(2);
        assertThat(names(dir.resolve("z07-1500个条目.xlsx"))).hasSizeGreaterThan(1_000);
        assertThat(Files.size(dir.resolve("t01-空.xlsx"))).isZero();
        assertThat(Files.size(dir.resolve("h01-组织信息_12MiB字段.csv"))).isGreaterThan(12L << 20);
        assertThat(new String(entry(dir.resolve("g01-XFD1048576.xlsx"), "xl/worksheets/sheet3.xml"), "UTF-8")).contains("r=\"XFD1048576\"");
        String gb = new String(Files.readAllBytes(dir.resolve("e01-组织信息_gb18030_四字节.csv")), "GB18030");
        assertThat(gb).contains("张\uD842\uDFB7国");
        byte[] ole = Files.readAllBytes(dir.resolve("n01-agile加密.xlsx"));
        assertThat(ole[0] & 0xFF).isEqualTo(0xD0);
    }

    private static List<String> names(Path zip) throws IOException {
        return ZipForge.read(Files.readAllBytes(zip)).stream().map(ZipForge.Entry::name).toList();
    }

    private static byte[] entry(Path zip, String name) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null;) {
                if (e.getName().equals(name)) {
                    return in.readAllBytes();
                }
            }
        }
        throw new AssertionError("no " + name + " in " + zip);
    }

    private static Map<String, String> hashes(Path root) throws Exception {
        Map<String, String> out = new TreeMap<>();
        Set<Path> seen = new HashSet<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                seen.add(p);
                MessageDigest md = MessageDigest.getInstance("SHA-256");
                out.put(root.relativize(p).toString(), java.util.HexFormat.of().formatHex(md.digest(Files.readAllBytes(p))));
            }
        }
        return out;
    }
}
