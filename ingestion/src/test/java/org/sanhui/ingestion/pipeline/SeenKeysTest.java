package org.sanhui.ingestion.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sanhui.model.schema.Datasets.ACTIVITY_DATE;
import static org.sanhui.model.schema.Datasets.ORG_KEY;
import static org.sanhui.model.schema.Datasets.TITLE;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SeenKeysTest {

    private static Map<String, Object> activity(String org, LocalDate date, String title) {
        Map<String, Object> v = new HashMap<>();
        v.put(ORG_KEY, org);
        v.put(ACTIVITY_DATE, date);
        v.put(TITLE, title);
        return v;
    }

    @Test
    void aKeyIsSeenOnceAndOnlyItself() {
        SeenKeys s = new SeenKeys();
        assertThat(s.add("640104|XQ001")).isTrue();
        assertThat(s.add("640104|XQ001")).isFalse();
        assertThat(s.add("640104|XQ002")).isTrue();
        assertThat(s.contains("640104|XQ002")).isTrue();
        assertThat(s.contains("640104|XQ003")).isFalse();
        // odd and even lengths, and the two lanes swapped, hash apart
        assertThat(SeenKeys.hash("ab")).isNotEqualTo(SeenKeys.hash("ba"));
        assertThat(SeenKeys.hash("abc")).isNotEqualTo(SeenKeys.hash("ab"));
        assertThat(SeenKeys.hash("")).isNotEqualTo(SeenKeys.hash("a"));
    }

    @Test
    void manyKeysGrowTheTableWithoutLosingAny() {
        SeenKeys s = new SeenKeys();
        for (int i = 0; i < 100_000; i++) {
            assertThat(s.add("k" + i)).isTrue();
        }
        for (int i = 0; i < 100_000; i += 997) {
            assertThat(s.add("k" + i)).isFalse();
        }
    }

    @Test
    void anActivitysHashFollowsItsKey() {
        LocalDate d = LocalDate.of(2024, 7, 3);
        long h = Knowledge.activityHash(activity("640104|XQ001", d, "科普讲座（第1场）"));
        // the same activity, its title spaced or with ASCII brackets, compares equal as activityKey does
        assertThat(Knowledge.activityHash(activity("640104|XQ001", d, "科普讲座 (第1场)"))).isEqualTo(h);
        assertThat(Knowledge.activityKey(activity("640104|XQ001", d, "科普讲座 (第1场)")))
                .isEqualTo(Knowledge.activityKey(activity("640104|XQ001", d, "科普讲座（第1场）")));
        // another organisation, date or title differs
        assertThat(Knowledge.activityHash(activity("640104|XQ002", d, "科普讲座（第1场）"))).isNotEqualTo(h);
        assertThat(Knowledge.activityHash(activity("640104|XQ001", d.plusDays(1), "科普讲座（第1场）"))).isNotEqualTo(h);
        assertThat(Knowledge.activityHash(activity("640104|XQ001", d, "科普讲座（第2场）"))).isNotEqualTo(h);
        SeenKeys s = new SeenKeys();
        assertThat(s.add(h)).isTrue();
        assertThat(s.add(Knowledge.activityHash(activity("640104|XQ001", d, "科普讲座 (第1场)")))).isFalse();
    }
}
