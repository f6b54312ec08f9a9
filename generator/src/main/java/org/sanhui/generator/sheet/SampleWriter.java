package org.sanhui.generator.sheet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;
import org.sanhui.generator.truth.FileTruth;
import org.sanhui.generator.world.Activity;
import org.sanhui.generator.world.Channel;
import org.sanhui.generator.world.CountyPlan;
import org.sanhui.generator.world.Dialect;
import org.sanhui.generator.world.EvalRow;
import org.sanhui.generator.world.KeyPost;
import org.sanhui.generator.world.Org;
import org.sanhui.generator.world.OrgRow;
import org.sanhui.generator.world.Outcome;
import org.sanhui.generator.world.Row;
import org.sanhui.generator.world.Submission;
import org.sanhui.generator.world.World;
import org.sanhui.model.domain.Labelled;
import org.sanhui.model.domain.TargetGroup;
import org.sanhui.model.period.Period;
import org.sanhui.model.region.Gazetteer;
import org.sanhui.model.schema.Datasets;

/**
 * Writes a {@link World}'s submissions and evaluations as files under a folder, and reports for every file and
 * sheet the rows ingestion must accept, reject and skip.
 *
 * <p>Layout: {@code <period>/<county>_<name>_<period>.xlsx} (or .xls), {@code <period>/<county>_<name>_<period>_<sheet>.csv}
 * with a {@code received.csv} beside CSV files, {@code <period>/<city>_<name>_<period>.xlsx} for a city's
 * workbook, and {@code evaluations/<province>_<name>_<year>年度评价.xlsx}.
 */
public final class SampleWriter {

    private static final Charset GBK = Charset.forName("GBK");
    private static final Charset GB18030 = Charset.forName("GB18030");

    private final Gazetteer gaz = Gazetteer.national();
    private final World world;
    private final Path out;
    private final List<FileTruth> truths = new ArrayList<>();
    private final Map<String, List<String>> submissionFiles = new TreeMap<>();
    private final List<Map<String, Object>> mismatches = new ArrayList<>();
    private int files;
    private long rows;

    /**
     * Prepares a writer.
     *
     * @param world the world
     * @param out the output folder
     */
    public SampleWriter(World world, Path out) {
        this.world = world;
        this.out = out;
    }

    /**
     * Writes every file.
     *
     * @param progress called with each file written (relative path)
     * @return the truth of every file and sheet, in the order written
     */
    public List<FileTruth> write(Consumer<String> progress) {
        Map<Period, List<Submission>> byPeriod = new TreeMap<>();
        for (Submission s : world.submissions()) {
            byPeriod.computeIfAbsent(s.period(), k -> new ArrayList<>()).add(s);
        }
        for (var e : byPeriod.entrySet()) {
            Period p = e.getKey();
            Map<String, List<Submission>> cities = new TreeMap<>();
            TreeMap<String, LocalDate> received = new TreeMap<>();
            for (Submission s : e.getValue()) {
                CountyPlan plan = world.county(s.county());
                if (s.channel() == Channel.CITY_WORKBOOK) {
                    cities.computeIfAbsent(s.via(), k -> new ArrayList<>()).add(s);
                } else if (s.channel().csv()) {
                    for (String name : writeCsv(plan, s)) {
                        received.put(name, s.filingDate());
                        progress.accept(p + "/" + name);
                        submissionFiles.computeIfAbsent(s.county() + "|" + p, k -> new ArrayList<>())
                                .add(p + "/" + name);
                    }
                } else {
                    String rel = writeCountyWorkbook(plan, s);
                    progress.accept(rel);
                    submissionFiles.computeIfAbsent(s.county() + "|" + p, k -> new ArrayList<>()).add(rel);
                }
            }
            for (var c : cities.entrySet()) {
                String rel = writeCityWorkbook(c.getKey(), p, c.getValue());
                progress.accept(rel);
                for (Submission s : c.getValue()) {
                    submissionFiles.computeIfAbsent(s.county() + "|" + p, k -> new ArrayList<>()).add(rel);
                }
            }
            if (!received.isEmpty()) {
                StringBuilder b = new StringBuilder("file,date\n");
                received.forEach((f, d) -> b.append(f).append(',').append(d).append('\n'));
                put(p + "/received.csv", b.toString().getBytes(StandardCharsets.UTF_8));
            }
        }
        TreeMap<Integer, List<Row<EvalRow>>> years = new TreeMap<>();
        for (Row<EvalRow> r : world.evaluations()) {
            years.computeIfAbsent(r.value().year(), k -> new ArrayList<>()).add(r);
        }
        for (var y : years.entrySet()) {
            progress.accept(writeEvaluations(y.getKey(), y.getValue()));
        }
        return truths;
    }

    /**
     * Returns the files of each submission, keyed by {@code county|period}.
     *
     * @return the files, relative paths
     */
    public Map<String, List<String>> submissionFiles() {
        return submissionFiles;
    }

    /**
     * Returns the planted 合计 mismatches: file, sheet, column, written total and the sum of the detail rows.
     *
     * @return the mismatches
     */
    public List<Map<String, Object>> mismatches() {
        return mismatches;
    }

    /**
     * Returns the number of files written.
     *
     * @return files
     */
    public int files() {
        return files;
    }

    /**
     * Returns the number of data rows written.
     *
     * @return rows
     */
    public long rows() {
        return rows;
    }

    // ------------------------------------------------------------------ files

    private String writeCountyWorkbook(CountyPlan plan, Submission s) {
        String name = plan.county().code() + "_" + plan.county().name() + "_" + s.period();
        boolean xls = s.channel() == Channel.XLS;
        String rel = s.period() + "/" + name + (xls ? ".xls" : ".xlsx");
        List<Table> tables = tables(plan.dialect(), List.of(s), plan.county().name(), plan.county().name() + "科协",
                s.period(), s.filingDate(), false);
        put(rel, TableWriter.workbook(tables, xls, dateFormat(plan.dialect()), stamp(s.filingDate())));
        record(rel, tables, s.county(), s.period().toString(), null);
        return rel;
    }

    private String writeCityWorkbook(String city, Period p, List<Submission> subs) {
        String cityName = gaz.require(city).name();
        String rel = p + "/" + city + "_" + cityName + "_" + p + ".xlsx";
        Dialect d = new Dialect(0, true, 0, 0, false, true, false, false, true);
        List<Table> tables = tables(d, subs, cityName, cityName + "科协", p, subs.get(0).filingDate(), true);
        put(rel, TableWriter.workbook(tables, false, "yyyy-mm-dd", stamp(subs.get(0).filingDate())));
        record(rel, tables, city, p.toString(), subs);
        return rel;
    }

    private List<String> writeCsv(CountyPlan plan, Submission s) {
        List<String> names = new ArrayList<>();
        List<Table> tables = tables(plan.dialect(), List.of(s), plan.county().name(), null, s.period(), null, false);
        for (Table t : tables) {
            String name = plan.county().code() + "_" + plan.county().name() + "_" + s.period() + "_" + t.sheet + ".csv";
            byte[] bytes = switch (s.channel()) {
                case CSV_GBK -> TableWriter.csv(t, GBK, false, true);
                case CSV_GB18030 -> TableWriter.csv(t, GB18030, false, false);
                default -> TableWriter.csv(t, StandardCharsets.UTF_8, true, false);
            };
            String rel = s.period() + "/" + name;
            put(rel, bytes);
            Map<String, Integer> skipped = new TreeMap<>();
            if (s.channel() == Channel.CSV_GBK) {
                skipped.put("title", 1);
            }
            skipped.put("header", 1); // a CSV's header is one line
            truth(rel, t, s.county(), s.period().toString(), skipped, null);
            names.add(name);
        }
        return names;
    }

    private String writeEvaluations(int year, List<Row<EvalRow>> evals) {
        String province = world.scope().length() >= 2 && !world.scope().equals("00")
                ? world.scope().substring(0, 2) : "00";
        String pname = gaz.require(province).name();
        String rel = "evaluations/" + province + "_" + pname + "_" + year + "年度评价.xlsx";
        LocalDate filed = LocalDate.of(year + 1, 2, 20);
        Table t = new Table(Datasets.EVALUATIONS.sheet());
        t.title = pname + "基层学会年度评价结果（" + year + "年度）";
        t.filingLine = "填报单位：" + pname + "科学技术协会　　　　填报日期：" + cn(filed);
        t.twoRow = true;
        t.cols.add(new Table.Col(null, null, "序号", false, true));
        t.cols.add(new Table.Col(null, null, "所在县（区）", false, false));
        t.cols.add(new Table.Col(null, null, "组织编号", false, false));
        t.cols.add(new Table.Col(null, null, "组织名称", false, false));
        t.cols.add(new Table.Col(null, null, "组织类型", false, false));
        t.cols.add(new Table.Col(null, null, "评价年度", false, false));
        t.cols.add(new Table.Col("评价结果", "等级", "评价等次", false, false));
        t.cols.add(new Table.Col("评价结果", "得分", "得分", false, false));
        for (Row<EvalRow> r : evals) {
            EvalRow e = r.value();
            Org o = e.org();
            CountyPlan plan = world.county(o.county());
            t.rows.add(new Table.DataRow(new Object[] {null, plan.county().name(), plan.dialect().ids() ? o.id() : null,
                o.name(), o.kind().label(), Integer.valueOf(year), e.gradeText(), e.score()}, r.outcome(), r.code()));
        }
        t.notes.add("注：评价等次分为优秀（A）、良好（B）、基本合格（C）三档；连续两年基本合格的学会列入退出名单。");
        t.footer = "填报人：" + "省科协组织人事部" + "　　联系电话：10000000000";
        put(rel, TableWriter.workbook(List.of(t), false, "yyyy-mm-dd", stamp(filed)));
        record(rel, List.of(t), province, Integer.toString(year), null);
        return rel;
    }

    // ------------------------------------------------------------------ tables

    private List<Table> tables(Dialect d, List<Submission> subs, String unitName, String sender, Period p,
            LocalDate filing, boolean countyColumn) {
        String title = unitName + "基层科协组织建设情况统计表（" + p.label() + "）";
        List<Table> out = new ArrayList<>();
        // 组织信息
        Table orgs = table(Datasets.ORGANISATIONS.sheet(), d, title, sender, filing);
        List<Spec<OrgRow>> os = new ArrayList<>();
        if (countyColumn) {
            os.add(spec(null, "所在县（区）", false, r -> countyName(r.org().county())));
        }
        if (d.ids()) {
            os.add(spec(null, pick(d, "组织编号", "编号", "组织编号"), false, r -> r.org().id()));
        }
        os.add(spec(null, pick(d, "组织名称", "名称", "单位名称"), false, r -> r.org().name()));
        os.add(spec(null, pick(d, "组织类型", "类型", "组织类别"), false, r -> en(d, r.org().kind())));
        os.add(spec(null, d.regionCodes() ? pick(d, "行政区划代码", "区划代码", "所在地区代码")
                : pick(d, "所在地区", "所属地区", "所在地区"), false, OrgRow::regionText));
        os.add(spec(null, pick(d, "成立日期", "成立时间", "成立日期"), false,
                r -> r.org().monthOnly() ? r.org().established().getYear() + "年" + r.org().established().getMonthValue()
                        + "月" : date(d, r.org().established())));
        os.add(spec(null, pick(d, "状态", "组织状态", "运行状态"), false, r -> r.blankStatus() ? null : en(d, r.status())));
        os.add(spec("负责人", "姓名", false, r -> r.org().leader(), "负责人姓名"));
        os.add(spec("负责人", "职务", false, r -> r.org().leaderTitle(), "负责人职务"));
        os.add(spec(null, pick(d, "依托单位", "挂靠单位", "依托单位"), false, r -> r.org().host()));
        os.add(spec("会员情况", "会员单位数", true, r -> r.org().memberUnits(), pick(d, "会员单位数", "成员单位数", "会员单位数")));
        os.add(spec("会员情况", "会员人数", true, r -> r.org().members(), pick(d, "会员人数", "会员数", "会员人数")));
        os.add(spec(null, pick(d, "对口省级学会", "帮扶学会", "结对省级学会"), false, r -> r.org().paired()));
        String[] inst = {"章程", "会员（代表）大会", "理事会", "财务制度", "会员管理制度"};
        String[] instFlat = {"章程", pick(d, "会员（代表）大会", "会员代表大会", "会员大会"), "理事会",
            pick(d, "财务制度", "财务管理制度", "财务制度"), "会员管理制度"};
        for (int i = 0; i < 5; i++) {
            int k = i;
            os.add(spec("制度建设", inst[i], false, r -> bool(d, r.org().governance()[k]), instFlat[i]));
        }
        os.add(spec(null, pick(d, "是否建立党组织", "党组织", "是否建立党组织"), false, r -> bool(d, r.org().party())));
        os.add(spec(null, pick(d, "社会组织等级", "民政评估等级", "社会组织等级"), false,
                r -> r.org().rating() == null ? null : en(d, r.org().rating())));
        String[] gaps = {"缺编制", "缺人员", "缺经费", "缺场地"};
        for (int i = 0; i < 4; i++) {
            int k = i;
            os.add(spec("四缺情况", gaps[i], false, r -> r.org().gaps() == null ? null : bool(d, r.org().gaps()[k]),
                    gaps[i]));
        }
        if (d.variant() == 2) {
            os.add(spec(null, "备注", false, r -> null));
        }
        List<Row<OrgRow>> orgRows = new ArrayList<>();
        subs.forEach(s -> orgRows.addAll(s.organisations()));
        fill(orgs, d, os, orgRows);
        orgs.notes.add("注：1. 组织类型按“县级科协、乡镇（街道）科协、基层科技教育学会、基层医疗卫生学会、基层农业技术学会”等填写；"
                + "2. 制度建设、四缺情况填“是/否”；成立日期请填写到日。");
        out.add(orgs);

        // 关键人物
        Table posts = table(Datasets.POSTS.sheet(), d, title, sender, filing);
        posts.totals = false;
        List<Spec<KeyPost>> ps = new ArrayList<>();
        if (countyColumn) {
            ps.add(spec(null, "所在县（区）", false, r -> countyName(r.county())));
        }
        ps.add(spec(null, "姓名", false, KeyPost::person));
        ps.add(spec(null, pick(d, "工作单位", "单位", "工作单位"), false, KeyPost::unit));
        ps.add(spec(null, pick(d, "关键人物类别", "人物类别", "人员类别"), false, r -> en(d, r.role())));
        if (d.ids()) {
            ps.add(spec(null, "组织编号", false, KeyPost::orgId));
        }
        ps.add(spec("任职情况", "任职组织", false, KeyPost::orgName, "任职组织"));
        ps.add(spec("任职情况", "科协职务", false, r -> en(d, r.post()), "科协职务"));
        ps.add(spec("任职情况", "开始日期", false, r -> date(d, r.start()), pick(d, "任职开始日期", "开始日期", "任职起始日期")));
        ps.add(spec("任职情况", "结束日期", false, r -> r.end() == null ? null : date(d, r.end()),
                pick(d, "任职结束日期", "结束日期", "任职截止日期")));
        ps.add(spec(null, pick(d, "联系电话", "联系方式", "联系电话"), false, KeyPost::phone));
        List<Row<KeyPost>> postRows = new ArrayList<>();
        subs.forEach(s -> postRows.addAll(s.posts()));
        fill(posts, d, ps, postRows);
        posts.notes.add("注：挂职副主席未填结束日期的，任期按两年计。");
        out.add(posts);

        // 活动记录
        Table acts = table(Datasets.ACTIVITIES.sheet(), d, title, sender, filing);
        List<Spec<Activity>> as = new ArrayList<>();
        if (countyColumn) {
            as.add(spec(null, "所在县（区）", false, r -> countyName(r.county())));
        }
        if (d.ids()) {
            as.add(spec(null, "组织编号", false, Activity::orgId));
        }
        as.add(spec("主办单位", "名称", false, Activity::orgName, "主办单位"));
        as.add(spec("主办单位", "合作省级学会", false, Activity::coHost, pick(d, "合作省级学会", "联合主办省级学会", "合作省级学会")));
        as.add(spec(null, pick(d, "活动名称", "活动主题", "活动名称"), false, Activity::title));
        as.add(spec(null, pick(d, "活动类型", "活动类别", "活动类型"), false, r -> en(d, r.type())));
        as.add(spec(null, pick(d, "活动日期", "活动时间", "开展日期"), false, r -> date(d, r.date())));
        as.add(spec(null, "活动地点", false, Activity::place));
        as.add(spec(null, pick(d, "服务对象", "目标人群", "参与对象"), false, r -> groups(d, r.groups())));
        as.add(spec(null, pick(d, "参加人数", "参与人数", "参加人数"), true,
                r -> r.participants() == Integer.MIN_VALUE ? "约50人" : (Object) Integer.valueOf(r.participants())));
        as.add(spec(null, "活动形式", false, r -> en(d, r.form())));
        List<Row<Activity>> actRows = new ArrayList<>();
        subs.forEach(s -> actRows.addAll(s.activities()));
        fill(acts, d, as, actRows);
        if (subs.size() == 1 && subs.get(0).totalMismatch()) {
            acts.totalOffset = 100;
        }
        acts.notes.add("注：本表填报本" + (p.kind() == Period.Kind.MONTH ? "月" : "季度") + "开展的活动；服务对象可多选，用顿号分隔。");
        out.add(acts);
        return out;
    }

    private Table table(String sheet, Dialect d, String title, String sender, LocalDate filing) {
        Table t = new Table(sheet);
        t.title = title;
        t.filingLine = sender == null ? null
                : "填报单位：" + sender + "（盖章）　　　　填报日期：" + (d.dateStyle() == 1 ? filing.toString() : cn(filing));
        t.twoRow = d.twoRowHeader();
        t.totals = d.totals();
        t.footer = "填报人：" + (sender == null ? "" : sender.substring(0, 1)) + "某某　　联系电话：10000000000";
        return t;
    }

    private record Spec<T>(String group, String sub, String flat, boolean sum, Function<T, Object> value) {
    }

    private static <T> Spec<T> spec(String group, String sub, boolean sum, Function<T, Object> value) {
        return new Spec<>(group, sub, sub, sum, value);
    }

    private static <T> Spec<T> spec(String group, String sub, boolean sum, Function<T, Object> value, String flat) {
        return new Spec<>(group, sub, flat, sum, value);
    }

    private <T> void fill(Table t, Dialect d, List<Spec<T>> specs, List<Row<T>> rows) {
        if (d.sequence()) {
            t.cols.add(new Table.Col(null, null, "序号", false, true));
        }
        for (Spec<T> s : specs) {
            t.cols.add(new Table.Col(d.twoRowHeader() ? s.group() : null, s.sub(), s.group() != null && !d.twoRowHeader()
                    ? s.flat() : s.group() == null ? s.flat() : s.flat(), s.sum(), false));
        }
        int off = d.sequence() ? 1 : 0;
        for (Row<T> r : rows) {
            Object[] cells = new Object[t.cols.size()];
            for (int i = 0; i < specs.size(); i++) {
                cells[i + off] = specs.get(i).value().apply(r.value());
            }
            t.rows.add(new Table.DataRow(cells, r.outcome(), r.code()));
        }
    }

    // ------------------------------------------------------------------ truth

    private void record(String rel, List<Table> tables, String sender, String period, List<Submission> subs) {
        for (Table t : tables) {
            if (t.totals && t.totalOffset != 0) {
                Object[] tot = t.totalRow();
                for (int c = t.cols.size() - 1; c >= 0; c--) {
                    if (t.cols.get(c).sum()) {
                        Map<String, Object> m = new LinkedHashMap<>();
                        m.put("file", rel);
                        m.put("sheet", t.sheet);
                        m.put("column", t.twoRow && t.cols.get(c).group() != null ? t.cols.get(c).group() + "/"
                                + t.cols.get(c).sub() : t.cols.get(c).flat());
                        m.put("written", tot[c]);
                        m.put("detail_sum", (Integer) tot[c] - t.totalOffset);
                        mismatches.add(m);
                        break;
                    }
                }
            }
            Map<String, Integer> layout = new TreeMap<>();
            layout.put("title", 1);
            if (t.filingLine != null) {
                layout.put("filing_line", 1);
            }
            // header rows are read and skipped too: a second header row holds the sub-headers of group cells
            layout.put("header", t.twoRow && t.cols.stream().anyMatch(c -> c.group() != null) ? 2 : 1);
            if (t.totals) {
                layout.put("total", 1);
            }
            layout.put("note", t.notes.size());
            layout.put("footer", 1);
            if (subs == null) {
                truth(rel, t, sender, period, layout, null);
            } else {
                // a city's workbook: layout rows under the city, data rows under each county
                truths.add(new FileTruth(rel, t.sheet, sender, period, 0, 0, sum(layout), layout, Map.of()));
                int countyCol = t.cols.get(0).sequence() ? 1 : 0;
                for (Submission s : subs) {
                    String name = countyName(s.county());
                    truth(rel, t, s.county(), period, new TreeMap<>(), r -> name.equals(r.cells()[countyCol]));
                }
            }
        }
    }

    private void truth(String rel, Table t, String county, String period, Map<String, Integer> skipped,
            java.util.function.Predicate<Table.DataRow> only) {
        int acc = 0;
        int rej = 0;
        int again = 0;
        Map<String, Integer> codes = new TreeMap<>();
        for (Table.DataRow r : t.rows) {
            if (only != null && !only.test(r)) {
                continue;
            }
            rows++;
            if (r.outcome() == Outcome.ACCEPTED) {
                acc++;
            } else if (r.outcome() == Outcome.REJECTED) {
                rej++;
                codes.merge(r.code().name(), 1, Integer::sum);
            } else {
                again++;
            }
        }
        Map<String, Integer> sk = new LinkedHashMap<>(skipped);
        if (again > 0) {
            sk.put("already_received", again);
        }
        truths.add(new FileTruth(rel, t.sheet, county, period, acc, rej, sum(sk), sk, codes));
    }

    private static int sum(Map<String, Integer> m) {
        return m.values().stream().mapToInt(Integer::intValue).sum();
    }

    // ------------------------------------------------------------------ cell forms

    private String countyName(String code) {
        return gaz.require(code).name();
    }

    private static String pick(Dialect d, String... names) {
        return names[d.variant() % names.length];
    }

    private static String en(Dialect d, Labelled e) {
        return d.aliases() && !e.aliases().isEmpty() ? e.aliases().get(0) : e.label();
    }

    private static String groups(Dialect d, List<TargetGroup> gs) {
        String sep = d.variant() == 1 ? "，" : d.variant() == 2 ? ";" : "、";
        List<String> names = new ArrayList<>();
        for (TargetGroup g : gs) {
            names.add(en(d, g));
        }
        return String.join(sep, names);
    }

    private static String bool(Dialect d, Boolean b) {
        if (b == null) {
            return null;
        }
        return switch (d.boolStyle()) {
            case 1 -> b ? "√" : "×";
            case 2 -> b ? "Y" : "N";
            case 3 -> b ? "有" : "无";
            default -> b ? "是" : "否";
        };
    }

    private static Object date(Dialect d, LocalDate x) {
        return switch (d.dateStyle()) {
            case 0 -> x;
            case 1 -> x.toString();
            case 2 -> x.getYear() + "/" + x.getMonthValue() + "/" + x.getDayOfMonth();
            case 3 -> x.getYear() + "." + x.getMonthValue() + "." + x.getDayOfMonth();
            default -> cn(x);
        };
    }

    private static String cn(LocalDate x) {
        return x.getYear() + "年" + x.getMonthValue() + "月" + x.getDayOfMonth() + "日";
    }

    private static String dateFormat(Dialect d) {
        return switch (d.variant()) {
            case 1 -> "yyyy/m/d";
            case 2 -> "yyyy\"年\"m\"月\"d\"日\"";
            default -> "yyyy-mm-dd";
        };
    }

    private static LocalDateTime stamp(LocalDate d) {
        return d.atTime(10, 0);
    }

    private void put(String rel, byte[] bytes) {
        Path f = out.resolve(rel);
        try {
            Files.createDirectories(f.getParent());
            Files.write(f, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + f, e);
        }
        files++;
    }
}
