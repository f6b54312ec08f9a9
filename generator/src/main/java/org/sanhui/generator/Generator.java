package org.sanhui.generator;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.sanhui.generator.sheet.SampleWriter;
import org.sanhui.generator.truth.FileTruth;
import org.sanhui.generator.truth.TruthCalculator;
import org.sanhui.generator.truth.TruthWriter;
import org.sanhui.generator.warehouse.WarehouseGenerator;
import org.sanhui.generator.world.World;
import org.sanhui.generator.world.WorldBuilder;
import org.sanhui.model.period.Period;

/**
 * Generates datasets deterministically: the same {@link GenerateOptions} give byte-identical files.
 *
 * <p>XLSX, XLSX_ONLY and CSV write the submissions a province's counties send, one folder per period (a quarter, or a
 * month for a province that reports monthly: {@code from} and {@code to} are then months), the province's
 * yearly evaluation workbooks under {@code evaluations/}, and {@code truth.json}; PARQUET writes a ready
 * warehouse (see {@link WarehouseGenerator}).
 */
public final class Generator {

    /** The truth file's name in the output folder. */
    public static final String TRUTH = "truth.json";

    private Generator() {
    }

    /**
     * Generates.
     *
     * @param options what to generate, null not permitted
     * @param progress receives progress, null for none
     * @return what was written
     * @throws java.io.UncheckedIOException if a file cannot be written
     */
    public static GenerateSummary generate(GenerateOptions options, ProgressCallback progress) {
        ProgressCallback cb = progress == null ? ProgressCallback.NONE : progress;
        List<Period> periods = new ArrayList<>();
        for (Period p = options.from(); p.compareTo(options.to()) <= 0; p = p.next()) {
            periods.add(p);
        }
        if (options.format() == GenerateOptions.Format.PARQUET) {
            return new WarehouseGenerator(options.scope(), periods, options.seed(), options.activities(), options.out())
                    .generate(cb);
        }
        cb.progress("model", 0, 1);
        WorldBuilder.Channels channels = switch (options.format()) {
            case CSV -> WorldBuilder.Channels.CSV_ONLY;
            case XLSX_ONLY -> WorldBuilder.Channels.XLSX_ONLY;
            default -> WorldBuilder.Channels.SAMPLE;
        };
        World world = new WorldBuilder(options.scope(), periods, options.seed(), options.activities(), channels, true)
                .build();
        cb.progress("model", 1, 1);
        long expected = world.submissions().size();
        AtomicLong done = new AtomicLong();
        SampleWriter writer = new SampleWriter(world, options.out());
        List<FileTruth> truth = writer.write(f -> cb.progress("files", done.incrementAndGet(), -1));
        TruthCalculator calc = new TruthCalculator(world);
        Path truthFile = options.out().resolve(TRUTH);
        TruthWriter.write(truthFile, world, calc, truth, writer.submissionFiles(), writer.mismatches());
        long acts = truth.stream().filter(t -> t.sheet().equals("活动记录"))
                .mapToLong(t -> t.accepted() + t.rejected()).sum();
        cb.progress("done", expected, expected);
        return new GenerateSummary(options.out(), writer.files() + 1, writer.rows(), acts);
    }
}
