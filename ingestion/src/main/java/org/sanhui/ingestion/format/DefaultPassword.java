package org.sanhui.ingestion.format;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.poifs.crypt.Decryptor;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.sanhui.ingestion.IngestLimits;

/**
 * Workbooks encrypted with Excel's default read password, {@code VelvetSweatshop}: Excel writes them
 * (a workbook marked read-only recommended or protected without a password of one's own, and some tools'
 * exports) and opens them without asking, so ingestion opens them too. An xlsx so encrypted is an OLE2
 * file holding {@code EncryptionInfo} and {@code EncryptedPackage}; it is decrypted (agile or standard
 * encryption) into a temporary file readable by its owner only, deleted when the reader closes. An
 * .xls so encrypted (RC4, CryptoAPI) is decrypted by POI itself, which tries the default password.
 *
 * <p>A workbook encrypted with any other password stays refused: no password is ever asked for or
 * guessed.
 */
public final class DefaultPassword {

    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
        (byte) 0xE1};

    private DefaultPassword() {
    }

    /**
     * Tells whether an OLE2 container's encrypted package opens with Excel's default password.
     *
     * @param fs the container, null not permitted
     * @return true when it does; false for any other password or an encryption POI cannot read
     */
    static boolean opens(POIFSFileSystem fs) {
        try {
            return Decryptor.getInstance(new EncryptionInfo(fs)).verifyPassword(Decryptor.DEFAULT_PASSWORD);
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    /**
     * Tells whether a file is an OLE2 container (by its first 8 bytes), which for an xlsx means an
     * encrypted one.
     *
     * @param file the file, null not permitted
     * @return true for an OLE2 file
     * @throws IOException if the file cannot be read
     */
    public static boolean isOle2(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(OLE2.length);
            return java.util.Arrays.equals(head, OLE2);
        }
    }

    /**
     * Decrypts an xlsx encrypted with Excel's default password into a temporary file, reading at most
     * {@code maxFileBytes} of plain bytes.
     *
     * @param file the encrypted file, null not permitted
     * @param limits the limits, null not permitted
     * @return the temporary plain xlsx, never null; the caller deletes it
     * @throws RefusedFileException if the default password does not open it, or the plain package is too large
     * @throws IOException if the file cannot be read or the temporary file written
     */
    public static Path decrypt(Path file, IngestLimits limits) throws IOException {
        Path plain = Files.createTempFile("sanhui-decrypted-", ".xlsx");
        boolean done = false;
        try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
            Decryptor d = Decryptor.getInstance(new EncryptionInfo(fs));
            if (!d.verifyPassword(Decryptor.DEFAULT_PASSWORD)) {
                throw FormatSniffer.encrypted();
            }
            try (InputStream in = d.getDataStream(fs); OutputStream out = Files.newOutputStream(plain)) {
                byte[] buf = new byte[1 << 16];
                long total = 0;
                int n;
                while ((n = in.read(buf)) > 0) {
                    total += n;
                    if (total > limits.maxFileBytes()) {
                        throw RefusedFileException.fileTooLarge(total, limits.maxFileBytes());
                    }
                    out.write(buf, 0, n);
                }
            }
            done = true;
            return plain;
        } catch (GeneralSecurityException | EncryptedDocumentException e) {
            throw FormatSniffer.encrypted(e);
        } finally {
            if (!done) {
                Files.deleteIfExists(plain);
            }
        }
    }
}
