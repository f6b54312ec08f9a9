package org.sanhui.cli.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanhui.cli.robustness.ChildJvm;
import org.sanhui.model.schema.Datasets;
import org.sanhui.model.value.Text;

/**
 * After a full {@code sanhui run} on the sample, no input phone number appears anywhere and no input
 * person name appears outside the places DOMAIN.md section 7 allows: the warehouse's organisation and
 * post Parquet, the exit-candidate list (its Parquet table and its part of the indicator JSON) and the
 * briefings' exit-candidate list (names of exit-candidate leaders only). Scanned: every file under the
 * run's output, working and temporary directories (Parquet read with DuckDB, JSON, PDF text, SVG text,
 * workbooks, logs) and its stdout and stderr; checked against the exact values of the input's name and
 * phone columns (core-model's header aliases for PERSON_NAME, LEADER_NAME and PHONE) and footers.
 */
class PrivacyScanTest {

    private static final Pattern PHONE = Pattern.compile("(?<!\\d)(1\\d{10}|0\\d{2,3}-\\d{7,8})(?!\\d)");
    private static final Pattern FILER = Pattern.compile("(?:填报人|联系人)[:：]\\s*([\\p{IsHan}]{2,4})");
    private static final Pattern CHAR_REF = Pattern.compile("&#(x?)([0-9a-fA-F]+);");

    @Test
    void noPhoneAnywhereAndNamesOnlyWhereAllowed(@TempDir Path base) throws Exception {
        assertThat(ChildJvm.cliPresent()).as("the CLI (org.sanhui.cli.Main) on the test classpath").isTrue();
        assertThat(Cli.sample()).as("the bundled sample, which this test reads").isDirectory();
        Path input = base.resolve("input");
        Cli.copyTree(Cli.sample(), input);
        Files.deleteIfExists(input.resolve("truth.json"));
        Set<String> names = new TreeSet<>();
        Set<String> phones = new TreeSet<>();
        collect(input, names, phones);
        assertThat(names).as("names read from the input").hasSizeGreaterThan(50);
        assertThat(phones).as("phones read from the input").hasSizeGreaterThan(50);

        Cli cli = new Cli(base.resolve("cli"));
        Path out = base.resolve("out");
        ChildJvm.Result r = cli.run("run", "--period", "2024Q4", "--input", input.toString(), "--out", out.toString());
        assertThat(r.exit()).as(Cli.show(r)).isIn(0, 1);

        Set<String> exitLeaders = new HashSet<>();
        try (Stream<Path> s = Files.walk(out)) {
            for (Path p : s.filter(p -> p.getFileName().toString().matches("indicators-.*\\.json")).toList()) {
                for (JsonNode c : new ObjectMapper().readTree(p.toFile()).path("lists").path("exit_candidates")) {
                    if (c.hasNonNull("leader_name")) {
                        exitLeaders.add(c.get("leader_name").asText());
                    }
                }
            }
        }
        List<String> findings = new ArrayList<>();
        scanText("stdout", r.stdout(), names, Set.of(), phones, findings);
        scanText("stderr", r.stderr(), names, Set.of(), phones, findings);
        int files = 0;
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:")) {
            for (Path root : List.of(out, cli.work(), cli.tmp(), cli.logs())) {
                try (Stream<Path> s = Files.walk(root)) {
                    for (Path f : s.filter(Files::isRegularFile).sorted().toList()) {
                        scanFile(duck, base, f, names, exitLeaders, phones, findings);
                        files++;
                    }
                }
            }
            // positive control: the scanner does see the names where they are allowed (leaders in organisations)
            Path orgs = out.resolve("warehouse").resolve("data").resolve("organisations");
            String orgText;
            try (Stream<Path> s = Files.walk(orgs)) {
                Path one = s.filter(p -> p.toString().endsWith(".parquet")).findFirst().orElseThrow();
                orgText = parquetText(duck, one);
            }
            assertThat(names.stream().filter(orgText::contains).count()).as("names the scanner finds in an organisations file")
                    .isPositive();
        }
        System.out.println("privacy scan: " + files + " files, " + names.size() + " names, " + phones.size() + " phones, "
                + exitLeaders.size() + " exit-candidate leaders");
        assertThat(findings).as("personal data where it must not be (%d names, %d phones looked for, %d exit-candidate leaders allowed in lists)",
                names.size(), phones.size(), exitLeaders.size()).isEmpty();
    }

    private static void scanFile(Connection duck, Path base, Path f, Set<String> names, Set<String> exitLeaders, Set<String> phones,
            List<String> findings) throws Exception {
        String rel = base.relativize(f).toString().replace('\\', '/');
        String name = f.getFileName().toString().toLowerCase();
        boolean warehouseNames = rel.contains("/data/organisations/") || rel.contains("/data/posts/")
                || rel.contains("/lists/exit_candidates/");
        if (name.endsWith(".parquet")) {
            scanText(rel, parquetText(duck, f), names, warehouseNames ? null : Set.of(), phones, findings);
        } else if (name.endsWith(".json")) {
            String raw = Files.readString(f, StandardCharsets.UTF_8);
            scanText(rel + " (raw)", raw, Set.of(), null, phones, findings);
            JsonNode n = new ObjectMapper().readTree(raw);
            if (n.isObject() && n.path("lists").isObject()) {
                ((ObjectNode) n.path("lists")).remove("exit_candidates");
            }
            scanText(rel + " (outside lists.exit_candidates)", n.toString(), names, Set.of(), Set.of(), findings);
        } else if (name.endsWith(".pdf")) {
            try (PDDocument doc = Loader.loadPDF(f.toFile())) {
                scanText(rel, new PDFTextStripper().getText(doc), names, exitLeaders, phones, findings);
            }
        } else if (name.endsWith(".svg")) {
            scanText(rel, unescape(Files.readString(f, StandardCharsets.UTF_8)), names, Set.of(), phones, findings);
        } else if (name.endsWith(".xlsx") || name.endsWith(".xls")) {
            boolean feedback = rel.contains("/feedback/");
            scanText(rel, workbookText(f), names, feedback ? Set.of() : exitLeaders, phones, findings);
        } else {
            scanText(rel, new String(Files.readAllBytes(f), StandardCharsets.UTF_8), names, Set.of(), phones, findings);
        }
    }

    /**
     * Looks for names and phones in a text.
     *
     * @param where the file or stream, for the finding
     * @param text the text
     * @param names the names to look for
     * @param allowed the names allowed here; null when every name is allowed
     * @param phones the phones to look for (none is ever allowed)
     * @param findings where findings go
     */
    private static void scanText(String where, String text, Set<String> names, Set<String> allowed, Set<String> phones,
            List<String> findings) {
        for (String p : phones) {
            int i = text.indexOf(p);
            if (i >= 0) {
                findings.add("phone " + p + " in " + where + ": …" + context(text, i, p.length()) + "…");
            }
        }
        if (allowed == null) {
            return;
        }
        for (String n : names) {
            if (allowed.contains(n)) {
                continue;
            }
            int i = text.indexOf(n);
            if (i >= 0) {
                findings.add("name " + n + " in " + where + ": …" + context(text, i, n.length()) + "…");
            }
        }
    }

    private static String context(String text, int i, int len) {
        return text.substring(Math.max(0, i - 30), Math.min(text.length(), i + len + 30)).replace('\n', ' ');
    }

    private static String parquetText(Connection c, Path f) throws Exception {
        StringBuilder b = new StringBuilder();
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT * FROM read_parquet(" + WarehouseContent.quote(f) + ")")) {
            ResultSetMetaData md = rs.getMetaData();
            while (rs.next()) {
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    b.append(rs.getString(i)).append('\t');
                }
                b.append('\n');
            }
        }
        return b.toString();
    }

    private static String workbookText(Path f) throws IOException {
        StringBuilder b = new StringBuilder();
        DataFormatter fmt = new DataFormatter();
        try (Workbook wb = WorkbookFactory.create(f.toFile(), null, true)) {
            for (Sheet s : wb) {
                b.append(s.getSheetName()).append('\n');
                for (Row row : s) {
                    for (Cell c : row) {
                        b.append(fmt.formatCellValue(c)).append('\t');
                    }
                    b.append('\n');
                }
            }
        }
        return b.toString();
    }

    private static String unescape(String svg) {
        Matcher m = CHAR_REF.matcher(svg);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            int cp = Integer.parseInt(m.group(2), m.group(1).isEmpty() ? 10 : 16);
            m.appendReplacement(b, Matcher.quoteReplacement(new String(Character.toChars(cp))));
        }
        m.appendTail(b);
        return b.toString();
    }

    // ------------------------------------------------------------------ the input's personal data

    /** Collects the exact values of the name and phone columns, and footers' names and phones. */
    static void collect(Path input, Set<String> names, Set<String> phones) throws IOException {
        try (Stream<Path> s = Files.walk(input)) {
            for (Path f : s.filter(Files::isRegularFile).sorted().toList()) {
                String n = f.getFileName().toString().toLowerCase();
                List<List<String>> rows;
                if (n.endsWith(".xlsx") || n.endsWith(".xls")) {
                    rows = new ArrayList<>();
                    DataFormatter fmt = new DataFormatter();
                    try (Workbook wb = WorkbookFactory.create(f.toFile(), null, true)) {
                        for (Sheet sh : wb) {
                            List<List<String>> sheet = new ArrayList<>();
                            for (Row row : sh) {
                                List<String> cells = new ArrayList<>();
                                for (int c = 0; c < row.getLastCellNum(); c++) {
                                    Cell cell = row.getCell(c);
                                    cells.add(cell == null ? "" : fmt.formatCellValue(cell));
                                }
                                sheet.add(cells);
                            }
                            collectSheet(sheet, names, phones);
                        }
                    }
                } else if (n.endsWith(".csv") && !n.equals("received.csv")) {
                    rows = new ArrayList<>();
                    try (Reader r = new StringReader(decode(Files.readAllBytes(f)))) {
                        for (CSVRecord rec : CSVFormat.RFC4180.builder().get().parse(r)) {
                            rows.add(rec.toList());
                        }
                    }
                    collectSheet(rows, names, phones);
                }
            }
        }
    }

    private static void collectSheet(List<List<String>> rows, Set<String> names, Set<String> phones) {
        Set<String> nameHeaders = new HashSet<>(Datasets.POSTS.column(Datasets.PERSON_NAME).headers());
        nameHeaders.addAll(Datasets.ORGANISATIONS.column(Datasets.LEADER_NAME).headers());
        nameHeaders.add("姓名");
        Set<String> phoneHeaders = new HashSet<>(Datasets.POSTS.columns().stream()
                .filter(c -> c.name().equals(Datasets.PHONE)).findFirst().orElseThrow().headers());
        Set<Integer> nameCols = new HashSet<>();
        Set<Integer> phoneCols = new HashSet<>();
        int headerRow = -1;
        for (int r = 0; r < Math.min(8, rows.size()); r++) {
            List<String> row = rows.get(r);
            for (int c = 0; c < row.size(); c++) {
                String h = Text.normalize(row.get(c)).replace("\uFEFF", "").replace(" ", "");
                if (nameHeaders.contains(h)) {
                    nameCols.add(c);
                    headerRow = Math.max(headerRow, r);
                } else if (phoneHeaders.contains(h)) {
                    phoneCols.add(c);
                    headerRow = Math.max(headerRow, r);
                }
            }
        }
        for (int r = 0; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            for (int c = 0; c < row.size(); c++) {
                String v = row.get(c).strip();
                if (v.isEmpty()) {
                    continue;
                }
                if (r > headerRow && headerRow >= 0 && nameCols.contains(c) && v.length() >= 2 && v.length() <= 6
                        && !v.matches(".*[0-9A-Za-z:：].*") && !nameHeaders.contains(v)) {
                    names.add(v);
                }
                if (r > headerRow && headerRow >= 0 && phoneCols.contains(c) && v.matches("[0-9+\\- ]{7,}")) {
                    phones.add(v);
                }
                Matcher ph = PHONE.matcher(v);
                while (ph.find()) {
                    phones.add(ph.group(1));
                }
                Matcher fi = FILER.matcher(v);
                while (fi.find()) {
                    names.add(fi.group(1));
                }
            }
        }
    }

    private static String decode(byte[] b) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString().replace("\uFEFF", "");
        } catch (CharacterCodingException e) {
            return new String(b, Charset.forName("GB18030"));
        }
    }
}
