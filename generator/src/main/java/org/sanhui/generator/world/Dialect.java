package org.sanhui.generator.world;

/**
 * How one county's clerk writes a workbook: headers, date forms, yes/no words, enumeration spellings.
 *
 * @param variant which header aliases to use (0 canonical, 1 and 2 variants)
 * @param twoRowHeader whether grouped columns sit under a merged group header (负责人 over 姓名 | 职务)
 * @param dateStyle 0 Excel date cells, 1 2024-07-01, 2 2024/7/1, 3 2024.7.1, 4 2024年7月1日
 * @param boolStyle 0 是/否, 1 √/×, 2 Y/N, 3 有/无
 * @param aliases whether enumerations are written with an alias instead of the label
 * @param ids whether the county writes 组织编号
 * @param regionCodes whether regions are written as codes instead of names
 * @param totals whether sheets end with a 合计 row
 * @param sequence whether sheets have a 序号 column
 */
public record Dialect(int variant, boolean twoRowHeader, int dateStyle, int boolStyle, boolean aliases, boolean ids,
        boolean regionCodes, boolean totals, boolean sequence) {
}
