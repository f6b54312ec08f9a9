package org.sanhui.reporting.bench;

import java.nio.file.Path;
import java.time.LocalDate;
import org.sanhui.reporting.Lang;
import org.sanhui.reporting.Masthead;
import org.sanhui.reporting.ReportOptions;
import org.sanhui.reporting.Reporter;

/**
 * Writes the briefings of one indicator file, for looking at them (pdftoppm) and for docs/images.
 * Usage: RenderSample INDICATORS.json OUT_DIR [zh|en] [CITY]
 */
public final class RenderSample {

    private RenderSample() {
    }

    /**
     * Runs.
     *
     * @param args indicator file, output folder, optional language and city
     */
    public static void main(String[] args) {
        ReportOptions.Builder b = ReportOptions.builder().indicators(Path.of(args[0])).outDir(Path.of(args[1]))
                .masthead(Masthead.DEFAULT.withDate(LocalDate.of(2025, 1, 15)).withIssue("2024年第4期（总第12期）")
                        .withDistribution("中国科协组织人事部", "自治区党委组织部", "各市、县（区）科协", 20));
        if (args.length > 2) {
            b.lang(Lang.parse(args[2]));
        }
        if (args.length > 3) {
            b.city(args[3]);
        }
        long t0 = System.nanoTime();
        var files = Reporter.run(b.build());
        System.out.printf("%d files in %.2f s%n", files.size(), (System.nanoTime() - t0) / 1e9);
    }
}
