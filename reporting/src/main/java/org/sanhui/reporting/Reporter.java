package org.sanhui.reporting;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.sanhui.model.period.Period;
import org.sanhui.model.region.Gazetteer;
import org.sanhui.model.region.Region;
import org.sanhui.model.region.RegionLevel;
import org.sanhui.reporting.briefing.Block;
import org.sanhui.reporting.briefing.Briefing;
import org.sanhui.reporting.briefing.BriefingBuilder;
import org.sanhui.reporting.briefing.Regions;
import org.sanhui.reporting.chart.ChartFiles;
import org.sanhui.reporting.chart.ChartTheme;
import org.sanhui.reporting.chart.Charts;
import org.sanhui.reporting.data.Figures;
import org.sanhui.reporting.data.IndicatorFile;
import org.sanhui.reporting.font.BundledFonts;
import org.sanhui.reporting.font.GlyphCheck;
import org.sanhui.reporting.pdf.PdfBriefingWriter;
import org.sanhui.reporting.xlsx.WorkbookWriter;

/**
 * Writes the briefings of one indicator file: the scope's (province) briefing and one per city, or only
 * the city asked for, each as an A4 PDF with its charts as PNG and SVG beside it, plus the xlsx workbook
 * and a copy of the indicator JSON.
 *
 * <pre>
 * OUT/briefing-64-2024Q4.pdf            the province (scope) briefing
 * OUT/briefing-6401-2024Q4.pdf          one per city
 * OUT/charts/&lt;region&gt;/&lt;nn&gt;-&lt;name&gt;.png|svg   every chart of every briefing
 * OUT/indicators-64-2024Q4.xlsx         every indicator table and list (indicators-6401-... with a city)
 * OUT/indicators-2024Q4.json            the indicator file, copied
 * </pre>
 *
 * <p>Every file is written to a temporary name and renamed into place. Thread-safe (no shared state
 * other than the process-wide fonts).
 */
public final class Reporter {

    private Reporter() {
    }

    /**
     * Writes the briefings.
     *
     * @param options what to write, null not permitted
     * @return the files written, in writing order, never null
     * @throws ReportException if the indicator file is missing or bad, or the city is not in its scope
     * @throws UncheckedIOException if a file cannot be written
     */
    public static List<Path> run(ReportOptions options) {
        Objects.requireNonNull(options, "options");
        IndicatorFile file = IndicatorFile.read(options.indicators());
        Gazetteer gaz = Gazetteer.national();
        if (gaz.byCode(file.scope()).isEmpty()) {
            throw new ReportException(options.indicators() + ": scope '" + file.scope()
                    + "' is not a region code of the gazetteer (expected 00 or a province code)");
        }
        Figures figures = new Figures(file, otherPeriods(options.indicators(), file, options.warnings()));
        Regions regions = new Regions(gaz);
        List<String> targets = new ArrayList<>();
        if (options.city() != null) {
            if (!gaz.isWithin(options.city(), file.scope()) || gaz.byCode(options.city()).isEmpty()
                    || gaz.require(options.city()).level() != RegionLevel.CITY) {
                throw new ReportException("city " + options.city() + " is not a city within the scope "
                        + file.scope() + " of " + options.indicators() + "; expected one of "
                        + gaz.within(file.scope(), RegionLevel.CITY).stream().limit(20).map(Region::code).toList());
            }
            targets.add(options.city());
        } else {
            targets.add(file.scope());
            if (options.cityBriefings()) {
                for (Region c : gaz.within(file.scope(), RegionLevel.CITY)) {
                    targets.add(c.code());
                }
            }
        }
        return write(options, file, figures, regions, targets);
    }

    private static List<Path> write(ReportOptions options, IndicatorFile file, Figures figures, Regions regions,
            List<String> targets) {
        BundledFonts fonts = BundledFonts.get();
        ChartTheme theme = new ChartTheme(fonts);
        Charts charts = new Charts(theme);
        Path out = options.outDir();
        List<Path> written = new ArrayList<>();
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the output folder " + out, e);
        }
        String suffix = options.lang() == Lang.EN ? "-en" : "";
        // the scope's briefing first (its tables go into the workbook), then the cities in parallel
        Briefing first = one(options, file, figures, regions, charts, fonts, targets.get(0), suffix, written);
        List<String> rest = targets.subList(1, targets.size());
        if (!rest.isEmpty()) {
            int threads = Math.max(1, Math.min(options.threads(), rest.size()));
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
            try {
                List<java.util.concurrent.Future<List<Path>>> futures = new ArrayList<>();
                for (String region : rest) {
                    futures.add(pool.submit(() -> {
                        List<Path> mine = new ArrayList<>();
                        one(options, file, figures, regions, charts, fonts, region, suffix, mine);
                        return mine;
                    }));
                }
                for (java.util.concurrent.Future<List<Path>> f : futures) {
                    written.addAll(f.get());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ReportException("interrupted while writing the city briefings", e);
            } catch (java.util.concurrent.ExecutionException e) {
                if (e.getCause() instanceof RuntimeException re) {
                    throw re;
                }
                throw new ReportException("a city briefing failed: " + e.getCause(), e.getCause());
            } finally {
                pool.shutdownNow();
            }
        }
        String scope = options.city() != null ? options.city() : file.scope();
        if (options.workbook()) {
            Path xlsx = out.resolve("indicators-" + scope + "-" + file.period() + suffix + ".xlsx");
            Briefing tables = first;
            atomically(xlsx, o -> new WorkbookWriter(regions).write(file, scope, tables, o));
            written.add(xlsx);
        }
        if (options.city() == null && file.path() != null) {
            Path copy = out.resolve(file.path().getFileName());
            if (!copy.toAbsolutePath().normalize().equals(file.path().toAbsolutePath().normalize())) {
                atomically(copy, o -> {
                    try {
                        Files.copy(file.path(), o);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
                written.add(copy);
            }
        }
        return written;
    }

    /** Writes one region's briefing and chart files; thread-confined (its own builder and writer). */
    private static Briefing one(ReportOptions options, IndicatorFile file, Figures figures, Regions regions,
            Charts charts, BundledFonts fonts, String region, String suffix, List<Path> written) {
        BriefingBuilder builder = new BriefingBuilder(figures, regions, charts, options.lang(), options.masthead());
        GlyphCheck glyphs = new GlyphCheck(fonts);
        Briefing b = builder.build(region, glyphs);
        Path out = options.outDir();
        Path target = out.resolve("briefing-" + region + "-" + file.period() + suffix + ".pdf");
        atomically(target, o -> new PdfBriefingWriter(fonts).write(b, b.issuer(), o));
        written.add(target);
        glyphs.report(target.getFileName().toString(), options.warnings());
        if (options.chartFiles()) {
            Path dir = out.resolve("charts").resolve(region + suffix);
            for (Block.Figure f : b.figures()) {
                int w = 640;
                int h = (int) Math.round(w * f.aspect()) + 50;
                for (Path p : ChartFiles.write(f.chart(), dir, f.slug(), w, h, 1.5)) {
                    written.add(p);
                }
            }
        }
        return b;
    }

    /** Finds the files of the earlier periods beside the reported one (…/indicators/&lt;P&gt;/indicators-&lt;P&gt;.json). */
    private static Map<String, IndicatorFile> otherPeriods(Path indicators, IndicatorFile file,
            Consumer<String> warnings) {
        Map<String, IndicatorFile> out = new LinkedHashMap<>();
        Path dir = indicators.toAbsolutePath().getParent();
        Path base = dir == null ? null : dir.getParent();
        if (base == null || !dir.getFileName().toString().equals(file.period())) {
            return out;
        }
        Period p = Period.parse(file.period());
        List<Period> wanted = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            wanted.add(p.plus(-i));
        }
        if (!wanted.contains(p.sameLastYear())) {
            wanted.add(p.sameLastYear());
        }
        for (Period w : wanted) {
            Path f = base.resolve(w.toString()).resolve("indicators-" + w + ".json");
            if (Files.isRegularFile(f) && Files.exists(f.getParent().resolve("_SUCCESS"))) {
                try {
                    out.put(w.toString(), IndicatorFile.read(f));
                } catch (ReportException e) {
                    warnings.accept("skipping the indicators of " + w + ": " + e.getMessage());
                }
            }
        }
        return out;
    }

    private interface Writer {
        void write(OutputStream out) throws IOException;
    }

    private static void atomically(Path target, Writer writer) {
        Path tmp = null;
        try {
            tmp = target.toAbsolutePath().getParent().resolve("." + target.getFileName() + "." + System.nanoTime() + ".tmp");
            try (OutputStream o = Files.newOutputStream(tmp, java.nio.file.StandardOpenOption.CREATE_NEW)) {
                writer.write(o);
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            tmp = null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // best effort clean-up of our own temporary file
                }
            }
        }
    }
}
