package org.sanhui.reporting.briefing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.jfree.chart.JFreeChart;
import org.sanhui.model.domain.ActivityType;
import org.sanhui.model.domain.Grade;
import org.sanhui.model.domain.OrgKind;
import org.sanhui.model.domain.TargetGroup;
import org.sanhui.model.indicator.IndicatorRow;
import org.sanhui.model.period.Period;
import org.sanhui.model.region.Region;
import org.sanhui.model.region.RegionLevel;
import org.sanhui.reporting.Lang;
import org.sanhui.reporting.Masthead;
import org.sanhui.reporting.briefing.Block.Cell;
import org.sanhui.reporting.chart.Charts;
import org.sanhui.reporting.data.Figures;
import org.sanhui.reporting.font.GlyphCheck;

/**
 * Turns the figures of one region into a {@link Briefing}: the sections of DOMAIN.md section 5, with
 * sentences generated from the data (which regions lag, what changed, how many), numbered charts and
 * tables with captions and source lines.
 *
 * <p>Thread-confined: one builder per thread (charts are mutable objects).
 */
public final class BriefingBuilder {

    /** The three grassroots society kinds, in the order the briefing lists them. */
    static final List<OrgKind> SANHUI = List.of(OrgKind.SCI_EDU_SOCIETY, OrgKind.MEDICAL_SOCIETY, OrgKind.AGRI_SOCIETY);

    /** Rows of the inactive list printed in the PDF; the workbook carries them all. */
    static final int LIST_LIMIT = 40;

    /** Counties above which the county x kind matrix lists only the counties not fully covered. */
    static final int MATRIX_LIMIT = 120;

    private final Figures f;
    private final Regions regions;
    private final Charts charts;
    private final Lang lang;
    private final Masthead masthead;
    private final boolean zh;
    private final Fmt fmt;

    // per build
    private List<Block> blocks;
    private GlyphCheck glyphs;
    private int h1;
    private int h2;
    private int figNo;
    private int tabNo;
    private String region;
    private String whole;
    private String source;

    /**
     * Creates a builder.
     *
     * @param figures the figures, null not permitted
     * @param regions region naming, null not permitted
     * @param charts the chart factory, null not permitted
     * @param lang the language, null not permitted
     * @param masthead the masthead configuration, null not permitted
     */
    public BriefingBuilder(Figures figures, Regions regions, Charts charts, Lang lang, Masthead masthead) {
        this.f = Objects.requireNonNull(figures, "figures");
        this.regions = Objects.requireNonNull(regions, "regions");
        this.charts = Objects.requireNonNull(charts, "charts");
        this.lang = Objects.requireNonNull(lang, "lang");
        this.masthead = Objects.requireNonNull(masthead, "masthead");
        this.zh = lang == Lang.ZH;
        this.fmt = new Fmt(zh);
    }

    /**
     * Builds the briefing of a region (the scope's province or nation, or one city).
     *
     * @param regionCode the region, null not permitted
     * @param glyphCheck the document's glyph check (every text passes through it), null not permitted
     * @return the briefing, never null
     */
    public Briefing build(String regionCode, GlyphCheck glyphCheck) {
        this.region = Objects.requireNonNull(regionCode, "regionCode");
        this.glyphs = Objects.requireNonNull(glyphCheck, "glyphCheck");
        this.blocks = new ArrayList<>();
        this.h1 = 0;
        this.h2 = 0;
        this.figNo = 0;
        this.tabNo = 0;
        this.whole = zh ? regions.whole(region) : "the region";
        this.source = zh ? "数据来源：各县（区）科协季度报送" : "Source: quarterly returns of the county science associations";

        Period p = f.period();
        String name = regions.name(region);
        String periodLabel = zh ? p.label() : p.toString();
        String title = zh ? periodLabel + name + "基层科协组织建设情况"
                : "Grassroots science association building in " + name + ", " + periodLabel;

        intro(name, periodLabel);
        headline();
        coverage();
        milestones();
        threePlusOne();
        activities();
        grades();
        inactive();
        submissions();
        scores();
        methodNotes();

        LocalDate date = masthead.date() != null ? masthead.date() : LocalDate.now();
        String issuer = masthead.issuer() != null ? masthead.issuer() : defaultIssuer();
        String issue = masthead.issue() != null ? masthead.issue() : defaultIssue(p);
        List<String> dist = new ArrayList<>();
        if (masthead.reportTo() != null && !masthead.reportTo().isBlank()) {
            dist.add((zh ? "报：" : "To: ") + masthead.reportTo());
        }
        if (masthead.sendTo() != null && !masthead.sendTo().isBlank()) {
            dist.add((zh ? "送：" : "Cc: ") + masthead.sendTo());
        }
        if (masthead.distributeTo() != null && !masthead.distributeTo().isBlank()) {
            dist.add((zh ? "发：" : "Distribution: ") + masthead.distributeTo());
        }
        String copies = masthead.copies() > 0 ? (zh ? "共印" + masthead.copies() + "份" : masthead.copies() + " copies")
                : null;
        String mastTitle = masthead.title() != null ? masthead.title()
                : zh ? "基层科协组织建设工作简报" : "Grassroots Science Association Briefing";
        String dateLine = zh ? date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日"
                : date.toString();
        return new Briefing(region, t(name), p.toString(), lang, t(mastTitle), t(issue), t(issuer), dateLine,
                t(title), blocks, dist.stream().map(this::t).toList(), copies, t(title));
    }

    private String defaultIssuer() {
        String province = f.file().scope();
        String n = regions.name(province.length() == 2 && !"00".equals(province) ? province : region);
        if ("00".equals(province)) {
            return zh ? "中国科学技术协会" : "China Association for Science and Technology";
        }
        return zh ? n + "科学技术协会" : n + " Association for Science and Technology";
    }

    private String defaultIssue(Period p) {
        int n = p.kind() == Period.Kind.YEAR ? 1 : p.index();
        return zh ? p.year() + "年第" + n + "期" : "No. " + n + ", " + p.year();
    }

    // ---------------------------------------------------------------- text helpers

    private String t(String s) {
        return s == null ? null : glyphs.clean(Fmt.scrub(s));
    }

    private <T> T z(T zhText, T enText) {
        return zh ? zhText : enText;
    }

    private void heading1(String zhText, String enText) {
        h1++;
        h2 = 0;
        String num = zh ? numeral(h1) + "、" : h1 + ". ";
        blocks.add(new Block.Heading(1, num, t(z(zhText, enText))));
    }

    private void heading2(String zhText, String enText) {
        h2++;
        String num = zh ? "（" + numeral(h2) + "）" : h1 + "." + h2 + " ";
        blocks.add(new Block.Heading(2, num, t(z(zhText, enText))));
    }

    private static String numeral(int n) {
        String d = "〇一二三四五六七八九十";
        if (n <= 10) {
            return String.valueOf(d.charAt(n));
        }
        return (n / 10 > 1 ? String.valueOf(d.charAt(n / 10)) : "") + "十" + (n % 10 == 0 ? "" : d.charAt(n % 10));
    }

    private void para(String text) {
        if (text != null && !text.isBlank()) {
            blocks.add(new Block.Paragraph(t(text)));
        }
    }

    private void note(String text) {
        blocks.add(new Block.Note(t(text)));
    }

    private void figure(String slug, String captionZh, String captionEn, ChartMaker maker, double aspect) {
        figNo++;
        String caption = t(z(captionZh, captionEn));
        String chartTitle = (zh ? "图" + figNo + "　" : "Figure " + figNo + ". ") + caption;
        JFreeChart chart = maker.make(chartTitle);
        blocks.add(new Block.Figure(figNo, String.format("%02d-%s", figNo, slug), caption, chart, aspect, t(source)));
    }

    @FunctionalInterface
    private interface ChartMaker {
        JFreeChart make(String title);
    }

    private void table(String captionZh, String captionEn, List<String> headers, double[] widths,
            List<List<Cell>> rows) {
        boolean anything = rows.stream().anyMatch(r -> r.stream().skip(1)
                .anyMatch(c -> !c.text().isBlank() && !c.text().equals("—")));
        if (!anything) {
            // a table of dashes says nothing: the figures are not in the file for these regions
            return;
        }
        tabNo++;
        List<List<Cell>> clean = new ArrayList<>();
        for (List<Cell> r : rows) {
            clean.add(r.stream().map(c -> new Cell(t(c.text()), c.number(), c.percent(), c.strong())).toList());
        }
        blocks.add(new Block.Table(tabNo, t(z(captionZh, captionEn)), headers.stream().map(this::t).toList(), widths,
                clean, t(source)));
    }

    private Cell pctCell(Double rate) {
        return new Cell(fmt.pct(rate), rate, true, false);
    }

    private Cell pctCell(Double rate, boolean strong) {
        return new Cell(fmt.pct(rate), rate, true, strong);
    }

    private Cell numCell(Double v) {
        return new Cell(fmt.num(v), v, false, false);
    }

    private Cell textCell(String s) {
        return Cell.text(s == null ? "" : s);
    }

    // ---------------------------------------------------------------- data helpers

    private Double v(String indicator, String code) {
        return f.value(indicator, code);
    }

    private Double v(String indicator, String code, String breakdown) {
        return f.value(indicator, code, breakdown);
    }

    private Optional<IndicatorRow> row(String indicator, String code) {
        return f.row(indicator, code, "");
    }

    /** A count: the numerator of a rate row (A3.inactive is a share of the organisations), else the value. */
    private Double count(String indicator, String code) {
        return f.row(indicator, code, "").map(r -> r.numerator() != null ? Double.valueOf(r.numerator()) : r.value())
                .orElse(null);
    }

    private Double prevCount(String indicator, String code) {
        return f.earlier(f.period().previous().toString(), indicator, code)
                .map(r -> r.numerator() != null ? Double.valueOf(r.numerator()) : r.value()).orElse(null);
    }

    private Double prev(String indicator, String code) {
        return f.earlier(f.period().previous().toString(), indicator, code).map(IndicatorRow::value).orElse(null);
    }

    private Double lastYear(String indicator, String code) {
        return f.earlier(f.period().sameLastYear().toString(), indicator, code).map(IndicatorRow::value)
                .orElse(null);
    }

    /** The period before, as the text names it: 上季度, 上月 (zh), last period. */
    private String prevName() {
        Period.Kind k = f.period().kind();
        return zh ? (k == Period.Kind.MONTH ? "上月" : k == Period.Kind.YEAR ? "上年" : "上季度") : "last period";
    }

    /** A rate of the region compared with the period before and a year before, in points: "，较上季度提高2.3个百分点…". */
    private String changes(String indicator, Double now) {
        Map<String, Double> earlier = new LinkedHashMap<>();
        earlier.put(prevName(), prev(indicator, region));
        earlier.put(z("去年同期", "last year"), lastYear(indicator, region));
        return fmt.ppClause(now, earlier);
    }

    /** The children that have any figure (all of them when none has). */
    private List<Region> children() {
        List<Region> all = regions.children(region);
        List<Region> withData = all.stream().filter(r -> !f.rowsOf(r.code()).isEmpty()).toList();
        return withData.isEmpty() ? all : withData;
    }

    private List<Region> counties() {
        RegionLevel level = regions.level(region);
        List<Region> all = level == RegionLevel.COUNTY ? List.of(regions.gazetteer().require(region))
                : regions.gazetteer().within(region, RegionLevel.COUNTY);
        return all.stream().filter(r -> !f.rowsOf(r.code()).isEmpty()).toList();
    }

    private String childNoun() {
        return zh ? regions.childNoun(region) : "sub-region";
    }

    private String countyName(String code) {
        return regions.level(region) == RegionLevel.CITY ? regions.name(code) : regions.qualified(code);
    }

    private static String kindLabel(Object kind) {
        if (kind == null) {
            return "";
        }
        try {
            return OrgKind.valueOf(kind.toString()).label();
        } catch (IllegalArgumentException e) {
            return kind.toString();
        }
    }

    private String kindName(OrgKind k) {
        if (zh) {
            return k.label();
        }
        return switch (k) {
            case SCI_EDU_SOCIETY -> "Sci-edu society";
            case MEDICAL_SOCIETY -> "Medical society";
            case AGRI_SOCIETY -> "Agri-tech society";
            default -> k.name().charAt(0) + k.name().substring(1).toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        };
    }

    private static String shortKind(OrgKind k) {
        return switch (k) {
            case SCI_EDU_SOCIETY -> "科技教育学会";
            case MEDICAL_SOCIETY -> "医疗卫生学会";
            case AGRI_SOCIETY -> "农业技术学会";
            default -> k.label();
        };
    }

    private static Double[] pcts(List<Double> rates) {
        return rates.stream().map(r -> r == null ? null : r * 100).toArray(Double[]::new);
    }

    /** Regions whose value is below the reference, worst first. */
    private List<String> lagging(List<Region> regs, String indicator, Double reference) {
        if (reference == null) {
            return List.of();
        }
        return regs.stream().filter(r -> v(indicator, r.code()) != null && v(indicator, r.code()) < reference - 1e-9)
                .sorted(Comparator.comparing((Region r) -> v(indicator, r.code())).thenComparing(Region::code))
                .map(r -> regions.name(r.code())).toList();
    }

    // ---------------------------------------------------------------- sections

    private void intro(String name, String periodLabel) {
        Optional<IndicatorRow> s1 = row("S1.rate", region);
        List<Region> counties = counties();
        StringBuilder sb = new StringBuilder();
        if (zh) {
            sb.append("本期简报依据各县（区）科协报送的").append(periodLabel).append("基层科协组织建设数据编制，");
            if (s1.isPresent() && s1.get().denominator() != null) {
                sb.append(whole).append("应报送").append(s1.get().denominator()).append("个县（区），实际报送")
                        .append(s1.get().numerator()).append("个，报送率").append(fmt.pct(s1.get().value())).append("。");
            } else {
                sb.append("涉及").append(counties.size()).append("个县（区）。");
            }
            sb.append("各项数据均按统一口径计算，定义见文末“指标说明”。");
        } else {
            sb.append("This briefing summarises the returns for ").append(periodLabel).append(" from the counties of ")
                    .append(name).append('.');
            s1.ifPresent(r -> sb.append(" ").append(r.numerator()).append(" of ").append(r.denominator())
                    .append(" counties reported (").append(fmt.pct(r.value())).append(")."));
        }
        para(sb.toString());
    }

    private record Headline(String zh, String en, String indicator, boolean rate, String unit) {
    }

    private static final List<Headline> HEADLINES = List.of(
            new Headline("基层“三会”全覆盖县（区）比例", "Counties with all three societies", "C1.full", true, ""),
            new Headline("组织总数（个）", "Organisations", "C0.count", false, "个"),
            new Headline("会员总数（人）", "Members", "C0.members", false, "人"),
            new Headline("乡镇（街道）科协覆盖率", "Townships with a 科协", "C2.township", true, ""),
            new Headline("县级科协“3+1”完成率", "County 科协 with 3+1 complete", "C3.county", true, ""),
            new Headline("乡镇（街道）科协“3+1”完成率", "Township 科协 with 3+1 complete", "C3.township", true, ""),
            new Headline("本期开展活动（场）", "Activities held", "A1.count", false, "场"),
            new Headline("活动参与（人次）", "Participants", "A1.participants", false, "人次"),
            new Headline("活动规范达标率（参考目标）", "Meeting the reference norms", "A2.rate", true, ""),
            new Headline("县（区）报送率", "Counties reporting", "S1.rate", true, ""));

    private void headline() {
        heading1("总体情况", "Headline figures");
        Period p = f.period();
        String prevName = prevName();
        List<List<Cell>> rows = new ArrayList<>();
        for (Headline h : HEADLINES) {
            Double now = v(h.indicator(), region);
            if (now == null && row(h.indicator(), region).isEmpty()) {
                continue;
            }
            Double before = prev(h.indicator(), region);
            Double ly = lastYear(h.indicator(), region);
            rows.add(List.of(textCell(z(h.zh(), h.en())),
                    h.rate() ? pctCell(now) : numCell(now),
                    h.rate() ? pctCell(before) : numCell(before),
                    textCell(h.rate() ? fmt.ppCell(now, before) : fmt.diffCell(now, before)),
                    h.rate() ? pctCell(ly) : numCell(ly),
                    textCell(h.rate() ? fmt.ppCell(now, ly) : fmt.diffCell(now, ly))));
        }
        // sentences
        Optional<IndicatorRow> c1 = row("C1.full", region);
        StringBuilder sb = new StringBuilder();
        if (zh) {
            sb.append("截至").append(p.label()).append("，");
            if (c1.isPresent() && c1.get().denominator() != null) {
                sb.append(whole).append(c1.get().denominator()).append("个县（区）中已有").append(c1.get().numerator())
                        .append("个实现基层“三会”全覆盖");
                Optional<IndicatorRow> c1p = f.earlier(p.previous().toString(), "C1.full", region);
                if (c1p.isPresent() && c1p.get().numerator() != null && c1.get().numerator() != null) {
                    long d = c1.get().numerator() - c1p.get().numerator();
                    if (d != 0) { // an unchanged count goes without saying: the rate's clause says 持平
                        sb.append("，较").append(prevName).append(d > 0 ? "增加" + d + "个" : "减少" + (-d) + "个");
                    }
                }
                sb.append("，覆盖率").append(fmt.pct(c1.get().value())).append(changes("C1.full", c1.get().value()))
                        .append("。");
            }
            Double a = v("A1.count", region);
            if (a != null) {
                sb.append("本期共开展各类活动").append(fmt.count(a, "场", "activities"));
                String d = fmt.diffWords(a, prev("A1.count", region), "场");
                if (d != null) {
                    sb.append("，较").append(prevName).append(d);
                }
                Double part = v("A1.participants", region);
                if (part != null) {
                    sb.append("，参与").append(fmt.num(part)).append("人次");
                }
                sb.append("。");
            }
            Double c0 = v("C0.count", region);
            if (c0 != null) {
                sb.append("现有各类基层科协组织").append(fmt.count(c0, "个", "")).append("");
                String d = fmt.diffWords(c0, prev("C0.count", region), "个");
                sb.append(d == null ? "。" : "，较" + prevName + d + "。");
            }
        } else {
            c1.ifPresent(r -> sb.append(String.format("%d of %d counties have all three grassroots societies (%s). ",
                    r.numerator(), r.denominator(), fmt.pct(r.value()))));
            Double a = v("A1.count", region);
            if (a != null) {
                sb.append(fmt.num(a)).append(" activities were held");
                String d = fmt.diffWords(a, prev("A1.count", region), "");
                sb.append(d == null ? "." : " (" + d + " on last period).");
            }
        }
        para(sb.toString());
        if (!rows.isEmpty()) {
            table("主要指标", "Headline figures",
                    z(List.of("指标", "本期", prevName, "较" + prevName, "去年同期", "较去年同期"),
                            List.of("Figure", "Now", "Last period", "Change", "Last year", "Change")),
                    new double[] {3.2, 1.2, 1.2, 1.5, 1.2, 1.5}, rows);
            if (f.file().comparisons().isPresent()) {
                note(z("注：" + prevName + "和去年同期的数据由本期分析按同一口径、依据目前库中数据重新计算（含其后补报和重报的数据）；"
                        + "比率的变化为表中两个比率之差，单位为百分点。",
                        "Note: the earlier figures are recomputed by this period's analysis, with the same rules, from the "
                                + "data held now (later and corrected returns included); a rate's change is the difference "
                                + "of the two rates shown, in percentage points."));
            }
        }
    }

    private void coverage() {
        heading1("组织覆盖情况", "Coverage");
        List<Region> kids = children();
        heading2("基层“三会”覆盖", "The three grassroots societies");
        Double full = v("C1.full", region);
        StringBuilder sb = new StringBuilder();
        for (OrgKind k : SANHUI) {
            Optional<IndicatorRow> r = f.row("C1." + k.name(), region, "");
            if (r.isPresent()) {
                if (zh) {
                    sb.append(sb.isEmpty() ? whole + "已建立" : "，").append(shortKind(k)).append("的县（区）")
                            .append(r.get().numerator() == null ? "" : r.get().numerator() + "个，")
                            .append("覆盖率").append(fmt.pct(r.get().value()));
                } else {
                    sb.append(kindName(k)).append(": ").append(fmt.pct(r.get().value())).append(". ");
                }
            }
        }
        if (zh && !sb.isEmpty()) {
            sb.append("。");
        }
        if (!kids.isEmpty() && regions.level(region) != RegionLevel.COUNTY) {
            List<String> lag = lagging(kids, "C1.full", full);
            Optional<Region> best = kids.stream().filter(r -> v("C1.full", r.code()) != null)
                    .max(Comparator.comparing((Region r) -> v("C1.full", r.code())));
            if (zh) {
                if (lag.isEmpty() && full != null && full >= 1 - 1e-9) {
                    sb.append("各").append(childNoun()).append("均已实现基层“三会”全覆盖。");
                } else if (!lag.isEmpty()) {
                    sb.append("分").append(childNoun()).append("看，");
                    best.ifPresent(b -> sb.append(regions.name(b.code())).append("全覆盖率最高（")
                            .append(fmt.pct(v("C1.full", b.code()))).append("），"));
                    sb.append(fmt.join(lag)).append("低于").append(whole).append("平均水平（").append(fmt.pct(full))
                            .append("），需加快推进。");
                }
            } else if (!lag.isEmpty()) {
                sb.append("Below the average of ").append(fmt.pct(full)).append(": ").append(fmt.join(lag)).append('.');
            }
        }
        // counties missing a kind, from the county rows
        List<Region> counties = counties();
        Map<OrgKind, List<String>> missing = new LinkedHashMap<>();
        for (OrgKind k : SANHUI) {
            for (Region c : counties) {
                Double has = v("C1." + k.name(), c.code());
                if (has != null && has < 0.5) {
                    missing.computeIfAbsent(k, x -> new ArrayList<>()).add(countyName(c.code()));
                }
            }
        }
        for (Map.Entry<OrgKind, List<String>> e : missing.entrySet()) {
            List<String> names = e.getValue();
            String shown = names.size() > 8 ? fmt.join(names.subList(0, 8)) + z("等" + names.size() + "个县（区）",
                    " and " + (names.size() - 8) + " more") : fmt.join(names);
            sb.append(z(shown + "尚未建立" + e.getKey().label() + "；",
                    " No " + kindName(e.getKey()) + " yet: " + shown + "."));
        }
        if (zh && !missing.isEmpty()) {
            sb.setLength(sb.length() - 1);
            sb.append("。");
        }
        para(sb.toString());

        if (!kids.isEmpty() && regions.level(region) != RegionLevel.COUNTY) {
            List<String> cats = kids.stream().map(r -> regions.name(r.code())).toList();
            Map<String, Double[]> series = new LinkedHashMap<>();
            for (OrgKind k : SANHUI) {
                series.put(zh ? shortKind(k) : kindName(k), pcts(kids.stream().map(r -> v("C1." + k.name(), r.code()))
                        .toList()));
            }
            series.put(z("全覆盖", "All three"), pcts(kids.stream().map(r -> v("C1.full", r.code())).toList()));
            boolean horizontal = cats.size() > 8;
            figure("coverage-sanhui", "各" + childNoun() + "基层“三会”覆盖率", "Coverage of the three societies",
                    title -> charts.bars(title, z("覆盖率（%）", "Coverage (%)"), cats, series, true, horizontal, t(source)),
                    horizontal ? Math.min(1.4, 0.25 + cats.size() * 0.06) : 0.52);
        }
        // county x kind matrix
        if (!counties.isEmpty()) {
            boolean onlyGaps = counties.size() > MATRIX_LIMIT;
            List<List<Cell>> rows = new ArrayList<>();
            for (Region c : counties) {
                Double fc = v("C1.full", c.code());
                if (onlyGaps && fc != null && fc >= 0.5) {
                    continue;
                }
                List<Cell> row = new ArrayList<>();
                row.add(textCell(regions.name(c.parentCode())));
                row.add(textCell(regions.name(c.code())));
                for (OrgKind k : SANHUI) {
                    Double has = v("C1." + k.name(), c.code());
                    row.add(has == null ? textCell("—") : new Cell(has >= 0.5 ? z("已建", "yes") : z("未建", "no"),
                            has, false, has < 0.5));
                }
                row.add(fc == null ? textCell("—") : new Cell(fc >= 0.5 ? z("是", "yes") : z("否", "no"), fc, false,
                        fc < 0.5));
                rows.add(row);
            }
            if (!rows.isEmpty()) {
                table(onlyGaps ? "尚未实现全覆盖的县（区）" : "各县（区）基层“三会”建立情况",
                        onlyGaps ? "Counties without all three societies" : "Societies by county",
                        z(List.of("市", "县（区）", "科技教育学会", "医疗卫生学会", "农业技术学会", "全覆盖"),
                                List.of("City", "County", "Sci-edu", "Medical", "Agri-tech", "All three")),
                        new double[] {1.6, 1.6, 1.3, 1.3, 1.3, 1.0}, rows);
            }
        }

        heading2("科协组织覆盖", "Science associations");
        StringBuilder s2 = new StringBuilder();
        Optional<IndicatorRow> town = row("C2.township", region);
        Optional<IndicatorRow> cty = row("C2.county", region);
        if (zh) {
            town.ifPresent(r -> s2.append(whole).append("乡镇（街道）科协覆盖率").append(fmt.pct(r.value()))
                    .append(r.denominator() == null ? "" : "（" + r.numerator() + "/" + r.denominator() + "）")
                    .append(changes("C2.township", r.value())).append("；"));
            cty.ifPresent(r -> s2.append("县级科协覆盖率").append(fmt.pct(r.value())).append("；"));
            Double c7 = v("C7.rate", region);
            if (c7 != null) {
                s2.append("建有科技志愿服务队的县（区）占").append(fmt.pct(c7)).append("；");
            }
            Double c8 = v("C8.rate", region);
            if (c8 != null) {
                s2.append("建有农技协的乡镇占").append(fmt.pct(c8)).append("；");
            }
            if (!s2.isEmpty()) {
                s2.setLength(s2.length() - 1);
                s2.append("。");
            }
            List<String> lag = lagging(children(), "C2.township", town.map(IndicatorRow::value).orElse(null));
            if (!lag.isEmpty() && regions.level(region) != RegionLevel.COUNTY) {
                s2.append("乡镇（街道）科协覆盖率低于").append(whole).append("平均水平的有").append(fmt.join(lag)).append("。");
            }
        } else {
            town.ifPresent(r -> s2.append("Townships with a 科协: ").append(fmt.pct(r.value())).append(". "));
            cty.ifPresent(r -> s2.append("Counties with a county 科协: ").append(fmt.pct(r.value())).append('.'));
        }
        para(s2.toString());
        if (!kids.isEmpty()) {
            List<List<Cell>> rows = new ArrayList<>();
            for (Region r : kids) {
                rows.add(List.of(textCell(regions.name(r.code())), pctCell(v("C2.township", r.code())),
                        pctCell(v("C2.county", r.code())), pctCell(v("C7.rate", r.code())),
                        pctCell(v("C8.rate", r.code())), pctCell(v("C6.rate", r.code()))));
            }
            rows.add(List.of(textCell(z("合计", "Total")), pctCell(v("C2.township", region)),
                    pctCell(v("C2.county", region)), pctCell(v("C7.rate", region)), pctCell(v("C8.rate", region)),
                    pctCell(v("C6.rate", region))));
            table("各" + childNoun() + "科协组织覆盖情况", "Science association coverage",
                    z(List.of(regions.childNoun(region).replace("（区、市）", ""), "乡镇（街道）科协覆盖率", "县级科协覆盖率",
                            "建有志愿服务队的县（区）", "建有农技协的乡镇", "无“四缺”乡镇科协"),
                            List.of("Region", "Township 科协", "County 科协", "Volunteer team", "Rural tech assoc.",
                                    "No four gaps")),
                    new double[] {1.5, 1.4, 1.3, 1.5, 1.4, 1.4}, rows);
        }

        heading2("组织数量与建设质量", "Organisations and governance");
        List<List<Cell>> kindRows = new ArrayList<>();
        for (OrgKind k : OrgKind.values()) {
            Double n = v("C0.count", region, "kind=" + k.name());
            if (n == null) {
                continue;
            }
            Double before = f.rowAt(f.period().previous().toString(), "C0.count", region, "kind=" + k.name())
                    .map(IndicatorRow::value).orElse(null);
            Double m = v("C0.members", region, "kind=" + k.name());
            kindRows.add(List.of(textCell(kindName(k)), numCell(n), textCell(fmt.diffCell(n, before)), numCell(m)));
        }
        StringBuilder s3 = new StringBuilder();
        Double c4 = v("C4.rate", region);
        Double c5 = v("C5.all_five", region);
        Double c5p = v("C5.party", region);
        Double c6 = v("C6.rate", region);
        if (zh) {
            if (c4 != null) {
                s3.append("基层“三会”中与省级学会建立对口帮扶关系的占").append(fmt.pct(c4)).append("；");
            }
            if (c5 != null) {
                s3.append("章程、会员（代表）大会、理事会、财务制度、会员管理制度五项制度齐全的占").append(fmt.pct(c5)).append("；");
            }
            if (c5p != null) {
                s3.append("建立党组织的占").append(fmt.pct(c5p)).append("；");
            }
            if (c6 != null) {
                s3.append("乡镇（街道）科协中无“四缺”（缺编制、缺人员、缺经费、缺场地）问题的占").append(fmt.pct(c6)).append("；");
            }
            if (!s3.isEmpty()) {
                s3.setLength(s3.length() - 1);
                s3.append("。");
                if (c5 != null && c5 < 0.6) {
                    s3.append("制度建设仍是薄弱环节，需督促各学会完善内部治理。");
                }
            }
        } else {
            if (c4 != null) {
                s3.append("Paired with a provincial society: ").append(fmt.pct(c4)).append(". ");
            }
            if (c5 != null) {
                s3.append("All five institutions in place: ").append(fmt.pct(c5)).append('.');
            }
        }
        para(s3.toString());
        if (!kindRows.isEmpty()) {
            table("各类基层科协组织数量", "Organisations by kind",
                    z(List.of("组织类型", "数量（个）", "较上期", "会员（人）"), List.of("Kind", "Count", "Change", "Members")),
                    new double[] {2.6, 1.3, 1.3, 1.5}, kindRows);
        }
    }

    private void milestones() {
        heading1("目标任务进展", "Milestones");
        // the milestones of this region and of the regions within it
        Map<String, List<IndicatorRow>> byName = new TreeMap<>();
        for (IndicatorRow r : f.milestones()) {
            if (regions.gazetteer().isWithin(r.regionCode(), region)) {
                byName.computeIfAbsent(r.indicator().substring(3) + "@" + r.regionCode(), k -> new ArrayList<>())
                        .add(r);
            }
        }
        if (byName.isEmpty()) {
            para(z("本期无适用于" + regions.name(region) + "的目标任务。", "No milestone applies to this region."));
            return;
        }
        List<List<Cell>> rows = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, List<IndicatorRow>> e : byName.entrySet()) {
            IndicatorRow now = null;
            IndicatorRow atDeadline = null;
            String key = e.getKey().substring(0, e.getKey().indexOf('@'));
            String where = e.getKey().substring(e.getKey().indexOf('@') + 1);
            org.sanhui.model.rules.Milestone def = DEFAULT_MILESTONES.get(key);
            String deadline = def == null ? null : def.deadline().toString();
            String indicator = def == null ? null : def.indicator();
            Double target = null;
            Double metOnTime = null;
            for (IndicatorRow r : e.getValue()) {
                Map<String, String> bd = breakdown(r.breakdown());
                deadline = bd.getOrDefault("deadline", deadline);
                indicator = bd.getOrDefault("indicator", indicator);
                if (bd.containsKey("target")) {
                    target = parseDouble(bd.get("target"));
                }
                String at = bd.getOrDefault("at", bd.getOrDefault("when", ""));
                switch (at) {
                    case "deadline" -> atDeadline = r;
                    case "target" -> target = r.value();
                    case "met_on_time" -> metOnTime = r.value();
                    case "", "now" -> now = r;
                    default -> { }
                }
            }
            double tgt = target == null ? 1.0 : target;
            Double nowV = now == null ? null : now.value();
            Double dlV = atDeadline == null ? null : atDeadline.value();
            boolean met = metOnTime != null ? metOnTime >= 0.5 : dlV != null && dlV >= tgt - 1e-9;
            boolean due = atDeadline != null || metOnTime != null || deadline != null
                    && deadline.compareTo(f.period().end().toString()) <= 0;
            boolean unknown = dlV == null && metOnTime == null && due;
            String status = dlV == null && metOnTime == null
                    ? (due ? z("期限时无数据", "unknown: no data at deadline")
                            : nowV != null && nowV >= tgt - 1e-9 ? z("已完成", "met") : z("未到期", "not yet due")) : met ? z("按期完成", "met on time")
                    : nowV != null && nowV >= tgt - 1e-9 ? z("逾期完成", "met late") : z("尚未完成", "not yet met");
            String name = (where.equals(region) ? "" : regions.name(where) + (zh ? "" : " ")) + milestoneName(key, indicator);
            rows.add(List.of(textCell(name), pctCell(tgt), textCell(deadline == null ? "—" : deadline), pctCell(dlV),
                    pctCell(nowV, nowV != null && nowV < tgt - 1e-9), new Cell(status, null, false, !met && !unknown)));
            if (zh) {
                sb.append(name).append("目标为").append(fmt.pct(tgt));
                if (deadline != null) {
                    sb.append("（期限").append(deadline).append("）");
                }
                if (dlV != null) {
                    sb.append("，期限时完成").append(fmt.pct(dlV));
                }
                if (nowV != null) {
                    sb.append("，目前为").append(fmt.pct(nowV));
                }
                sb.append("，").append(status).append("。");
            } else {
                sb.append(name).append(": ").append(status).append(" (now ").append(fmt.pct(nowV)).append("). ");
            }
        }
        para(sb.toString());
        table("目标任务完成情况", "Milestones",
                z(List.of("目标任务", "目标值", "完成期限", "期限时", "目前", "状态"),
                        List.of("Milestone", "Target", "Deadline", "At deadline", "Now", "Status")),
                new double[] {3.0, 1.0, 1.5, 1.1, 1.1, 1.3}, rows);
    }

    /**
     * The default milestones of core-model's rules, by name: their deadline and indicator, used when the
     * indicator rows do not carry them (the rows hold the values; the definition lives in the rules).
     */
    private static final Map<String, org.sanhui.model.rules.Milestone> DEFAULT_MILESTONES = defaultMilestones();

    private static Map<String, org.sanhui.model.rules.Milestone> defaultMilestones() {
        Map<String, org.sanhui.model.rules.Milestone> m = new LinkedHashMap<>();
        for (org.sanhui.model.rules.Milestone x : org.sanhui.model.rules.Rules.Builder.defaultMilestones()) {
            m.put(x.name(), x);
        }
        return m;
    }

    /** A reader's name for a milestone: from its indicator when known, else guessed from its key. */
    private String milestoneName(String key, String indicator) {
        if (!zh) {
            return key;
        }
        if (indicator != null) {
            String named = switch (indicator) {
                case "C1.full" -> "基层“三会”县（区）全覆盖";
                case "C3.county" -> "县级科协“3+1”完成";
                case "C3.township" -> "乡镇（街道）科协“3+1”完成";
                case "A7.rate" -> "科技服务乡镇（街道）全覆盖";
                case "C2.county" -> "县级科协全覆盖";
                case "C2.township" -> "乡镇（街道）科协全覆盖";
                case "C7.rate", "C8.rate" -> null;
                default -> indicator.startsWith("C1.") ? "基层学会全覆盖" : null;
            };
            if (named != null) {
                return named;
            }
        }
        String k = "_" + key.toLowerCase(java.util.Locale.ROOT) + "_";
        if (k.contains("_c1_") || k.contains("_c1.")) {
            return "基层“三会”县（区）全覆盖";
        }
        if (k.contains("_c3_")) {
            return "“3+1”关键人物任职全覆盖";
        }
        if (k.contains("_a7_")) {
            return "科技服务乡镇（街道）全覆盖";
        }
        if (k.contains("_c2_") && k.contains("county")) {
            return "县级科协全覆盖";
        }
        if (k.contains("_c2_")) {
            return "乡镇（街道）科协全覆盖";
        }
        return key;
    }

    private static Map<String, String> breakdown(String s) {
        Map<String, String> m = new LinkedHashMap<>();
        if (s == null || s.isEmpty()) {
            return m;
        }
        for (String part : s.split(";")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                m.put(part.substring(0, eq), part.substring(eq + 1));
            }
        }
        return m;
    }

    private static Double parseDouble(String s) {
        try {
            return Double.valueOf(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private void threePlusOne() {
        heading1("“3+1”关键人物任职情况", "Key persons (3+1)");
        List<Region> kids = children();
        Optional<IndicatorRow> cc = row("C3.county", region);
        Optional<IndicatorRow> ct = row("C3.township", region);
        StringBuilder sb = new StringBuilder();
        if (zh) {
            cc.ifPresent(r -> sb.append("县级科协中，医院院长、学校校长、农技站站长均担任兼职或挂职副主席（“3+1”）的")
                    .append(r.numerator() == null ? "" : "有" + r.numerator() + "个，").append("完成率")
                    .append(fmt.pct(r.value())).append(changes("C3.county", r.value())).append("；"));
            ct.ifPresent(r -> sb.append("乡镇（街道）科协完成率").append(fmt.pct(r.value()))
                    .append(changes("C3.township", r.value())).append("；"));
            Double n = v("C3.N", region);
            if (n != null) {
                sb.append("平均每个科协有关键人物副主席").append(fmt.dec(n, 1)).append("名；");
            }
            if (!sb.isEmpty()) {
                sb.setLength(sb.length() - 1);
                sb.append("。");
            }
            List<String> lag = lagging(kids, "C3.township", ct.map(IndicatorRow::value).orElse(null));
            if (!lag.isEmpty() && regions.level(region) != RegionLevel.COUNTY) {
                sb.append("乡镇（街道）科协完成率较低的有").append(fmt.join(lag.subList(0, Math.min(lag.size(), 6))))
                        .append("。");
            }
            int ending = inScope(f.file().list("seconded_ending")).size();
            if (ending > 0) {
                sb.append("另有").append(ending).append("名挂职副主席任期将于下季度届满，请相关县（区）提前做好接续安排。");
            }
        } else {
            cc.ifPresent(r -> sb.append("County 科协 with all three key persons as vice-chairs: ")
                    .append(fmt.pct(r.value())).append(". "));
            ct.ifPresent(r -> sb.append("Township 科协: ").append(fmt.pct(r.value())).append('.'));
        }
        para(sb.toString());
        if (!kids.isEmpty() && regions.level(region) != RegionLevel.COUNTY) {
            List<String> cats = kids.stream().map(r -> regions.name(r.code())).toList();
            Map<String, Double[]> series = new LinkedHashMap<>();
            series.put(z("县级科协", "County 科协"), pcts(kids.stream().map(r -> v("C3.county", r.code())).toList()));
            series.put(z("乡镇（街道）科协", "Township 科协"),
                    pcts(kids.stream().map(r -> v("C3.township", r.code())).toList()));
            boolean horizontal = cats.size() > 8;
            figure("three-plus-one", "各" + childNoun() + "“3+1”完成率", "3+1 completion",
                    title -> charts.bars(title, z("完成率（%）", "Completion (%)"), cats, series, true, horizontal,
                            t(source)),
                    horizontal ? Math.min(1.4, 0.25 + cats.size() * 0.05) : 0.48);
        }
        keyPersonRoles();
    }

    /**
     * The N of "N+1": the region's current key-person vice-chairs of county and township 科协 by role (C3.N's
     * {@code role=} rows), as a sentence and a small table, with the roles' Chinese labels.
     */
    private void keyPersonRoles() {
        List<Map.Entry<org.sanhui.model.domain.PersonRole, IndicatorRow>> roles = new ArrayList<>();
        f.byBreakdown("C3.N", region, "role").forEach((k, r) -> {
            try {
                roles.add(Map.entry(org.sanhui.model.domain.PersonRole.valueOf(k), r));
            } catch (IllegalArgumentException e) {
                // a role this version does not know: left out rather than shown by its code
            }
        });
        Optional<IndicatorRow> all = row("C3.N", region);
        if (roles.isEmpty() || all.isEmpty() || all.get().numerator() == null) {
            return;
        }
        roles.sort(Comparator.comparing((Map.Entry<org.sanhui.model.domain.PersonRole, IndicatorRow> e) ->
                e.getValue().numerator() == null ? 0L : -e.getValue().numerator()).thenComparing(e -> e.getKey().ordinal()));
        List<String> parts = new ArrayList<>();
        List<List<Cell>> rows = new ArrayList<>();
        for (Map.Entry<org.sanhui.model.domain.PersonRole, IndicatorRow> e : roles) {
            Long n = e.getValue().numerator();
            if (n != null && n > 0) {
                parts.add(zh ? roleName(e.getKey()) + n + "名" : roleName(e.getKey()) + " " + n);
            }
            rows.add(List.of(textCell(roleName(e.getKey())), numCell(n == null ? null : n.doubleValue()),
                    new Cell(fmt.dec(e.getValue().value(), 2), e.getValue().value(), false, false)));
        }
        long total = all.get().numerator();
        if (zh) {
            para("现任关键人物兼职、挂职副主席共" + total + "名" + (parts.isEmpty() ? "。"
                    : "，其中" + fmt.join(parts) + "（“N+1”中的N）。"));
        } else {
            para("Key-person vice-chairs: " + total + (parts.isEmpty() ? "." : " (" + fmt.join(parts) + ")."));
        }
        if (total > 0) {
            table("关键人物副主席构成", "Key-person vice-chairs by role",
                    z(List.of("关键人物类别", "人数", "平均每个科协"), List.of("Role", "Vice-chairs", "Per 科协")),
                    new double[] {2.6, 1.2, 1.4}, rows);
        }
    }

    /** A key-person role as readers name it: its Chinese label, or a plain English name. */
    private String roleName(org.sanhui.model.domain.PersonRole r) {
        if (zh) {
            return r.label();
        }
        String n = r.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(n.charAt(0)) + n.substring(1);
    }

    private void activities() {
        heading1("活动开展情况", "Activities");
        heading2("活动总体情况", "Overview");
        Period p = f.period();
        StringBuilder sb = new StringBuilder();
        Double a = v("A1.count", region);
        if (zh) {
            if (a != null) {
                sb.append("本期").append(whole).append("基层科协组织共开展活动").append(fmt.count(a, "场", ""));
                String d1 = fmt.diffWords(a, prev("A1.count", region), "场");
                String d2 = fmt.diffWords(a, lastYear("A1.count", region), "场");
                if (d1 != null) {
                    sb.append("，环比").append(d1);
                }
                if (d2 != null) {
                    sb.append("，同比").append(d2);
                }
                sb.append("。");
            }
            Double mean = v("A1.mean", region);
            if (mean != null) {
                sb.append("每个组织平均开展").append(fmt.dec(mean, 1)).append("场");
                Double median = v("A1.median", region);
                Double p90 = v("A1.p90", region);
                Double max = v("A1.max", region);
                if (median != null) {
                    sb.append("，中位数").append(fmt.dec(median, 1)).append("场");
                }
                if (p90 != null) {
                    sb.append("，开展最多的10%的组织不少于").append(fmt.dec(p90, 1)).append("场");
                }
                if (max != null) {
                    sb.append("，最多").append(fmt.num(max)).append("场");
                }
                sb.append("。");
            }
            Double a5 = v("A5.rate", region);
            if (a5 != null) {
                sb.append("与省级学会联合开展的活动占").append(fmt.pct(a5)).append("。");
            }
            Double a7 = v("A7.rate", region);
            if (a7 != null) {
                sb.append("年内已开展活动的乡镇（街道）占").append(fmt.pct(a7)).append("。");
            }
            Double gini = v("A6.gini", region);
            if (gini != null) {
                sb.append("各县（区）活动开展的基尼系数为").append(fmt.dec(gini, 2)).append("，")
                        .append(gini >= 0.4 ? "县（区）间差距较大。" : gini >= 0.25 ? "县（区）间存在一定差距。" : "县（区）间较为均衡。");
            }
        } else if (a != null) {
            sb.append(fmt.num(a)).append(" activities; mean per organisation ").append(fmt.dec(v("A1.mean", region), 1))
                    .append('.');
        }
        para(sb.toString());

        // trend
        TreeMap<Period, Double> trend = f.series("A1.count", region, "", p.kind());
        while (trend.size() > 8) {
            trend.pollFirstEntry();
        }
        TreeMap<Period, Double> months = new TreeMap<>();
        if (p.kind() != Period.Kind.MONTH) {
            months = f.series("A4.count", region, "", Period.Kind.MONTH);
            if (months.isEmpty()) {
                months = f.series("A1.count", region, "", Period.Kind.MONTH);
            }
            months.keySet().removeIf(m -> m.year() != p.year());
        }
        if (trend.size() >= 2) {
            List<String> cats = trend.keySet().stream().map(x -> zh ? shortLabel(x) : x.toString()).toList();
            Map<String, Double[]> series = Map.of(z("活动场次", "Activities"), trend.values().toArray(Double[]::new));
            figure("activity-trend", "活动开展趋势", "Activity trend",
                    title -> charts.line(title, z("活动（场）", "Activities"), cats, series, t(source)), 0.42);
        }
        if (months.size() >= 2) {
            TreeMap<Period, Double> ms = months;
            List<String> cats = ms.keySet().stream().map(x -> zh ? x.index() + "月" : x.toString()).toList();
            Map<String, Double[]> series = Map.of(z("活动场次", "Activities"), ms.values().toArray(Double[]::new));
            Period peak = ms.entrySet().stream().max(Map.Entry.comparingByValue()).get().getKey();
            para(z(p.year() + "年以来，" + peak.index() + "月开展活动最多（" + fmt.num(ms.get(peak)) + "场）"
                    + (peak.index() == 9 ? "，与全国科普日活动集中开展有关。" : "。"),
                    "Busiest month: " + peak + "."));
            figure("activity-months", p.year() + "年各月活动开展情况", "Activities by month",
                    title -> charts.bars(title, z("活动（场）", "Activities"), cats, series, false, false, t(source)), 0.42);
        }
        if (trend.size() < 2 && months.size() < 2) {
            note(z("注：暂无往期数据，本期不绘制趋势图。", "Note: no earlier periods at hand, so no trend chart."));
        }

        heading2("活动类型与服务对象", "Types and target groups");
        Map<String, IndicatorRow> types = f.byBreakdown("A1.count", region, "type");
        Map<String, IndicatorRow> groups = f.byBreakdown("A1.count", region, "target", "group", "target_group");
        StringBuilder s2 = new StringBuilder();
        describeShares(s2, types, ActivityType.class, "从活动类型看", "By type");
        describeShares(s2, groups, TargetGroup.class, "从服务对象看", "By target group");
        if (s2.isEmpty()) {
            s2.append(z("本期暂无分活动类型、分服务对象的统计。", "No counts by type or target group this period."));
        }
        para(s2.toString());
        if (!types.isEmpty()) {
            breakdownChart("activity-types", "各类型活动场次", "Activities by type", types, ActivityType.class);
        }
        if (!groups.isEmpty()) {
            breakdownChart("target-groups", "各服务对象活动场次", "Activities by target group", groups,
                    TargetGroup.class);
        }

        heading2("活动规范情况（参考目标）", "Reference norms");
        StringBuilder s3 = new StringBuilder();
        Optional<IndicatorRow> a2 = row("A2.rate", region);
        if (zh) {
            s3.append("按政策文件提出的参考目标（医疗卫生学会每年至少开展5场活动，各基层学会每年争取举办1次学术会议，按期折算），");
            if (a2.isPresent()) {
                s3.append("截至本期达标的基层学会").append(a2.get().numerator() == null ? "" : a2.get().numerator() + "个，")
                        .append("达标率").append(fmt.pct(a2.get().value())).append(changes("A2.rate", a2.get().value()))
                        .append("。");
            } else {
                s3.append("本期暂无可计算的数据。");
            }
            Double acts = v("A2.rate", region, "norm=activities");
            Double conf = v("A2.rate", region, "norm=conference");
            if (acts != null) {
                s3.append("其中医疗卫生学会活动场次目标达标率").append(fmt.pct(acts)).append("；");
            }
            if (conf != null) {
                s3.append("学术会议目标达标率").append(fmt.pct(conf)).append("；");
            }
            for (OrgKind k : SANHUI) {
                Double r = v("A2.rate", region, "kind=" + k.name());
                if (r != null) {
                    s3.append(shortKind(k)).append("达标率").append(fmt.pct(r)).append("；");
                }
            }
            if (s3.charAt(s3.length() - 1) == '；') {
                s3.setLength(s3.length() - 1);
                s3.append("。");
            }
            s3.append("上述目标为参考目标，不作为考核依据。");
        } else {
            s3.append("Reference targets (not binding): medical societies 5 activities a year, every society one "
                    + "conference a year, pro rata. Meeting them: ").append(fmt.pct(a2.map(IndicatorRow::value)
                    .orElse(null))).append('.');
        }
        para(s3.toString());
        List<Region> kids = children();
        if (!kids.isEmpty() && regions.level(region) != RegionLevel.COUNTY) {
            List<List<Cell>> rows = new ArrayList<>();
            for (Region r : kids) {
                rows.add(List.of(textCell(regions.name(r.code())), numCell(v("A1.count", r.code())),
                        numCell(v("A1.participants", r.code())), new Cell(fmt.dec(v("A1.mean", r.code()), 1),
                                v("A1.mean", r.code()), false, false),
                        pctCell(v("A2.rate", r.code())), pctCell(v("A5.rate", r.code()))));
            }
            table("各" + childNoun() + "活动开展情况", "Activities by region",
                    z(List.of(regions.childNoun(region).replace("（区、市）", ""), "活动（场）", "参与（人次）", "组织平均（场）",
                            "规范达标率（参考）", "联合省级学会"),
                            List.of("Region", "Activities", "Participants", "Mean", "Norm met", "Joint")),
                    new double[] {1.6, 1.2, 1.4, 1.3, 1.5, 1.4}, rows);
        }
    }

    private static String shortLabel(Period x) {
        return switch (x.kind()) {
            // two lines under the axis, broken where a reader expects: 23年 / 一季度
            case QUARTER -> x.year() % 100 + "年\n" + "一二三四".charAt(x.index() - 1) + "季度";
            case MONTH -> x.year() % 100 + "年" + x.index() + "月";
            case YEAR -> x.year() + "年";
        };
    }

    private <E extends Enum<E>> String enumLabel(Class<E> type, String name) {
        try {
            E e = Enum.valueOf(type, name);
            if (!zh) {
                return e.name().charAt(0) + e.name().substring(1).toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
            }
            return e instanceof org.sanhui.model.domain.Labelled l ? l.label() : name;
        } catch (IllegalArgumentException ex) {
            return name;
        }
    }

    private <E extends Enum<E>> void describeShares(StringBuilder sb, Map<String, IndicatorRow> rows, Class<E> type,
            String leadZh, String leadEn) {
        double total = rows.values().stream().map(IndicatorRow::value).filter(Objects::nonNull)
                .mapToDouble(Double::doubleValue).sum();
        if (total <= 0) {
            return;
        }
        List<Map.Entry<String, IndicatorRow>> sorted = rows.entrySet().stream().filter(e -> e.getValue().value() != null)
                .sorted((x, y) -> Double.compare(y.getValue().value(), x.getValue().value())).toList();
        List<String> top = new ArrayList<>();
        for (int i = 0; i < Math.min(3, sorted.size()); i++) {
            Map.Entry<String, IndicatorRow> e = sorted.get(i);
            top.add(z(enumLabel(type, e.getKey()) + fmt.num(e.getValue().value()) + "场（占"
                    + fmt.pct(e.getValue().value() / total) + "）", enumLabel(type, e.getKey()) + " "
                    + fmt.pct(e.getValue().value() / total)));
        }
        sb.append(z(leadZh + "，居前的是" + fmt.join(top) + "。", leadEn + ": " + fmt.join(top) + ". "));
    }

    private <E extends Enum<E>> void breakdownChart(String slug, String captionZh, String captionEn,
            Map<String, IndicatorRow> rows, Class<E> type) {
        List<Map.Entry<String, IndicatorRow>> sorted = rows.entrySet().stream().filter(e -> e.getValue().value() != null)
                .sorted((x, y) -> Double.compare(y.getValue().value(), x.getValue().value())).toList();
        List<String> cats = sorted.stream().map(e -> enumLabel(type, e.getKey())).map(this::t).toList();
        Double[] vals = sorted.stream().map(e -> e.getValue().value()).toArray(Double[]::new);
        Map<String, Double[]> series = Map.of(z("活动场次", "Activities"), vals);
        figure(slug, captionZh, captionEn,
                title -> charts.bars(title, z("活动（场）", "Activities"), cats, series, false, true, t(source)),
                Math.min(0.9, 0.2 + cats.size() * 0.045));
    }

    private void grades() {
        heading1("等级评价情况", "Graded evaluation");
        List<Region> kids = children();
        Grade[] gs = Grade.values();
        String[] keys = new String[gs.length + 1];
        for (int i = 0; i < gs.length; i++) {
            keys[i] = gs[i].name();
        }
        keys[gs.length] = "NOT_EVALUATED";
        double[] mine = gradeCounts(region, keys);
        double total = java.util.Arrays.stream(mine).sum();
        StringBuilder sb = new StringBuilder();
        boolean unknownNotEvaluated = notEvaluatedUnknown(region);
        if (total > 0 && unknownNotEvaluated) {
            gradesWithoutNotEvaluated(sb, mine);
        } else if (total > 0) {
            if (zh) {
                sb.append(gradeYear()).append("年度参与等级评价的学会中，");
                for (int i = 0; i < keys.length; i++) {
                    sb.append(i == keys.length - 1 ? "未评价" : keys[i] + "等").append(fmt.num(mine[i])).append("个（")
                            .append(fmt.pct(mine[i] / total)).append("）").append(i == keys.length - 1 ? "。" : "，");
                }
            } else {
                sb.append("Grades A/B/C/not evaluated: ").append(fmt.num(mine[0])).append('/').append(fmt.num(mine[1]))
                        .append('/').append(fmt.num(mine[2])).append('/').append(fmt.num(mine[3])).append(". ");
            }
        } else {
            sb.append(z("本年度暂无等级评价结果。", "No grades yet this year. "));
        }
        Double pv = f.file().find("G4.p_value", region, "", gradeYear()).map(IndicatorRow::value)
                .orElse(v("G4.p_value", region));
        if (pv != null && zh) {
            sb.append("卡方检验显示，各").append(childNoun()).append("评价等次分布").append(pv < 0.05 ? "存在显著差异" : "无显著差异")
                    .append("（p=").append(fmt.dec(pv, 3)).append("）。");
        }
        para(sb.toString());
        if (total > 0 && !kids.isEmpty() && regions.level(region) != RegionLevel.COUNTY) {
            List<String> cats = new ArrayList<>();
            List<double[]> shares = new ArrayList<>();
            for (Region r : kids) {
                double[] c = gradeCounts(r.code(), keys);
                boolean graded = notEvaluatedUnknown(r.code());
                double s = java.util.Arrays.stream(c).sum();
                if (s > 0) {
                    cats.add(regions.name(r.code()));
                    // without a year-end snapshot the shares are of the graded societies, not-evaluated unknown
                    shares.add(java.util.stream.IntStream.range(0, c.length)
                            .mapToDouble(i -> graded && i == c.length - 1 ? Double.NaN : c[i] / s * 100).toArray());
                }
            }
            if (!cats.isEmpty()) {
                Map<String, Double[]> series = new LinkedHashMap<>();
                for (int i = 0; i < keys.length; i++) {
                    int k = i;
                    series.put(i == keys.length - 1 ? z("未评价", "Not evaluated") : keys[i] + z("等", ""),
                            shares.stream().map(x -> Double.isNaN(x[k]) ? null : x[k]).toArray(Double[]::new));
                }
                figure("grades", "各" + childNoun() + "学会评价等次构成", "Grades by region",
                        title -> charts.stacked(title, z("占比（%）", "Share (%)"), cats, series, t(source)),
                        cats.size() > 8 ? Math.min(1.4, 0.25 + cats.size() * 0.05) : 0.48);
            }
        }
        // exit candidates (the one list that names a person: the society's leader)
        List<Map<String, Object>> exits = inScope(f.file().list("exit_candidates"));
        StringBuilder s2 = new StringBuilder();
        long serious = exits.stream().filter(m -> truthy(m.get("serious"))).count();
        if (zh) {
            if (exits.isEmpty()) {
                s2.append("本期无连续两年评价为C等的学会。");
            } else {
                s2.append("连续两年评价为C等、按规定拟撤销团体会员资格的学会共").append(exits.size()).append("个");
                if (serious > 0) {
                    s2.append("，其中").append(serious).append("个同时长期未开展活动，情节较重");
                }
                s2.append("，名单见表").append(tabNo + 1).append("，请相关县（区）科协约谈负责人并限期整改。");
            }
        } else {
            s2.append(exits.size()).append(" societies were graded C in two consecutive years.");
        }
        para(s2.toString());
        if (!exits.isEmpty()) {
            List<List<Cell>> rows = new ArrayList<>();
            for (Map<String, Object> m : exits) {
                String county = Objects.toString(m.get("county_code"), "");
                rows.add(List.of(textCell(Objects.toString(m.get("org_name"), "")),
                        textCell(county.isEmpty() ? "" : countyName(county)),
                        textCell(zh ? kindLabel(m.get("kind")) : Objects.toString(m.get("kind"), "")),
                        textCell(Objects.toString(m.get("leader_name"), "")),
                        textCell(grades(m.get("grades"))),
                        new Cell(truthy(m.get("serious")) ? z("是", "yes") : z("否", "no"), null, false,
                                truthy(m.get("serious")))));
            }
            table("拟撤销团体会员资格的学会", "Exit candidates",
                    z(List.of("组织名称", "所在县（区）", "类型", "负责人", "近两年等次", "长期未开展活动"),
                            List.of("Organisation", "County", "Kind", "Leader", "Grades", "Dormant")),
                    new double[] {2.6, 1.8, 1.6, 1.0, 1.4, 1.2}, rows);
        }
    }

    /** The latest year up to P's with grade rows (G1 rows are yearly; next year's grades come late). */
    private String gradeYear() {
        int best = -1;
        for (IndicatorRow r : f.rowsOf(region)) {
            if (r.indicator().startsWith("G1.") && r.period().length() == 4 && r.breakdown().isEmpty()) {
                int y = Integer.parseInt(r.period());
                if (y <= f.period().year() && y > best) {
                    best = y;
                }
            }
        }
        return Integer.toString(best < 0 ? f.period().year() : best);
    }

    /** Whether the region's NOT_EVALUATED count of the grade year is unknown (a county without year-end snapshot). */
    private boolean notEvaluatedUnknown(String code) {
        return f.file().find("G1.NOT_EVALUATED", code, "", gradeYear()).map(r -> r.value() == null).orElse(false);
    }

    /** The grade sentence when the not-evaluated count is unknown: shares of the graded societies. */
    private void gradesWithoutNotEvaluated(StringBuilder sb, double[] mine) {
        double graded = mine[0] + mine[1] + mine[2];
        if (zh) {
            sb.append(gradeYear()).append("年度参与等级评价的学会中，");
            for (int i = 0; i < 3; i++) {
                sb.append(Grade.values()[i].name()).append("等").append(fmt.num(mine[i])).append("个（")
                        .append(fmt.pct(mine[i] / graded)).append("）").append(i == 2 ? "；" : "，");
            }
            sb.append("部分县（区）该年末尚无组织信息报送，未评价学会数无法确定，占比按已评价学会计算。");
        } else {
            sb.append("Grades A/B/C: ").append(fmt.num(mine[0])).append('/').append(fmt.num(mine[1])).append('/')
                    .append(fmt.num(mine[2])).append("; not evaluated unknown (no year-end snapshot). ");
        }
    }

    private double[] gradeCounts(String code, String[] keys) {
        double[] out = new double[keys.length];
        String year = gradeYear();
        for (int i = 0; i < keys.length; i++) {
            Optional<IndicatorRow> r = f.file().find("G1." + keys[i], code, "", year);
            if (r.isPresent()) {
                out[i] = r.get().numerator() != null ? r.get().numerator()
                        : r.get().value() == null ? 0 : r.get().value();
            }
        }
        return out;
    }

    private static boolean truthy(Object o) {
        return o instanceof Boolean b ? b : o != null && ("true".equalsIgnoreCase(o.toString()) || "是".equals(o));
    }

    private String grades(Object o) {
        if (o instanceof Map<?, ?> m) {
            List<String> parts = new ArrayList<>();
            new TreeMap<>(m.entrySet().stream().collect(java.util.stream.Collectors.toMap(
                    e -> e.getKey().toString(), e -> Objects.toString(e.getValue())))).forEach((y, g) ->
                    parts.add(zh ? y + "年" + g : y + ": " + g));
            return fmt.join(parts);
        }
        if (o instanceof List<?> l) {
            return fmt.join(l.stream().map(x -> x instanceof Map<?, ?> mm
                    ? (zh ? mm.get("year") + "年" + mm.get("grade") : mm.get("year") + ": " + mm.get("grade"))
                    : Objects.toString(x)).toList());
        }
        if (o == null) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        for (String p : o.toString().split(";")) {
            int eq = p.indexOf('=');
            parts.add(eq < 0 ? p : zh ? p.substring(0, eq) + "年" + p.substring(eq + 1) : p.replace("=", ": "));
        }
        return fmt.join(parts);
    }

    /** The list rows whose county lies in the briefing's region. */
    private List<Map<String, Object>> inScope(List<Map<String, Object>> rows) {
        if (regions.level(region) == RegionLevel.NATION) {
            return rows;
        }
        return rows.stream().filter(m -> {
            Object c = m.get("county_code");
            return c != null && c.toString().startsWith(region);
        }).toList();
    }

    private void inactive() {
        heading1("不活跃组织情况", "Inactive organisations");
        Optional<IndicatorRow> ina = row("A3.inactive", region);
        Optional<IndicatorRow> dor = row("A3.dormant", region);
        List<Map<String, Object>> inList = inScope(f.file().list("inactive"));
        List<Map<String, Object>> unknown = inScope(f.file().list("unknown_activity"));
        List<Map<String, Object>> rect = inScope(f.file().list("rectifying"));
        StringBuilder sb = new StringBuilder();
        if (zh) {
            ina.ifPresent(r -> sb.append("本期及上期均未开展活动的组织").append(fmt.count(count("A3.inactive", region),
                    "个", "")).append(r.numerator() != null && r.denominator() != null ? "，占可判断组织的"
                    + fmt.pct(r.value()) : "")
                    .append(Optional.ofNullable(fmt.diffWords(count("A3.inactive", region), prevCount("A3.inactive",
                            region), "个")).map(w -> "，较上期" + w).orElse("")).append("；"));
            dor.ifPresent(r -> sb.append("连续四期未开展活动的休眠组织").append(fmt.count(count("A3.dormant", region), "个",
                    "")).append("；"));
            if (!unknown.isEmpty()) {
                sb.append("因所在县（区）未按期报送而无法判断的").append(unknown.size()).append("个；");
            }
            if (!rect.isEmpty()) {
                sb.append("处于整改中的组织").append(rect.size()).append("个；");
            }
            if (!sb.isEmpty()) {
                sb.setLength(sb.length() - 1);
                sb.append("。");
            }
            List<Region> kids = children();
            Optional<Region> worst = kids.stream().filter(r -> count("A3.inactive", r.code()) != null)
                    .max(Comparator.comparing((Region r) -> count("A3.inactive", r.code())));
            if (worst.isPresent() && count("A3.inactive", worst.get().code()) > 0
                    && regions.level(region) != RegionLevel.COUNTY) {
                sb.append("不活跃组织最多的是").append(regions.name(worst.get().code())).append("（")
                        .append(fmt.num(count("A3.inactive", worst.get().code()))).append("个）。");
            }
            if (!inList.isEmpty()) {
                sb.append("请各县（区）科协督促以下组织尽快恢复正常活动。");
            }
        } else {
            ina.ifPresent(r -> sb.append("Inactive in this and the last period: ")
                    .append(fmt.num(count("A3.inactive", region))).append(". "));
            dor.ifPresent(r -> sb.append("Dormant for four periods: ").append(fmt.num(count("A3.dormant", region)))
                    .append('.'));
        }
        para(sb.toString());
        if (!inList.isEmpty()) {
            List<List<Cell>> rows = new ArrayList<>();
            for (Map<String, Object> m : inList.subList(0, Math.min(LIST_LIMIT, inList.size()))) {
                String county = Objects.toString(m.get("county_code"), "");
                rows.add(List.of(textCell(Objects.toString(m.get("org_name"), "")),
                        textCell(county.isEmpty() ? "" : countyName(county)),
                        textCell(zh ? kindLabel(m.get("kind")) : Objects.toString(m.get("kind"), "")),
                        textCell(Objects.toString(m.getOrDefault("established", ""), ""))));
            }
            table("不活跃组织名单", "Inactive organisations",
                    z(List.of("组织名称", "所在县（区）", "类型", "成立日期"),
                            List.of("Organisation", "County", "Kind", "Established")),
                    new double[] {3.0, 2.0, 1.8, 1.6}, rows);
            if (inList.size() > LIST_LIMIT) {
                note(z("注：共" + inList.size() + "个，表中列出前" + LIST_LIMIT + "个，完整名单见同名Excel附表。",
                        "Note: " + inList.size() + " in all; the workbook lists every one."));
            }
        }
    }

    private void submissions() {
        heading1("报送情况与数据质量", "Reporting and data quality");
        Optional<IndicatorRow> s1 = row("S1.rate", region);
        Double ontime = v("S1.ontime", region);
        Double rej = v("S2.reject_rate", region);
        List<Map<String, Object>> missing = inScope(f.file().list("missing_submissions"));
        List<Map<String, Object>> late = inScope(f.file().list("late_submissions"));
        StringBuilder sb = new StringBuilder();
        if (zh) {
            s1.ifPresent(r -> sb.append("本期应报送").append(r.denominator() == null ? "—" : r.denominator())
                    .append("个县（区），已报送").append(r.numerator() == null ? "—" : r.numerator()).append("个，报送率")
                    .append(fmt.pct(r.value())).append(changes("S1.rate", r.value())));
            if (ontime != null) {
                sb.append(sb.isEmpty() ? "" : "，").append("按期（期末后15日内）报送率").append(fmt.pct(ontime));
            }
            if (!sb.isEmpty()) {
                sb.append("。");
            }
            if (!missing.isEmpty()) {
                List<String> names = missing.stream().map(m -> countyName(Objects.toString(m.get("county_code"), "")))
                        .distinct().toList();
                sb.append(fmt.join(names.subList(0, Math.min(10, names.size()))))
                        .append(names.size() > 10 ? "等" + names.size() + "个县（区）" : "").append("本期未报送。");
            }
            if (!late.isEmpty()) {
                sb.append("逾期报送").append(late.size()).append("次。");
            }
            if (rej != null) {
                sb.append("报送数据中因不符合填报规范被退回的记录占").append(fmt.pct(rej)).append(rej > 0.05
                        ? "，数据质量有待提高，请对照反馈表逐项更正。" : "，数据质量总体良好。");
            }
        } else {
            s1.ifPresent(r -> sb.append("Reporting rate ").append(fmt.pct(r.value())).append(". "));
            if (rej != null) {
                sb.append("Rejected rows: ").append(fmt.pct(rej)).append('.');
            }
        }
        para(sb.toString());
        List<Region> kids = children();
        if (!kids.isEmpty()) {
            List<List<Cell>> rows = new ArrayList<>();
            Double avg = v("S2.reject_rate", region);
            for (Region r : kids) {
                Double rr = v("S2.reject_rate", r.code());
                rows.add(List.of(textCell(regions.name(r.code())), pctCell(v("S1.rate", r.code())),
                        pctCell(v("S1.ontime", r.code())), pctCell(rr, rr != null && avg != null && rr > avg * 2)));
            }
            table("各" + childNoun() + "报送及数据质量", "Reporting by region",
                    z(List.of(regions.childNoun(region).replace("（区、市）", ""), "报送率", "按期报送率", "退回记录占比"),
                            List.of("Region", "Reported", "On time", "Rejected rows")),
                    new double[] {2.0, 1.5, 1.5, 1.5}, rows);
        }
    }

    private void scores() {
        List<Region> kids = children();
        List<Region> scored = kids.stream().filter(r -> v("R1.score", r.code()) != null)
                .sorted(Comparator.comparing((Region r) -> -v("R1.score", r.code())).thenComparing(Region::code))
                .toList();
        if (scored.isEmpty()) {
            return;
        }
        heading1("综合评分", "Composite score");
        StringBuilder sb = new StringBuilder();
        if (zh) {
            sb.append("按覆盖（40%）、“3+1”（20%）、活动规范（20%）、评价等次（20%）加权计算，");
            Double mine = v("R1.score", region);
            if (mine != null) {
                sb.append(regions.name(region)).append("综合得分").append(fmt.dec(mine, 1)).append("分；");
            }
            sb.append("各").append(childNoun()).append("中得分最高的是").append(regions.name(scored.get(0).code())).append("（")
                    .append(fmt.dec(v("R1.score", scored.get(0).code()), 1)).append("分）");
            if (scored.size() > 1) {
                Region last = scored.get(scored.size() - 1);
                sb.append("，最低的是").append(regions.name(last.code())).append("（").append(fmt.dec(v("R1.score",
                        last.code()), 1)).append("分）");
            }
            sb.append("。");
        } else {
            sb.append("Highest score: ").append(regions.name(scored.get(0).code())).append('.');
        }
        para(sb.toString());
        List<List<Cell>> rows = new ArrayList<>();
        for (Region r : scored) {
            Double s = v("R1.score", r.code());
            // analytics ranks cities within the province and counties within their city
            Double rank = v("R1.rank", r.code(), r.level() == RegionLevel.COUNTY ? "within=city" : "within=province");
            if (rank == null) {
                rank = v("R1.rank", r.code());
            }
            if (rank == null) {
                // equal scores share the better rank (DOMAIN.md R1)
                rank = (double) (1 + scored.stream().filter(o -> v("R1.score", o.code()) > s + 1e-9).count());
            }
            rows.add(List.of(numCell(rank), textCell(regions.name(r.code())), new Cell(fmt.dec(s, 1), s, false, false),
                    pctCell(v("C1.full", r.code())), pctCell(v("C3.county", r.code())), pctCell(v("A2.rate", r.code()))));
        }
        table("各" + childNoun() + "综合评分", "Composite score by region",
                z(List.of("排名", regions.childNoun(region).replace("（区、市）", ""), "综合得分", "“三会”全覆盖", "县级“3+1”",
                        "规范达标"), List.of("Rank", "Region", "Score", "All three", "County 3+1", "Norms")),
                new double[] {0.8, 1.8, 1.2, 1.4, 1.4, 1.4}, rows);
    }

    private void methodNotes() {
        heading1("指标说明", "Method notes");
        String[][] notes = {
            {"组织“存在”：状态为正常或整改中、成立日期不晚于期末的组织；已撤销的不计。",
                "An organisation exists when active or rectifying and established by the period end."},
            {"基层“三会”覆盖率：县（区）内存在该类学会的县（区）数／县（区）总数；全覆盖指三类学会均已建立（区划以国家统计用区划代码2023年版为准）。",
                "Society coverage: counties with a society of the kind / counties (2023 division codes)."},
            {"乡镇（街道）科协覆盖率：建有科协的乡、镇、街道／乡、镇、街道总数（不含开发区、农场等类似乡级单位）。",
                "Township coverage: townships with a 科协 / townships (development zones and farms excluded)."},
            {"“3+1”完成率：现任兼职或挂职副主席中包括医院院长、学校校长、农技站站长（街道可为社会服务中心主任）的科协占比；挂职未注明结束日期的按2年计。",
                "3+1: share of 科协 whose current vice-chairs include the three heads; seconded posts last 2 years."},
            {"活动场次：本期内开展的活动；组织平均值按期末存在的全部组织计算（含零），未报送县（区）的组织不计入。",
                "Activities: held in the period; means over every existing organisation of reporting counties."},
            {"活动规范（参考目标）：医疗卫生学会每年不少于5场活动，各基层学会每年至少1次学术会议，按季度或月份折算；仅作参考。",
                "Reference norms: 5 activities a year for medical societies, 1 conference a year, pro rata."},
            {"不活跃：本期及上期均无活动；休眠：本期及前三期均无活动；所在县（区）未报送的期间记为无法判断。",
                "Inactive: no activity this and last period; dormant: none in four periods."},
            {"拟撤销团体会员资格：最近两个有评价结果的年度均为C等；同时休眠的为情节较重。",
                "Exit candidates: graded C in the two latest graded years."},
            {"报送率：有被受理报送的县（区）／应报县（区）；按期指填报日期在期末后15日内。",
                "Reporting rate: counties with an accepted return / counties expected; on time = within 15 days."},
            {"综合评分：覆盖40%、“3+1”20%、活动规范20%、评价等次20%，缺项权重按比例分配，满分100分。",
                "Composite score: coverage 40, 3+1 20, norms 20, grades 20; out of 100."},
        };
        for (int i = 0; i < notes.length; i++) {
            note((i + 1) + z("．", ". ") + z(notes[i][0], notes[i][1]));
        }
    }
}
