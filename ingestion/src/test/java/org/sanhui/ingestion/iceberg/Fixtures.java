package org.sanhui.ingestion.iceberg;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.sanhui.model.schema.Datasets;

/** Small hand-made rows and a warehouse in a folder, for the tests of this package. */
final class Fixtures {

    private Fixtures() {
    }

    static WarehouseCatalog catalog(Path dir) {
        return WarehouseCatalog.open(WarehouseLocation.of(dir), CatalogSettings.DEFAULT);
    }

    static WriterLock lock(Path dir) {
        return LocalWriterLock.acquire(dir, Duration.ofSeconds(5));
    }

    static Map<String, Object> activity(String county, String period, int row, String title, int participants) {
        Map<String, Object> m = new HashMap<>();
        m.put(Datasets.SUBMISSION_ID, county + "-" + period + "-s");
        m.put(Datasets.COUNTY_CODE, county);
        m.put(Datasets.PERIOD, period);
        m.put(Datasets.SOURCE_ROW, row);
        m.put(Datasets.ORG_KEY, county + "/K1");
        m.put(Datasets.ORG_NAME, "医疗卫生学会");
        m.put(Datasets.TITLE, title);
        m.put(Datasets.TYPE, "HEALTH_SERVICE");
        m.put(Datasets.ACTIVITY_DATE, LocalDate.of(2024, 11, 3));
        m.put(Datasets.PARTICIPANTS, participants);
        m.put(Datasets.PLACE_DEFAULTED, Boolean.FALSE);
        return m;
    }

    static Map<String, Object> organisation(String county, String period, int row, String key, String name,
            String leader) {
        Map<String, Object> m = new HashMap<>();
        m.put(Datasets.SUBMISSION_ID, county + "-" + period + "-s");
        m.put(Datasets.COUNTY_CODE, county);
        m.put(Datasets.PERIOD, period);
        m.put(Datasets.SOURCE_ROW, row);
        m.put(Datasets.ORG_KEY, county + "/" + key);
        m.put(Datasets.ORG_NAME, name);
        m.put(Datasets.KIND, "MEDICAL_SOCIETY");
        m.put(Datasets.LEADER_NAME, leader);
        m.put(Datasets.MEMBERS, 30);
        m.put(Datasets.CHARTER, Boolean.TRUE);
        return m;
    }

    static Map<String, Object> post(String county, String period, int row, String person) {
        Map<String, Object> m = new HashMap<>();
        m.put(Datasets.SUBMISSION_ID, county + "-" + period + "-s");
        m.put(Datasets.COUNTY_CODE, county);
        m.put(Datasets.PERIOD, period);
        m.put(Datasets.SOURCE_ROW, row);
        m.put(Datasets.PERSON_NAME, person);
        m.put(Datasets.ROLE, "HOSPITAL_HEAD");
        m.put(Datasets.ORG_KEY, county + "/K1");
        m.put(Datasets.POST, "PART_TIME_VICE_CHAIR");
        m.put(Datasets.START_DATE, LocalDate.of(2024, 1, 1));
        return m;
    }

    static Map<String, Object> evaluation(String county, String orgKey, int year, String grade) {
        Map<String, Object> m = new HashMap<>();
        m.put(Datasets.SUBMISSION_ID, county + "-" + year + "-e");
        m.put(Datasets.COUNTY_CODE, county);
        m.put(Datasets.PERIOD, Integer.toString(year));
        m.put(Datasets.SOURCE_ROW, 3);
        m.put(Datasets.ORG_KEY, county + "/" + orgKey);
        m.put(Datasets.ORG_NAME, "学会" + orgKey);
        m.put(Datasets.YEAR, year);
        m.put(Datasets.GRADE, grade);
        return m;
    }

    static Map<String, Object> reject(String county, String period, String dataset, String code) {
        Map<String, Object> m = new HashMap<>();
        m.put(Datasets.SUBMISSION_ID, county + "-" + period + "-s");
        m.put(Datasets.COUNTY_CODE, county);
        m.put(Datasets.PERIOD, period);
        m.put(Datasets.DATASET, dataset);
        m.put(Datasets.SOURCE_FILE, county + ".xlsx");
        m.put(Datasets.CODE, code);
        m.put(Datasets.SEVERITY, "ERROR");
        m.put(Datasets.MESSAGE_ZH, "错误");
        m.put(Datasets.MESSAGE_EN, "error");
        return m;
    }

    static Map<String, Object> submission(String id, String county, String period, String datasets) {
        Map<String, Object> m = new HashMap<>();
        m.put(Datasets.SUBMISSION_ID, id);
        m.put(Datasets.COUNTY_CODE, county);
        m.put(Datasets.PERIOD, period);
        m.put(Datasets.INGESTED_AT, Instant.parse("2024-10-09T02:00:00Z"));
        m.put(Datasets.SOURCE_FILE, county + ".xlsx");
        m.put(Datasets.SHA256, "0".repeat(64));
        m.put(Datasets.DATASETS, datasets);
        m.put(Datasets.ROWS_READ, 10L);
        m.put(Datasets.ROWS_ACCEPTED, 10L);
        m.put(Datasets.ROWS_REJECTED, 0L);
        m.put(Datasets.ROWS_SKIPPED, 0L);
        return m;
    }
}
