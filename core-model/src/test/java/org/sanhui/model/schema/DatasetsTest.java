package org.sanhui.model.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DatasetsTest {

    @Test
    void inputDatasetsStartWithProvenance() {
        for (DatasetSchema d : Datasets.INPUTS) {
            assertThat(d.names().subList(0, 4)).as(d.name()).containsExactly(Datasets.SUBMISSION_ID,
                    Datasets.COUNTY_CODE, Datasets.PERIOD, Datasets.SOURCE_ROW);
            assertThat(d.sheets()).isNotEmpty();
        }
    }

    @Test
    void thePhoneIsReadButNeverStored() {
        Column phone = Datasets.POSTS.column(Datasets.PHONE);
        assertThat(phone.stored()).isFalse();
        assertThat(phone.personal()).isTrue();
        assertThat(Datasets.POSTS.names()).doesNotContain(Datasets.PHONE);
        for (DatasetSchema d : Datasets.ALL) {
            assertThat(d.names()).doesNotContain(Datasets.PHONE);
        }
    }

    @Test
    void namesAreTheOnlyPersonalStoredColumns() {
        Set<String> personal = new HashSet<>();
        for (DatasetSchema d : Datasets.ALL) {
            d.storedColumns().stream().filter(Column::personal).forEach(c -> personal.add(c.name()));
        }
        assertThat(personal).containsExactlyInAnyOrder(Datasets.LEADER_NAME, Datasets.PERSON_NAME);
    }

    @Test
    void aHeaderBelongsToOneColumnPerDataset() {
        for (DatasetSchema d : Datasets.INPUTS) {
            Set<String> seen = new HashSet<>();
            for (Column c : d.columns()) {
                for (String h : c.headers()) {
                    assertThat(seen.add(h)).as(d.name() + " header " + h).isTrue();
                }
            }
        }
    }

    @Test
    void lookUps() {
        assertThat(Datasets.byName("activities")).contains(Datasets.ACTIVITIES);
        assertThat(Datasets.byName("nope")).isEmpty();
        assertThat(Datasets.ORGANISATIONS.sheet()).isEqualTo("组织信息");
        assertThat(Datasets.ORGANISATIONS.column(Datasets.ORG_NAME).header()).isEqualTo("组织名称");
        assertThatThrownBy(() -> Datasets.ORGANISATIONS.column("nope")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected one of");
        assertThat(Datasets.EVALUATIONS.column(Datasets.COUNTY).header()).isEqualTo("所在县（区）");
    }
}
