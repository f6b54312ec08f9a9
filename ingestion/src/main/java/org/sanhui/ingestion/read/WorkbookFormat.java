package org.sanhui.ingestion.read;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ServiceLoader;
import org.sanhui.ingestion.IngestLimits;
import org.sanhui.ingestion.format.FileFormat;

/**
 * A reader for one file format, found through {@link ServiceLoader} (each format lives in its own
 * package: {@code read.xlsx}, {@code read.xls}, {@code read.csv}).
 */
public interface WorkbookFormat {

    /**
     * Returns the format this reader reads.
     *
     * @return the format, never null
     */
    FileFormat format();

    /**
     * Opens a file already sniffed as this format.
     *
     * @param file the file, null not permitted
     * @param limits the limits to enforce while reading, null not permitted
     * @return the open source, never null; the caller closes it
     * @throws IOException if the file cannot be read
     * @throws org.sanhui.ingestion.format.RefusedFileException if the file is refused
     */
    WorkbookSource open(Path file, IngestLimits limits) throws IOException;

    /**
     * Returns the reader for a format.
     *
     * @param format the format, null not permitted
     * @return the reader, never null
     * @throws IllegalStateException if none is on the class path
     */
    static WorkbookFormat of(FileFormat format) {
        for (WorkbookFormat f : ServiceLoader.load(WorkbookFormat.class, WorkbookFormat.class.getClassLoader())) {
            if (f.format() == format) {
                return f;
            }
        }
        throw new IllegalStateException("no reader for " + format + " on the class path (META-INF/services/"
                + WorkbookFormat.class.getName() + ")");
    }
}
