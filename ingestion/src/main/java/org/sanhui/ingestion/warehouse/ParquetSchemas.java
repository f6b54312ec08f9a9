package org.sanhui.ingestion.warehouse;

import java.util.List;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;
import org.sanhui.model.schema.Column;
import org.sanhui.model.schema.DatasetSchema;

/** Maps core-model's dataset schemas to Parquet message types, as the brief's warehouse layout says. */
public final class ParquetSchemas {

    private ParquetSchemas() {
    }

    /**
     * Returns the Parquet schema of a dataset: its stored columns, all optional.
     *
     * @param dataset the dataset, null not permitted
     * @return the message type, never null
     */
    public static MessageType of(DatasetSchema dataset) {
        List<Column> cols = dataset.storedColumns();
        Types.MessageTypeBuilder b = Types.buildMessage();
        for (Column c : cols) {
            b.addField(field(c));
        }
        return b.named(dataset.name());
    }

    private static Type field(Column c) {
        Type.Repetition r = Type.Repetition.OPTIONAL;
        return switch (c.type()) {
            case STRING -> Types.primitive(PrimitiveTypeName.BINARY, r).as(LogicalTypeAnnotation.stringType()).named(c.name());
            case INT -> Types.primitive(PrimitiveTypeName.INT32, r).named(c.name());
            case LONG -> Types.primitive(PrimitiveTypeName.INT64, r).named(c.name());
            case DOUBLE -> Types.primitive(PrimitiveTypeName.DOUBLE, r).named(c.name());
            case BOOLEAN -> Types.primitive(PrimitiveTypeName.BOOLEAN, r).named(c.name());
            case DATE -> Types.primitive(PrimitiveTypeName.INT32, r).as(LogicalTypeAnnotation.dateType()).named(c.name());
            case TIMESTAMP -> Types.primitive(PrimitiveTypeName.INT64, r)
                    .as(LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.MICROS)).named(c.name());
        };
    }
}
