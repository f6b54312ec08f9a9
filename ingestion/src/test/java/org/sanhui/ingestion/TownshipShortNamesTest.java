package org.sanhui.ingestion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sanhui.ingestion.Workbooks.row;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanhui.model.problem.Problem;
import org.sanhui.model.problem.ProblemCode;

/**
 * Townships named by a short form of a name that ends in stacked suffixes (issue 17, item 2). Before the fix
 * 西三旗 (for 西三旗街道) was UNKNOWN_REGION, so the organisation was rejected and its post and activity then
 * failed as UNKNOWN_ORGANISATION; and 西城 in 定州市 was taken as 西城乡 although 西城区街道 is 西城 too.
 */
class TownshipShortNamesTest {

    @TempDir
    Path tmp;

    private static Map<String, List<List<Object>>> workbook(String county, String town, String region) {
        var s = Workbooks.sheets();
        s.put("组织信息", List.of(
                row(county + "基层科协组织建设情况统计表（2024年第三季度）"),
                row("组织编号", "组织名称", "组织类型", "所在地区", "成立日期", "状态", "缺编制", "缺人员", "缺经费", "缺场地"),
                row("T1", town + "科协", "乡镇科协", region, "2023-05-01", "正常", "否", "否", "否", "否")));
        s.put("关键人物", List.of(
                row("组织编号", "姓名", "工作单位", "关键人物类别", "科协职务", "任职开始日期"),
                row("T1", "李四", region + "社区卫生服务中心", "医院院长", "兼职副主席", "2024-01-10")));
        s.put("活动记录", List.of(
                row("组织编号", "活动名称", "活动类型", "活动日期", "活动地点", "服务对象", "参加人数", "活动形式"),
                row("T1", "健康讲座", "健康讲座义诊", "2024-08-01", region, "老年人", 40, "线下")));
        return s;
    }

    @Test
    void aShortFormOfStackedSuffixesIsTheTownshipAndItsRowsAreAccepted() throws Exception {
        Path f = Workbooks.xlsx(tmp.resolve("in/110108_海淀区_2024Q3.xlsx"), workbook("北京市海淀区", "西三旗街道", "西三旗"));
        IngestReport rep = new Ingestor().ingest(List.of(f), IngestOptions.builder(tmp.resolve("wh")).build());
        IngestReport.FileReport fr = rep.files().get(0);
        IngestReport.SubmissionReport sub = fr.submissions().get(0);
        assertThat(sub.county()).isEqualTo("110108");
        List<ProblemCode> codes = sub.problems().stream().map(Problem::code).toList();
        assertThat(codes).doesNotContain(ProblemCode.UNKNOWN_REGION, ProblemCode.UNKNOWN_ORGANISATION,
                ProblemCode.AMBIGUOUS_REGION);
        Map<String, Long> accepted = fr.sheets().stream()
                .collect(Collectors.toMap(IngestReport.SheetReport::sheet, IngestReport.SheetReport::accepted));
        assertThat(accepted).containsEntry("组织信息", 1L).containsEntry("关键人物", 1L).containsEntry("活动记录", 1L);
        assertThat(rep.exitCode()).isZero();
    }

    @Test
    void aShortFormOfTwoTownshipsIsRejectedNamingBoth() throws Exception {
        Path f = Workbooks.xlsx(tmp.resolve("in/130682_定州市_2024Q3.xlsx"), workbook("河北省定州市", "西城", "西城"));
        IngestReport rep = new Ingestor().ingest(List.of(f), IngestOptions.builder(tmp.resolve("wh")).build());
        IngestReport.FileReport fr = rep.files().get(0);
        IngestReport.SubmissionReport sub = fr.submissions().get(0);
        assertThat(sub.county()).isEqualTo("130682");
        List<Problem> ambiguous = sub.problems().stream().filter(p -> p.code() == ProblemCode.AMBIGUOUS_REGION)
                .filter(p -> "组织信息".equals(p.location().sheet())).toList();
        assertThat(ambiguous).hasSize(1);
        assertThat(ambiguous.get(0).messageZh()).contains("西城区街道（130682003）").contains("西城乡（130682208）");
        assertThat(ambiguous.get(0).location().row()).isEqualTo(3);
        Map<String, Long> rejected = fr.sheets().stream()
                .collect(Collectors.toMap(IngestReport.SheetReport::sheet, IngestReport.SheetReport::rejected));
        assertThat(rejected).containsEntry("组织信息", 1L);
    }
}
