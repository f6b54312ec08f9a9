package org.sanhui.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.sanhui.model.period.Period;
import org.sanhui.model.rules.Rules;
import org.sanhui.reporting.Lang;
import org.sanhui.reporting.Masthead;
import org.sanhui.reporting.ReportOptions;
import org.sanhui.reporting.Reporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sanhui report}: indicator JSON to briefing PDFs, charts (PNG, SVG) and an xlsx of every figure. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write the province briefing and one per city (A4 PDF, Chinese by default) with charts as "
                + "PNG and SVG and an xlsx workbook of every indicator and list. Reads the indicator JSON of "
                + "`sanhui analyze`; no Spark.",
        footerHeading = "%nExamples:%n",
        footer = {"  sanhui report --warehouse out/warehouse --period 2024Q4 --out out/reports/2024Q4",
            "  sanhui report --warehouse wh --period 2024Q4 --out r --city 6404",
            "  sanhui report --warehouse wh --period 2024Q4 --out r --lang en"})
final class ReportCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Option(names = "--warehouse", required = true, paramLabel = "DIR", description = "The analysed warehouse.")
    Path warehouse;

    @Option(names = "--period", required = true, paramLabel = "P", description = "The analysed period, e.g. 2024Q4.")
    String period;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for the briefings.")
    Path out;

    @Option(names = "--lang", paramLabel = "zh|en", defaultValue = "zh", description = "Language (default: ${DEFAULT-VALUE}).")
    String lang;

    @Option(names = "--city", paramLabel = "CODE", description = "Only this city's briefing (e.g. 6401).")
    String city;

    @Override
    public Integer call() {
        common.applyLogLevel();
        List<Path> files = report(warehouse, Period.parse(period), out, lang, city, common.rules());
        printFiles(files);
        return Main.OK;
    }

    static List<Path> report(Path warehouse, Period p, Path out, String lang, String city, Rules rules) {
        ReportOptions.Builder b = ReportOptions.builder().warehouse(warehouse, p.toString()).outDir(out)
                .lang(parseLang(lang)).masthead(masthead(rules, scopeOf(warehouse, p)))
                .warnings(w -> System.err.println("  warning: " + ConsoleText.escape(w)));
        if (city != null) {
            b.city(city);
        }
        return Reporter.run(b.build());
    }

    static Lang parseLang(String lang) {
        return switch (lang.toLowerCase(java.util.Locale.ROOT)) {
            case "zh" -> Lang.ZH;
            case "en" -> Lang.EN;
            default -> throw new IllegalArgumentException("--lang " + lang + ": expected zh or en");
        };
    }

    static Masthead masthead(Rules rules, String scope) {
        org.sanhui.model.rules.Masthead m = rules.masthead();
        Masthead out = Masthead.DEFAULT.withDistribution(blankToNull(m.reportTo()), blankToNull(m.copyTo()),
                blankToNull(m.distributeTo()), 0);
        if (scope != null && scope.length() >= 2) {
            String issuer = m.issuer(scope.substring(0, 2)).orElse(null);
            if (issuer != null) {
                out = out.withIssuer(issuer);
            }
        }
        return out;
    }

    /** The scope the indicator file was computed for, or null when the file cannot tell (reporting then says why). */
    static String scopeOf(Path warehouse, Period p) {
        Path json = warehouse.resolve("indicators").resolve(p.toString()).resolve("indicators-" + p + ".json");
        if (!java.nio.file.Files.isRegularFile(json)) {
            return null;
        }
        try (com.fasterxml.jackson.core.JsonParser parser = new com.fasterxml.jackson.core.JsonFactory()
                .createParser(json.toFile())) {
            int depth = 0;
            for (com.fasterxml.jackson.core.JsonToken t = parser.nextToken(); t != null; t = parser.nextToken()) {
                if (t.isStructStart()) {
                    depth++;
                } else if (t.isStructEnd()) {
                    depth--;
                } else if (depth == 1 && t == com.fasterxml.jackson.core.JsonToken.FIELD_NAME
                        && "scope".equals(parser.currentName())) {
                    parser.nextToken();
                    return parser.getValueAsString();
                }
            }
        } catch (java.io.IOException e) {
            return null;
        }
        return null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    static void printFiles(List<Path> files) {
        long pdfs = files.stream().filter(f -> f.toString().endsWith(".pdf")).count();
        System.out.printf("wrote %d files (%d briefings)%n", files.size(), pdfs);
        files.stream().filter(f -> !f.toString().endsWith(".png") && !f.toString().endsWith(".svg"))
                .forEach(f -> System.out.println("  " + ConsoleText.escape(f)));
    }
}
