package org.sanhui.generator.world;

import org.sanhui.model.domain.Grade;

/**
 * A row of the province's 年度评价 workbook.
 *
 * @param org the organisation graded
 * @param year the year
 * @param grade the grade meant, or null for an unmapped word
 * @param gradeText the grade as written
 * @param score the score, or null
 */
public record EvalRow(Org org, int year, Grade grade, String gradeText, Double score) {
}
