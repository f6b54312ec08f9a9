package org.sanhui.generator.sheet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.util.Collections;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

/**
 * Rewrites a zip (an xlsx) so that its bytes depend only on its content: every entry gets the same fixed
 * local time and no extra fields, in the original entry order.
 */
public final class FixedZip {

    private FixedZip() {
    }

    /**
     * Rewrites the zip.
     *
     * @param zip the zip bytes
     * @param time the time every entry gets (a DOS local time, so no time zone enters)
     * @return the rewritten bytes
     * @throws UncheckedIOException if the bytes are not a zip
     */
    public static byte[] rewrite(byte[] zip, LocalDateTime time) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(zip.length + 1024);
        try (ZipFile in = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(zip)).get();
                ZipOutputStream z = new ZipOutputStream(out)) {
            z.setLevel(6);
            for (ZipArchiveEntry e : Collections.list(in.getEntriesInPhysicalOrder())) {
                ZipEntry copy = new ZipEntry(e.getName());
                copy.setTimeLocal(time);
                z.putNextEntry(copy);
                try (InputStream data = in.getInputStream(e)) {
                    data.transferTo(z);
                }
                z.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot rewrite zip", e);
        }
        return out.toByteArray();
    }
}
