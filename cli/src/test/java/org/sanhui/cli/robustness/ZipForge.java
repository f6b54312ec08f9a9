package org.sanhui.cli.robustness;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Writes ZIP archives byte by byte, so that the corpus can hold what {@link java.util.zip.ZipOutputStream}
 * refuses to write: duplicate entry names, entry names such as {@code ../../evil}, entries whose data
 * inflates a thousandfold and more. Output is deterministic: fixed timestamps, no extra fields.
 */
final class ZipForge {

    /** Method STORED. */
    static final int STORED = 0;
    /** Method DEFLATED. */
    static final int DEFLATED = 8;

    /** DOS time 2024-09-30 12:00:00, fixed so that the corpus is byte-for-byte reproducible. */
    private static final int DOS_TIME = (12 << 11);
    private static final int DOS_DATE = ((2024 - 1980) << 9) | (9 << 5) | 30;

    /**
     * One entry, already compressed.
     *
     * @param name the entry name as written (any bytes)
     * @param method STORED or DEFLATED
     * @param data the stored bytes (compressed for DEFLATED)
     * @param crc the CRC-32 of the uncompressed bytes
     * @param size the uncompressed size
     * @param flags the general-purpose flags (bit 0: encrypted, bit 11: UTF-8 names)
     */
    record Entry(String name, int method, byte[] data, long crc, long size, int flags) {

        /** Returns a copy named differently. */
        Entry rename(String newName) {
            return new Entry(newName, method, data, crc, size, flags);
        }

        /** Returns a copy with other flags. */
        Entry withFlags(int newFlags) {
            return new Entry(name, method, data, crc, size, newFlags);
        }
    }

    /** A source of uncompressed bytes streamed in chunks (for entries too large to hold). */
    interface Source {
        /**
         * Writes the bytes.
         *
         * @param out the sink
         * @throws IOException never in practice
         */
        void writeTo(OutputStream out) throws IOException;
    }

    private ZipForge() {
    }

    /** A deflated entry of the given bytes. */
    static Entry deflated(String name, byte[] bytes) {
        return deflated(name, out -> out.write(bytes));
    }

    /** A deflated entry of a UTF-8 string. */
    static Entry deflated(String name, String text) {
        return deflated(name, text.getBytes(StandardCharsets.UTF_8));
    }

    /** A stored (uncompressed) entry. */
    static Entry stored(String name, byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return new Entry(name, STORED, bytes.clone(), crc.getValue(), bytes.length, 0x800);
    }

    /** A deflated entry streamed from a source: only the compressed bytes are held in memory. */
    static Entry deflated(String name, Source source) {
        CRC32 crc = new CRC32();
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        long[] size = {0};
        byte[] buf = new byte[64 * 1024];
        OutputStream sink = new OutputStream() {
            @Override
            public void write(int b) {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                crc.update(b, off, len);
                size[0] += len;
                deflater.setInput(b, off, len);
                while (!deflater.needsInput()) {
                    int n = deflater.deflate(buf);
                    compressed.write(buf, 0, n);
                }
            }
        };
        try {
            source.writeTo(sink);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        deflater.finish();
        while (!deflater.finished()) {
            int n = deflater.deflate(buf);
            compressed.write(buf, 0, n);
        }
        deflater.end();
        if (size[0] >= 0xFFFFFFFFL) {
            throw new IllegalArgumentException("entry too large for a non-ZIP64 archive: " + name);
        }
        return new Entry(name, DEFLATED, compressed.toByteArray(), crc.getValue(), size[0], 0x800);
    }

    /** A source repeating one chunk of text until {@code total} bytes were written. */
    static Source repeat(String chunk, long total) {
        byte[] c = chunk.getBytes(StandardCharsets.UTF_8);
        return out -> {
            long left = total;
            byte[] block = new byte[Math.max(c.length, 64 * 1024 / c.length * c.length)];
            for (int i = 0; i < block.length; i++) {
                block[i] = c[i % c.length];
            }
            while (left > 0) {
                int n = (int) Math.min(block.length, left);
                out.write(block, 0, n);
                left -= n;
            }
        };
    }

    /** Concatenates sources. */
    static Source concat(Source... parts) {
        return out -> {
            for (Source s : parts) {
                s.writeTo(out);
            }
        };
    }

    /** A source of a UTF-8 string. */
    static Source text(String s) {
        return out -> out.write(s.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Serialises entries as a ZIP archive, in the given order, names as given (duplicates kept).
     *
     * @param entries the entries
     * @return the archive's bytes
     */
    static byte[] zip(List<Entry> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<Long> offsets = new ArrayList<>();
        for (Entry e : entries) {
            offsets.add((long) out.size());
            byte[] name = e.name().getBytes(StandardCharsets.UTF_8);
            le32(out, 0x04034b50);
            le16(out, 20);
            le16(out, e.flags());
            le16(out, e.method());
            le16(out, DOS_TIME);
            le16(out, DOS_DATE);
            le32(out, (int) e.crc());
            le32(out, e.data().length);
            le32(out, (int) e.size());
            le16(out, name.length);
            le16(out, 0);
            out.writeBytes(name);
            out.writeBytes(e.data());
        }
        long cdStart = out.size();
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            byte[] name = e.name().getBytes(StandardCharsets.UTF_8);
            le32(out, 0x02014b50);
            le16(out, 20);
            le16(out, 20);
            le16(out, e.flags());
            le16(out, e.method());
            le16(out, DOS_TIME);
            le16(out, DOS_DATE);
            le32(out, (int) e.crc());
            le32(out, e.data().length);
            le32(out, (int) e.size());
            le16(out, name.length);
            le16(out, 0);
            le16(out, 0);
            le16(out, 0);
            le16(out, 0);
            le32(out, 0);
            le32(out, (int) (long) offsets.get(i));
            out.writeBytes(name);
        }
        long cdSize = out.size() - cdStart;
        int count = Math.min(entries.size(), 0xFFFF);
        le32(out, 0x06054b50);
        le16(out, 0);
        le16(out, 0);
        le16(out, count);
        le16(out, count);
        le32(out, (int) cdSize);
        le32(out, (int) cdStart);
        le16(out, 0);
        return out.toByteArray();
    }

    /**
     * Reads the entries of a well-formed archive written by anyone (local headers with sizes, no data
     * descriptors needed: the central directory is used), for re-ordering and re-writing.
     *
     * @param zip the archive
     * @return the entries, in central-directory order
     */
    static List<Entry> read(byte[] zip) {
        int eocd = -1;
        for (int i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xFFFF); i--) {
            if (u32(zip, i) == 0x06054b50L) {
                eocd = i;
                break;
            }
        }
        if (eocd < 0) {
            throw new IllegalArgumentException("no end of central directory");
        }
        int count = u16(zip, eocd + 10);
        int p = (int) u32(zip, eocd + 16);
        List<Entry> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int flags = u16(zip, p + 8);
            int method = u16(zip, p + 10);
            long crc = u32(zip, p + 16);
            long csize = u32(zip, p + 20);
            long size = u32(zip, p + 24);
            int nlen = u16(zip, p + 28);
            int xlen = u16(zip, p + 30);
            int clen = u16(zip, p + 32);
            long local = u32(zip, p + 42);
            String name = new String(zip, p + 46, nlen, StandardCharsets.UTF_8);
            int lnlen = u16(zip, (int) local + 26);
            int lxlen = u16(zip, (int) local + 28);
            int dataStart = (int) local + 30 + lnlen + lxlen;
            byte[] data = java.util.Arrays.copyOfRange(zip, dataStart, dataStart + (int) csize);
            out.add(new Entry(name, method, data, crc, size, flags & ~0x8));
            p += 46 + nlen + xlen + clen;
        }
        return out;
    }

    private static void le16(ByteArrayOutputStream out, int v) {
        out.write(v & 0xFF);
        out.write((v >>> 8) & 0xFF);
    }

    private static void le32(ByteArrayOutputStream out, int v) {
        le16(out, v & 0xFFFF);
        le16(out, (v >>> 16) & 0xFFFF);
    }

    private static int u16(byte[] b, int i) {
        return (b[i] & 0xFF) | ((b[i + 1] & 0xFF) << 8);
    }

    private static long u32(byte[] b, int i) {
        return (u16(b, i) | ((long) u16(b, i + 2) << 16)) & 0xFFFFFFFFL;
    }
}
