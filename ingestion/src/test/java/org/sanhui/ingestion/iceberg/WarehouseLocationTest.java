package org.sanhui.ingestion.iceberg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class WarehouseLocationTest {

    @Test
    void folderBecomesAnAbsoluteFileUri() {
        WarehouseLocation l = WarehouseLocation.parse("out/warehouse/");
        assertThat(l.isLocal()).isTrue();
        assertThat(l.localPath()).contains(Path.of("out/warehouse").toAbsolutePath().normalize());
        assertThat(l.toString()).startsWith("file:/").endsWith("/out/warehouse");
        assertThat(l.resolve(".lock")).endsWith("/out/warehouse/.lock");
    }

    @Test
    void hadoopUriIsKeptAsWritten() {
        WarehouseLocation l = WarehouseLocation.parse("hdfs://127.0.0.1:8020/sanhui/warehouse/");
        assertThat(l.isLocal()).isFalse();
        assertThat(l.localPath()).isEmpty();
        assertThat(l.toString()).isEqualTo("hdfs://127.0.0.1:8020/sanhui/warehouse");
        assertThat(WarehouseLocation.parse("file:/data/wh").localPath()).contains(Path.of("/data/wh"));
    }

    @Test
    void blankOrRelativeUriIsRefused() {
        assertThatThrownBy(() -> WarehouseLocation.parse("  ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("blank");
        assertThatThrownBy(() -> WarehouseLocation.parse("hdfs:warehouse")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not an absolute URI");
    }
}
