package org.sanhui.reporting.chart;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * A small PNG encoder for the charts (8-bit RGB, one "Sub" filter per row, fast deflate). ImageIO's
 * writer tries every filter on every row and spent most of a briefing's time; flat-colour charts need none
 * of that (measured in docs/benchmarks.md).
 */
final class PngEncoder {

    private static final byte[] SIGNATURE = {(byte) 137, 80, 78, 71, 13, 10, 26, 10};

    private PngEncoder() {
    }

    /**
     * Writes an image of type {@link BufferedImage#TYPE_INT_RGB} as PNG.
     *
     * @param img the image, null not permitted
     * @param out where to write; not closed
     * @throws IOException if writing fails
     * @throws IllegalArgumentException if the image is not TYPE_INT_RGB
     */
    static void write(BufferedImage img, OutputStream out) throws IOException {
        if (img.getType() != BufferedImage.TYPE_INT_RGB) {
            throw new IllegalArgumentException("expected a TYPE_INT_RGB image, got type " + img.getType());
        }
        int w = img.getWidth();
        int h = img.getHeight();
        int[] px = ((DataBufferInt) img.getRaster().getDataBuffer()).getData();
        DataOutputStream d = new DataOutputStream(out);
        d.write(SIGNATURE);
        ByteArrayOutputStream ihdr = new ByteArrayOutputStream(13);
        DataOutputStream hd = new DataOutputStream(ihdr);
        hd.writeInt(w);
        hd.writeInt(h);
        hd.writeByte(8); // bit depth
        hd.writeByte(2); // colour type RGB
        hd.writeByte(0);
        hd.writeByte(0);
        hd.writeByte(0);
        chunk(d, "IHDR", ihdr.toByteArray());

        ByteArrayOutputStream idat = new ByteArrayOutputStream(w * h / 4 + 1024);
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try (DeflaterOutputStream z = new DeflaterOutputStream(idat, deflater, 1 << 16)) {
            byte[] row = new byte[1 + w * 3];
            for (int y = 0; y < h; y++) {
                subRow(px, y * w, w, row);
                z.write(row);
            }
        } finally {
            deflater.end();
        }
        chunk(d, "IDAT", idat.toByteArray());
        chunk(d, "IEND", new byte[0]);
        d.flush();
    }

    /** Filter "Sub": each byte minus the same channel of the pixel to its left; runs of one colour become 0. */
    private static void subRow(int[] px, int from, int w, byte[] row) {
        row[0] = 1;
        int prev = 0;
        for (int x = 0, o = 1; x < w; x++, o += 3) {
            int p = px[from + x];
            row[o] = (byte) ((p >> 16) - (prev >> 16));
            row[o + 1] = (byte) ((p >> 8) - (prev >> 8));
            row[o + 2] = (byte) (p - prev);
            prev = p;
        }
    }

    private static void chunk(DataOutputStream d, String type, byte[] data) throws IOException {
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        d.writeInt(data.length);
        d.write(t);
        d.write(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        d.writeInt((int) crc.getValue());
    }
}
