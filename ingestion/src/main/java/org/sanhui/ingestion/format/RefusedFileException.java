package org.sanhui.ingestion.format;

import java.util.Locale;
import java.util.Objects;
import org.sanhui.model.problem.Location;
import org.sanhui.model.problem.ProblemCode;

/**
 * A file that ingestion refuses as a whole (wrong format, encrypted, over a limit, corrupt), with the
 * problem code, a bilingual message that says what to do and, where the refusal comes from one place
 * of the file (a cell over a limit, a line that cannot be read), that place.
 *
 * <p>The limit refusals have their own factories, one per limit: each names the limit (its
 * configuration key where it has one), says where it was passed, and advises splitting the file only
 * where splitting helps (too many rows, cells or bytes), never for one oversized cell or a zip bomb.
 */
public class RefusedFileException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ProblemCode code;
    private final String messageZh;
    private final String sheet;
    private final int row;
    private final String column;

    /**
     * Creates the exception.
     *
     * @param code the problem code, null not permitted
     * @param messageZh the message in Chinese, null not permitted
     * @param messageEn the message in English, null not permitted
     */
    public RefusedFileException(ProblemCode code, String messageZh, String messageEn) {
        this(code, messageZh, messageEn, null);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param code the problem code, null not permitted
     * @param messageZh the message in Chinese, null not permitted
     * @param messageEn the message in English, null not permitted
     * @param cause the cause, may be null
     */
    public RefusedFileException(ProblemCode code, String messageZh, String messageEn, Throwable cause) {
        this(code, messageZh, messageEn, cause, null, 0, null);
    }

    /**
     * Creates the exception with the place in the file it comes from.
     *
     * @param code the problem code, null not permitted
     * @param messageZh the message in Chinese, null not permitted
     * @param messageEn the message in English, null not permitted
     * @param cause the cause, may be null
     * @param sheet the sheet, or null (a CSV, or no particular sheet)
     * @param row the 1-based row, or 0 for none
     * @param column the column (its letters, as Excel shows them), or null
     */
    public RefusedFileException(ProblemCode code, String messageZh, String messageEn, Throwable cause, String sheet,
            int row, String column) {
        super(Objects.requireNonNull(messageEn, "messageEn"), cause);
        this.code = Objects.requireNonNull(code, "code");
        this.messageZh = Objects.requireNonNull(messageZh, "messageZh");
        this.sheet = sheet;
        this.row = Math.max(0, row);
        this.column = column;
    }

    /**
     * Returns where in a file the refusal comes from.
     *
     * @param fileName the file's name, may be null
     * @return the location (the file alone when the refusal concerns the whole file), never null
     */
    public Location location(String fileName) {
        return new Location(fileName, sheet, row, column);
    }

    /**
     * Returns the problem code.
     *
     * @return the code, never null
     */
    public ProblemCode code() {
        return code;
    }

    /**
     * Returns the Chinese message.
     *
     * @return the message, never null
     */
    public String messageZh() {
        return messageZh;
    }

    /**
     * Returns the English message.
     *
     * @return the message, never null
     */
    public String messageEn() {
        return getMessage();
    }

    /**
     * Returns a refusal for an exceeded limit that has no message of its own: it names the limit, the
     * value found and the maximum, without advice beyond asking the administrator.
     *
     * @param limit the limit's name as in the configuration, null not permitted
     * @param value the value found, in words that fit both languages (a number, say)
     * @param max the limit, likewise
     * @return the exception, never null
     */
    public static RefusedFileException limit(String limit, Object value, Object max) {
        return new RefusedFileException(ProblemCode.LIMIT_EXCEEDED,
                "超出处理上限 " + limit + "：实际为 " + value + "，上限为 " + max + "。如有疑问，请联系管理员。",
                "limit " + limit + " exceeded: found " + value + ", at most " + max + " allowed; ask the administrator"
                        + " if the file is right");
    }

    /**
     * Refuses a file larger than {@code limits.max_file_bytes}. Splitting helps when the size comes from
     * the rows; pictures and other content that is not data can also be removed.
     *
     * @param size the file's size in bytes
     * @param max the limit in bytes
     * @return the exception, never null
     */
    public static RefusedFileException fileTooLarge(long size, long max) {
        return new RefusedFileException(ProblemCode.LIMIT_EXCEEDED,
                "文件大小为 " + sizeZh(size) + "，超过处理上限 " + sizeZh(max) + "（配置项 limits.max_file_bytes）。"
                        + "如文件中有图片等与数据无关的内容，请删除后重新保存；如数据行很多，请拆分为几个文件分别报送；也可请管理员调高该上限。",
                "the file is " + sizeEn(size) + ", over the limit of " + sizeEn(max) + " (limits.max_file_bytes); remove"
                        + " pictures and anything else that is not data, or split the rows over several files, or ask"
                        + " the administrator to raise limits.max_file_bytes");
    }

    /**
     * Refuses an xlsx with more zip entries than {@code limits.max_zip_entries}: usually many pictures or
     * sheets, which splitting the rows does not remove.
     *
     * @param max the limit
     * @return the exception, never null
     */
    public static RefusedFileException tooManyZipEntries(int max) {
        return new RefusedFileException(ProblemCode.LIMIT_EXCEEDED,
                "工作簿内部的组成部分超过 " + count(max) + " 个的处理上限（配置项 limits.max_zip_entries），通常是因为含有大量图片、图表或工作表。"
                        + "请删除多余的工作表和图片，重新保存后再报送；也可请管理员调高该上限。",
                "the workbook holds more than " + count(max) + " internal parts, the limit (limits.max_zip_entries);"
                        + " this usually means many pictures, charts or sheets: delete the ones that are not needed,"
                        + " save it and send it again, or ask the administrator to raise limits.max_zip_entries");
    }

    /**
     * Refuses an xlsx part that inflates more than {@code limits.max_zip_inflation_ratio} times: a zip
     * bomb or a damaged file, refused for safety; splitting does not help.
     *
     * @param ratio the ratio found
     * @param what the part (an entry name) or "the whole file", null not permitted
     * @param max the limit
     * @return the exception, never null
     */
    public static RefusedFileException inflationRatio(double ratio, String what, double max) {
        String r = String.format(Locale.ROOT, "%,.0f", ratio);
        String m = String.format(Locale.ROOT, "%,.0f", max);
        return new RefusedFileException(ProblemCode.LIMIT_EXCEEDED,
                "工作簿的内容解压后是压缩时的 " + r + " 倍，超过 " + m + " 倍的上限（配置项 limits.max_zip_inflation_ratio）。"
                        + ZIP_BOMB_ZH,
                what + " inflates to " + r + " times its compressed size, over the limit of " + m
                        + " (limits.max_zip_inflation_ratio)" + ZIP_BOMB_EN);
    }

    /**
     * Refuses an xlsx whose parts inflate to more than {@code maxInflatedBytes} in all: a zip bomb or a
     * damaged file (a real workbook that large is refused for its size first); splitting does not help.
     *
     * @param max the limit in bytes
     * @return the exception, never null
     */
    public static RefusedFileException inflatedTooLarge(long max) {
        return new RefusedFileException(ProblemCode.LIMIT_EXCEEDED,
                "工作簿的内容解压后超过 " + sizeZh(max) + " 的处理上限（maxInflatedBytes）。" + ZIP_BOMB_ZH,
                "the workbook's parts inflate to more than " + sizeEn(max) + ", the limit (maxInflatedBytes)"
                        + ZIP_BOMB_EN);
    }

    private static final String ZIP_BOMB_ZH = "正常的工作簿不会这样，该文件可能已损坏或是为耗尽内存而构造的“压缩炸弹”，出于安全原因拒收。"
            + "请用 Excel 打开后重新保存为 .xlsx 再报送；如仍被拒收，请联系管理员。";
    private static final String ZIP_BOMB_EN = "; ordinary workbooks never do this, so the file is damaged or built to"
            + " exhaust memory (a zip bomb) and is refused for safety; open it in Excel, save it again as .xlsx and send"
            + " it again, and ask the administrator if it is still refused";

    /**
     * Refuses a file with more non-blank cells than {@code limits.max_cells}, where the limit was passed;
     * splitting the rows over several files helps.
     *
     * @param max the limit
     * @param sheet the sheet, or null for a CSV
     * @param row the 1-based row
     * @param col the 0-based column
     * @return the exception, never null
     */
    public static RefusedFileException tooManyCells(long max, String sheet, int row, int col) {
        return new RefusedFileException(ProblemCode.LIMIT_EXCEEDED,
                "文件的非空单元格超过 " + count(max) + " 个的处理上限（配置项 limits.max_cells），在" + placeZh(sheet, row, null)
                        + "超出。请把数据拆分为几个文件分别报送，或请管理员调高该上限。",
                "the file holds more than " + count(max) + " non-blank cells, the limit (limits.max_cells), passed at "
                        + placeEn(sheet, row, null) + "; split the rows over several files, or ask the administrator to"
                        + " raise limits.max_cells",
                null, sheet, row, columnName(col));
    }

    /**
     * Refuses a file with one cell longer than {@code limits.max_cell_chars}, naming the cell; only that
     * cell needs shortening.
     *
     * @param length the cell's length in characters
     * @param max the limit
     * @param sheet the sheet, or null for a CSV
     * @param row the 1-based row
     * @param col the 0-based column
     * @return the exception, never null
     */
    public static RefusedFileException cellTooLong(int length, int max, String sheet, int row, int col) {
        String c = columnName(col);
        return new RefusedFileException(ProblemCode.LIMIT_EXCEEDED,
                placeZh(sheet, row, c) + "的单元格有 " + count(length) + " 个字符，超过 " + count(max)
                        + " 个的上限（配置项 limits.max_cell_chars）。请缩短该单元格的内容（长篇文字可另附文件）后重新报送。",
                "the cell at " + placeEn(sheet, row, c) + " holds " + count(length) + " characters, over the limit of "
                        + count(max) + " (limits.max_cell_chars); shorten that cell (send long texts separately) and"
                        + " send the file again",
                null, sheet, row, c);
    }

    /**
     * Refuses a sheet with more rows than {@code maxRowsPerSheet}; splitting the rows helps.
     *
     * @param max the limit
     * @param sheet the sheet, or null for a CSV
     * @param row the 1-based row where the limit was passed
     * @return the exception, never null
     */
    public static RefusedFileException tooManyRows(long max, String sheet, int row) {
        String zh = sheet == null ? "文件" : "工作表“" + sheet + "”";
        String en = sheet == null ? "the file" : "sheet '" + sheet + "'";
        return new RefusedFileException(ProblemCode.LIMIT_EXCEEDED,
                zh + "超过 " + count(max) + " 行的处理上限（maxRowsPerSheet），在第 " + row + " 行超出。请把数据拆分为几个文件分别报送。",
                en + " holds more than " + count(max) + " rows, the limit (maxRowsPerSheet), passed at row " + row
                        + "; split the rows over several files",
                null, sheet, row, null);
    }

    private static String placeZh(String sheet, int row, String column) {
        return (sheet == null ? "" : "工作表“" + sheet + "”") + "第 " + row + " 行" + (column == null ? "" : " " + column + " 列");
    }

    private static String placeEn(String sheet, int row, String column) {
        return (sheet == null ? "" : "sheet '" + sheet + "' ") + "row " + row + (column == null ? "" : " column " + column);
    }

    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private static String sizeZh(long bytes) {
        return bytes < 1 << 20 ? count(bytes) + " 字节" : sizeMb(bytes);
    }

    private static String sizeEn(long bytes) {
        return bytes < 1 << 20 ? count(bytes) + " bytes" : sizeMb(bytes);
    }

    private static String sizeMb(long bytes) {
        return bytes < 1L << 30 ? String.format(Locale.ROOT, "%.1f MB", bytes / (double) (1 << 20))
                : String.format(Locale.ROOT, "%.1f GB", bytes / (double) (1 << 30));
    }

    /**
     * Returns a column's letters as Excel shows them: 0 is A, 25 Z, 26 AA.
     *
     * @param index the 0-based column
     * @return the letters, never null
     */
    public static String columnName(int index) {
        StringBuilder b = new StringBuilder();
        for (int i = index + 1; i > 0; i = (i - 1) / 26) {
            b.append((char) ('A' + (i - 1) % 26));
        }
        return b.reverse().toString();
    }
}
