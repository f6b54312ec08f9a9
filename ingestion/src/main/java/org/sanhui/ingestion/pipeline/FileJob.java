package org.sanhui.ingestion.pipeline;

import static org.sanhui.model.schema.Datasets.*;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sanhui.ingestion.IngestOptions;
import org.sanhui.ingestion.IngestReport;
import org.sanhui.ingestion.IngestReport.SkipReason;
import org.sanhui.ingestion.format.FileFormat;
import org.sanhui.ingestion.format.FormatSniffer;
import org.sanhui.ingestion.format.RefusedFileException;
import org.sanhui.ingestion.layout.LayoutDetector;
import org.sanhui.ingestion.layout.RowKind;
import org.sanhui.ingestion.layout.SheetLayout;
import org.sanhui.ingestion.read.RowHandler;
import org.sanhui.ingestion.read.WorkbookFormat;
import org.sanhui.ingestion.read.WorkbookSource;
import org.sanhui.ingestion.resolve.FilingDates;
import org.sanhui.ingestion.resolve.RegionFinder;
import org.sanhui.ingestion.warehouse.StagedFile;
import org.sanhui.model.period.Period;
import org.sanhui.model.problem.Location;
import org.sanhui.model.problem.Problem;
import org.sanhui.model.problem.ProblemCode;
import org.sanhui.model.problem.Severity;
import org.sanhui.model.region.Gazetteer;
import org.sanhui.model.region.NameMatch;
import org.sanhui.model.region.Region;
import org.sanhui.model.region.RegionLevel;
import org.sanhui.model.schema.Column;
import org.sanhui.model.schema.ColumnType;
import org.sanhui.model.schema.DatasetSchema;
import org.sanhui.model.schema.Datasets;
import org.sanhui.model.validation.CellArray;
import org.sanhui.model.validation.OrgKeys;
import org.sanhui.model.value.NotGiven;
import org.sanhui.model.value.Text;
import org.sanhui.model.warehouse.LiveFile;

/**
 * One input file through ingestion: sniffed, opened, its sheets' layouts detected and its period,
 * county and filing date resolved ({@link #prepare}); then every sheet streamed through layout
 * classification, row checks and the rules that span rows into staged Parquet files ({@link #run}).
 * The caller commits the staged files, or aborts them. Not thread-safe.
 */
public final class FileJob {

    private static final String EVAL_COUNTY = "county";
    /** A 6-digit region code a file name or title states (not a yyyyMM: no code begins with 19 or 20). */
    private static final Pattern STATED_CODE = Pattern.compile("(?<![0-9])((?!19|20)\\d{6})(?![0-9])");
    /** Days after a period's end within which a filing is on time (DOMAIN.md S1: 15). */
    static final int LATE_AFTER_DAYS = 15;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS")
            .withZone(ZoneOffset.UTC);

    private final Path file;
    private final String fileName;
    private final IngestOptions options;
    private final Supplier<RegionFinder> finder;
    private final Map<String, LocalDate> received;
    /** The file's SHA-256, worked out on {@link #HASHER} while the file is planned and read; see {@link #sha256()}. */
    private Future<String> hash;
    private String sha256;
    private FileFormat format;
    private boolean date1904;
    private final List<Plan> plans = new ArrayList<>();
    private final List<Problem> fileProblems = new ArrayList<>();
    private RefusedFileException refused;
    private Facts facts;

    /** A sheet to read: its name and layout, or why it is refused. */
    private record Plan(String sheet, DatasetSchema dataset, SheetLayout layout) {
    }

    /**
     * What the file says about itself, resolved with what the caller stated.
     *
     * @param period the period (null for an evaluations-only file)
     * @param county the county of a single-county file, or null when rows are split by county
     * @param scope where to look row regions up in a multi-county file (city, province or 00)
     * @param via the city or province that sent a multi-county file, or null
     * @param filingDate the filing date, or null
     */
    record Facts(Period period, String county, String scope, String via, LocalDate filingDate) {
    }

    private FileJob(Path file, IngestOptions options, Supplier<RegionFinder> finder, Map<String, LocalDate> received) {
        this.file = file;
        this.fileName = file.getFileName().toString();
        this.options = options;
        this.finder = finder;
        this.received = received;
    }

    /**
     * Sniffs, opens and plans a file; never throws for a bad file (it is then refused).
     *
     * @param file the file, null not permitted
     * @param options the options, null not permitted
     * @param finder the region finder (asked for only once the file's titles are read), null not permitted
     * @param received the dates of {@code received.csv} beside the file, null not permitted
     * @return the job, never null
     */
    public static FileJob prepare(Path file, IngestOptions options, Supplier<RegionFinder> finder,
            Map<String, LocalDate> received) {
        FileJob j = new FileJob(file, options, finder, received);
        try {
            // a pipe, a device or a file over the size limit is refused before a byte of it is read
            FormatSniffer.admit(file, options.limits());
            // the file's hash is worked out on another thread while this one sniffs, opens and plans it, and
            // while the file is read; it is first needed for the report
            long max = options.limits().maxFileBytes();
            j.hash = HASHER.submit(() -> sha256(file, max));
            j.format = FormatSniffer.sniff(file, options.limits());
            try (WorkbookSource src = WorkbookFormat.of(j.format).open(file, options.limits())) {
                j.date1904 = src.date1904();
                j.plan(src);
            }
            j.facts = j.resolve();
        } catch (RefusedFileException e) {
            j.refused = e;
        } catch (IOException | RuntimeException e) {
            j.refused = unreadable(e);
        }
        return j;
    }

    /** Hashes files one at a time, in the order they were prepared, on a daemon thread that ends when idle. */
    private static final ExecutorService HASHER;

    static {
        ThreadPoolExecutor e = new ThreadPoolExecutor(1, 1, 1, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "sanhui-sha256");
            t.setDaemon(true);
            return t;
        });
        e.allowCoreThreadTimeOut(true);
        HASHER = e;
    }

    /**
     * Returns the file's SHA-256, waiting for it if it is still being worked out.
     *
     * @return the lower-case hex digest, never null
     * @throws RefusedFileException when the file could not be read to the end
     */
    private String sha256() {
        if (sha256 == null) {
            try {
                sha256 = hash.get();
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RefusedFileException r ? r : unreadable(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while hashing " + file, e);
            }
        }
        return sha256;
    }

    private static RefusedFileException unreadable(Throwable e) {
        return new RefusedFileException(ProblemCode.CORRUPT_FILE, "文件已损坏或无法读取。请用 Excel 重新保存为 .xlsx 后再报送。",
                "the file is damaged or cannot be read; save it again as .xlsx and send it again", e);
    }

    /**
     * Returns the period the file is for, to take files in period order.
     *
     * @return the period, or null (evaluations, refused files)
     */
    public Period period() {
        return facts == null ? null : facts.period();
    }

    /**
     * Returns the rank of the first dataset the file holds (organisations first), to take a period's
     * CSV files in an order where organisations come before the rows that point to them.
     *
     * @return the rank
     */
    public int datasetRank() {
        return plans.stream().filter(p -> p.layout != null).mapToInt(p -> Datasets.INPUTS.indexOf(p.dataset)).min()
                .orElse(99);
    }

    /**
     * Returns the file.
     *
     * @return the path, never null
     */
    public Path file() {
        return file;
    }

    private void plan(WorkbookSource src) throws IOException {
        List<String> names = src.sheetNames();
        Set<DatasetSchema> taken = new LinkedHashSet<>();
        for (String name : names) {
            Optional<DatasetSchema> byName = LayoutDetector.datasetForSheet(name);
            List<LayoutDetector.Line> head = head(src, name);
            List<DatasetSchema> candidates = byName.map(List::of).orElse(Datasets.INPUTS);
            Optional<SheetLayout> layout = LayoutDetector.detect(head, candidates);
            if (layout.isEmpty()) {
                if (byName.isPresent()) {
                    fileProblems.add(problem(ProblemCode.NO_HEADER, Severity.FATAL, new Location(fileName, name, 0, null),
                            null, "工作表“" + name + "”中找不到表头行（应含 " + byName.get().columns().stream()
                                    .filter(Column::required).filter(Column::input).map(Column::header).toList() + " 等列），该表未读取",
                            "no header row found in sheet '" + name + "' (expected columns such as " + byName.get().columns()
                                    .stream().filter(Column::required).filter(Column::input).map(Column::header).toList()
                                    + "); the sheet was not read"));
                }
                continue;
            }
            SheetLayout l = layout.get();
            if (!l.missingRequired().isEmpty()) {
                List<String> miss = l.missingRequired().stream().map(Column::header).toList();
                fileProblems.add(problem(ProblemCode.MISSING_COLUMN, Severity.FATAL,
                        new Location(fileName, name, l.lastHeaderRow(), String.join("、", miss)), null,
                        "工作表“" + name + "”缺少必填列 " + miss + "，该表未读取；请按模板补齐列后重新报送",
                        "sheet '" + name + "' lacks the required column(s) " + miss
                                + "; the sheet was not read; add them as in the template and send it again"));
                continue;
            }
            if (!taken.add(l.dataset())) {
                fileProblems.add(problem(ProblemCode.UNKNOWN_COLUMN, Severity.WARNING, new Location(fileName, name, 0, null),
                        null, "工作表“" + name + "”与前面的工作表是同一类数据，已忽略",
                        "sheet '" + name + "' holds the same dataset as an earlier sheet and was ignored"));
                continue;
            }
            if (byName.isEmpty()) {
                String canonical = l.dataset().sheets().get(0);
                fileProblems.add(problem(ProblemCode.SHEET_NAME_GUESSED, Severity.WARNING,
                        new Location(fileName, name, 0, null), name,
                        "工作表“" + name + "”的名称不是 组织信息、关键人物、活动记录 或 年度评价 之一，已按表头识别为“"
                                + canonical + "”读取；请按模板命名工作表",
                        "sheet '" + name + "' is not named 组织信息, 关键人物, 活动记录 or 年度评价; it was taken as "
                                + canonical + " (" + l.dataset().name() + ") from its headers; name the sheets as in"
                                + " the template"));
            }
            plans.add(new Plan(name, l.dataset(), l));
        }
        if (plans.isEmpty()) {
            for (Problem p : fileProblems) {
                if (p.severity() == Severity.FATAL) {
                    // every sheet that was recognised was refused (a missing column, no header): that is the
                    // reason, already located; "no sheet recognised" would be a second, untrue one
                    throw new SheetsRefused(p);
                }
            }
            throw new RefusedFileException(ProblemCode.MISSING_SHEET,
                    "文件中没有可识别的工作表（应为 组织信息、关键人物、活动记录 或 年度评价），工作表有：" + names,
                    "no sheet of the file could be recognised (expected 组织信息, 关键人物, 活动记录 or 年度评价); sheets: "
                            + names);
        }
        plans.sort(Comparator.comparingInt(p -> Datasets.INPUTS.indexOf(p.dataset)));
    }

    /** The file is refused because each sheet it holds was refused, for the problems already in fileProblems. */
    private static final class SheetsRefused extends RefusedFileException {
        private static final long serialVersionUID = 1L;

        SheetsRefused(Problem first) {
            super(first.code(), first.messageZh(), first.messageEn());
        }
    }

    private static final class Stop extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Stop() {
            super(null, null, false, false);
        }
    }

    private static List<LayoutDetector.Line> head(WorkbookSource src, String sheet) throws IOException {
        List<LayoutDetector.Line> lines = new ArrayList<>();
        try {
            src.read(sheet, (r, c) -> {
                lines.add(new LayoutDetector.Line(r, c));
                if (lines.size() >= LayoutDetector.SEARCH_ROWS) {
                    throw new Stop();
                }
            });
        } catch (Stop s) {
            // enough rows
        }
        return lines;
    }

    private Facts resolve() {
        List<String> titles = new ArrayList<>();
        for (Plan p : plans) {
            titles.addAll(p.layout.titleLines());
        }
        boolean evaluationsOnly = plans.stream().allMatch(p -> p.dataset == EVALUATIONS);
        // period
        Period fromTitle = null;
        for (String t : titles) {
            Optional<Period> p = Period.find(FilingDates.withoutDate(t));
            if (p.isPresent()) {
                fromTitle = p.get();
                break;
            }
        }
        Period fromName = Period.find(fileName).orElse(null);
        Period stated = options.period();
        Period period;
        if (fromTitle != null && fromName != null && !fromTitle.equals(fromName)) {
            throw new RefusedFileException(ProblemCode.PERIOD_CONFLICT,
                    "标题写的报送期是 " + fromTitle.label() + "，文件名写的是 " + fromName.label() + "，二者不一致。请改正后重新报送。",
                    "the title states period " + fromTitle + " but the file name states " + fromName
                            + "; correct one and send it again");
        }
        Period fromFile = fromTitle != null ? fromTitle : fromName;
        if (stated != null && fromFile != null && !stated.equals(fromFile)) {
            throw new RefusedFileException(ProblemCode.PERIOD_CONFLICT,
                    "指定的报送期是 " + stated.label() + "，文件写的是 " + fromFile.label() + "，二者不一致。",
                    "the period given (--period " + stated + ") conflicts with the file, which states " + fromFile);
        }
        period = stated != null ? stated : fromFile;
        if (period == null && !evaluationsOnly) {
            throw new RefusedFileException(ProblemCode.NO_PERIOD,
                    "无法确定报送期：标题、填报行和文件名都没有写明（如“2024年第三季度”或“2024Q3”）。请在标题中写明报送期后重新报送。",
                    "the period cannot be determined: neither the title, the 填报 line nor the file name states it (e.g."
                            + " 2024年第三季度 or 2024Q3); state it in the title, or pass --period");
        }
        // county
        Region fromText = null;
        for (String t : titles) {
            Optional<Region> r = finder.get().find(FilingDates.withoutDate(t));
            if (r.isPresent()) {
                fromText = r.get();
                if (r.get().level() == RegionLevel.COUNTY) {
                    break;
                }
            }
        }
        String stem = fileName.contains(".") ? fileName.substring(0, fileName.lastIndexOf('.')) : fileName;
        RegionFinder places = finder.get();
        Region fromFileName = places.findCode(stem).or(() -> places.find(stem)).orElse(null);
        Region fileRegion = fromText != null ? fromText : fromFileName;
        if (fromText != null && fromFileName != null && fromText.level() == RegionLevel.COUNTY
                && fromFileName.level() == RegionLevel.COUNTY && !fromText.code().equals(fromFileName.code())) {
            throw new RefusedFileException(ProblemCode.COUNTY_CONFLICT,
                    "标题写的是 " + fromText.name() + "，文件名写的是 " + fromFileName.name() + "，二者不一致。",
                    "the title names " + fromText.name() + " (" + fromText.code() + ") but the file name names "
                            + fromFileName.name() + " (" + fromFileName.code() + ")");
        }
        Gazetteer g = finder.get().gazetteer();
        String submitter = options.submitter();
        if (fileRegion == null && submitter == null) {
            // the file name and the 填报单位 line (not the whole title: a postcode there is no county code)
            List<String> texts = new ArrayList<>(List.of(stem));
            titles.stream().filter(t -> t.contains("填报单位")).forEach(texts::add);
            for (String t : texts) {
                Matcher m = STATED_CODE.matcher(Text.normalize(t));
                while (m.find()) {
                    String code = m.group(1);
                    if (g.byCode(code).isEmpty()) {
                        throw new RefusedFileException(ProblemCode.UNKNOWN_COUNTY,
                                "文件写明的县（区）代码 " + code + " 不是有效的行政区划代码，无法确定报送县（区）。请使用 6 位县级区划代码"
                                        + "（如 640104）或在标题中写明县（区）名称后重新报送。",
                                "the county code " + code + " the file states is not in the gazetteer, so the submitting"
                                        + " county cannot be determined; expected a 6-digit county code such as 640104, or"
                                        + " the county's name in the title");
                    }
                }
            }
        }
        String county = null;
        String scope = "00";
        String via = null;
        if (submitter != null) {
            Region s = g.require(submitter);
            if (fileRegion != null && !g.isWithin(fileRegion.code(), s.code()) && !g.isWithin(s.code(), fileRegion.code())) {
                throw new RefusedFileException(ProblemCode.COUNTY_CONFLICT,
                        "报送单位是 " + s.name() + "，但文件写的是 " + fileRegion.name() + "，二者不一致。",
                        "the submitter is " + s.name() + " (" + s.code() + ") but the file names " + fileRegion.name()
                                + " (" + fileRegion.code() + ")");
            }
            if (s.level() == RegionLevel.COUNTY) {
                county = s.code();
            } else if (fileRegion != null && fileRegion.level() == RegionLevel.COUNTY) {
                county = fileRegion.code();
            } else {
                scope = s.code();
                via = s.code();
            }
        } else if (fileRegion != null && fileRegion.level() == RegionLevel.COUNTY) {
            county = fileRegion.code();
        } else if (fileRegion != null) {
            scope = fileRegion.code();
            via = fileRegion.code();
        }
        // filing date
        LocalDate filing = null;
        for (String t : titles) {
            Optional<FilingDates.Stated> st = FilingDates.inLine(t);
            if (st.isPresent()) {
                if (st.get().date() == null) {
                    throw new RefusedFileException(ProblemCode.BAD_FILING_DATE,
                            "填报日期“" + st.get().text() + "”无法识别，应写为 2024年10月8日 或 2024-10-08。",
                            "the filing date '" + st.get().text() + "' cannot be read; expected e.g. 2024-10-08");
                }
                filing = st.get().date();
                break;
            }
        }
        if (filing == null) {
            filing = received.get(fileName);
        }
        if (filing == null) {
            filing = options.received();
        }
        return new Facts(period, county, scope, via, filing);
    }

    /** The outcome of running a file: its report, staged files, what they replace, feedback material. */
    public static final class Outcome {
        private final IngestReport.FileReport report;
        private final List<StagedFile> staged;
        private final Predicate<LiveFile> replaced;
        private final List<Feedback> feedback;
        private final Map<String, OrgIndex> orgs;
        private Throwable refusalCause;

        Outcome(IngestReport.FileReport report, List<StagedFile> staged, Predicate<LiveFile> replaced,
                List<Feedback> feedback, Map<String, OrgIndex> orgs) {
            this.report = report;
            this.staged = staged;
            this.replaced = replaced;
            this.feedback = feedback;
            this.orgs = orgs;
        }

        /** @return the file's report, never null */
        public IngestReport.FileReport report() {
            return report;
        }

        /** @return the staged files to make live, never null */
        public List<StagedFile> staged() {
            return staged;
        }

        /** @return which live files the staged ones replace, never null */
        public Predicate<LiveFile> replaced() {
            return replaced;
        }

        /** @return the feedback material per county (or per file when no county is known), never null */
        public List<Feedback> feedback() {
            return feedback;
        }

        /** @return organisations accepted per county, never null */
        public Map<String, OrgIndex> organisations() {
            return orgs;
        }

        /** @return the exception behind the file's refusal (a parser's, an I/O error), or null */
        public Throwable refusalCause() {
            return refusalCause;
        }

        /** Deletes the staged files (the file is abandoned). */
        public void abort() {
            for (StagedFile f : staged) {
                try {
                    Files.deleteIfExists(f.temp());
                } catch (IOException e) {
                    // the next run's cleanup removes it
                }
            }
        }
    }

    /**
     * Material for one feedback workbook.
     *
     * @param county the county code, or null when the file's county is unknown
     * @param period the period, or null
     * @param file the source file name, never null
     * @param outcome the file or submission outcome, never null
     * @param problems the problems, never null
     * @param rows the rejected rows by sheet, never null
     * @param sheets the sheet counts, never null
     * @param unchanged whether the file was ingested before and is unchanged (nothing was written this time)
     */
    public record Feedback(String county, Period period, String file, IngestReport.Outcome outcome,
            List<Problem> problems, List<FeedbackRows> rows, List<IngestReport.SheetReport> sheets, boolean unchanged) {
    }

    /**
     * Reads the file's sheets into staged files.
     *
     * @param knowledge what earlier submissions say, null not permitted
     * @param sequence a number making submission ids unique within the run
     * @return the outcome, never null
     */
    public Outcome run(Knowledge knowledge, int sequence) {
        if (refused != null) {
            return refusedOutcome(refused);
        }
        List<Map<String, Object>> live;
        try {
            // the counties the file can give submissions for: its own, else (a multi-county file, or evaluations,
            // which go to each row's county) those of its sender's area
            boolean evaluations = plans.stream().anyMatch(p -> p.dataset == EVALUATIONS);
            live = LiveSubmissions.ofUnchanged(knowledge.submissions(facts.county() != null && !evaluations
                    ? facts.county() : facts.scope()), sha256(), fingerprint(), facts);
        } catch (RefusedFileException e) {
            return refusedOutcome(e);
        }
        Run r = new Run(knowledge, sequence, live);
        try (WorkbookSource src = WorkbookFormat.of(format).open(file, options.limits())) {
            for (Plan p : plans) {
                r.sheet(src, p);
            }
            return r.finish();
        } catch (RefusedFileException e) {
            r.abort();
            return refusedOutcome(e);
        } catch (IOException | RuntimeException e) {
            r.abort();
            return refusedOutcome(new RefusedFileException(ProblemCode.CORRUPT_FILE,
                    "读取文件时出错，文件可能已损坏。请用 Excel 重新保存为 .xlsx 后再报送。",
                    "reading the file failed; it may be damaged; save it again as .xlsx and send it again", e));
        }
    }

    private Outcome refusedOutcome(RefusedFileException e) {
        List<Problem> ps = new ArrayList<>(fileProblems);
        if (!(e instanceof SheetsRefused)) {
            ps.add(0, new Problem(e.code(), Severity.FATAL, e.location(fileName), null, null, e.messageZh(),
                    e.messageEn()));
        }
        String digest;
        try {
            digest = hash == null ? "" : sha256(); // no hash: refused before a byte was read
        } catch (RefusedFileException ignored) {
            digest = ""; // the file is refused already; the report says why
        }
        IngestReport.FileReport rep = new IngestReport.FileReport(file, digest, format == null ? null : format.name(),
                IngestReport.Outcome.REFUSED, List.of(), List.of(), ps, List.of(), false);
        String county = facts != null ? facts.county() : options.submitter();
        Feedback fb = new Feedback(county, facts == null ? options.period() : facts.period(), fileName,
                IngestReport.Outcome.REFUSED, ps, List.of(), List.of(), false);
        Outcome out = new Outcome(rep, List.of(), f -> false, List.of(fb), Map.of());
        out.refusalCause = e.getCause();
        return out;
    }

    private Problem problem(ProblemCode code, Severity sev, Location loc, String value, String zh, String en) {
        return new Problem(code, sev, loc, null, value, zh, en);
    }

    private String fingerprint;

    /** The fingerprint of the options, made once per file. */
    private String fingerprint() {
        if (fingerprint == null) {
            fingerprint = LiveSubmissions.fingerprint(options);
        }
        return fingerprint;
    }

    /** The state of one run over the file's sheets. */
    private final class Run {
        private final Knowledge knowledge;
        private final int sequence;
        /** The live submission records of this file when it is already ingested and unchanged, else empty. */
        private final List<Map<String, Object>> unchanged;
        /** The ids of those records: their evaluation rows are this file's own, not received from elsewhere. */
        private final Set<String> ownIds = new java.util.HashSet<>();
        /** Whether nothing is written: a dry run, or a file already ingested and unchanged. */
        private final boolean dry;
        private final Map<String, List<Map<String, Object>>> evaluationCache = new HashMap<>();
        private final Map<String, OrgIndex> evaluatedCache = new HashMap<>();
        private final Map<String, SubmissionBuilder> subs = new LinkedHashMap<>();
        private final Map<String, SheetCounts> fileCounts = new LinkedHashMap<>();
        private final Map<String, OrgIndex> fileOrgs = new HashMap<>();
        private final Map<String, OrgIndex> knownCache = new HashMap<>();
        private final OrgIndex fileOrgIndex = new OrgIndex();
        private final Map<String, String> orgCounty = new HashMap<>();
        private final Instant now;
        private final List<Problem> fileLevel = new ArrayList<>(fileProblems);
        private long rowsSoFar;

        Run(Knowledge knowledge, int sequence, List<Map<String, Object>> unchanged) {
            this.knowledge = knowledge;
            this.sequence = sequence;
            this.unchanged = unchanged;
            unchanged.forEach(x -> ownIds.add((String) x.get(SUBMISSION_ID)));
            this.dry = options.dryRun() || !unchanged.isEmpty();
            this.now = options.clock().instant();
        }

        SubmissionBuilder submission(String county, Period p) {
            return subs.computeIfAbsent(county + "|" + p, k -> {
                String id = county + "-" + p + "-" + STAMP.format(now) + "-" + sequence;
                for (Map<String, Object> x : unchanged) {
                    if (county.equals(x.get(COUNTY_CODE)) && p.toString().equals(x.get(PERIOD))) {
                        id = (String) x.get(SUBMISSION_ID); // the live submission this file gave before
                    }
                }
                return new SubmissionBuilder(id, county, p, facts.via(), facts.filingDate(), knowledge.warehouse(), dry);
            });
        }

        /**
         * The live evaluations of a year and county, those this very file gave before left out (read once per
         * file: nothing is made live while a file is read).
         */
        List<Map<String, Object>> evaluations(Period year, String county) {
            return evaluationCache.computeIfAbsent(year + "|" + county, k -> {
                List<Map<String, Object>> out = new ArrayList<>();
                for (Map<String, Object> e : knowledge.evaluations(year, county)) {
                    if (!ownIds.contains(e.get(SUBMISSION_ID))) {
                        out.add(e);
                    }
                }
                return out;
            });
        }

        /** The organisations of a county an evaluation may name: every accepted snapshot, and this file's. */
        OrgIndex evaluatedKnown(String county) {
            return evaluatedCache.computeIfAbsent(county, c -> {
                OrgIndex idx = knowledge.everOrganisations(c);
                for (SubmissionBuilder s : subs.values()) {
                    if (s.county.equals(c) && s.period.kind() != Period.Kind.YEAR) {
                        idx.addAll(s.orgs);
                    }
                }
                return idx;
            });
        }

        OrgIndex known(String county, Period p) {
            return knownCache.computeIfAbsent(county + "|" + p, k -> knowledge.organisations(county, p));
        }

        void sheet(WorkbookSource src, Plan plan) throws IOException {
            SheetLayout l = plan.layout;
            DatasetSchema ds = plan.dataset;
            SheetCounts fc = fileCounts.computeIfAbsent(plan.sheet, s -> new SheetCounts(s, ds.name()));
            SubmissionBuilder single = facts.county() != null && ds != EVALUATIONS ? submission(facts.county(), facts.period())
                    : null;
            if (single != null) {
                single.counts(plan.sheet, ds);
            }
            for (Integer c : l.unknown()) {
                Problem p = problem(ProblemCode.UNKNOWN_COLUMN, Severity.WARNING,
                        new Location(fileName, plan.sheet, l.lastHeaderRow(), l.header(c)), null,
                        "未识别的列“" + l.header(c) + "”，已忽略", "unknown column '" + l.header(c) + "', ignored");
                if (single != null) {
                    single.problem(p);
                    single.rejectsSink(ds).write(rejectRow(p, ds, single));
                } else {
                    fileLevel.add(p);
                }
            }
            SheetProcessor sp = new SheetProcessor(plan, fc, single);
            src.read(plan.sheet, sp);
            sp.end();
            for (SubmissionBuilder s : subs.values()) {
                if (ds == EVALUATIONS ? s.period.kind() == Period.Kind.YEAR : s.period.kind() != Period.Kind.YEAR) {
                    s.datasets.add(ds);
                    s.counts(plan.sheet, ds);
                }
            }
            options.progress().rowsRead(file, rowsSoFar);
        }

        Outcome finish() {
            List<StagedFile> staged = new ArrayList<>();
            List<IngestReport.SubmissionReport> reports = new ArrayList<>();
            List<Feedback> feedback = new ArrayList<>();
            if (subs.isEmpty() && facts.county() == null && facts.via() == null
                    && fileLevel.stream().anyMatch(p -> p.code() == ProblemCode.UNKNOWN_COUNTY_ROW)) {
                fileLevel.add(0, problem(ProblemCode.NO_COUNTY, Severity.FATAL, Location.ofFile(fileName), null,
                        "无法确定报送县（区）：标题、填报单位、文件名都没有写明，各行的地区也无法识别。请在标题中写明县（区）名称后重新报送。",
                        "the submitting county cannot be determined: neither the title, the 填报单位 line nor the file"
                                + " name names it, and no row's region resolves; name it in the title, or pass --submitter"));
            }
            for (SubmissionBuilder s : subs.values()) {
                if (s.filingDate != null && s.period.kind() != Period.Kind.YEAR
                        && s.filingDate.isAfter(s.period.end().plusDays(LATE_AFTER_DAYS))) {
                    Problem late = problem(ProblemCode.LATE_FILING, Severity.WARNING, Location.ofFile(fileName),
                            s.filingDate.toString(), "填报日期 " + s.filingDate + " 晚于报送期末 " + s.period.end() + " 后 "
                                    + LATE_AFTER_DAYS + " 天，属逾期报送",
                            "filed on " + s.filingDate + ", more than " + LATE_AFTER_DAYS + " days after the period end "
                                    + s.period.end());
                    s.problem(late);
                    if (!s.datasets.isEmpty()) {
                        // the submission's first dataset in the canonical order: s.datasets is an identity set,
                        // whose iteration order varies from one JVM run to the next, so a rerun of the same file
                        // filed this row under another dataset's rejects (the rerun-after-kill mismatch, issue 8)
                        DatasetSchema first = s.datasets.stream()
                                .min(java.util.Comparator.comparingInt(Datasets.INPUTS::indexOf)).orElseThrow();
                        s.rejectsSink(first).write(rejectRow(late, first, s));
                    }
                }
                carryForward(s);
                if (s.datasets.contains(EVALUATIONS)) {
                    mergeEvaluations(s);
                }
                staged.addAll(s.finish());
                IngestReport.SubmissionReport rep = s.report();
                reports.add(rep);
                staged.addAll(submissionRow(s, rep));
                List<FeedbackRows> rows = new ArrayList<>(s.feedback.values());
                feedback.add(new Feedback(s.county, s.period, fileName, rep.outcome(), s.feedbackProblems, rows,
                        rep.sheets(), !unchanged.isEmpty()));
                fileOrgs.computeIfAbsent(s.county, c -> new OrgIndex()).addAll(s.orgs);
            }
            // the file's outcome (IngestReport.Outcome): its rows and file-level problems, and its submissions';
            // a file that gave no submission took nothing
            long fileRejected = fileCounts.values().stream().mapToLong(c -> c.rejected).sum();
            IngestReport.Outcome o = subs.isEmpty() ? IngestReport.Outcome.PARTIAL
                    : IngestReport.Outcome.of(fileRejected, fileLevel);
            for (IngestReport.SubmissionReport x : reports) {
                o = o.worse(x.outcome());
            }
            if (!fileLevel.isEmpty() && (facts.county() == null || subs.isEmpty())) {
                feedback.add(new Feedback(facts.county(), facts.period(), fileName, o, fileLevel, List.of(),
                        fileCounts.values().stream().map(SheetCounts::report).toList(), !unchanged.isEmpty()));
            } else if (!fileLevel.isEmpty() && !feedback.isEmpty()) {
                // a single county's file: its file-level problems join its submission's workbook, and its outcome
                Feedback f0 = feedback.get(0);
                List<Problem> all = new ArrayList<>(fileLevel);
                all.addAll(f0.problems());
                feedback.set(0, new Feedback(f0.county(), f0.period(), f0.file(),
                        f0.outcome().worse(IngestReport.Outcome.of(0, fileLevel)), all, f0.rows(), f0.sheets(),
                        f0.unchanged()));
            }
            IngestReport.FileReport rep = new IngestReport.FileReport(file, sha256(), format.name(), o,
                    fileCounts.values().stream().map(SheetCounts::report).toList(), reports,
                    fileLevel.size() > IngestReport.PROBLEMS_KEPT ? fileLevel.subList(0, IngestReport.PROBLEMS_KEPT)
                            : fileLevel, List.of(), !unchanged.isEmpty());
            List<SubmissionBuilder> list = List.copyOf(subs.values());
            Predicate<LiveFile> replaced = f -> {
                for (SubmissionBuilder s : list) {
                    if (!f.county().equals(s.county) || !f.period().equals(s.period.toString())) {
                        continue;
                    }
                    for (DatasetSchema ds : s.datasets) {
                        if (f.dataset().equals(ds.name())) {
                            return true;
                        }
                        if (f.dataset().equals(REJECTS.name()) && f.path().contains("-" + ds.name() + "-")) {
                            return true;
                        }
                    }
                }
                return false;
            };
            return new Outcome(rep, staged, replaced, feedback, fileOrgs);
        }

        void abort() {
            subs.values().forEach(SubmissionBuilder::abort);
        }

        private List<StagedFile> submissionRow(SubmissionBuilder s, IngestReport.SubmissionReport rep) {
            Map<String, Object> v = new HashMap<>();
            v.put(SUBMISSION_ID, s.id);
            v.put(COUNTY_CODE, s.county);
            v.put(PERIOD, s.period.toString());
            v.put(VIA, s.via);
            v.put(FILING_DATE, s.filingDate);
            v.put(INGESTED_AT, now);
            v.put(SOURCE_FILE, fileName);
            v.put(SHA256, sha256());
            v.put(DATASETS, String.join(",", rep.datasets()));
            long read = 0;
            long acc = 0;
            long rej = 0;
            long skip = 0;
            for (IngestReport.SheetReport sr : rep.sheets()) {
                read += sr.read();
                acc += sr.accepted();
                rej += sr.rejected();
                skip += sr.skipped();
            }
            v.put(ROWS_READ, read);
            v.put(ROWS_ACCEPTED, acc);
            v.put(ROWS_REJECTED, rej);
            v.put(ROWS_SKIPPED, skip);
            v.put(OPTIONS, fingerprint());
            Sink sink = new Sink(knowledge.warehouse(), SUBMISSIONS, s.period.toString(), s.county, s.id, dry);
            sink.write(v);
            StagedFile f = sink.finish();
            if (f == null) {
                return List.of();
            }
            // as it reads back: the timestamp stored in microseconds, no null values
            v.put(INGESTED_AT, now.truncatedTo(java.time.temporal.ChronoUnit.MICROS));
            v.values().removeIf(java.util.Objects::isNull);
            knowledge.submitted(f.relative(), v);
            return List.of(f);
        }

        private void carryForward(SubmissionBuilder s) {
            if (s.datasets.contains(ORGANISATIONS)) {
                Set<String> missing = new LinkedHashSet<>(s.rejectedOrgKeys);
                missing.removeIf(s.orgs::contains);
                if (!missing.isEmpty()) {
                    for (Map<String, Object> prev : knowledge.previousSnapshot(ORGANISATIONS, s.county, s.period)) {
                        if (missing.remove((String) prev.get(ORG_KEY))) {
                            writeCarried(s, ORGANISATIONS, prev);
                            s.orgs.add((String) prev.get(ORG_KEY), (String) prev.get(ORG_ID), (String) prev.get(ORG_NAME),
                                    (String) prev.get(REGION_CODE));
                        }
                    }
                }
            }
            if (s.datasets.contains(POSTS)) {
                Set<String> missing = new LinkedHashSet<>(s.rejectedPostKeys);
                missing.removeAll(s.acceptedPostKeys);
                if (!missing.isEmpty()) {
                    for (Map<String, Object> prev : knowledge.previousSnapshot(POSTS, s.county, s.period)) {
                        if (missing.contains(postIdentity(prev.get(ORG_KEY), prev.get(PERSON_NAME)))) {
                            writeCarried(s, POSTS, prev);
                        }
                    }
                }
            }
        }

        private void writeCarried(SubmissionBuilder s, DatasetSchema ds, Map<String, Object> prev) {
            Map<String, Object> v = new HashMap<>(prev);
            v.put(SUBMISSION_ID, s.id);
            v.put(PERIOD, s.period.toString());
            v.put(CARRIED_FORWARD, Boolean.TRUE);
            s.sink(ds).write(v);
            for (SheetCounts c : s.sheets.values()) {
                if (ds.name().equals(c.dataset)) {
                    c.carried++;
                    fileCounts.get(c.sheet).carried++;
                    break;
                }
            }
        }

        private void mergeEvaluations(SubmissionBuilder s) {
            if (dry) {
                return; // nothing is written
            }
            for (Map<String, Object> prev : knowledge.evaluations(s.period, s.county)) {
                String key = prev.get(ORG_KEY) + "|" + prev.get(YEAR);
                if (!s.evaluationKeys.contains(key)) {
                    s.sink(EVALUATIONS).write(prev);
                }
            }
        }

        Map<String, Object> rejectRow(Problem p, DatasetSchema ds, SubmissionBuilder s) {
            Map<String, Object> v = new HashMap<>();
            v.put(SUBMISSION_ID, s == null ? "" : s.id);
            v.put(COUNTY_CODE, s == null ? null : s.county);
            v.put(PERIOD, s == null ? null : s.period.toString());
            v.put(DATASET, ds == null ? null : ds.name());
            v.put(SOURCE_FILE, fileName);
            v.put(SHEET, p.location().sheet());
            v.put(SOURCE_ROW, p.location().row() == 0 ? null : p.location().row());
            v.put(COLUMN, p.location().column());
            v.put(CODE, p.code().name());
            v.put(SEVERITY, p.severity().name());
            v.put(VALUE, p.value());
            v.put(MESSAGE_ZH, p.messageZh());
            v.put(MESSAGE_EN, p.messageEn());
            return v;
        }

        /** Streams one sheet's rows. */
        private final class SheetProcessor implements RowHandler {
            private final Plan plan;
            private final SheetLayout l;
            private final DatasetSchema ds;
            private final SheetCounts fc;
            private final SubmissionBuilder single;
            private final int[] cols;
            private final Column[] colDefs;
            private final String[] colNames;
            private final int[] numeric;
            private final double[] sums;
            private final double[] subSums;
            private final List<String> headers;
            private final int width;
            /** The columns left of {@link #width} without a header. */
            private final int[] headerless;
            /** Whether values come from a workbook (numbers and dates as raw values) rather than a CSV. */
            private final boolean workbook = format != FileFormat.CSV;

            SheetProcessor(Plan plan, SheetCounts fc, SubmissionBuilder single) {
                this.plan = plan;
                this.l = plan.layout;
                this.ds = plan.dataset;
                this.fc = fc;
                this.single = single;
                List<Map.Entry<Integer, Column>> e = new ArrayList<>(l.columns().entrySet());
                e.removeIf(x -> x.getValue().name().equals(PHONE));
                e.sort(Map.Entry.comparingByKey());
                cols = e.stream().mapToInt(Map.Entry::getKey).toArray();
                colDefs = e.stream().map(Map.Entry::getValue).toArray(Column[]::new);
                colNames = e.stream().map(x -> x.getValue().name()).toArray(String[]::new);
                numeric = e.stream().filter(x -> x.getValue().type() == ColumnType.INT
                        || x.getValue().type() == ColumnType.DOUBLE || x.getValue().type() == ColumnType.LONG)
                        .mapToInt(Map.Entry::getKey).toArray();
                sums = new double[numeric.length];
                subSums = new double[numeric.length];
                int w = 0;
                for (Integer k : l.headers().keySet()) {
                    w = Math.max(w, k + 1);
                }
                width = w;
                headerless = java.util.stream.IntStream.range(0, w).filter(i -> l.header(i) == null).toArray();
                List<String> h = new ArrayList<>();
                for (int i = 0; i < w; i++) {
                    h.add(l.header(i) == null ? "" : l.header(i));
                }
                headers = h;
            }

            @Override
            public void row(int rowNum, String[] cells) {
                // every non-blank row is read and ends accepted, rejected or skipped with a reason; blank rows
                // (cells without content) are not counted
                if (rowNum <= l.lastHeaderRow()) {
                    if (!blank(cells)) {
                        layoutRow(rowNum >= l.firstHeaderRow() ? SkipReason.HEADER
                                : FILING_LINE.matcher(Text.normalize(joined(cells))).find() ? SkipReason.FILING_LINE
                                : SkipReason.TITLE, rowNum, cells);
                    }
                    return;
                }
                if ((++rowsSoFar & 0x3FFF) == 0) {
                    options.progress().rowsRead(file, rowsSoFar);
                }
                RowKind k = RowKind.classify(cells);
                switch (k) {
                    case DATA -> dataRow(rowNum, cells);
                    case BLANK -> {
                        // not counted
                    }
                    case TOTAL -> layoutRow(SkipReason.TOTAL, rowNum, cells);
                    case NOTE -> layoutRow(SkipReason.NOTE, rowNum, cells);
                    case FOOTER -> layoutRow(SkipReason.FOOTER, rowNum, cells);
                    default -> layoutRow(SkipReason.TITLE, rowNum, cells);
                }
            }

            void end() {
                settle();
                extraCellsWarning();
            }

            // cells in columns without a header (right of the last one, or under a blank one): counted per sheet,
            // reported once, at the first such row
            private int extraRows;
            private int extraFirstRow;
            private int extraFirstColumn;
            private final List<Integer> extraRowsShown = new ArrayList<>();

            /** Notes the first column without a header that holds content in a detail row, if any. */
            private void extraCells(int rowNum, String[] cells) {
                int first = -1;
                for (int c : headerless) {
                    if (c < cells.length && cells[c] != null && !cells[c].isBlank()) {
                        first = c;
                        break;
                    }
                }
                for (int c = width; first < 0 && c < cells.length; c++) {
                    if (cells[c] != null && !cells[c].isBlank()) {
                        first = c;
                    }
                }
                if (first < 0) {
                    return;
                }
                if (extraRows++ == 0) {
                    extraFirstRow = rowNum;
                    extraFirstColumn = first;
                }
                if (extraRowsShown.size() < EXTRA_ROWS_LISTED) {
                    extraRowsShown.add(rowNum);
                }
            }

            private void extraCellsWarning() {
                if (extraRows == 0) {
                    return;
                }
                String more = extraRows > extraRowsShown.size() ? "等" : "";
                String moreEn = extraRows > extraRowsShown.size() ? " and more" : "";
                String col = columnLetters(extraFirstColumn);
                String rowsZh = extraRowsShown.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining("、"));
                String rowsEn = extraRowsShown.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(", "));
                String zh = extraRows == 1 ? "第 " + extraFirstRow + " 行在没有表头的列中有内容（" + col + " 列起）"
                        : "第 " + rowsZh + " 行" + more + "（共 " + extraRows + " 行）在没有表头的列中有内容（第一处：第 "
                                + extraFirstRow + " 行 " + col + " 列）";
                String en = extraRows == 1 ? "row " + extraFirstRow + " holds cells in columns without a header (from"
                        + " column " + col + ")" : "rows " + rowsEn + moreEn + " (" + extraRows + " rows) hold cells in"
                                + " columns without a header (first: row " + extraFirstRow + ", column " + col + ")";
                Problem p = problem(ProblemCode.EXTRA_CELLS, Severity.WARNING,
                        new Location(fileName, plan.sheet, extraFirstRow, col), null,
                        zh + "，这些内容未读取；如需报送，请按模板为该列写上表头，否则请删除这些内容",
                        en + ", which were not read; give the column a header from the template, or delete the cells");
                if (single != null) {
                    single.problem(p);
                    single.rejectsSink(ds).write(rejectRow(p, ds, single));
                } else {
                    fileLevel.add(p);
                }
            }

            /*
             * Clean activities of a known organiser wait here, up to WAITING of them, for their duplicate check:
             * the hash table is far larger than the cache, and the slots of several rows load together (the
             * loads do not wait on each other) where one row's check alone waits for memory. Any row that takes
             * another path settles the waiting ones first, so rows are accepted, reported and counted in order.
             */
            private static final int WAITING = 16;
            private int waiting;
            // an activity's submission gives its county, period and this sheet's counts
            private final SubmissionBuilder[] waitS = new SubmissionBuilder[WAITING];
            private final Location[] waitLoc = new Location[WAITING];
            private final Map<?, ?>[] waitRaw = new Map<?, ?>[WAITING];
            private final Map<?, ?>[] waitValues = new Map<?, ?>[WAITING];
            private final String[][] waitCells = new String[WAITING][];
            private final int[] waitRow = new int[WAITING];
            private final long[] waitHash = new long[WAITING];

            private void await(SubmissionBuilder s, Location loc, Map<String, String> raw, int rowNum, String[] cells,
                    Map<String, Object> values) {
                int i = waiting++;
                waitS[i] = s;
                waitLoc[i] = loc;
                waitRaw[i] = raw;
                waitValues[i] = values;
                waitCells[i] = cells;
                waitRow[i] = rowNum;
                waitHash[i] = Knowledge.activityHash(values);
                if (waiting == WAITING) {
                    settle();
                }
            }

            /** Checks the waiting rows for duplicates, in order, and accepts or rejects each. */
            @SuppressWarnings("unchecked")
            private void settle() {
                int n = waiting;
                if (n == 0) {
                    return;
                }
                waiting = 0;
                for (int i = 0; i < n; i++) {
                    seen(waitS[i]).touch(waitHash[i]);
                }
                for (int i = 0; i < n; i++) {
                    SubmissionBuilder s = waitS[i];
                    Map<String, Object> values = (Map<String, Object>) waitValues[i];
                    if (seen(s).add(waitHash[i])) {
                        accept(s, counts(s), s.county, waitRow[i], values);
                    } else {
                        List<Problem> problems = new ArrayList<>(1);
                        problems.add(duplicate(waitLoc[i]));
                        problemsFound(s, counts(s), s.county, s.period, waitRow[i], waitCells[i],
                                (Map<String, String>) waitRaw[i], values, problems, false);
                    }
                    waitS[i] = null;
                    waitValues[i] = null;
                    waitRaw[i] = null;
                    waitCells[i] = null;
                    waitLoc[i] = null;
                }
            }

            // the submission of the last row, with its counts and duplicate set for this sheet: rows of a
            // sheet mostly belong to one submission, and each look-up would cost a map probe per row
            private SubmissionBuilder lastS;
            private SheetCounts lastCounts;
            private SeenKeys lastSeen;

            private SheetCounts counts(SubmissionBuilder s) {
                if (s != lastS) {
                    remember(s);
                }
                return lastCounts;
            }

            private SeenKeys seen(SubmissionBuilder s) {
                if (s != lastS) {
                    remember(s);
                }
                return lastSeen;
            }

            private SubmissionBuilder sinkOf;
            private Sink sink;

            private void remember(SubmissionBuilder s) {
                lastS = s;
                lastCounts = s.counts(plan.sheet, ds);
                lastSeen = s.seen(ds);
            }

            private void layoutRow(SkipReason why, int rowNum, String[] cells) {
                settle();
                fc.readAndSkip(why);
                if (single != null) {
                    single.counts(plan.sheet, ds).readAndSkip(why);
                }
                if (why == SkipReason.TOTAL) {
                    checkTotal(rowNum, cells);
                }
            }

            private void checkTotal(int rowNum, String[] cells) {
                String first = "";
                for (String c : cells) {
                    if (c != null && !c.isBlank()) {
                        first = Text.normalize(c);
                        break;
                    }
                }
                boolean sub = first.startsWith("小计");
                for (int i = 0; i < numeric.length; i++) {
                    int col = numeric[i];
                    double written = number(col < cells.length ? cells[col] : null);
                    double expected = sub ? subSums[i] : sums[i];
                    if (!Double.isNaN(written) && Math.abs(written - expected) > 1e-6) {
                        String h = l.header(col);
                        Problem p = problem(ProblemCode.TOTAL_MISMATCH, Severity.WARNING,
                                new Location(fileName, plan.sheet, rowNum, h), fmt(written),
                                "合计行“" + h + "”为 " + fmt(written) + "，明细行合计为 " + fmt(expected) + "，请核对",
                                "the total row gives " + fmt(written) + " for '" + h + "' but the detail rows add up to "
                                        + fmt(expected));
                        if (single != null) {
                            single.problem(p);
                            single.rejectsSink(ds).write(rejectRow(p, ds, single));
                        } else {
                            fileLevel.add(p);
                        }
                    }
                    if (sub) {
                        subSums[i] = 0;
                    }
                }
            }

            private void dataRow(int rowNum, String[] cells) {
                fc.read++;
                if (cells.length > width || headerless.length > 0) {
                    extraCells(rowNum, cells);
                }
                for (int i = 0; i < numeric.length; i++) {
                    int col = numeric[i];
                    double v = number(col < cells.length ? cells[col] : null);
                    if (!Double.isNaN(v)) {
                        sums[i] += v;
                        subSums[i] += v;
                    }
                }
                String[] texts = new String[cols.length];
                for (int i = 0; i < cols.length; i++) {
                    int c = cols[i];
                    if (c < cells.length) {
                        texts[i] = cells[c];
                    }
                }
                Map<String, String> raw = new CellArray(colNames, texts);
                Location loc = new Location(fileName, plan.sheet, rowNum, null);
                String county = single != null ? single.county : facts.county() != null && ds != EVALUATIONS ? facts.county()
                        : rowCounty(raw);
                if (county == null) {
                    settle();
                    unknownCounty(loc);
                    return;
                }
                Period p = facts.period();
                if (ds == EVALUATIONS) {
                    p = evaluationYear(raw, loc);
                    if (p == null) {
                        return;
                    }
                }
                SubmissionBuilder s = single != null ? single : submission(county, p);
                SheetCounts sc = counts(s);
                sc.read++;
                RowCheck.Checked checked = options.rowCheck().check(ds, loc, raw, context(county));
                Map<String, Object> values = checked.values() == null ? null
                        : checked.values() instanceof StoredValues sv && sv.dataset() == ds ? sv
                        : checked.values() instanceof HashMap<String, Object> hm ? hm
                        : new HashMap<>(checked.values());
                List<Problem> found = checked.problems();
                if (values == null || !found.isEmpty() || ds != ACTIVITIES) {
                    // problems, or a dataset other than activities: the general path
                    settle();
                    checkedRow(s, sc, county, p, loc, raw, rowNum, cells, values, new ArrayList<>(found));
                    return;
                }
                // an activity without problems so far, of a known organiser: only the duplicate check is left
                if (s.orgs.contains((String) values.get(ORG_KEY)) && values.get(PLACE_CODE) != null
                        && receivedKeys(county, p).isEmpty()) {
                    await(s, loc, raw, rowNum, cells, values);
                    return;
                }
                // else the cross-row rules, then the sink
                settle();
                List<Problem> problems = new ArrayList<>(0);
                boolean skipped = crossRow(s, county, p, loc, raw, values, problems);
                if (!problems.isEmpty()) {
                    problemsFound(s, sc, county, p, rowNum, cells, raw, values, problems, skipped);
                    return;
                }
                accept(s, sc, county, rowNum, values);
            }

            private RowCheck.Context lastContext;

            /** The row check's context; rows of a sheet share one, so it is made once per county. */
            private RowCheck.Context context(String county) {
                RowCheck.Context c = lastContext;
                if (c == null || !c.county().equals(county)) {
                    c = new RowCheck.Context(county, ds == EVALUATIONS ? null : facts.period(), facts.filingDate(), date1904);
                    lastContext = c;
                }
                return c;
            }

            private void unknownCounty(Location loc) {
                fc.rejected++;
                Problem p = problem(ProblemCode.UNKNOWN_COUNTY_ROW, Severity.ERROR, loc, null,
                        "无法确定该行属于哪个县（区）：请填写所在地区（乡镇名称或区划代码）或所在县（区）",
                        "the row's county cannot be determined: give its region (township name or code) or county");
                fileLevel.add(p);
            }

            /** An evaluation row's year as a period, or null (the row counted as rejected) when it has none. */
            private Period evaluationYear(Map<String, String> raw, Location loc) {
                Period p = yearOf(raw.get(YEAR));
                if (p == null) {
                    p = facts.period() == null ? null : Period.year(facts.period().year());
                }
                if (p == null) {
                    fc.rejected++;
                    fileLevel.add(problem(ProblemCode.BAD_NUMBER, Severity.ERROR, loc.withColumn("年度"),
                            workbook ? ShownValue.of(raw.get(YEAR), null, date1904) : raw.get(YEAR),
                            "年度应为四位年份，如 2024", "the year should be four digits, e.g. 2024"));
                }
                return p;
            }

            private Problem duplicate(Location loc) {
                return problem(ProblemCode.DUPLICATE_ROW, Severity.ERROR, loc, null,
                        "与本文件中前面的一行重复（以第一次出现的为准）", "the row repeats an earlier row of this file (the first copy stands)");
            }

            /** The general path: a row with problems from its check, or of a dataset other than activities. */
            private void checkedRow(SubmissionBuilder s, SheetCounts sc, String county, Period p, Location loc,
                    Map<String, String> raw, int rowNum, String[] cells, Map<String, Object> values, List<Problem> problems) {
                boolean skipped = false;
                if (values != null) {
                    skipped = crossRow(s, county, p, loc, raw, values, problems);
                }
                if (problems.isEmpty() && values != null) {
                    accept(s, sc, county, rowNum, values);
                } else {
                    problemsFound(s, sc, county, p, rowNum, cells, raw, values, problems, skipped);
                }
            }

            /** A row with problems: each reported; rejected when one rejects, else skipped or accepted. */
            private void problemsFound(SubmissionBuilder s, SheetCounts sc, String county, Period p, int rowNum,
                    String[] cells, Map<String, String> raw, Map<String, Object> values, List<Problem> problems,
                    boolean skipped) {
                if (values != null) {
                    for (Problem pr : problems) {
                        if (pr.rejects()) {
                            values = null;
                            break;
                        }
                    }
                }
                for (Problem pr : problems) {
                    pr = shown(pr);
                    s.problem(pr);
                    s.rejectsSink(ds).write(rejectRow(pr, ds, s));
                }
                if (values == null) {
                    sc.rejected++;
                    rememberRejected(s, county, raw);
                    feedbackRow(s, rowNum, cells, problems);
                    fc.rejected++;
                } else if (skipped) {
                    sc.skip(SkipReason.ALREADY_RECEIVED);
                    fc.skip(SkipReason.ALREADY_RECEIVED);
                } else {
                    accept(s, sc, county, rowNum, values);
                }
            }

            private void accept(SubmissionBuilder s, SheetCounts sc, String county, int rowNum, Map<String, Object> values) {
                values.put(SUBMISSION_ID, s.id);
                values.put(COUNTY_CODE, county);
                values.put(PERIOD, s.periodLabel);
                values.put(SOURCE_ROW, rowNum);
                if (s != sinkOf) {
                    sinkOf = s;
                    sink = s.sink(ds); // made on the first accepted row only: a sink is an output file
                }
                sink.write(values);
                sc.accepted++;
                fc.accepted++;
                if (ds == ORGANISATIONS) {
                    acceptedOrganisation(s, county, values);
                } else if (ds == POSTS) {
                    s.acceptedPostKeys.add(postIdentity(values.get(ORG_KEY), values.get(PERSON_NAME)));
                }
            }

            private void acceptedOrganisation(SubmissionBuilder s, String county, Map<String, Object> values) {
                String key = (String) values.get(ORG_KEY);
                s.orgs.add(key, (String) values.get(ORG_ID), (String) values.get(ORG_NAME), (String) values.get(REGION_CODE));
                fileOrgIndex.add(key, (String) values.get(ORG_ID), (String) values.get(ORG_NAME), null);
                orgCounty.put(key, county);
            }

            /** The rules that span rows; returns true when the row is to be skipped as already received. */
            private boolean crossRow(SubmissionBuilder s, String county, Period p, Location loc, Map<String, String> raw,
                    Map<String, Object> values, List<Problem> problems) {
                String key;
                if (ds == ORGANISATIONS) {
                    key = (String) values.get(ORG_KEY);
                } else if (ds == EVALUATIONS) {
                    evaluatedOrganisation(county, loc, raw, values, problems);
                    key = values.get(ORG_KEY) + "|" + values.get(YEAR);
                } else {
                    String orgKey = (String) values.get(ORG_KEY);
                    String resolved = null;
                    if (s.orgs.contains(orgKey)) {
                        resolved = orgKey;
                    } else {
                        resolved = s.orgs.resolve(raw.get(ORG_ID), raw.get(ORG_NAME));
                    }
                    OrgIndex known = null;
                    if (resolved == null) {
                        known = known(county, p);
                        resolved = known.contains(orgKey) ? orgKey : known.resolve(raw.get(ORG_ID), raw.get(ORG_NAME));
                    }
                    if (resolved == null) {
                        String shown = raw.get(ORG_ID) != null ? raw.get(ORG_ID) : raw.get(ORG_NAME);
                        String header = l.header(l.indexOf(raw.get(ORG_ID) != null ? ORG_ID : ORG_NAME));
                        problems.add(problem(ProblemCode.UNKNOWN_ORGANISATION, Severity.ERROR, loc.withColumn(header), shown,
                                "找不到组织“" + Text.normalize(shown) + "”：它不在本次报送的组织信息中，也不在此前已接收的报送中；请先在“组织信息”中填报该组织",
                                "organisation '" + Text.normalize(shown) + "' is unknown: not in this submission's"
                                        + " organisations nor in an earlier accepted one; report it in 组织信息 first"));
                        return false;
                    }
                    values.put(ORG_KEY, resolved);
                    if (ds == ACTIVITIES && values.get(PLACE_CODE) == null) {
                        String region = s.orgs.region(resolved);
                        if (region == null) {
                            region = (known != null ? known : known(county, p)).region(resolved);
                        }
                        values.put(PLACE_CODE, region != null ? region : county);
                        values.put(PLACE_DEFAULTED, Boolean.TRUE);
                    }
                    key = ds == POSTS ? resolved + "|" + norm(values.get(PERSON_NAME)) + "|" + values.get(ROLE) + "|"
                            + values.get(POST) + "|" + values.get(START_DATE) : null;
                }
                // an activity's identity is hashed from its parts; its key string is built only to ask about earlier submissions
                boolean fresh = ds == ACTIVITIES ? s.seen(ds).add(Knowledge.activityHash(values)) : s.seen(ds).add(key);
                if (!fresh) {
                    problems.add(problem(ProblemCode.DUPLICATE_ROW, Severity.ERROR, loc, null,
                            "与本文件中前面的一行重复（以第一次出现的为准）", "the row repeats an earlier row of this file (the first copy stands)"));
                    return false;
                }
                Set<String> receivedBefore = ds == ACTIVITIES ? receivedKeys(county, p) : Set.of();
                if (!receivedBefore.isEmpty() && receivedBefore.contains(Knowledge.activityKey(values))) {
                    problems.add(problem(ProblemCode.ALREADY_RECEIVED, Severity.INFO, loc, null,
                            "该活动此前已报送并接收，本次跳过，不重复统计", "this activity was received in an earlier submission; skipped"));
                    return true;
                }
                if (ds == EVALUATIONS) {
                    s.evaluationKeys.add(key);
                    String content = Knowledge.evaluationContent(values);
                    for (Map<String, Object> prev : evaluations(s.period, county)) {
                        if (Knowledge.evaluationContent(prev).equals(content)) {
                            problems.add(problem(ProblemCode.ALREADY_RECEIVED, Severity.INFO, loc, null,
                                    "该评价此前已报送并接收，本次跳过", "this evaluation was received before; skipped"));
                            s.evaluationKeys.remove(key);
                            return true;
                        }
                    }
                }
                return false;
            }

            private String receivedCounty;
            private Period receivedPeriod;
            private Set<String> received;

            private Set<String> receivedKeys(String county, Period p) {
                if (!county.equals(receivedCounty) || !p.equals(receivedPeriod)) {
                    received = knowledge.activityKeys(county, p);
                    receivedCounty = county;
                    receivedPeriod = p;
                }
                return received;
            }

            private void rememberRejected(SubmissionBuilder s, String county, Map<String, String> raw) {
                if (ds == ORGANISATIONS && (raw.get(ORG_ID) != null || raw.get(ORG_NAME) != null)) {
                    s.rejectedOrgKeys.add(OrgKeys.of(county, raw.get(ORG_ID), raw.get(ORG_NAME)));
                } else if (ds == POSTS && raw.get(PERSON_NAME) != null) {
                    String orgKey = s.orgs.resolve(raw.get(ORG_ID), raw.get(ORG_NAME));
                    if (orgKey == null) {
                        orgKey = known(county, s.period).resolve(raw.get(ORG_ID), raw.get(ORG_NAME));
                    }
                    if (orgKey != null) {
                        s.rejectedPostKeys.add(postIdentity(orgKey, raw.get(PERSON_NAME)));
                    }
                }
            }

            private void feedbackRow(SubmissionBuilder s, int rowNum, String[] cells, List<Problem> problems) {
                FeedbackRows fr = s.feedback.computeIfAbsent(plan.sheet, sh -> FeedbackRows.of(sh, headers));
                if (fr.rows().size() >= FeedbackRows.MAX_ROWS) {
                    return;
                }
                List<String> shown = new ArrayList<>(width);
                for (int i = 0; i < width; i++) {
                    String v = i < cells.length ? cells[i] : null;
                    Column c = l.columns().get(i);
                    if (c != null && c.name().equals(PHONE)) {
                        v = null;
                    } else if (c != null && c.personal() && v != null) {
                        v = Masking.name(v);
                    } else if (workbook) {
                        v = ShownValue.of(v, c == null ? null : c.type(), date1904);
                    }
                    shown.add(v);
                }
                Set<String> bad = new LinkedHashSet<>();
                for (Problem p : problems) {
                    if (p.location().column() != null) {
                        bad.add(p.location().column());
                    }
                }
                fr.rows().add(new FeedbackRows.Row(rowNum, shown, bad));
            }

            /** A problem with its value as the clerk saw it in the workbook (a CSV's values are as written). */
            private Problem shown(Problem p) {
                if (!workbook || p.value() == null) {
                    return p;
                }
                ColumnType type = null;
                for (Column c : colDefs) {
                    if (c.name().equals(p.field())) {
                        type = c.type();
                        break;
                    }
                }
                if (type == null && p.location().column() != null) {
                    int i = headers.indexOf(p.location().column());
                    Column c = i < 0 ? null : l.columns().get(i);
                    type = c == null ? null : c.type();
                }
                String v = ShownValue.of(p.value(), type, date1904);
                return v.equals(p.value()) ? p : new Problem(p.code(), p.severity(), p.location(), p.field(), v,
                        p.messageZh(), p.messageEn());
            }

            /**
             * Whether an evaluation's organisation is known: an organisation of its county in any accepted
             * snapshot, live or accepted earlier in this run or file. A known one is stored under its key (it may
             * be named by name where the snapshot has a 组织编号); an unknown one is kept, with a warning.
             */
            private void evaluatedOrganisation(String county, Location loc, Map<String, String> raw,
                    Map<String, Object> values, List<Problem> problems) {
                OrgIndex known = evaluatedKnown(county);
                String key = (String) values.get(ORG_KEY);
                String resolved = known.contains(key) ? key : known.resolve(raw.get(ORG_ID), raw.get(ORG_NAME));
                if (resolved != null) {
                    values.put(ORG_KEY, resolved);
                    return;
                }
                boolean byId = !NotGiven.is(raw.get(ORG_ID));
                String shown = Text.normalize(byId ? raw.get(ORG_ID) : raw.get(ORG_NAME));
                int col = l.indexOf(byId ? ORG_ID : ORG_NAME);
                String name = finder.get().gazetteer().byCode(county).map(Region::name).orElse(county);
                problems.add(new Problem(ProblemCode.UNKNOWN_EVALUATED_ORGANISATION, Severity.WARNING,
                        loc.withColumn(col < 0 ? null : l.header(col)), byId ? ORG_ID : ORG_NAME, shown,
                        "被评价组织“" + shown + "”不在" + name + "已接收的任何一期组织信息中（按" + (byId ? "组织编号" : "组织名称")
                                + "查找）；该评价已接收，但该组织报送组织信息前，不计入评价等次统计（G1-G4、R1）。请核对组织编号和名称",
                        "organisation '" + shown + "' (by its " + (byId ? "组织编号" : "name") + ") is in no accepted"
                                + " 组织信息 of " + name + " (" + county + "), in any period; the evaluation is kept, but the"
                                + " grade figures (G1-G4, R1) leave it out until the organisation is reported; check the"
                                + " 组织编号 and name"));
            }

            private String rowCounty(Map<String, String> raw) {
                String stated = raw.get(EVAL_COUNTY);
                if (stated != null && !stated.isBlank()) {
                    String c = regionCounty(stated);
                    if (c != null) {
                        return c;
                    }
                }
                if (ds == ORGANISATIONS) {
                    return regionCounty(raw.get(REGION_CODE));
                }
                if (ds == EVALUATIONS && facts.county() != null && stated == null) {
                    return facts.county();
                }
                String key = fileOrgIndex.resolve(raw.get(ORG_ID), raw.get(ORG_NAME));
                if (key != null) {
                    return orgCounty.get(key);
                }
                if (ds == ACTIVITIES) {
                    return regionCounty(raw.get(PLACE_CODE));
                }
                return null;
            }

            private String regionCounty(String cell) {
                if (cell == null || cell.isBlank()) {
                    return null;
                }
                Gazetteer g = finder.get().gazetteer();
                String t = Text.normalize(cell).replace(" ", "");
                Optional<String> code = Gazetteer.normalizeCode(t);
                Region r = null;
                if (code.isPresent()) {
                    r = g.byCode(code.get()).orElse(null);
                } else {
                    NameMatch m = g.byName(facts.scope(), t);
                    r = m.found() ? m.region() : null;
                }
                if (r == null || !g.isWithin(r.code(), facts.scope())) {
                    return null;
                }
                return g.ancestorAt(r.code(), RegionLevel.COUNTY).map(Region::code).orElse(null);
            }
        }
    }

    /** A 填报单位 / 填报日期 line above the header. */
    private static final Pattern FILING_LINE = Pattern.compile("(?:填报|填表|报送|上报)(?:单位|日期|时间|人)");
    /** How many row numbers the warning about cells without a header lists. */
    private static final int EXTRA_ROWS_LISTED = 10;

    private static boolean blank(String[] cells) {
        for (String c : cells) {
            if (c != null && !c.isBlank()) {
                return false;
            }
        }
        return true;
    }

    private static String joined(String[] cells) {
        StringBuilder b = new StringBuilder();
        for (String c : cells) {
            if (c != null && !c.isBlank()) {
                b.append(c).append(' ');
            }
        }
        return b.toString();
    }

    /** The spreadsheet letters of a 0-based column: 0 is A, 26 is AA. */
    static String columnLetters(int col) {
        StringBuilder b = new StringBuilder();
        for (int c = col + 1; c > 0; c = (c - 1) / 26) {
            b.append((char) ('A' + (c - 1) % 26));
        }
        return b.reverse().toString();
    }

    private static String postIdentity(Object orgKey, Object personName) {
        return orgKey + "|" + norm(personName);
    }

    private static String norm(Object o) {
        return o == null ? "" : Text.normalizeAll(o.toString()).replace(" ", "");
    }

    private static Period yearOf(String cell) {
        if (cell == null) {
            return null;
        }
        String t = Text.normalize(cell).replace("年度", "").replace("年", "").strip();
        if (t.matches("\\d{4}(\\.0+)?")) {
            return Period.year(Integer.parseInt(t.substring(0, 4)));
        }
        return null;
    }

    /** Parses a plain number as written (full-width folded, commas allowed), or NaN. */
    static double number(String s) {
        if (s == null) {
            return Double.NaN;
        }
        int n = s.length();
        if (n > 0 && n <= 15) { // plain digits, the usual count: no parser, no copy
            long v = n <= 4 ? shortDigits(s, n) : longDigits(s, n);
            if (v >= 0) {
                return v;
            }
        }
        boolean digit = false;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                digit = true;
            } else if (c != '.' && c != '-' && c != ',' && c != ' ' && c != '+') {
                String t = Text.normalize(s).replace(",", "");
                try {
                    return Double.parseDouble(t);
                } catch (NumberFormatException e) {
                    return Double.NaN;
                }
            }
        }
        if (!digit) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(s.replace(",", "").strip());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /**
     * The value of 1 to 4 characters that are all ASCII digits, or -1. Straight-line code, no loop:
     * C2 speculated on the exit of a short loop here and recompiled the whole inlining caller
     * (the row method) once the speculation failed.
     */
    static long shortDigits(String s, int n) {
        int d = s.charAt(0) - '0';
        int bad = d | (9 - d);
        int v = d;
        if (n > 1) {
            d = s.charAt(1) - '0';
            bad |= d | (9 - d);
            v = v * 10 + d;
            if (n > 2) {
                d = s.charAt(2) - '0';
                bad |= d | (9 - d);
                v = v * 10 + d;
                if (n > 3) {
                    d = s.charAt(3) - '0';
                    bad |= d | (9 - d);
                    v = v * 10 + d;
                }
            }
        }
        return bad < 0 ? -1 : v;
    }

    /** The value of n (at most 18) characters that are all ASCII digits, or -1. */
    static long longDigits(String s, int n) {
        long v = 0;
        int bad = 0;
        for (int i = 0; i < n; i++) {
            int d = s.charAt(i) - '0';
            bad |= d | (9 - d);
            v = v * 10 + d;
        }
        return bad < 0 ? -1 : v;
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    /** The SHA-256 of a file, reading at most max bytes: a file that has grown past the limit is refused. */
    private static String sha256(Path file, long max) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            long total = 0;
            int n;
            while ((n = in.read(buf)) > 0) {
                total += n;
                if (total > max) {
                    throw RefusedFileException.fileTooLarge(total, max);
                }
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
