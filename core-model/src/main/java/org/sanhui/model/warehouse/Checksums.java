package org.sanhui.model.warehouse;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The content checksum of a live data file, as {@link LiveFile#sha256()} records it.
 *
 * <p>SHA-256 rather than CRC32C: the checksum is there to detect a file that was damaged or altered after
 * it was made live (a flipped byte in a page or in the footer's metadata, which may still parse), and
 * only a cryptographic digest also catches a deliberate change (a CRC is linear: a change can be made to
 * keep it). It is cheap enough: the JDK computes SHA-256 with the CPU's SHA extensions (or AVX2) as an
 * intrinsic, over 1 GB/s per core, so checking a national warehouse (~200 MB in ~70,000 files) costs
 * far less than opening the files (measured in docs/robustness.md).
 */
public final class Checksums {

    private static final int BUFFER = 64 * 1024;

    private Checksums() {
    }

    /**
     * Returns the SHA-256 of a file's bytes.
     *
     * @param file the file, null not permitted
     * @return 64 lowercase hexadecimal digits, never null
     * @throws IOException if the file cannot be read
     */
    public static String sha256(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            return sha256(ch);
        }
    }

    /**
     * Returns the SHA-256 of bytes already in memory (a whole file read at once), as {@link #sha256(Path)}
     * gives it for a file holding them.
     *
     * @param bytes the bytes, null not permitted
     * @return 64 lowercase hexadecimal digits, never null
     */
    public static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(newSha256().digest(bytes));
    }

    /**
     * Returns the SHA-256 of all the bytes of an open file, read from its start with positional reads
     * (the channel's position is left as it was).
     *
     * @param ch the channel, open for reading, null not permitted
     * @return 64 lowercase hexadecimal digits, never null
     * @throws IOException if the file cannot be read
     */
    public static String sha256(FileChannel ch) throws IOException {
        MessageDigest md = newSha256();
        long size = ch.size();
        ByteBuffer buf = ByteBuffer.allocate((int) Math.max(1, Math.min(size, BUFFER)));
        long pos = 0;
        int n;
        while ((n = ch.read(buf, pos)) >= 0) {
            pos += n;
            buf.flip();
            md.update(buf);
            buf.clear();
            if (n == 0 && pos >= size) {
                break;
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /**
     * Whether a text is a SHA-256 as {@link #sha256(Path)} writes it.
     *
     * @param s the text, may be null
     * @return true for 64 lowercase hexadecimal digits
     */
    public static boolean isSha256(String s) {
        if (s == null || s.length() != 64) {
            return false;
        }
        for (int i = 0; i < 64; i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
