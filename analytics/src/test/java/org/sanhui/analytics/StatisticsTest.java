package org.sanhui.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.Test;
import org.sanhui.model.period.Period;
import org.sanhui.model.schema.ColumnType;
import org.sanhui.model.schema.Datasets;

/** The statistics and small rules used on the driver, without Spark. */
class StatisticsTest {

    @Test
    void percentilesInterpolateLinearlyType7() {
        // 1 2 3 4: median h = 3*0.5 = 1.5 -> 2.5; p90 h = 2.7 -> 3 + 0.7 = 3.7 (DuckDB quantile_cont agrees)
        double[] x = {4, 1, 3, 2};
        assertThat(ActivityFamily.percentile(x, 50)).isEqualTo(2.5);
        assertThat(ActivityFamily.percentile(x, 90)).isCloseTo(3.7, within(1e-12));
        assertThat(ActivityFamily.percentile(new double[] {7}, 90)).isEqualTo(7);
    }

    @Test
    void giniWithoutSmallSampleCorrection() {
        // 0 and 1: sum |xi-xj| = 2, n = 2, mean 0.5 -> 2 / (2*4*0.5) = 0.5
        assertThat(ActivityFamily.gini(List.of(0.0, 1.0))).isEqualTo(0.5);
        assertThat(ActivityFamily.gini(List.of(2.0, 2.0, 2.0))).isEqualTo(0.0);
        assertThat(ActivityFamily.gini(List.of(0.0, 0.0))).isNull();
    }

    @Test
    void normsProRata() {
        assertThat(ActivityFamily.proRata(5, Period.parse("2024Q1"))).isEqualTo(2); // ceil(1.25)
        assertThat(ActivityFamily.proRata(5, Period.parse("2024Q3"))).isEqualTo(4); // ceil(3.75)
        assertThat(ActivityFamily.proRata(5, Period.parse("2024-07"))).isEqualTo(3); // ceil(2.92)
        assertThat(ActivityFamily.proRata(5, Period.parse("2024-12"))).isEqualTo(5);
        assertThat(ActivityFamily.proRata(1, Period.parse("2024Q1"))).isEqualTo(1);
    }

    @Test
    void chiSquareDropsEmptyRowsAndCountsLowExpectedCells() {
        // [[10, 10], [20, 0], [0, 0]]: the empty row is dropped; N=40, rows 20/20, cols 30/10;
        // expected 15 5 / 15 5; chi2 = 25/15 + 25/5 + 25/15 + 25/5 = 13.333, df 1
        GradeFamily.ChiSquare r = GradeFamily.chiSquare(List.of(new long[] {10, 10, 0}, new long[] {20, 0, 0},
                new long[] {0, 0, 0}));
        assertThat(r.cells()).isEqualTo(4);
        assertThat(r.low()).isZero();
        assertThat(r.p()).isCloseTo(new org.apache.commons.math3.distribution.ChiSquaredDistribution(1)
                .cumulativeProbability(40.0 / 3) * -1 + 1, within(1e-12));
        assertThat(GradeFamily.chiSquare(List.of(new long[] {1, 2, 3}))).isNull();
    }

    @Test
    void compositeRanksShareTheBetterRankAndRoundToOneDecimal() {
        assertThat(CompositeFamily.round1(41.66666)).isEqualTo(41.7);
        assertThat(CompositeFamily.round1(19.71666)).isEqualTo(19.7);
    }

    @Test
    void sparkSchemasFollowCoreModel() {
        assertThat(SparkSchemas.type(ColumnType.DATE)).isEqualTo(DataTypes.DateType);
        assertThat(SparkSchemas.type(ColumnType.TIMESTAMP)).isEqualTo(DataTypes.TimestampType);
        assertThat(SparkSchemas.of(Datasets.POSTS).fieldNames()).containsExactlyElementsOf(Datasets.POSTS.names())
                .doesNotContain(Datasets.PHONE);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SparkSchemas.of(Datasets.POSTS, "nope"))
                .hasMessageContaining("expected one of [submission_id");
    }
}
