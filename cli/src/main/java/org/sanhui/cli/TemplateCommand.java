package org.sanhui.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.sanhui.ingestion.template.TemplateWriter;
import org.sanhui.model.period.Period;
import org.sanhui.model.region.Gazetteer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sanhui template}: the workbook a county fills in. */
@Command(name = "template", mixinStandardHelpOptions = true,
        description = "Write the workbook a county fills in: a 填报说明 sheet, the three sheets with frozen headers, "
                + "a comment on each header stating its rule, dropdowns for every enumeration and the county's "
                + "townships, date and non-negative integer checks.",
        footerHeading = "%nExamples:%n",
        footer = {"  sanhui template --county 640104 --period 2024Q4 --out 兴庆区_2024Q4.xlsx"})
final class TemplateCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Option(names = "--county", required = true, paramLabel = "CODE", description = "The county's 6-digit code.")
    String county;

    @Option(names = "--period", required = true, paramLabel = "P", description = "The period, e.g. 2024Q4.")
    String period;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The .xlsx to write.")
    Path out;

    @Override
    public Integer call() {
        common.applyLogLevel();
        new TemplateWriter(Gazetteer.national()).write(out, county, Period.parse(period));
        System.out.println("wrote " + ConsoleText.escape(out));
        return Main.OK;
    }
}
