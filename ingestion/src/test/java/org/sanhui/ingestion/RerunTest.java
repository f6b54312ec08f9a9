package org.sanhui.ingestion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sanhui.ingestion.Workbooks.row;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanhui.model.warehouse.LiveManifest;

/**
 * Ingesting files again that are unchanged (same bytes, county, period and options as their live
 * submissions) changes nothing: the same records, the same report, each file said to be already ingested.
 */
class RerunTest {

    @TempDir
    Path tmp;

    private Path county(String dir) throws Exception {
        return Workbooks.xlsx(tmp.resolve(dir + "/兴庆区2024Q3.xlsx"), IngestorTest.xingqing2024Q3());
    }

    private Path evaluations() throws Exception {
        var s = Workbooks.sheets();
        s.put("年度评价", List.of(row("宁夏回族自治区基层学会年度评价结果（2024年度）"),
                row("所在县（区）", "组织编号", "组织名称", "组织类型", "评价年度", "评价等次"),
                row("兴庆区", "XQ001", "兴庆区科协", "县级科协", 2024, "A"),
                row("兴庆区", "XQ002", "掌政镇科协", "乡镇科协", 2024, "B"),
                row("西夏区", "XX001", "西夏区科协", "县级科协", 2024, "C")));
        return Workbooks.xlsx(tmp.resolve("in/64_宁夏回族自治区_2024年度评价.xlsx"), s);
    }

    private static IngestReport ingest(Path wh, LocalDate received, Path... files) {
        IngestOptions.Builder b = IngestOptions.builder(wh);
        if (received != null) {
            b.received(received);
        }
        return new Ingestor().ingest(List.of(files), b.build());
    }

    /** What a summary shows of a file: outcome, counts of each sheet and of each submission. */
    private static String summary(IngestReport.FileReport f) {
        return f.file().getFileName() + " " + f.outcome() + " " + f.sheets() + " " + f.submissions().stream()
                .map(s -> s.county() + "/" + s.period() + " " + s.sheets() + " " + s.problemCount() + " " + s.outcome())
                .toList();
    }

    // Before: the submission records doubled (2 -> 4 here) and the evaluation rows were skipped as already received.
    @Test
    void ingestingTheSameFilesAgainChangesNothingAndSaysSo() throws Exception {
        Path wh = tmp.resolve("wh");
        Path[] files = {county("in"), evaluations()};
        IngestReport first = ingest(wh, null, files);
        LiveManifest before = LiveManifest.read(wh);
        assertThat(before.of("submissions")).hasSize(3);
        assertThat(first.files()).noneMatch(IngestReport.FileReport::unchanged);

        IngestReport again = ingest(wh, null, files);
        assertThat(LiveManifest.read(wh)).isEqualTo(before);
        assertThat(again.files()).allMatch(IngestReport.FileReport::unchanged);
        assertThat(again.files().stream().map(RerunTest::summary).toList())
                .isEqualTo(first.files().stream().map(RerunTest::summary).toList());
        assertThat(again.totals()).isEqualTo(new IngestReport.Totals(first.totals().files(), first.totals().refused(),
                first.totals().submissions(), first.totals().read(), first.totals().accepted(), first.totals().rejected(),
                first.totals().skipped(), 2));
        assertThat(again.exitCode()).isEqualTo(first.exitCode());
        // the evaluations stay accepted, not "already received"
        IngestReport.FileReport ev = again.files().get(1);
        assertThat(ev.sheets().get(0)).extracting("accepted", "skipped").containsExactly(3L, 2L);
        // the same bytes under another name in another folder are the same submission
        Path copy = tmp.resolve("copy/兴庆区2024Q3.xlsx");
        Files.createDirectories(copy.getParent());
        Files.copy(files[0], copy);
        assertThat(ingest(wh, null, copy).files().get(0).unchanged()).isTrue();
        assertThat(LiveManifest.read(wh)).isEqualTo(before);
    }

    // Before: an organisations CSV that did not change from one quarter to the next (the same bytes; a CSV
    // states its period in its name only) was taken for the later quarter's submission and ingested again.
    @Test
    void theSameBytesForAnotherPeriodAreEachTheirOwnSubmission() throws Exception {
        Path wh = tmp.resolve("wh");
        String csv = "组织编号,组织名称,组织类型\nXQ001,兴庆区科协,县级科协\n";
        Path q3 = tmp.resolve("in/640104_兴庆区_2024Q3_组织信息.csv");
        Path q4 = tmp.resolve("in/640104_兴庆区_2024Q4_组织信息.csv");
        Files.createDirectories(q3.getParent());
        Files.writeString(q3, csv);
        Files.writeString(q4, csv);
        assertThat(ingest(wh, null, q3, q4).files()).noneMatch(IngestReport.FileReport::unchanged);
        LiveManifest before = LiveManifest.read(wh);
        assertThat(ingest(wh, null, q3, q4).files()).allMatch(IngestReport.FileReport::unchanged);
        assertThat(LiveManifest.read(wh)).isEqualTo(before);
    }

    @Test
    void otherOptionsOrAnotherLiveSubmissionMakeTheFileIngestedAgain() throws Exception {
        Path wh = tmp.resolve("wh");
        Path file = county("in");
        ingest(wh, null, file);
        // the filing date stated by an option (the file's own 填报 line wins, so it is dropped here)
        var noDate = IngestorTest.xingqing2024Q3();
        var orgs = new java.util.ArrayList<>(noDate.get("组织信息"));
        orgs.remove(1);
        noDate.put("组织信息", orgs);
        Path undated = Workbooks.xlsx(tmp.resolve("b/兴庆区2024Q3.xlsx"), noDate);
        assertThat(ingest(wh, LocalDate.of(2024, 10, 9), undated).files().get(0).unchanged()).isFalse();
        assertThat(ingest(wh, LocalDate.of(2024, 10, 9), undated).files().get(0).unchanged()).isTrue();
        assertThat(ingest(wh, LocalDate.of(2024, 10, 10), undated).files().get(0).unchanged()).isFalse();
        assertThat(LiveManifest.read(wh).of("submissions")).hasSize(3);
        // the first file again: the live submission of its county and period is now another one
        assertThat(ingest(wh, null, file).files().get(0).unchanged()).isFalse();
        assertThat(ingest(wh, null, file).files().get(0).unchanged()).isTrue();
        assertThat(LiveManifest.read(wh).of("submissions")).hasSize(4);
    }
}
