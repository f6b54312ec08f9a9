package org.sanhui.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanhui.ingestion.IngestOptions;
import org.sanhui.ingestion.IngestReport;
import org.sanhui.ingestion.Ingestor;
import org.sanhui.model.period.Period;
import org.sanhui.model.region.Gazetteer;
import org.sanhui.model.region.Region;
import org.sanhui.model.region.RegionLevel;

/**
 * {@code --format xlsx-only}: every county sends one .xlsx workbook of its own, where the sample's mix has
 * Ningxia's 永宁县, 惠农区 and 泾源县 send CSV, 盐池县 .xls and 中卫市 one workbook for its three counties. The
 * ingestion benchmark of a national quarter needs such a uniform batch.
 */
class XlsxOnlyTest {

    @Test
    void everyCountySendsOneXlsxThatIngestsAsTruthSays(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("ningxia");
        Generator.generate(GenerateOptions.builder().scope("64").from(Period.quarter(2024, 3))
                .to(Period.quarter(2024, 3)).format(GenerateOptions.Format.parse("xlsx-only")).out(out).build(), null);

        List<String> counties = Gazetteer.national().within("64", RegionLevel.COUNTY).stream().map(Region::code)
                .sorted().toList();
        assertThat(counties).hasSize(22);
        List<String> files;
        try (Stream<Path> s = Files.list(out.resolve("2024Q3"))) {
            files = s.map(p -> p.getFileName().toString()).sorted().toList();
        }
        // one workbook per county, named by the county's own code: no CSV, .xls, received.csv or city workbook
        assertThat(files).hasSize(22).allMatch(f -> f.endsWith("_2024Q3.xlsx"));
        assertThat(files.stream().map(f -> f.substring(0, f.indexOf('_'))).toList()).isEqualTo(counties);

        JsonNode truth = new ObjectMapper().readTree(out.resolve(Generator.TRUTH).toFile());
        assertThat(truth.get("submissions")).hasSize(22)
                .allMatch(s -> s.get("via").isNull() && s.get("files").size() == 1);

        // ingested, each file's sheets accept, reject and skip the rows truth.json gives
        IngestReport report = new Ingestor().ingest(List.of(out.resolve("2024Q3")),
                IngestOptions.builder(tmp.resolve("wh")).build());
        Map<String, List<Long>> want = new TreeMap<>();
        for (JsonNode f : truth.get("files")) {
            want.put(f.get("file").asText() + " " + f.get("sheet").asText(),
                    List.of(f.get("accepted").asLong(), f.get("rejected").asLong(), f.get("skipped").asLong()));
        }
        Map<String, List<Long>> got = new TreeMap<>();
        for (IngestReport.FileReport f : report.files()) {
            for (IngestReport.SheetReport sh : f.sheets()) {
                got.put("2024Q3/" + f.file().getFileName() + " " + sh.sheet(),
                        List.of(sh.accepted(), sh.rejected(), sh.skipped()));
            }
        }
        assertThat(got).isEqualTo(want);
        assertThat(report.totals().accepted()).isGreaterThan(1000);
    }

    @Test
    void namesTheFormatsItKnows() {
        assertThatThrownBy(() -> GenerateOptions.Format.parse("xlsb")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown format 'xlsb', expected xlsx, xlsx-only, csv or parquet");
    }
}
