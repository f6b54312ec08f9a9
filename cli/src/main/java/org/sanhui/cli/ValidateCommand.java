package org.sanhui.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.sanhui.ingestion.IngestReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sanhui validate}: ingest as a dry run, nothing written to a warehouse. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check submissions as ingest would, without writing a warehouse (dry run). With --warehouse, "
                + "organisations already there count for the referential checks (read only).",
        footerHeading = "%nExamples:%n",
        footer = {"  sanhui validate 兴庆区_2024Q4.xlsx",
            "  sanhui validate --feedback out/feedback --period 2024Q4 inbox/",
            "", "Exit code 0: every row would be accepted; 1: some rows or files would be rejected."})
final class ValidateCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Mixin
    IngestCommand.SubmissionOptions submission;

    @Option(names = "--warehouse", paramLabel = "DIR",
            description = "An existing warehouse to check references against (never written).")
    Path warehouse;

    @Override
    public Integer call() throws Exception {
        common.applyLogLevel();
        Path wh = warehouse;
        Path scratch = null;
        if (wh == null) {
            scratch = java.nio.file.Files.createTempDirectory("sanhui-validate-");
            wh = scratch;
        }
        try {
            IngestReport report = submission.ingest(wh, true, common);
            return report.exitCode();
        } finally {
            if (scratch != null) {
                Summaries.deleteTree(scratch);
            }
        }
    }
}
