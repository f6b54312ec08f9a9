package org.sanhui.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the commands print, run through {@link Main}: names and values from the files never control the
 * terminal, folders are searched, and {@code --verbose} tells why a file was refused.
 */
class ConsoleOutputTest {

    private static final String ORGS = "组织编号,组织名称,组织类型\nXQ001,兴庆区科协,县级科协\n";
    private static final String FAKE = "9 files (0 refused), 9 submissions: 9 rows read = 9 accepted + 0 rejected + 0 skipped";

    @TempDir
    Path tmp;

    /** What a run printed. */
    record Printed(int exit, String out, String err) {
    }

    private static Printed run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int rc;
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            rc = Main.run(args);
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        return new Printed(rc, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
    }

    private static void noControlCharacters(String printed) {
        printed.lines().forEach(l -> assertThat(l.chars().filter(c -> c < 0x20 && c != '\t' || c >= 0x7F && c <= 0x9F
                || c == 0x202E)).as("control characters in the line '%s'", l).isEmpty());
    }

    /**
     * Regression (issue 17, item 8): a sheet named "组织信息&#10;9 files …" in workbook.xml printed a fake
     * totals line in the summary.
     */
    @Test
    void newlineInASheetNameCannotForgeASummaryLine() throws IOException {
        Path plain = tmp.resolve("plain.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet s = wb.createSheet("组织信息X");
            // the sheet lacks its 组织类型 column: a file-level problem, which the summary prints with the sheet name
            String[][] rows = {{"兴庆区 2024年第三季度"}, {"组织编号", "组织名称", "所在地区"}, {"XQ001", "兴庆区科协", "640104"}};
            for (int r = 0; r < rows.length; r++) {
                Row row = s.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    if (rows[r][c] != null) {
                        row.createCell(c).setCellValue(rows[r][c]);
                    }
                }
            }
            try (OutputStream os = Files.newOutputStream(plain)) {
                wb.write(os);
            }
        }
        Path forged = tmp.resolve("640104_兴庆区_2024Q3.xlsx");
        try (ZipFile in = new ZipFile(plain.toFile()); ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(forged))) {
            for (Enumeration<? extends ZipEntry> en = in.entries(); en.hasMoreElements();) {
                ZipEntry e = en.nextElement();
                byte[] data;
                try (InputStream is = in.getInputStream(e)) {
                    data = is.readAllBytes();
                }
                if (e.getName().equals("xl/workbook.xml")) {
                    String x = new String(data, StandardCharsets.UTF_8);
                    assertThat(x).contains("name=\"组织信息X\"");
                    data = x.replace("name=\"组织信息X\"", "name=\"组织信息&#10;" + FAKE + "\"").getBytes(StandardCharsets.UTF_8);
                }
                z.putNextEntry(new ZipEntry(e.getName()));
                z.write(data);
                z.closeEntry();
            }
        }

        Printed p = run("validate", forged.toString());

        assertThat(p.exit()).as(p.out() + p.err()).isEqualTo(1);
        assertThat(p.out()).contains("MISSING_COLUMN").contains("组织信息\\n" + FAKE);
        assertThat(p.out().lines()).noneMatch(l -> l.startsWith("9 files"));
        assertThat(p.out().lines().filter(l -> l.matches("\\d+ files \\(.*"))).hasSize(1);
        noControlCharacters(p.out());
        noControlCharacters(p.err());
    }

    /** Regression (issue 17, item 8): escape sequences and bidi overrides in a file name reached the terminal. */
    @Test
    void escapeSequencesAndBidiOverridesInAFileNameAreShownNotObeyed() throws IOException {
        Path f = tmp.resolve("640104_2024Q3_组织信息\u001B[2J\u202Evsc.csv");
        Files.writeString(f, ORGS, StandardCharsets.UTF_8);

        Printed p = run("validate", f.toString());

        assertThat(p.exit()).as(p.out() + p.err()).isZero();
        assertThat(p.out()).contains("\\u001B[2J\\u202Evsc.csv");
        assertThat(p.err()).contains("\\u001B[2J\\u202Evsc.csv"); // the progress line
        noControlCharacters(p.out());
        noControlCharacters(p.err());

        Printed missing = run("validate", tmp.resolve("nope\u001B]0;owned\u0007.xlsx").toString());
        assertThat(missing.exit()).isEqualTo(Main.USAGE);
        assertThat(missing.err()).contains("nope\\u001B]0;owned\\u0007.xlsx");
        noControlCharacters(missing.err());
    }

    /**
     * Regression (issue 17, item 1): {@code ingest --warehouse WH FOLDER}, the first example of
     * {@code ingest --help}, exited 2 with "no input files found" when the files sat in sub-folders.
     */
    @Test
    void ingestSearchesTheFolderItIsGivenRecursively() throws IOException {
        Path a = tmp.resolve("inbox/2024Q3/640104_2024Q3_组织信息.csv");
        Path b = tmp.resolve("inbox/2024Q3/西夏区/640105_2024Q3_组织信息.csv");
        for (Path f : new Path[] {a, b}) {
            Files.createDirectories(f.getParent());
            Files.writeString(f, ORGS, StandardCharsets.UTF_8);
        }

        Printed p = run("ingest", "--warehouse", tmp.resolve("inbox/warehouse").toString(), "--feedback",
                tmp.resolve("inbox/feedback").toString(), tmp.resolve("inbox").toString());

        assertThat(p.exit()).as(p.out() + p.err()).isZero();
        assertThat(p.out()).contains("2 files (0 refused), 2 submissions: 4 rows read = 2 accepted + 0 rejected + 2 skipped");
        // again: the warehouse and the 回执 written under the input are not taken as submissions
        Printed again = run("ingest", "--warehouse", tmp.resolve("inbox/warehouse").toString(), "--feedback",
                tmp.resolve("inbox/feedback").toString(), tmp.resolve("inbox").toString());
        assertThat(again.exit()).as(again.out() + again.err()).isZero();
        assertThat(again.out()).contains("2 files (0 refused, 2 already ingested, unchanged), 2 submissions: 4 rows read");
    }

    /**
     * Regression (issue 17, item 11): docs/robustness.md said the cause of a refusal stays attached for
     * {@code --verbose}, but nothing printed it.
     */
    @Test
    void verbosePrintsTheCauseOfARefusal() throws IOException {
        Path f = tmp.resolve("640104_2024Q3_组织信息.csv");
        Files.writeString(f, "组织编号,组织名称,组织类型\nXQ001,\"兴庆区科协,县级科协\n", StandardCharsets.UTF_8);

        Printed quiet = run("validate", f.toString());
        assertThat(quiet.exit()).isEqualTo(1);
        assertThat(quiet.out()).contains("line 2");
        assertThat(quiet.out() + quiet.err()).doesNotContain("EOF reached before encapsulated token finished");

        Printed verbose = run("validate", "--verbose", f.toString());
        assertThat(verbose.exit()).isEqualTo(1);
        assertThat(verbose.err()).contains(f.getFileName().toString())
                .contains("EOF reached before encapsulated token finished").contains("\tat org.apache.commons.csv.");
    }
}
