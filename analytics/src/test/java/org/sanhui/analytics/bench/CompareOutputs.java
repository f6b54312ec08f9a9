package org.sanhui.analytics.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.io.LocalInputFile;

/**
 * Compares two analytics outputs row by row: every Parquet file of {@code table/} and {@code lists/} (schema
 * and records). Byte comparison is too strict: parquet-java writes a column chunk's encodings from a hash
 * set, whose order differs between JVMs. Exit status 0 when identical.
 *
 * <p>Usage: {@code CompareOutputs DIR_A DIR_B} (two {@code indicators/<P>} folders).
 */
public final class CompareOutputs {

    private CompareOutputs() {
    }

    /**
     * Compares.
     *
     * @param args two output folders
     * @throws Exception on failure
     */
    public static void main(String[] args) throws Exception {
        Path a = Path.of(args[0]);
        Path b = Path.of(args[1]);
        List<Path> files;
        try (Stream<Path> s = Files.walk(a)) {
            files = s.filter(p -> p.toString().endsWith(".parquet")).map(a::relativize).sorted().toList();
        }
        int bad = 0;
        long rows = 0;
        for (Path f : files) {
            List<String> ra = read(a.resolve(f));
            List<String> rb = Files.exists(b.resolve(f)) ? read(b.resolve(f)) : List.of("<missing>");
            rows += ra.size() - 1;
            if (!ra.equals(rb)) {
                bad++;
                System.out.println("DIFFERENT: " + f + " (" + ra.size() + " vs " + rb.size() + " rows)");
            }
        }
        System.out.println((bad == 0 ? "IDENTICAL" : "DIFFERENT") + ": " + files.size() + " tables, " + rows + " rows");
        System.exit(bad == 0 ? 0 : 1);
    }

    private static List<String> read(Path file) throws Exception {
        List<String> out = new ArrayList<>();
        try (ParquetFileReader r = ParquetFileReader.open(new LocalInputFile(file))) {
            MessageType schema = r.getFooter().getFileMetaData().getSchema();
            out.add(schema.toString());
            PageReadStore pages;
            while ((pages = r.readNextRowGroup()) != null) {
                RecordReader<Group> rr = new ColumnIOFactory().getColumnIO(schema)
                        .getRecordReader(pages, new GroupRecordConverter(schema));
                for (long i = 0; i < pages.getRowCount(); i++) {
                    out.add(rr.read().toString());
                }
            }
        }
        return out;
    }
}
