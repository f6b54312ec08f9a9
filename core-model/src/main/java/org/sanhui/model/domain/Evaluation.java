package org.sanhui.model.domain;

import static org.sanhui.model.schema.Datasets.COUNTY;
import static org.sanhui.model.schema.Datasets.GRADE;
import static org.sanhui.model.schema.Datasets.KIND;
import static org.sanhui.model.schema.Datasets.ORG_ID;
import static org.sanhui.model.schema.Datasets.ORG_KEY;
import static org.sanhui.model.schema.Datasets.ORG_NAME;
import static org.sanhui.model.schema.Datasets.SCORE;
import static org.sanhui.model.schema.Datasets.YEAR;

import java.util.Map;
import java.util.Objects;

/**
 * A yearly graded evaluation (年度评价 row) as stored in the {@code evaluations} dataset.
 *
 * @param orgKey the organisation key (county + 组织编号, else county + name), null not permitted
 * @param county the organisation's county code (6 digits), null not permitted
 * @param orgId the 组织编号 as written, or null
 * @param orgName the organisation's name, null not permitted
 * @param kind the organisation's kind when given, or null
 * @param year the evaluation year
 * @param grade the grade, null not permitted
 * @param score the score 0-100, or null
 */
public record Evaluation(String orgKey, String county, String orgId, String orgName, OrgKind kind, int year,
        Grade grade, Double score) implements DatasetRecord {

    /**
     * Checks the parts.
     *
     * @param orgKey the organisation key (county + 组织编号, else county + name), null not permitted
     * @param county the organisation's county code (6 digits), null not permitted
     * @param orgId the 组织编号 as written, or null
     * @param orgName the organisation's name, null not permitted
     * @param kind the organisation's kind when given, or null
     * @param year the evaluation year
     * @param grade the grade, null not permitted
     * @param score the score 0-100, or null
     * @throws NullPointerException if orgKey, county, orgName or grade is null
     * @throws IllegalArgumentException if the score is outside 0..100
     */
    public Evaluation {
        Objects.requireNonNull(orgKey, "orgKey");
        Objects.requireNonNull(county, "county");
        Objects.requireNonNull(orgName, "orgName");
        Objects.requireNonNull(grade, "grade");
        if (score != null && !(score >= 0 && score <= 100)) {
            throw new IllegalArgumentException("score must be within 0..100, got " + score);
        }
    }

    @Override
    public Map<String, Object> values() {
        return new Columns().put(ORG_KEY, orgKey).put(COUNTY, county).put(ORG_ID, orgId).put(ORG_NAME, orgName)
                .put(KIND, kind).put(YEAR, year).put(GRADE, grade).put(SCORE, score).build();
    }
}
