package org.sanhui.ingestion.format;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hssf.OldExcelFormatException;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.DocumentInputStream;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.sanhui.ingestion.IngestLimits;
import org.sanhui.model.problem.ProblemCode;

/**
 * Tells a file's format from its bytes, never from its name, and refuses what ingestion cannot read
 * with a message that says what to do: pipes and devices, xlsb, ods, strict OOXML, workbooks encrypted
 * with a password of their own (Excel's default password is opened, see {@link DefaultPassword}),
 * Excel 95 and older, web pages saved as .xls, UTF-16 text, binary files, empty files.
 *
 * <p>Thread-safe; holds no state.
 */
public final class FormatSniffer {

    private static final byte[] ZIP = {0x50, 0x4B, 0x03, 0x04};
    private static final byte[] ZIP_EMPTY = {0x50, 0x4B, 0x05, 0x06};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
        (byte) 0xE1};
    private static final String RESAVE_ZH = "请用 Excel 打开后“另存为”Excel 工作簿（.xlsx）再报送。";
    private static final String RESAVE_EN = "open it in Excel and save it as an Excel workbook (.xlsx), then send it again";

    private FormatSniffer() {
    }

    /**
     * Admits a path as an input, reading none of its bytes: it must be a regular file (a link to one is
     * fine), not empty and within the size limit. A pipe, a device or a socket is refused here, as is a
     * link to one (/dev/zero, say): reading it could block or never end.
     *
     * @param file the path, null not permitted
     * @param limits the limits, null not permitted
     * @throws RefusedFileException if the path must not be read, saying what it is
     * @throws UncheckedIOException if its attributes cannot be read
     */
    public static void admit(Path file, IngestLimits limits) {
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw new RefusedFileException(ProblemCode.UNSUPPORTED_FORMAT,
                    "这是一个指向不存在文件的链接（快捷方式），无法读取。请报送文件本身。",
                    "this is a link to a file that does not exist" + linkTarget(file) + "; send the file itself", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the attributes of " + file, e);
        }
        if (!a.isRegularFile()) {
            String[] kind = a.isDirectory() ? new String[] {"文件夹", "a folder"} : kind(file);
            throw new RefusedFileException(ProblemCode.UNSUPPORTED_FORMAT,
                    "这不是普通文件，而是" + kind[0] + "，无法作为报送文件读取。请报送 Excel 工作簿（.xlsx）或 CSV 文件本身。",
                    "this is not a regular file but " + kind[1] + linkTarget(file) + ", which cannot be read as a"
                            + " submission; send the Excel workbook (.xlsx) or CSV file itself");
        }
        long size = a.size();
        if (size == 0) {
            throw new RefusedFileException(ProblemCode.EMPTY_FILE, "文件为空（0 字节）。请检查后重新报送。",
                    "the file is empty (0 bytes); check it and send it again");
        }
        if (size > limits.maxFileBytes()) {
            throw RefusedFileException.fileTooLarge(size, limits.maxFileBytes());
        }
    }

    /** What kind of special file a path is, in Chinese and English, from its Unix mode where there is one. */
    private static String[] kind(Path file) {
        try {
            int type = (Integer) Files.getAttribute(file, "unix:mode") & 0170000;
            switch (type) {
                case 0010000:
                    return new String[] {"命名管道（FIFO）", "a named pipe (FIFO)"};
                case 0020000:
                    return new String[] {"字符设备", "a character device"};
                case 0060000:
                    return new String[] {"块设备", "a block device"};
                case 0140000:
                    return new String[] {"套接字", "a socket"};
                default:
                    break;
            }
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
            // no Unix attributes here: say no more than the basic attributes tell
        }
        return new String[] {"特殊文件（如管道或设备）", "a special file (a pipe or a device)"};
    }

    private static String linkTarget(Path file) {
        if (!Files.isSymbolicLink(file)) {
            return "";
        }
        try {
            return " (a symbolic link to " + Files.readSymbolicLink(file) + ")";
        } catch (IOException | UnsupportedOperationException e) {
            return " (a symbolic link)";
        }
    }

    /**
     * Sniffs the format of a file, {@linkplain #admit admitting} it first.
     *
     * @param file the file, null not permitted
     * @param limits the limits, null not permitted
     * @return the format, never null
     * @throws RefusedFileException if the file cannot or must not be read, with what to do
     * @throws UncheckedIOException if the file cannot be read at all
     */
    public static FileFormat sniff(Path file, IngestLimits limits) {
        admit(file, limits);
        try {
            byte[] head = new byte[4096];
            int n;
            try (InputStream in = Files.newInputStream(file)) {
                n = in.readNBytes(head, 0, head.length);
            }
            if (startsWith(head, n, ZIP) || startsWith(head, n, ZIP_EMPTY)) {
                return sniffZip(file);
            }
            if (startsWith(head, n, OLE2)) {
                return sniffOle2(file, limits);
            }
            if (n >= 4 && head[0] == 0x09 && (head[1] == 0x00 || head[1] == 0x02 || head[1] == 0x04 || head[1] == 0x08)
                    && head[3] == 0x00 && (head[2] == 4 || head[2] == 6 || head[2] == 8 || head[2] == 16)) {
                throw tooOld("Excel 2.x-4.0");
            }
            return sniffText(head, n);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static FileFormat sniffText(byte[] head, int n) {
        utf16(head, n);
        int i = 0;
        if (n >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
            i = 3;
        }
        while (i < n && (head[i] == ' ' || head[i] == '\t' || head[i] == '\r' || head[i] == '\n')) {
            i++;
        }
        if (i == n) {
            throw new RefusedFileException(ProblemCode.EMPTY_FILE, "文件没有任何内容。请检查后重新报送。",
                    "the file holds nothing but blanks; check it and send it again");
        }
        String text = new String(head, i, n - i, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        if (text.startsWith("%pdf")) {
            throw new RefusedFileException(ProblemCode.UNSUPPORTED_FORMAT, "这是 PDF 文件，不是表格。请报送 Excel 工作簿（.xlsx）。",
                    "this is a PDF document, not a spreadsheet; send an Excel workbook (.xlsx)");
        }
        if (text.startsWith("<")) {
            if (text.contains("progid=\"excel.sheet\"") || text.contains("urn:schemas-microsoft-com:office:spreadsheet")) {
                throw new RefusedFileException(ProblemCode.UNSUPPORTED_FORMAT,
                        "这是“XML 电子表格 2003”格式，无法读取。" + RESAVE_ZH,
                        "this is an XML Spreadsheet 2003 file, which cannot be read; " + RESAVE_EN);
            }
            throw new RefusedFileException(ProblemCode.UNSUPPORTED_FORMAT,
                    "这是网页（HTML/XML）文件，只是扩展名像表格，无法读取。" + RESAVE_ZH,
                    "this is a web page (HTML/XML) saved under a spreadsheet name, not a workbook; " + RESAVE_EN);
        }
        // text with a stray control byte or two (a NUL, say) is text: the CSV reader names the line and
        // byte; more than 5% control bytes (and more than two) make a binary file
        int control = 0;
        for (int k = i; k < n; k++) {
            int b = head[k] & 0xFF;
            if (b < 0x09 || b > 0x0D && b < 0x20 && b != 0x1B) {
                control++;
            }
        }
        if (control > 2 && control * 20 > n - i) {
            throw new RefusedFileException(ProblemCode.UNSUPPORTED_FORMAT,
                    "无法识别的二进制文件，不是 Excel 工作簿或 CSV 文本。" + RESAVE_ZH,
                    "an unknown binary file, neither an Excel workbook nor CSV text; " + RESAVE_EN);
        }
        return FileFormat.CSV;
    }

    /**
     * Refuses text in UTF-16, as Excel's "Unicode Text" writes it: by its byte-order mark, or, without
     * one, by every other byte being zero (the high bytes of ASCII characters such as commas and digits).
     */
    private static void utf16(byte[] head, int n) {
        String order = null;
        if (n >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE) {
            order = "little";
        } else if (n >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) {
            order = "big";
        } else if (n >= 8) {
            int evenZeros = 0;
            int oddZeros = 0;
            for (int k = 0; k + 1 < n; k += 2) {
                evenZeros += head[k] == 0 ? 1 : 0;
                oddZeros += head[k + 1] == 0 ? 1 : 0;
            }
            int pairs = n / 2;
            if (oddZeros * 10 >= pairs * 3 && evenZeros * 20 <= pairs) {
                order = "little";
            } else if (evenZeros * 10 >= pairs * 3 && oddZeros * 20 <= pairs) {
                order = "big";
            }
        }
        if (order != null) {
            throw new RefusedFileException(ProblemCode.BAD_ENCODING,
                    "这个文件是 UTF-16 编码（" + (order.equals("little") ? "小端" : "大端")
                            + "）的文本，例如 Excel 的“Unicode 文本”，无法读取。请用 Excel 打开后“另存为”“CSV UTF-8（逗号分隔）”或 Excel 工作簿（.xlsx）再报送。",
                    "this text is encoded as UTF-16 (" + order + "-endian), as Excel's 'Unicode Text' writes it, which"
                            + " cannot be read; open it in Excel and save it as 'CSV UTF-8 (Comma delimited)' or as an"
                            + " Excel workbook (.xlsx), then send it again");
        }
    }

    private static FileFormat sniffZip(Path file) throws IOException {
        Set<String> names = new HashSet<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Enumeration<? extends ZipEntry> en = zip.entries();
            while (en.hasMoreElements()) {
                names.add(en.nextElement().getName());
                if (names.size() > 100_000) {
                    break;
                }
            }
            ZipEntry mimetype = zip.getEntry("mimetype");
            if (mimetype != null) {
                String mt;
                try (InputStream in = zip.getInputStream(mimetype)) {
                    mt = new String(in.readNBytes(100), StandardCharsets.US_ASCII);
                }
                if (mt.startsWith("application/vnd.oasis.opendocument")) {
                    throw new RefusedFileException(ProblemCode.UNSUPPORTED_FORMAT,
                            "这是 OpenDocument（.ods，WPS/LibreOffice）格式，无法读取。请“另存为”Excel 工作簿（.xlsx）再报送。",
                            "this is an OpenDocument spreadsheet (.ods); save it as an Excel workbook (.xlsx) and send it again");
                }
            }
            if (names.contains("xl/workbook.bin")) {
                throw new RefusedFileException(ProblemCode.UNSUPPORTED_FORMAT,
                        "这是 Excel 二进制工作簿（.xlsb），无法读取。" + RESAVE_ZH,
                        "this is an Excel binary workbook (.xlsb), which cannot be read; " + RESAVE_EN);
            }
            if (names.contains("word/document.xml") || names.contains("ppt/presentation.xml")) {
                throw new RefusedFileException(ProblemCode.UNSUPPORTED_FORMAT, "这是 Word 或 PowerPoint 文档，不是表格。"
                        + RESAVE_ZH, "this is a Word or PowerPoint document, not a spreadsheet; " + RESAVE_EN);
            }
            if (!names.contains("[Content_Types].xml") || !names.contains("xl/workbook.xml")) {
                throw new RefusedFileException(ProblemCode.UNSUPPORTED_FORMAT,
                        "这是一个压缩包，但不是 Excel 工作簿。请直接报送 .xlsx 工作簿，不要压缩。",
                        "this is a zip archive but not an Excel workbook; send the .xlsx workbook itself, not an archive");
            }
            ZipEntry wb = zip.getEntry("xl/workbook.xml");
            String start;
            try (InputStream in = zip.getInputStream(wb)) {
                start = new String(in.readNBytes(2048), StandardCharsets.UTF_8);
            }
            if (start.contains("http://purl.oclc.org/ooxml/spreadsheetml/main")) {
                throw new RefusedFileException(ProblemCode.UNSUPPORTED_FORMAT,
                        "这是“Strict Open XML 电子表格”格式，无法读取。请“另存为”普通的“Excel 工作簿（.xlsx）”再报送。",
                        "this is a Strict Open XML workbook, which cannot be read; save it as a plain "
                                + "'Excel Workbook (.xlsx)' and send it again");
            }
            return FileFormat.XLSX;
        } catch (ZipException e) {
            throw new RefusedFileException(ProblemCode.CORRUPT_FILE,
                    "工作簿已损坏或不完整（可能传输中被截断），无法打开。请重新保存后再报送。",
                    "the workbook is damaged or incomplete (perhaps truncated in transit): " + e.getMessage()
                            + "; save it again and send it again", e);
        }
    }

    private static FileFormat sniffOle2(Path file, IngestLimits limits) throws IOException {
        try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
            DirectoryNode root = fs.getRoot();
            if (root.hasEntry("EncryptedPackage") || root.hasEntry("EncryptionInfo")) {
                if (!DefaultPassword.opens(fs)) {
                    throw encrypted();
                }
                // Excel's default password: what is inside must be an xlsx like any other
                Path plain = DefaultPassword.decrypt(file, limits);
                try {
                    FileFormat inner = sniffZip(plain);
                    if (inner != FileFormat.XLSX) {
                        throw encrypted();
                    }
                    return inner;
                } finally {
                    Files.deleteIfExists(plain);
                }
            }
            String stream = root.hasEntry("Workbook") ? "Workbook" : root.hasEntry("WORKBOOK") ? "WORKBOOK"
                    : root.hasEntry("Book") ? "Book" : root.hasEntry("BOOK") ? "BOOK" : null;
            if (stream == null) {
                throw new RefusedFileException(ProblemCode.UNSUPPORTED_FORMAT,
                        "这是 Office 文档，但不是 Excel 工作簿（可能是 Word 或 WPS 文档）。" + RESAVE_ZH,
                        "this is an Office document but not an Excel workbook (a Word or WPS document?); " + RESAVE_EN);
            }
            if (stream.equalsIgnoreCase("Book")) {
                throw tooOld("Excel 5.0/95"); // a BIFF5 stream: what Excel 5.0 and 95 write, and POI does not read
            }
            byte[] bof;
            try (DocumentInputStream in = root.createDocumentInputStream(stream)) {
                bof = in.readNBytes(8);
            }
            int type = bof.length >= 2 ? (bof[0] & 0xFF) | (bof[1] & 0xFF) << 8 : 0;
            int version = bof.length >= 6 ? (bof[4] & 0xFF) | (bof[5] & 0xFF) << 8 : 0;
            if (type != 0x0809 || version != 0x0600) {
                // not the BIFF8 BOF a Workbook stream starts with; POI reads many such files all the same
                // (another record first, an odd version), so only POI failing makes it damaged
                tryPoi(root);
            }
            return FileFormat.XLS;
        } catch (RefusedFileException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw damagedXls(e);
        }
    }

    private static void tryPoi(DirectoryNode root) {
        try (HSSFWorkbook wb = new HSSFWorkbook(root, true)) {
            wb.getNumberOfSheets();
        } catch (OldExcelFormatException e) {
            throw tooOld("Excel 5.0/95");
        } catch (EncryptedDocumentException e) {
            throw encrypted(e);
        } catch (IOException | RuntimeException e) {
            throw damagedXls(e);
        }
    }

    private static RefusedFileException damagedXls(Exception e) {
        return new RefusedFileException(ProblemCode.CORRUPT_FILE,
                "Excel 97-2003 工作簿已损坏或不完整，无法打开。" + RESAVE_ZH,
                "the Excel 97-2003 workbook is damaged or incomplete: " + e.getMessage() + "; " + RESAVE_EN, e);
    }

    /**
     * Returns the refusal for an encrypted (password-protected) workbook.
     *
     * @return the exception, never null
     */
    static RefusedFileException encrypted() {
        return encrypted(null);
    }

    /**
     * Returns the refusal for an encrypted (password-protected) workbook, with the exception that told.
     *
     * @param cause the exception, may be null
     * @return the exception, never null
     */
    static RefusedFileException encrypted(Throwable cause) {
        return new RefusedFileException(ProblemCode.ENCRYPTED_FILE,
                "工作簿设置了打开密码（已加密），无法读取。请取消密码（文件-信息-保护工作簿-用密码进行加密，清空密码）后重新报送。",
                "the workbook is password-protected (encrypted) and cannot be read; remove the password "
                        + "(File > Info > Protect Workbook > Encrypt with Password, clear it) and send it again", cause);
    }

    private static RefusedFileException tooOld(String version) {
        return new RefusedFileException(ProblemCode.UNSUPPORTED_FORMAT,
                "这是 " + version + " 或更早版本的工作簿，无法读取。" + RESAVE_ZH,
                "this is an " + version + " (or older) workbook, which cannot be read; " + RESAVE_EN);
    }

    private static boolean startsWith(byte[] b, int n, byte[] prefix) {
        if (n < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (b[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
