package org.sanhui.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.sanhui.analytics.AnalyzeOptions;
import org.sanhui.analytics.AnalyzeResult;
import org.sanhui.analytics.Analyzer;
import org.sanhui.model.period.Period;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sanhui analyze}: the warehouse's Parquet to the indicator table, lists and JSON, with Spark. */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = "Compute every indicator of a period from the warehouse with Spark (embedded local[*] by default).",
        footerHeading = "%nExamples:%n",
        footer = {"  sanhui analyze --warehouse out/warehouse --period 2024Q4",
            "  sanhui analyze --warehouse wh --period 2024-07 --scope 12 --config tianjin.properties",
            "  sanhui analyze --warehouse wh --period 2024Q4 --master local[2]",
            "", "Writes WAREHOUSE/indicators/<P>/ (table/, lists/, indicators-<P>.json, _SUCCESS)."})
final class AnalyzeCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Option(names = "--warehouse", required = true, paramLabel = "DIR", description = "The warehouse `sanhui ingest` wrote.")
    Path warehouse;

    @Option(names = "--period", required = true, paramLabel = "P",
            description = "The period to analyse: 2024Q4, 2024年第四季度, 2024-07 (monthly provinces).")
    String period;

    @Option(names = "--scope", paramLabel = "CODE",
            description = "Region analysed: a province (64), a city, or 00 for the whole country. "
                    + "Default: the province the submissions come from.")
    String scope;

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master. Default: embedded local[*] bound to 127.0.0.1.")
    String master;

    @Override
    public Integer call() {
        common.applyLogLevel();
        AnalyzeResult r = analyze(warehouse, Period.parse(period), scope, master, common);
        print(r);
        return Main.OK;
    }

    static AnalyzeResult analyze(Path warehouse, Period p, String scope, String master, CommonOptions common) {
        AnalyzeOptions.Builder b = AnalyzeOptions.builder(warehouse, p).rules(common.rules());
        if (scope != null) {
            b.scope(scope);
        }
        if (master != null) {
            b.master(master);
        }
        b.progress(msg -> System.err.println("  [analyze] " + ConsoleText.escape(msg)));
        return Analyzer.run(b.build());
    }

    static void print(AnalyzeResult r) {
        System.out.printf("analyzed scope %s in %.1f s: %d indicator rows%n", r.scope(), r.wallTime().toMillis() / 1000.0,
                r.indicatorRows());
        for (Map.Entry<String, Long> e : r.listRows().entrySet()) {
            System.out.printf("  list %-22s %6d rows%n", e.getKey(), e.getValue());
        }
        for (String w : r.warnings()) {
            System.out.println("  warning: " + ConsoleText.escape(w));
        }
        System.out.println("  output: " + ConsoleText.escape(r.output()));
        System.out.println("  json:   " + ConsoleText.escape(r.json()));
    }
}
