package org.sanhui.model.problem;

/**
 * The documented kinds of problem, each with its default severity and a short label in Chinese and
 * English. The list is the contract of the feedback workbook and the rejects dataset; docs/problems.md
 * explains each.
 */
public enum ProblemCode {
    /** Unsupported file format. */
    UNSUPPORTED_FORMAT(Severity.FATAL, "不支持的文件格式", "unsupported file format"),
    /** Corrupt or unreadable file. */
    CORRUPT_FILE(Severity.FATAL, "文件已损坏或无法读取", "corrupt or unreadable file"),
    /** Encrypted file. */
    ENCRYPTED_FILE(Severity.FATAL, "文件已加密", "encrypted file"),
    /** Empty file. */
    EMPTY_FILE(Severity.FATAL, "文件为空", "empty file"),
    /** A processing limit was exceeded. */
    LIMIT_EXCEEDED(Severity.FATAL, "超出处理限制", "a processing limit was exceeded"),
    /** Text encoding cannot be decoded. */
    BAD_ENCODING(Severity.FATAL, "文本编码无法识别", "text encoding cannot be decoded"),
    /** A required sheet is missing. */
    MISSING_SHEET(Severity.FATAL, "缺少工作表", "a required sheet is missing"),
    /** A required column is missing. */
    MISSING_COLUMN(Severity.FATAL, "缺少必填列", "a required column is missing"),
    /** No header row found. */
    NO_HEADER(Severity.FATAL, "找不到表头", "no header row found"),
    /** The period cannot be determined. */
    NO_PERIOD(Severity.FATAL, "无法确定报送期", "the period cannot be determined"),
    /** The period stated conflicts with the file. */
    PERIOD_CONFLICT(Severity.FATAL, "报送期不一致", "the period stated conflicts with the file"),
    /** The submitting county cannot be determined. */
    NO_COUNTY(Severity.FATAL, "无法确定报送县（区）", "the submitting county cannot be determined"),
    /** The county stated conflicts with the file. */
    COUNTY_CONFLICT(Severity.FATAL, "报送县（区）不一致", "the county stated conflicts with the file"),
    /** Unknown county. */
    UNKNOWN_COUNTY(Severity.FATAL, "未知的县（区）", "unknown county"),
    /** Invalid filing date. */
    BAD_FILING_DATE(Severity.FATAL, "填报日期无效", "invalid filing date"),
    /** A sheet whose name is none of the datasets' was taken as the dataset its headers show. */
    SHEET_NAME_GUESSED(Severity.WARNING, "工作表名称不规范", "sheet name not recognised, dataset taken from its headers"),
    /** Unknown column, ignored. */
    UNKNOWN_COLUMN(Severity.WARNING, "未识别的列", "unknown column, ignored"),
    /** The total row does not match the detail rows. */
    TOTAL_MISMATCH(Severity.WARNING, "合计行与明细不符", "the total row does not match the detail rows"),
    /** Cells in columns without a header (right of the last header, or under a blank one), ignored. */
    EXTRA_CELLS(Severity.WARNING, "表头以外的单元格", "cells in columns without a header, ignored"),
    /** A required value is missing. */
    MISSING_VALUE(Severity.ERROR, "必填项为空", "a required value is missing"),
    /** Invalid date. */
    BAD_DATE(Severity.ERROR, "日期格式无效", "invalid date"),
    /** Invalid number. */
    BAD_NUMBER(Severity.ERROR, "数值无效", "invalid number"),
    /** Negative count. */
    NEGATIVE_COUNT(Severity.ERROR, "数量为负数", "negative count"),
    /** Invalid yes/no value. */
    BAD_BOOLEAN(Severity.ERROR, "是/否值无效", "invalid yes/no value"),
    /** Value not in the vocabulary. */
    UNKNOWN_VALUE(Severity.ERROR, "不在可选范围内的取值", "value not in the vocabulary"),
    /** Grade word not mapped. */
    UNMAPPED_GRADE(Severity.ERROR, "无法识别的评价等次", "grade word not mapped"),
    /** Score outside 0..100. */
    BAD_SCORE(Severity.ERROR, "得分应在0-100之间", "score outside 0..100"),
    /** Unknown region. */
    UNKNOWN_REGION(Severity.ERROR, "未知的地区", "unknown region"),
    /** Ambiguous region name. */
    AMBIGUOUS_REGION(Severity.ERROR, "地区名称不唯一", "ambiguous region name"),
    /** Region outside the submitting county. */
    REGION_OUTSIDE_COUNTY(Severity.ERROR, "地区不属于报送县（区）", "region outside the submitting county"),
    /** Date before the period's year. */
    DATE_BEFORE_YEAR(Severity.ERROR, "日期早于本年度", "date before the period's year"),
    /** Date after the period end. */
    DATE_AFTER_PERIOD(Severity.ERROR, "日期晚于报送期末", "date after the period end"),
    /** Date after the filing date. */
    DATE_AFTER_FILING(Severity.ERROR, "日期晚于填报日期", "date after the filing date"),
    /** End date before start date. */
    END_BEFORE_START(Severity.ERROR, "结束日期早于开始日期", "end date before start date"),
    /** Organisation unknown. */
    UNKNOWN_ORGANISATION(Severity.ERROR, "找不到所属组织", "organisation unknown"),
    /** Row repeated within the file. */
    DUPLICATE_ROW(Severity.ERROR, "重复行", "row repeated within the file"),
    /** The row's county cannot be determined. */
    UNKNOWN_COUNTY_ROW(Severity.ERROR, "行的县（区）无法识别", "the row's county cannot be determined"),
    /** Already received in an earlier submission, skipped. */
    ALREADY_RECEIVED(Severity.INFO, "已报送过，跳过", "already received in an earlier submission, skipped"),
    /** An evaluation of an organisation that no accepted organisations sheet of its county knows; kept. */
    UNKNOWN_EVALUATED_ORGANISATION(Severity.WARNING, "被评价组织不在组织信息中",
            "evaluated organisation not in any accepted organisations sheet of its county"),
    /** Activity of an earlier period reported late. */
    REPORTED_LATE(Severity.WARNING, "补报的往期活动", "activity of an earlier period reported late"),
    /** Date gives only a year; left out of dated figures. */
    YEAR_ONLY_DATE(Severity.WARNING, "日期仅有年份", "date gives only a year; left out of dated figures"),
    /** Blank status taken as ACTIVE. */
    BLANK_STATUS(Severity.WARNING, "状态为空，按正常处理", "blank status taken as ACTIVE"),
    /** Place names no region; the organiser's region is used. */
    PLACE_NOT_REGION(Severity.WARNING, "活动地点未指明地区，按主办单位所在地区计", "place names no region; the organiser's region is used"),
    /** Blank institution or gap flag: unknown. */
    UNKNOWN_FLAG(Severity.WARNING, "制度或四缺项为空，视为未知", "blank institution or gap flag: unknown"),
    /** Filed after the deadline. */
    LATE_FILING(Severity.WARNING, "逾期报送", "filed after the deadline");

    private final Severity defaultSeverity;
    private final String labelZh;
    private final String labelEn;

    ProblemCode(Severity defaultSeverity, String labelZh, String labelEn) {
        this.defaultSeverity = defaultSeverity;
        this.labelZh = labelZh;
        this.labelEn = labelEn;
    }

    /**
     * Returns the severity a problem of this kind has unless stated otherwise.
     *
     * @return the severity, never null
     */
    public Severity defaultSeverity() {
        return defaultSeverity;
    }

    /**
     * Returns the short Chinese label.
     *
     * @return the label, never null
     */
    public String labelZh() {
        return labelZh;
    }

    /**
     * Returns the short English label.
     *
     * @return the label, never null
     */
    public String labelEn() {
        return labelEn;
    }
}
