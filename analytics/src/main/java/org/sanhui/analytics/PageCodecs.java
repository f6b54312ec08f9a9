package org.sanhui.analytics;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.CodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.xerial.snappy.Snappy;

/**
 * Page decompression for the warehouse's reads. Snappy pages (what sanhui writes) are decompressed by
 * snappy-java directly; parquet's Hadoop-backed codec looks a buffer size up in a Hadoop
 * {@code Configuration} for every page, which at one small file per county and period is a cost per file.
 * Other codecs go to parquet's own factory on a plain configuration. Reading only: compressors are
 * parquet's.
 */
final class PageCodecs implements CompressionCodecFactory {

    static final PageCodecs INSTANCE = new PageCodecs();

    private static final BytesInputDecompressor SNAPPY = new BytesInputDecompressor() {
        @Override
        public BytesInput decompress(BytesInput bytes, int uncompressedSize) throws IOException {
            byte[] in = bytes.toByteArray();
            byte[] out = new byte[uncompressedSize];
            int n = Snappy.uncompress(in, 0, in.length, out, 0);
            if (n != uncompressedSize) {
                throw new IOException("a Snappy page gave " + n + " bytes where its header says " + uncompressedSize);
            }
            return BytesInput.from(out);
        }

        @Override
        public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output, int decompressedSize)
                throws IOException {
            byte[] in = new byte[compressedSize];
            input.get(in);
            output.put(decompress(BytesInput.from(in), decompressedSize).toByteArray());
        }

        @Override
        public void release() {
            // holds nothing
        }
    };

    private volatile CodecFactory others;

    private PageCodecs() {
    }

    @Override
    public BytesInputDecompressor getDecompressor(CompressionCodecName codecName) {
        return codecName == CompressionCodecName.SNAPPY ? SNAPPY : others().getDecompressor(codecName);
    }

    @Override
    public BytesInputCompressor getCompressor(CompressionCodecName codecName) {
        return others().getCompressor(codecName);
    }

    private CodecFactory others() {
        CodecFactory f = others;
        if (f == null) {
            synchronized (this) {
                if (others == null) {
                    others = new CodecFactory(new PlainParquetConfiguration(), 0);
                }
                f = others;
            }
        }
        return f;
    }

    @Override
    public void release() {
        // shared by every reader of the process: nothing is released per reader
    }
}
