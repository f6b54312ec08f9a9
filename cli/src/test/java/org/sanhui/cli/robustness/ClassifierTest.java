package org.sanhui.cli.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The classification rules, on outputs written by hand. */
class ClassifierTest {

    private static final CorpusEntry FILE = new CorpusEntry("x01-坏文件.xlsx", InputKind.XML_ENTITY, "test", List.of(), -1);
    private static final CorpusEntry SEED = new CorpusEntry("v01-兴庆区_2024Q3.xlsx", InputKind.VALID, "test", List.of(), 19);

    private static Outcome classify(CorpusEntry e, int exit, String out, String err) {
        return Classifier.classify(e, new ChildJvm.Result(exit, false, out, err, Duration.ofSeconds(1)), List.of(e.name())).outcome();
    }

    @Test
    void aCleanRefusalNamingTheFileIsACleanError() {
        assertThat(classify(FILE, 1, "", "sanhui: x01-坏文件.xlsx: 文件已损坏 (damaged workbook), re-save as .xlsx\n"))
                .isEqualTo(Outcome.CLEAN_ERROR);
        assertThat(classify(FILE, 3, "", "sanhui: cannot read x01-坏文件.xlsx: truncated\n")).isEqualTo(Outcome.CLEAN_ERROR);
    }

    @Test
    void stackTracesClassNamesAndInternalErrorsAreCrashes() {
        assertThat(classify(FILE, 3, "", "sanhui: x01-坏文件.xlsx\n\tat org.sanhui.ingestion.Foo.bar(Foo.java:12)\n")).isEqualTo(Outcome.CRASH);
        assertThat(classify(FILE, 3, "", "sanhui: x01-坏文件.xlsx: java.util.zip.ZipException: invalid LOC header\n")).isEqualTo(Outcome.CRASH);
        assertThat(classify(FILE, 1, "", "sanhui: x01-坏文件.xlsx: NullPointerException\n")).isEqualTo(Outcome.CRASH);
        assertThat(classify(FILE, 4, "", "sanhui: internal error (x01-坏文件.xlsx)\n")).isEqualTo(Outcome.CRASH);
        assertThat(classify(FILE, 137, "", "")).isEqualTo(Outcome.CRASH);
        assertThat(classify(FILE, 3, "", "")).as("no message").isEqualTo(Outcome.CRASH);
        assertThat(classify(FILE, 3, "", "sanhui: the file is damaged\n")).as("unlocated").isEqualTo(Outcome.CRASH);
    }

    @Test
    void outOfMemoryHangAndLeak() {
        assertThat(classify(FILE, 3, "", "Terminating due to java.lang.OutOfMemoryError: Java heap space\n")).isEqualTo(Outcome.OOM);
        assertThat(Classifier.classify(FILE, new ChildJvm.Result(-1, true, "", "", Duration.ofSeconds(60)), List.of(FILE.name())).outcome())
                .isEqualTo(Outcome.HANG);
        assertThat(classify(FILE, 0, "x01-坏文件.xlsx read 1 accepted 1 rejected 0 skipped 0 root:x:0:0:root", "")).isEqualTo(Outcome.LEAK);
    }

    @Test
    void countsMustReconcileAndSeedsMustKeepTheirRows() {
        String table = "file                      read  accepted  rejected  skipped\n"
                + "v01-兴庆区_2024Q3.xlsx        19        19         0        0\n";
        assertThat(classify(SEED, 0, table, "")).isEqualTo(Outcome.PARSED);
        String lossy = "file                      read  accepted  rejected  skipped\n"
                + "v01-兴庆区_2024Q3.xlsx        19        17         1        0\n";
        assertThat(classify(SEED, 1, lossy, "sanhui: v01-兴庆区_2024Q3.xlsx: 1 row rejected\n")).isEqualTo(Outcome.LOSS);
        String short1 = "v01-兴庆区_2024Q3.xlsx: read 12, accepted 12, rejected 0, skipped 0\n";
        assertThat(classify(SEED, 0, short1, "")).as("7 of the 19 rows vanished").isEqualTo(Outcome.LOSS);
        assertThat(classify(SEED, 0, "done\n", "")).as("no counts").isEqualTo(Outcome.CRASH);
        String refused = "file                      read  accepted  rejected  skipped\n"
                + "v01-兴庆区_2024Q3.xlsx         0         0         0        0\n";
        assertThat(classify(SEED, 1, refused, "sanhui: v01-兴庆区_2024Q3.xlsx: too many zip entries\n"))
                .as("refused as a whole, with a message").isEqualTo(Outcome.CLEAN_ERROR);
        assertThat(classify(SEED, 2, "", "sanhui: counts of sheet 组织信息 do not reconcile: read 5 != accepted 4 + rejected 0 + skipped 0\n"))
                .isEqualTo(Outcome.LOSS);
    }

    @Test
    void theCliSummaryIsRead() {
        String out = "file                                         format outcome        read accepted rejected  skipped\n"
                + "…/input/v01-兴庆区_2024Q3.xlsx                 XLSX   PARTIAL          20       18        1        1\n"
                + "    ERROR BAD_DATE v01-兴庆区_2024Q3.xlsx!活动记录 row 12 column 5: the date 2024-13-45 is not a date, 1 2 3 4\n"
                + "1 files (0 refused), 1 submissions: 20 rows read = 18 accepted + 1 rejected + 1 skipped (dry run: nothing written)\n";
        List<Classifier.Counts> c = Classifier.counts(out);
        assertThat(c).hasSize(2);
        assertThat(c.get(0).accepted()).isEqualTo(18);
        assertThat(c.get(0).total()).isFalse();
        assertThat(c.get(1).total()).isTrue();
        assertThat(c.get(1).read()).isEqualTo(20);
        assertThat(Classifier.fileCounts(c)).hasSize(1);
        assertThat(classify(SEED, 1, out, "")).isEqualTo(Outcome.PARSED);
        String refused = "file                                         format outcome        read accepted rejected  skipped\n"
                + "…/input/x01-坏文件.xlsx                         XLSX   REFUSED           0        0        0        0\n"
                + "    FATAL CORRUPT_FILE x01-坏文件.xlsx: the workbook is damaged\n"
                + "1 files (1 refused), 0 submissions: 0 rows read = 0 accepted + 0 rejected + 0 skipped (dry run: nothing written)\n";
        assertThat(classify(FILE, 1, refused, "")).isEqualTo(Outcome.CLEAN_ERROR);
        String lossyTotal = "1 files (0 refused), 1 submissions: 20 rows read = 18 accepted + 1 rejected + 0 skipped\n";
        assertThat(classify(FILE, 1, lossyTotal, "")).isEqualTo(Outcome.LOSS);
    }

    @Test
    void countTablesAreReadInTheHeadersOrder() {
        List<Classifier.Counts> c = Classifier.counts("文件 | 格式 | 读取 | 接收 | 拒收 | 跳过 | problems\n"
                + "a-2024Q3.xlsx | XLSX | 10 | 7 | 2 | 1 | 4\n"
                + "total | | 10 | 7 | 2 | 1 | 4\n");
        assertThat(c).hasSize(2);
        assertThat(c.get(0).read()).isEqualTo(10);
        assertThat(c.get(0).accepted()).isEqualTo(7);
        assertThat(c.get(0).rejected()).isEqualTo(2);
        assertThat(c.get(0).skipped()).isEqualTo(1);
        assertThat(Classifier.fileCounts(c)).hasSize(1);
    }
}
