package org.sanhui.ingestion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sanhui.ingestion.Workbooks.row;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanhui.ingestion.warehouse.ParquetRows;
import org.sanhui.model.schema.Datasets;
import org.sanhui.model.warehouse.LiveFile;
import org.sanhui.model.warehouse.LiveManifest;

/**
 * A 组织编号 written as a placeholder ("无", "-") is no id: the organisation is keyed by its name
 * (core-model's {@code OrgKeys}) everywhere, and the rows pointing to it with the placeholder or by name
 * resolve to it.
 */
class PlaceholderIdTest {

    @TempDir
    Path tmp;

    private IngestReport ingest(Path wh, Path file) {
        return new Ingestor().ingest(List.of(file), IngestOptions.builder(wh).build());
    }

    /** Live rows of a dataset as county -> sorted "org_key|title-or-person" strings. */
    private static Map<String, List<String>> live(Path wh, String dataset, String what) {
        Map<String, List<String>> out = new TreeMap<>();
        for (LiveFile f : LiveManifest.read(wh).of(dataset)) {
            for (Map<String, Object> r : ParquetRows.read(wh.resolve(f.path()), Datasets.byName(dataset).orElseThrow())) {
                out.computeIfAbsent(f.county() + "/" + f.period(), k -> new ArrayList<>())
                        .add(r.get(Datasets.ORG_KEY) + "|" + r.get(what));
            }
        }
        out.values().forEach(l -> l.sort(null));
        return out;
    }

    // Before: ingestion keyed a rejected organisation written with 组织编号 无 as "640104/无" (BasicRowCheck.orgKey),
    // so its previous row, keyed by name, was not carried forward; and a rejected post pointing to 无 was taken for
    // the last organisation written with 无, so its previous post was not carried forward either.
    @Test
    void rejectedRowsOfAnOrganisationWrittenWithAPlaceholderIdCarryItsPreviousRowsForward() throws Exception {
        Path wh = tmp.resolve("wh");
        var q3 = Workbooks.sheets();
        q3.put("组织信息", List.of(row("兴庆区 2024年第三季度"), row("组织编号", "组织名称", "组织类型", "会员人数"),
                row("无", "兴庆区科协", "县级科协", 30), row("-", "掌政镇科协", "乡镇科协", 12)));
        q3.put("关键人物", List.of(row("姓名", "关键人物类别", "组织编号", "任职组织", "科协职务", "任职开始日期"),
                row("王小芳", "医院院长", "无", "兴庆区科协", "兼职副主席", "2024-01-01")));
        ingest(wh, Workbooks.xlsx(tmp.resolve("a/兴庆区2024Q3.xlsx"), q3));
        assertThat(live(wh, "organisations", Datasets.MEMBERS)).containsExactly(Map.entry("640104/2024Q3",
                List.of("640104/兴庆区科协|30", "640104/掌政镇科协|12")));

        var q4 = Workbooks.sheets();
        q4.put("组织信息", List.of(row("兴庆区 2024年第四季度"), row("组织编号", "组织名称", "组织类型", "会员人数"),
                row("无", "兴庆区科协", "县级科协", -1), row("无", "掌政镇科协", "乡镇科协", 13)));
        q4.put("关键人物", List.of(row("姓名", "关键人物类别", "组织编号", "任职组织", "科协职务", "任职开始日期"),
                row("王小芳", "医院院长", "无", "兴庆区科协", "兼职副主席", "不是日期")));
        IngestReport rep = ingest(wh, Workbooks.xlsx(tmp.resolve("b/兴庆区2024Q4.xlsx"), q4));

        assertThat(rep.files().get(0).sheets()).extracting(IngestReport.SheetReport::sheet,
                IngestReport.SheetReport::rejected, IngestReport.SheetReport::carriedForward).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("组织信息", 1L, 1L),
                        org.assertj.core.groups.Tuple.tuple("关键人物", 1L, 1L));
        assertThat(live(wh, "organisations", Datasets.MEMBERS).get("640104/2024Q4"))
                .containsExactly("640104/兴庆区科协|30", "640104/掌政镇科协|13");
        assertThat(live(wh, "posts", Datasets.PERSON_NAME).get("640104/2024Q4")).containsExactly("640104/兴庆区科协|王小芳");
    }

    // Before: in a city's workbook, an activity written with 组织编号 无 was placed in the county of the last
    // organisation written with 无, and there taken for that organisation's activity.
    @Test
    void rowsPointingToAPlaceholderIdResolveByNameInACitysWorkbook() throws Exception {
        Path wh = tmp.resolve("wh");
        var s = Workbooks.sheets();
        s.put("组织信息", List.of(row("银川市基层科协组织建设情况（2024年第三季度）"),
                row("组织编号", "组织名称", "组织类型", "所在地区"),
                row("无", "兴庆区科协", "县级科协", "640104"),
                row("无", "西夏区科协", "县级科协", "西夏区")));
        s.put("活动记录", List.of(row("组织编号", "主办单位", "活动名称", "活动类型", "活动日期"),
                row("无", "兴庆区科协", "科普周", "科普宣传", "2024-08-15"),
                row(null, "西夏区科协", "科普日", "科普宣传", "2024-09-15"),
                row("无", "西夏区科协", "科技节", "科普宣传", "2024-09-20")));
        IngestReport rep = ingest(wh, Workbooks.xlsx(tmp.resolve("in/银川市2024Q3.xlsx"), s));

        assertThat(rep.files().get(0).outcome()).isEqualTo(IngestReport.Outcome.ACCEPTED);
        assertThat(live(wh, "activities", Datasets.TITLE)).containsExactly(
                Map.entry("640104/2024Q3", List.of("640104/兴庆区科协|科普周")),
                Map.entry("640105/2024Q3", List.of("640105/西夏区科协|科技节", "640105/西夏区科协|科普日")));
    }
}
