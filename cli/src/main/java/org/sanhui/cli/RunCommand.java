package org.sanhui.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.Callable;
import org.sanhui.analytics.AnalyzeResult;
import org.sanhui.ingestion.IngestOptions;
import org.sanhui.ingestion.IngestReport;
import org.sanhui.model.error.InvalidInputException;
import org.sanhui.model.period.Period;
import org.sanhui.model.rules.Rules;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sanhui run}: the quarterly job end to end: ingest, analyze, report. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "The quarterly job: ingest everything under --input (each file keeps its own period; files of "
                + "periods after P are ingested, not analysed), analyse P, write the briefings. Run twice, it gives "
                + "the same results: resubmissions replace, nothing doubles.",
        footerHeading = "%nExamples:%n",
        footer = {"  sanhui run --period 2024Q4                       (the bundled Ningxia sample, into ./out)",
            "  sanhui run --period 2025Q1 --input inbox/ --out /data/sanhui",
            "  sanhui run --period 2024-07 --input tianjin/ --out out --scope 12 --config tianjin.properties",
            "", "Writes OUT/warehouse, OUT/reports/<P> (briefings, charts, indicator JSON and xlsx) and",
            "OUT/feedback/<the file's period> (each county's 回执). Exit code 1 when rows or files were rejected."})
final class RunCommand implements Callable<Integer> {

    /** The bundled sample, relative to the project root. */
    static final String SAMPLE = "datasets/ningxia-sample";

    @Mixin
    CommonOptions common;

    @Option(names = "--period", required = true, paramLabel = "P", description = "The period to analyse and report, e.g. 2024Q4.")
    String period;

    @Option(names = "--input", paramLabel = "DIR", description = "Folder of submissions (default: the bundled " + SAMPLE + ").")
    Path input;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "out", description = "Output folder (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--scope", paramLabel = "CODE", description = "Region analysed (default: the province the submissions come from).")
    String scope;

    @Option(names = "--master", paramLabel = "URL", description = "Spark master (default: embedded local[*]).")
    String master;

    @Option(names = "--lang", paramLabel = "zh|en", defaultValue = "zh", description = "Briefing language (default: ${DEFAULT-VALUE}).")
    String lang;

    @Override
    public Integer call() {
        common.applyLogLevel();
        long t0 = System.nanoTime();
        Period p = Period.parse(period);
        Rules rules = common.rules();
        Path in = input != null ? input : sample();
        if (!Files.isDirectory(in)) {
            throw new InvalidInputException("input folder not found: " + in);
        }
        Path warehouse = out.resolve("warehouse");
        Path reports = out.resolve("reports").resolve(p.toString());
        Path feedback = out.resolve("feedback");

        System.out.println("1/3 ingest " + ConsoleText.escape(in.toString()));
        // the output folder may sit under the input (run --input . --out out): its workbooks are no input
        IngestOptions.Builder b = IngestOptions.builder(warehouse).feedbackDir(feedback).excludeFolder(out)
                .rules(rules).limits(CommonOptions.ingestLimits(rules));
        IngestReport ingest = IngestCommand.run(List.of(in), b, "ingest", common.verbose);

        System.out.println("2/3 analyze " + p);
        AnalyzeResult analysis = AnalyzeCommand.analyze(warehouse, p, scope, master, common);
        AnalyzeCommand.print(analysis);

        System.out.println("3/3 report");
        List<Path> files = ReportCommand.report(warehouse, p, reports, lang, null, rules);
        ReportCommand.printFiles(files);

        IngestReport.Totals t = ingest.totals();
        System.out.printf("%ndone in %.1f s: %d files, %d rows read = %d accepted + %d rejected + %d skipped%n",
                (System.nanoTime() - t0) / 1e9, t.files(), t.read(), t.accepted(), t.rejected(), t.skipped());
        System.out.println("  warehouse: " + ConsoleText.escape(warehouse.toString()));
        System.out.println("  briefings: " + ConsoleText.escape(reports.toString()));
        System.out.println("  feedback:  " + ConsoleText.escape(feedback.toString()));
        return ingest.exitCode();
    }

    /** The bundled sample: under the project root the launcher names, else under the working directory. */
    static Path sample() {
        String home = System.getProperty("sanhui.home");
        return (home != null ? Paths.get(home) : Paths.get("")).resolve(SAMPLE);
    }
}
