package org.sanhui.analytics;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.sanhui.model.period.Period;

/**
 * The spark-submit entry point: {@code spark-submit --class org.sanhui.analytics.AnalyzeJob JOB.jar
 * --warehouse DIR --period P [--scope 64] [--master URL]}. Prints one line per step and a summary.
 */
public final class AnalyzeJob {

    private AnalyzeJob() {
    }

    /**
     * Runs the job.
     *
     * @param args {@code --warehouse DIR --period P [--scope CODE] [--master URL]}
     * @throws IllegalArgumentException if an argument is missing or unknown, naming the accepted ones
     */
    public static void main(String[] args) {
        AnalyzeOptions options = parse(args);
        AnalyzeResult r = Analyzer.run(options);
        System.out.println("wrote " + r.indicatorRows() + " indicator rows and lists " + r.listRows() + " to "
                + r.output() + " in " + r.wallTime().toMillis() + " ms");
        for (String w : r.warnings()) {
            System.out.println("warning: " + w);
        }
    }

    static AnalyzeOptions parse(String[] args) {
        String warehouse = null;
        String period = null;
        String scope = null;
        String master = null;
        List<String> rest = new ArrayList<>(List.of(args));
        while (!rest.isEmpty()) {
            String a = rest.remove(0);
            if (rest.isEmpty()) {
                throw new IllegalArgumentException("option " + a + " needs a value");
            }
            String v = rest.remove(0);
            switch (a) {
                case "--warehouse" -> warehouse = v;
                case "--period" -> period = v;
                case "--scope" -> scope = v;
                case "--master" -> master = v;
                default -> throw new IllegalArgumentException("unknown option " + a
                        + ", expected one of [--warehouse, --period, --scope, --master]");
            }
        }
        if (warehouse == null || period == null) {
            throw new IllegalArgumentException("usage: AnalyzeJob --warehouse DIR --period P [--scope CODE] [--master URL]");
        }
        return AnalyzeOptions.builder(Path.of(warehouse), Period.parse(period)).scope(scope).master(master)
                .progress(s -> System.out.println("analyze: " + s)).build();
    }
}
