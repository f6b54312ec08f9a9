package org.sanhui.ingestion.read.csv;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.sanhui.ingestion.format.RefusedFileException;
import org.sanhui.model.problem.ProblemCode;

/**
 * Decides how a CSV file is encoded: UTF-8 (with or without BOM) when every byte sequence is valid
 * UTF-8; GB18030 (a superset of GBK) when UTF-8 fails; and a located refusal when the file mixes the
 * two: some lines hold Chinese in valid UTF-8 while others are not UTF-8, or when a line holds a NUL
 * byte (named by line and byte: no encoding a CSV comes in has one).
 *
 * <p>One streaming pass over the bytes, line by line. Never guesses the other way round: valid UTF-8
 * is always read as UTF-8.
 */
final class EncodingDetector {

    /** The outcome: the charset and whether a UTF-8 BOM must be skipped. */
    record Encoding(Charset charset, boolean bom) {
    }

    private static final Charset GB18030 = Charset.forName("GB18030");

    private EncodingDetector() {
    }

    static Encoding detect(Path file) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            byte[] bomBytes = new byte[3];
            in.mark(3);
            int nb = in.readNBytes(bomBytes, 0, 3);
            boolean bom = nb == 3 && (bomBytes[0] & 0xFF) == 0xEF && (bomBytes[1] & 0xFF) == 0xBB
                    && (bomBytes[2] & 0xFF) == 0xBF;
            if (!bom) {
                in.reset();
            }
            int line = 1;
            long pos = 0; // bytes read after the BOM
            long lineStart = 0;
            int firstBadLine = 0;
            int firstGoodCjkLine = 0;
            int lineCjk = 0;
            boolean lineBad = false;
            int b;
            while ((b = in.read()) >= 0) {
                pos++;
                if (b == 0) {
                    throw nul(line, pos - lineStart);
                }
                if (b == '\n') {
                    lineStart = pos;
                    if (!lineBad && lineCjk >= 2 && firstGoodCjkLine == 0) {
                        firstGoodCjkLine = line;
                    }
                    line++;
                    lineCjk = 0;
                    lineBad = false;
                    continue;
                }
                if (b < 0x80) {
                    continue;
                }
                int need;
                int cp;
                if (b >= 0xC2 && b <= 0xDF) {
                    need = 1;
                    cp = b & 0x1F;
                } else if (b >= 0xE0 && b <= 0xEF) {
                    need = 2;
                    cp = b & 0x0F;
                } else if (b >= 0xF0 && b <= 0xF4) {
                    need = 3;
                    cp = b & 0x07;
                } else {
                    lineBad = true;
                    if (firstBadLine == 0) {
                        firstBadLine = line;
                    }
                    continue;
                }
                boolean ok = true;
                for (int k = 0; k < need; k++) {
                    in.mark(1);
                    int c = in.read();
                    pos++;
                    if (c < 0x80 || c > 0xBF) {
                        ok = false;
                        pos--;
                        if (c >= 0) {
                            in.reset();
                        }
                        break;
                    }
                    cp = cp << 6 | (c & 0x3F);
                }
                if (!ok) {
                    lineBad = true;
                    if (firstBadLine == 0) {
                        firstBadLine = line;
                    }
                } else if (cp >= 0x3400 && cp <= 0x9FFF) {
                    lineCjk++;
                }
            }
            if (!lineBad && lineCjk >= 2 && firstGoodCjkLine == 0) {
                firstGoodCjkLine = line;
            }
            if (firstBadLine == 0) {
                return new Encoding(StandardCharsets.UTF_8, bom);
            }
            if (bom || firstGoodCjkLine != 0) {
                throw new RefusedFileException(ProblemCode.BAD_ENCODING,
                        "文件混用了两种文字编码：第 " + (firstGoodCjkLine == 0 ? 1 : firstGoodCjkLine)
                                + " 行是 UTF-8，第 " + firstBadLine + " 行不是。请用同一种编码（建议“CSV UTF-8”）重新保存全部内容后再报送。",
                        "the file mixes two text encodings: line " + (firstGoodCjkLine == 0 ? 1 : firstGoodCjkLine)
                                + " is UTF-8 but line " + firstBadLine + " is not; save the whole file again in one "
                                + "encoding ('CSV UTF-8' is best) and send it again");
            }
            return new Encoding(GB18030, false);
        }
    }

    /** A NUL byte: no text encoding a CSV comes in holds one; named by its line and its byte in the line. */
    private static RefusedFileException nul(int line, long byteInLine) {
        return new RefusedFileException(ProblemCode.BAD_ENCODING,
                "第 " + line + " 行第 " + byteInLine + " 个字节是空字符（NUL，0x00），CSV 文本中不应出现这种字符，文件可能已损坏或不是文本文件。"
                        + "请用 Excel 打开检查后另存为“CSV UTF-8”或 Excel 工作簿（.xlsx）再报送。",
                "line " + line + ", byte " + byteInLine + " is a NUL byte (0x00), which CSV text never holds; the file"
                        + " may be damaged or not be text at all; open it in Excel, check it and save it as 'CSV UTF-8'"
                        + " or as an Excel workbook (.xlsx), then send it again",
                null, null, line, null);
    }

}
