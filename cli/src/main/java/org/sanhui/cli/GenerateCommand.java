package org.sanhui.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.sanhui.generator.GenerateOptions;
import org.sanhui.generator.GenerateSummary;
import org.sanhui.generator.Generator;
import org.sanhui.model.period.Period;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sanhui generate}: deterministic sample, broken and national-scale datasets with their truth. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Generate realistic submissions (deterministic for a seed) with the figures they imply "
                + "(truth.json); --scope 00 --format parquet makes a national-scale warehouse for benchmarks.",
        footerHeading = "%nExamples:%n",
        footer = {"  sanhui generate --scope 64 --from 2023Q1 --to 2024Q4 --out datasets/ningxia-sample",
            "  sanhui generate --scope 12 --from 2024-05 --to 2024-08 --out /tmp/tianjin-monthly",
            "  sanhui generate --scope 00 --from 2024Q1 --to 2024Q4 --activities 10000000 --format parquet --out /tmp/national"})
final class GenerateCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Option(names = "--scope", required = true, paramLabel = "CODE", description = "A province code (64) or 00 for the country.")
    String scope;

    @Option(names = "--from", required = true, paramLabel = "P",
            description = "First period, e.g. 2023Q1; a month (2024-05) writes monthly submissions.")
    String from;

    @Option(names = "--to", required = true, paramLabel = "P",
            description = "Last period, e.g. 2024Q4; a month (2024-08) when --from is one.")
    String to;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (or warehouse for parquet).")
    Path out;

    @Option(names = "--seed", paramLabel = "N", description = "Random seed (default: the sample's, "
            + GenerateOptions.DEFAULT_SEED + ").")
    Long seed;

    @Option(names = "--activities", paramLabel = "N", description = "Total activities to generate (default: realistic counts).")
    Long activities;

    @Option(names = "--format", paramLabel = "xlsx|xlsx-only|csv|parquet", defaultValue = "xlsx",
            description = "Output format (default: ${DEFAULT-VALUE}); xlsx-only: every county sends one .xlsx workbook.")
    String format;

    @Override
    public Integer call() {
        common.applyLogLevel();
        GenerateOptions.Builder b = GenerateOptions.builder().scope(scope).from(Period.parse(from)).to(Period.parse(to))
                .out(out).format(GenerateOptions.Format.parse(format));
        if (seed != null) {
            b.seed(seed);
        }
        if (activities != null) {
            b.activities(activities);
        }
        GenerateSummary s;
        try (Progress progress = Progress.start("generate", -1)) {
            String[] last = {""};
            s = Generator.generate(b.build(), (stage, done, total) -> {
                if (!stage.equals(last[0])) {
                    last[0] = stage;
                    progress.maxHint(total);
                    progress.step(stage);
                }
            });
        }
        System.out.printf("generated %d files, %d rows (%d activities) under %s%n", s.files(), s.rows(), s.activities(),
                ConsoleText.escape(s.out()));
        return Main.OK;
    }
}
