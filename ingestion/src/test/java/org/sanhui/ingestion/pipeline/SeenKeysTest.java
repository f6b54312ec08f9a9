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
    void theTableDoublesWhenHalfFullAndNoSooner() {
        SeenKeys s = new SeenKeys();
        assertThat(s.capacity()).isEqualTo(1024);
        for (int i = 0; i < 512; i++) {
            s.add("k" + i);
        }
        // 512 keys fill 1,024 slots half: the 512th key is the last that fits before a doubling
        assertThat(s.capacity()).isEqualTo(1024);
        s.add("k512");
        assertThat(s.capacity()).isEqualTo(2048);
        for (int i = 513; i < 1024; i++) {
            s.add("k" + i);
        }
        // after the doubling the 512 keys moved over are not counted twice: 1,024 keys still fit in 2,048
        assertThat(s.size()).isEqualTo(1024);
        assertThat(s.capacity()).isEqualTo(2048);
        s.add("k1024");
        assertThat(s.capacity()).isEqualTo(4096);
        // a million keys take 2^21 slots (16 MB), not 2^22
        SeenKeys m = new SeenKeys();
        for (long h = 1; h <= 1_000_000; h++) {
            m.add(h * 0x9E3779B97F4A7C15L);
        }
        assertThat(m.size()).isEqualTo(1_000_000);
        assertThat(m.capacity()).isEqualTo(1 << 21);
        // repeats neither count nor grow
        assertThat(m.add(0x9E3779B97F4A7C15L)).isFalse();
        assertThat(m.size()).isEqualTo(1_000_000);
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
