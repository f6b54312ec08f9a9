package org.sanhui.model.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sanhui.model.period.Period;
import org.sanhui.model.schema.Column;
import org.sanhui.model.schema.ColumnType;
import org.sanhui.model.schema.DatasetSchema;
import org.sanhui.model.schema.Datasets;
import org.sanhui.model.value.DatePrecision;

/** Each record's values cover exactly its dataset's stored columns (provenance aside), with the right types. */
class DatasetRecordTest {

    private static final Set<String> PROVENANCE = Set.of(Datasets.SUBMISSION_ID, Datasets.COUNTY_CODE,
            Datasets.PERIOD, Datasets.SOURCE_ROW);

    static Organisation organisation() {
        return new Organisation("640104/NX001", "NX001", "兴庆区医疗卫生学会", OrgKind.MEDICAL_SOCIETY, "640104",
                LocalDate.of(2023, 11, 30), DatePrecision.MONTH, OrgStatus.ACTIVE, "王小芳", "院长", "兴庆区人民医院", 12,
                345, "宁夏医学会", true, true, false, null, true, true, CivilRating.A3, null, null, null, null, false);
    }

    @Test
    void organisationCoversItsSchema() {
        check(organisation(), Datasets.ORGANISATIONS, false);
        assertThat(organisation().values()).containsEntry(Datasets.KIND, "MEDICAL_SOCIETY")
                .containsEntry(Datasets.ESTABLISHED_PRECISION, "MONTH").containsEntry(Datasets.CIVIL_RATING, "A3")
                .containsEntry(Datasets.FINANCIAL_RULES, null).containsEntry(Datasets.MEMBERS, 345);
        assertThat(organisation().toString()).doesNotContain("王小芳");
    }

    @Test
    void postCoversItsSchemaWithoutThePhone() {
        KeyPersonPost p = new KeyPersonPost("王小芳", "兴庆区人民医院", PersonRole.HOSPITAL_HEAD, "640104/NX001", "NX001",
                null, Post.SECONDED_VICE_CHAIR, LocalDate.of(2024, 1, 1), null, LocalDate.of(2026, 1, 1), false);
        check(p, Datasets.POSTS, false);
        assertThat(p.values()).doesNotContainKey(Datasets.PHONE);
        assertThat(p.toString()).doesNotContain("王小芳");
        assertThat(p.currentOn(LocalDate.of(2025, 12, 31))).isTrue();
        assertThat(p.currentOn(LocalDate.of(2026, 1, 2))).isFalse();
        assertThat(p.currentOn(LocalDate.of(2023, 12, 31))).isFalse();
    }

    @Test
    void activityJoinsTargetGroupsSorted() {
        Activity a = new Activity("640104/x", null, "x", "义诊", ActivityType.HEALTH_SERVICE, LocalDate.of(2024, 7, 1),
                null, true, Set.of(TargetGroup.YOUTH, TargetGroup.ELDERLY, TargetGroup.FARMERS), 30, null, Form.OFFLINE,
                false);
        check(a, Datasets.ACTIVITIES, false);
        assertThat(a.values()).containsEntry(Datasets.TARGET_GROUPS, "ELDERLY;FARMERS;YOUTH")
                .containsEntry(Datasets.PLACE_DEFAULTED, true).containsEntry(Datasets.FORM, "OFFLINE");
        assertThat(Activity.joinTargetGroups(Set.of())).isNull();
    }

    @Test
    void evaluationCoversItsSchema() {
        Evaluation e = new Evaluation("640104/NX001", "640104", "NX001", "学会", OrgKind.MEDICAL_SOCIETY, 2024, Grade.B,
                88.5);
        check(e, Datasets.EVALUATIONS, false);
        assertThat(e.values()).containsEntry(Datasets.YEAR, 2024).containsEntry(Datasets.GRADE, "B");
        assertThatThrownBy(() -> new Evaluation("k", "640104", null, "n", null, 2024, Grade.A, 101.0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void submissionCoversItsWholeSchema() {
        Submission s = new Submission("640104-2024Q3-1", "640104", Period.quarter(2024, 3), null,
                LocalDate.of(2024, 10, 10), Instant.parse("2024-10-11T08:00:00Z"), "640104_2024Q3.xlsx", "ab",
                List.of("organisations", "posts"), 10, 8, 1, 1, "0f");
        check(s, Datasets.SUBMISSIONS, true);
        assertThat(s.values()).containsEntry(Datasets.PERIOD, "2024Q3").containsEntry(Datasets.DATASETS,
                "organisations,posts").containsEntry(Datasets.ROWS_READ, 10L);
    }

    private static void check(DatasetRecord r, DatasetSchema schema, boolean withProvenance) {
        List<Column> expected = schema.storedColumns().stream()
                .filter(c -> withProvenance || !PROVENANCE.contains(c.name())).toList();
        assertThat(r.values().keySet()).containsExactlyElementsOf(expected.stream().map(Column::name).toList());
        for (Column c : expected) {
            Object v = r.values().get(c.name());
            if (v != null) {
                assertThat(v).as(c.name()).isInstanceOf(javaType(c.type()));
            }
        }
    }

    private static Class<?> javaType(ColumnType t) {
        return switch (t) {
            case STRING -> String.class;
            case INT -> Integer.class;
            case LONG -> Long.class;
            case DOUBLE -> Double.class;
            case BOOLEAN -> Boolean.class;
            case DATE -> LocalDate.class;
            case TIMESTAMP -> Instant.class;
        };
    }
}
