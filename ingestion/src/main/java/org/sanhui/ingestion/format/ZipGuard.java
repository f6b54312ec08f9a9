package org.sanhui.ingestion.format;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.sanhui.ingestion.IngestLimits;
import org.sanhui.model.problem.ProblemCode;

/**
 * Checks an xlsx (a zip) before any parser sees it: entry count, duplicate entry names, names that
 * would escape a folder (zip-slip), total uncompressed size and inflation ratio, and a DOCTYPE in any
 * XML part (no XML entity is ever resolved: a part that declares a DTD is refused).
 *
 * <p>The worksheet parts are checked on their declared sizes only (they are streamed later, and the
 * cell and row limits bound what they can produce); every other part (shared strings, styles,
 * workbook, relationships), which parsers hold in memory, is really inflated and counted, stopping at
 * the limit.
 */
public final class ZipGuard {

    private static final Pattern WORKSHEET = Pattern.compile("xl/worksheets/sheet\\d+\\.xml");

    private ZipGuard() {
    }

    /**
     * Checks an xlsx against the limits.
     *
     * @param file the file, null not permitted
     * @param limits the limits, null not permitted
     * @throws RefusedFileException naming the limit or the defect
     */
    public static void check(Path file, IngestLimits limits) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            long compressedFile = Math.max(1, Files.size(file));
            Set<String> names = new HashSet<>();
            long declared = 0;
            int count = 0;
            Enumeration<? extends ZipEntry> en = zip.entries();
            while (en.hasMoreElements()) {
                ZipEntry e = en.nextElement();
                count++;
                if (count > limits.maxZipEntries()) {
                    throw RefusedFileException.tooManyZipEntries(limits.maxZipEntries());
                }
                String name = e.getName();
                if (!names.add(name)) {
                    throw corrupt("压缩包内有重复的条目名 " + name, "the zip holds the entry name '" + name + "' twice");
                }
                if (unsafeName(name)) {
                    throw corrupt("压缩包内有不安全的条目名 " + name, "the zip holds an unsafe entry name '" + name
                            + "' (absolute, or climbing out with '..')");
                }
                long size = e.getSize();
                long csize = e.getCompressedSize();
                if (size > 0) {
                    declared += size;
                    if (csize > 0 && size / (double) csize > limits.maxInflationRatio() && size > 1 << 20) {
                        throw RefusedFileException.inflationRatio(size / (double) csize, "the part " + name,
                                limits.maxInflationRatio());
                    }
                }
                if (declared > limits.maxInflatedBytes()) {
                    throw RefusedFileException.inflatedTooLarge(limits.maxInflatedBytes());
                }
            }
            if (declared / (double) compressedFile > limits.maxInflationRatio() && declared > 16 << 20) {
                throw RefusedFileException.inflationRatio(declared / (double) compressedFile, "the workbook as a whole",
                        limits.maxInflationRatio());
            }
            long real = 0;
            en = zip.entries();
            while (en.hasMoreElements()) {
                ZipEntry e = en.nextElement();
                String lower = e.getName().toLowerCase(Locale.ROOT);
                if (!lower.endsWith(".xml") && !lower.endsWith(".rels")) {
                    continue;
                }
                boolean sheet = WORKSHEET.matcher(e.getName()).matches();
                try (InputStream in = zip.getInputStream(e)) {
                    real += scan(in, e.getName(), sheet, limits, real);
                }
            }
        } catch (ZipException e) {
            throw corrupt("工作簿已损坏或不完整（可能传输中被截断）", "the workbook is damaged or incomplete (perhaps truncated"
                    + " in transit): " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Reads an XML part's prolog for a DOCTYPE; a non-worksheet part is inflated whole and counted. */
    private static long scan(InputStream in, String name, boolean sheet, IngestLimits limits, long before)
            throws IOException {
        byte[] buf = new byte[8192];
        int n = in.readNBytes(buf, 0, buf.length);
        long total = Math.max(n, 0);
        String head = new String(buf, 0, Math.max(n, 0), StandardCharsets.ISO_8859_1);
        int root = rootStart(head);
        String prolog = root < 0 ? head : head.substring(0, root);
        String p = prolog.toUpperCase(Locale.ROOT);
        if (p.contains("<!DOCTYPE") || p.contains("<!ENTITY")) {
            throw new RefusedFileException(ProblemCode.UNSUPPORTED_FORMAT,
                    "工作簿内部的 XML（" + name + "）含有 DOCTYPE/实体声明，出于安全原因拒收。请用 Excel 重新保存为 .xlsx 后再报送。",
                    "the workbook's XML part " + name + " declares a DOCTYPE or entities, refused for safety (no XML"
                            + " entity is ever resolved); save it again as .xlsx from Excel and send it again");
        }
        if (sheet) {
            return 0;
        }
        while (n > 0) {
            if (before + total > limits.maxInflatedBytes()) {
                throw RefusedFileException.inflatedTooLarge(limits.maxInflatedBytes());
            }
            n = in.read(buf);
            if (n > 0) {
                total += n;
            }
        }
        return total;
    }

    /** Finds where the root element starts: the first '<' followed by a letter, skipping declarations and comments. */
    private static int rootStart(String s) {
        int i = 0;
        while (true) {
            int lt = s.indexOf('<', i);
            if (lt < 0 || lt + 1 >= s.length()) {
                return -1;
            }
            char c = s.charAt(lt + 1);
            if (Character.isLetter(c) || c == '_') {
                return lt;
            }
            if (s.startsWith("<!--", lt)) {
                int end = s.indexOf("-->", lt);
                if (end < 0) {
                    return -1;
                }
                i = end + 3;
            } else {
                i = lt + 1;
            }
        }
    }

    private static boolean unsafeName(String name) {
        String n = name.replace('\\', '/');
        return n.startsWith("/") || n.contains("../") || n.endsWith("/..") || n.equals("..")
                || (n.length() > 1 && n.charAt(1) == ':');
    }

    private static RefusedFileException corrupt(String zh, String en) {
        return new RefusedFileException(ProblemCode.CORRUPT_FILE, zh + "，无法读取。请用 Excel 重新保存为 .xlsx 后再报送。",
                en + "; save it again as .xlsx from Excel and send it again");
    }
}
