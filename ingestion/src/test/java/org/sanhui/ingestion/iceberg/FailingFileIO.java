package org.sanhui.ingestion.iceberg;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.iceberg.hadoop.HadoopFileIO;
import org.apache.iceberg.io.InputFile;
import org.apache.iceberg.io.OutputFile;
import org.apache.iceberg.io.PositionOutputStream;

/**
 * Hadoop file IO for tests ({@code io-impl} in the catalog settings) that records which thread writes each data
 * file, and, while {@link #failing} is set, fails every write to a data file beyond its first four bytes (Parquet's
 * magic number), as a full disk would when the file's row group or footer is written.
 */
public final class FailingFileIO extends HadoopFileIO {

    /** Whether writes to data files fail. */
    static volatile boolean failing;

    /** The threads that wrote data files, by name, in order. */
    static final List<String> WRITERS = new CopyOnWriteArrayList<>();

    /** For Iceberg's {@code CatalogUtil.loadFileIO}. */
    public FailingFileIO() {
    }

    @Override
    public OutputFile newOutputFile(String path) {
        OutputFile out = super.newOutputFile(path);
        if (!path.contains("/data/")) {
            return out;
        }
        return new OutputFile() {
            @Override
            public PositionOutputStream create() {
                return wrap(out.create());
            }

            @Override
            public PositionOutputStream createOrOverwrite() {
                return wrap(out.createOrOverwrite());
            }

            @Override
            public String location() {
                return out.location();
            }

            @Override
            public InputFile toInputFile() {
                return out.toInputFile();
            }
        };
    }

    private static PositionOutputStream wrap(PositionOutputStream s) {
        return new PositionOutputStream() {
            private boolean recorded;

            @Override
            public long getPos() throws IOException {
                return s.getPos();
            }

            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                if (!recorded && s.getPos() + len > 4) {
                    recorded = true;
                    WRITERS.add(Thread.currentThread().getName());
                }
                if (failing && s.getPos() + len > 4) {
                    throw new IOException("No space left on device (test)");
                }
                s.write(b, off, len);
            }

            @Override
            public void flush() throws IOException {
                s.flush();
            }

            @Override
            public void close() throws IOException {
                s.close();
            }
        };
    }
}
