package org.sanhui.ingestion;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which files of the given folders are taken, through {@link Ingestor}. Regression (issue 17, item 1):
 * folders were listed one level deep only, so {@code sanhui ingest --warehouse wh datasets/ningxia-sample}
 * (the sample keeps each quarter in its own folder) stopped with "no input files found".
 */
class InputDiscoveryTest {

    private static final String ORGS = "组织编号,组织名称,组织类型\nXQ001,兴庆区科协,县级科协\n";

    @TempDir
    Path tmp;

    private Path write(String relative, String text) throws IOException {
        Path f = tmp.resolve(relative);
        Files.createDirectories(f.getParent());
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return f;
    }

    private static List<Path> taken(IngestReport r) {
        return r.files().stream().map(IngestReport.FileReport::file).toList();
    }

    @Test
    void searchesFoldersRecursivelySkippingHiddenFoldersTempFilesAndLinkedFolders() throws IOException {
        Path q3 = write("in/2024Q3/640104_2024Q3_组织信息.csv", ORGS);
        Path deep = write("in/2024Q4/city/银川/640105_2024Q4_组织信息.csv", ORGS);
        write("in/.git/640106_2024Q3_组织信息.csv", ORGS); // a hidden folder
        write("in/2024Q3/.640106_2024Q3_组织信息.csv", ORGS); // a hidden file
        write("in/2024Q3/~$640104_2024Q3.xlsx", "owner file of an open workbook");
        write("in/2024Q3/~WRL0001.tmp", "Excel's temporary save file");
        write("in/2024Q3/README.md", "# notes");
        write("in/truth.json", "{}");
        write("in/2024Q3/received.csv", "640104_2024Q3_组织信息.csv,2024-10-08\n");
        Path elsewhere = write("elsewhere/640181_2024Q3_组织信息.csv", ORGS);
        Files.createSymbolicLink(tmp.resolve("in/linked"), elsewhere.getParent());

        IngestReport r = new Ingestor().ingest(List.of(tmp.resolve("in")),
                IngestOptions.builder(tmp.resolve("wh")).dryRun(true).build());

        assertThat(taken(r)).containsExactly(q3, deep);
        assertThat(r.files()).allSatisfy(f -> assertThat(f.outcome()).isEqualTo(IngestReport.Outcome.ACCEPTED));
        // received.csv of the file's own folder still gives the filing date
        assertThat(r.files().get(0).submissions().get(0).filingDate()).hasToString("2024-10-08");
    }

    @Test
    void warehouseAndFeedbackFoldersUnderTheInputAreNotTakenOnTheNextRun() throws IOException {
        Path a = write("inbox/2024Q3/640104_2024Q3_组织信息.csv", ORGS);
        Path b = write("inbox/2024Q3/more/640105_2024Q3_组织信息.csv", ORGS);
        IngestOptions options = IngestOptions.builder(tmp.resolve("inbox/wh")).feedbackDir(tmp.resolve("inbox/feedback"))
                .build();

        IngestReport first = new Ingestor().ingest(List.of(tmp.resolve("inbox")), options);
        assertThat(taken(first)).containsExactly(a, b);
        try (var s = Files.walk(tmp.resolve("inbox/feedback"))) {
            assertThat(s.filter(p -> p.toString().endsWith(".xlsx"))).hasSize(2);
        }

        IngestReport second = new Ingestor().ingest(List.of(tmp.resolve("inbox")), options);
        assertThat(taken(second)).containsExactly(a, b);
        assertThat(second.exitCode()).isZero();
    }

    @Test
    void aFolderExcludedByTheCallerIsNotSearched() throws IOException {
        Path a = write("in/2024Q3/640104_2024Q3_组织信息.csv", ORGS);
        write("in/out/reports/2024Q3/640105_2024Q3_组织信息.csv", ORGS); // say, a run's output under its input
        IngestReport r = new Ingestor().ingest(List.of(tmp.resolve("in")),
                IngestOptions.builder(tmp.resolve("wh")).excludeFolder(tmp.resolve("in/out")).dryRun(true).build());
        assertThat(taken(r)).containsExactly(a);
    }

    @Test
    void discoveryOrderIsNameOrderDepthFirst() throws IOException {
        Path z = write("in/z.csv", ORGS);
        Path b2 = write("in/b/2.csv", ORGS);
        Path a = write("in/a.csv", ORGS);
        Path b1 = write("in/b/1.csv", ORGS);
        Path bc = write("in/b/c/0.csv", ORGS);
        Path given = write("given.csv", ORGS);
        assertThat(InputFiles.find(List.of(tmp.resolve("in"), given, a), List.of()))
                .containsExactly(a, b1, b2, bc, z, given); // a, given twice, is taken once
    }

    @Test
    void filesOfTheSameNameAreTakenInPathOrderWhateverTheOrderTheyWereMadeIn() throws IOException {
        // made b before a: the folder's own listing order is not what decides
        Path b = write("in/b/640104_2024Q3_组织信息.csv", ORGS);
        Path a = write("in/a/640104_2024Q3_组织信息.csv", ORGS);
        Path c = write("in/c/640104_2024Q3_组织信息.csv", ORGS);
        for (int i = 0; i < 2; i++) {
            IngestReport r = new Ingestor().ingest(List.of(tmp.resolve("in")),
                    IngestOptions.builder(tmp.resolve("wh")).dryRun(true).build());
            assertThat(taken(r)).containsExactly(a, b, c);
        }
    }
}
