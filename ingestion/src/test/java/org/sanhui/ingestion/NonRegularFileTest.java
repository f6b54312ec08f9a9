package org.sanhui.ingestion;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.sanhui.model.problem.Problem;
import org.sanhui.model.problem.ProblemCode;

/**
 * Paths that are not regular files, and files over the size limit, are refused without reading them.
 * Regression (issue 17, item 7): {@code validate} hung for ever on a FIFO and on a link to /dev/zero,
 * because the refusal waited for a SHA-256 of the whole input; a 1 TB file over the size limit was
 * refused, then read to its end for that SHA-256.
 */
class NonRegularFileTest {

    @TempDir
    Path tmp;

    private IngestReport validate(Path... inputs) {
        return new Ingestor().ingest(List.of(inputs), IngestOptions.builder(tmp.resolve("wh")).dryRun(true).build());
    }

    private static Problem refusal(IngestReport.FileReport f) {
        assertThat(f.outcome()).isEqualTo(IngestReport.Outcome.REFUSED);
        assertThat(f.sha256()).as("nothing of a refused special file is read, not even for its SHA-256").isEmpty();
        return f.problems().get(0);
    }

    private Path fifo(Path f) throws IOException, InterruptedException {
        Files.createDirectories(f.getParent());
        Process p = new ProcessBuilder("mkfifo", f.toString()).redirectErrorStream(true).start();
        assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isZero();
        return f;
    }

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void fifoIsRefusedAtOnce() throws Exception {
        Path f = fifo(tmp.resolve("640104_兴庆区_2024Q3.csv"));
        Problem p = refusal(validate(f).files().get(0));
        assertThat(p.code()).isEqualTo(ProblemCode.UNSUPPORTED_FORMAT);
        assertThat(p.messageEn()).contains("not a regular file").contains("named pipe (FIFO)");
        assertThat(p.messageZh()).contains("命名管道");
    }

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void fifoInAFolderIsListedAsRefusedBesideTheFilesThatAreRead() throws Exception {
        Path ok = tmp.resolve("in/640104_2024Q3_组织信息.csv");
        Files.createDirectories(ok.getParent());
        Files.writeString(ok, "组织编号,组织名称,组织类型\nXQ001,兴庆区科协,县级科协\n", StandardCharsets.UTF_8);
        Path f = fifo(tmp.resolve("in/640105_2024Q3_组织信息.csv"));
        IngestReport r = validate(tmp.resolve("in"));
        assertThat(r.files()).extracting(IngestReport.FileReport::file).containsExactlyInAnyOrder(ok, f);
        IngestReport.FileReport refused = r.files().stream().filter(x -> x.file().equals(f)).findFirst().orElseThrow();
        assertThat(refusal(refused).messageEn()).contains("named pipe (FIFO)");
        assertThat(r.files().stream().filter(x -> x.file().equals(ok)).findFirst().orElseThrow().outcome())
                .isEqualTo(IngestReport.Outcome.ACCEPTED);
    }

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void linkToDevZeroIsRefusedAtOnce() throws Exception {
        Path link = Files.createSymbolicLink(tmp.resolve("640104_兴庆区_2024Q3.xlsx"), Path.of("/dev/zero"));
        Problem p = refusal(validate(link).files().get(0));
        assertThat(p.code()).isEqualTo(ProblemCode.UNSUPPORTED_FORMAT);
        assertThat(p.messageEn()).contains("not a regular file").contains("character device").contains("/dev/zero");
        assertThat(p.messageZh()).contains("字符设备");
    }

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void fileOverTheSizeLimitIsRefusedWithoutBeingReadToItsEnd() throws Exception {
        Path big = tmp.resolve("640104_兴庆区_2024Q3.xlsx");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(1L << 40); // 1 TiB, sparse: reading it whole takes hours
        }
        IngestReport.FileReport r = validate(big).files().get(0);
        assertThat(r.outcome()).isEqualTo(IngestReport.Outcome.REFUSED);
        assertThat(r.sha256()).isEmpty();
        Problem p = r.problems().get(0);
        assertThat(p.code()).isEqualTo(ProblemCode.LIMIT_EXCEEDED);
        assertThat(p.messageEn()).contains("1024.0 GB").contains("256.0 MB").contains("limits.max_file_bytes");
        assertThat(p.messageZh()).contains("1024.0 GB").contains("256.0 MB");
    }
}
