package org.sanhui.generator;

import java.nio.file.Path;
import org.sanhui.generator.broken.BrokenSetWriter;
import org.sanhui.model.period.Period;

/**
 * Command-line entry until the CLI wires {@code sanhui generate}:
 * {@code GeneratorMain --scope 64 --from 2023Q1 --to 2024Q4 --out DIR [--seed N] [--activities N]
 * [--format xlsx|xlsx-only|csv|parquet]}, or {@code GeneratorMain --broken DIR} for the broken set.
 */
public final class GeneratorMain {

    private GeneratorMain() {
    }

    /**
     * Runs the generator.
     *
     * @param args the arguments
     * @throws Exception on any failure (printed by the JVM)
     */
    public static void main(String[] args) throws Exception {
        GenerateOptions.Builder b = GenerateOptions.builder();
        Path broken = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String v = i + 1 < args.length ? args[i + 1] : null;
            switch (a) {
                case "--scope" -> b.scope(v);
                case "--from" -> b.from(Period.parse(v));
                case "--to" -> b.to(Period.parse(v));
                case "--out" -> b.out(Path.of(v));
                case "--seed" -> b.seed(Long.parseLong(v));
                case "--activities" -> b.activities(Long.parseLong(v));
                case "--format" -> b.format(GenerateOptions.Format.parse(v));
                case "--broken" -> broken = Path.of(v);
                default -> {
                    System.err.println("usage: GeneratorMain --scope 64 --from 2023Q1 --to 2024Q4 --out DIR "
                            + "[--seed N] [--activities N] [--format xlsx|xlsx-only|csv|parquet] | --broken DIR");
                    System.exit(2);
                }
            }
            i++;
        }
        long t0 = System.nanoTime();
        if (broken != null) {
            int n = BrokenSetWriter.write(broken, GenerateOptions.DEFAULT_SEED);
            System.out.println("wrote " + n + " files to " + broken);
            return;
        }
        long[] last = {0};
        GenerateSummary s = Generator.generate(b.build(), (stage, done, total) -> {
            long now = System.nanoTime();
            if (now - last[0] > 5_000_000_000L || stage.equals("done")) {
                last[0] = now;
                System.err.println(stage + " " + done + (total >= 0 ? "/" + total : ""));
            }
        });
        System.out.printf("wrote %d files, %d rows (%d activities) to %s in %.1f s%n", s.files(), s.rows(),
                s.activities(), s.out(), (System.nanoTime() - t0) / 1e9);
    }
}
