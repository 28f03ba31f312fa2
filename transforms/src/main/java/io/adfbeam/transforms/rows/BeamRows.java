package io.adfbeam.transforms.rows;

import io.adfbeam.formats.AdfType;
import io.adfbeam.formats.rows.Field;
import io.adfbeam.formats.rows.RowSchema;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.schemas.logicaltypes.NanosDuration;
import org.apache.beam.sdk.schemas.logicaltypes.SqlTypes;
import org.apache.beam.sdk.schemas.logicaltypes.UuidLogicalType;
import org.apache.beam.sdk.values.Row;

/**
 * ADF's interim types as Beam schema types, so rows read from a dataset are schema-aware
 * {@code PCollection<Row>}s. Every field is nullable, as in ADF.
 *
 * <table>
 *   <caption>ADF types in Beam schemas</caption>
 *   <tr><th>ADF</th><th>Beam field type</th><th>value</th></tr>
 *   <tr><td>Int16, Int32, Int64</td><td>INT16, INT32, INT64</td><td>Short, Integer, Long</td></tr>
 *   <tr><td>Single, Double</td><td>FLOAT, DOUBLE</td><td>Float, Double</td></tr>
 *   <tr><td>Decimal</td><td>DECIMAL</td><td>BigDecimal</td></tr>
 *   <tr><td>Byte[]</td><td>BYTES</td><td>byte[]</td></tr>
 *   <tr><td>Boolean</td><td>BOOLEAN</td><td>Boolean</td></tr>
 *   <tr><td>String</td><td>STRING</td><td>String</td></tr>
 *   <tr><td>Guid</td><td>logical type {@code beam:logical_type:uuid:v1}</td><td>UUID</td></tr>
 *   <tr><td>Datetime</td><td>logical type {@code SqlTypes.DATETIME}</td><td>LocalDateTime</td></tr>
 *   <tr><td>Datetimeoffset</td><td>STRING, ISO 8601 with offset (Beam has no zoned
 *       type that keeps the offset)</td><td>String</td></tr>
 *   <tr><td>Timespan</td><td>logical type {@code NanosDuration}</td><td>Duration</td></tr>
 * </table>
 */
public final class BeamRows {
  private BeamRows() {}

  public static Schema schema(RowSchema schema) {
    Schema.Builder b = Schema.builder();
    for (Field f : schema.fields()) {
      b.addField(Schema.Field.nullable(f.name(), fieldType(f.type())));
    }
    return b.build();
  }

  public static FieldType fieldType(AdfType type) {
    return switch (type) {
      case INT16 -> FieldType.INT16;
      case INT32 -> FieldType.INT32;
      case INT64 -> FieldType.INT64;
      case SINGLE -> FieldType.FLOAT;
      case DOUBLE -> FieldType.DOUBLE;
      case DECIMAL -> FieldType.DECIMAL;
      case BYTE_ARRAY -> FieldType.BYTES;
      case BOOLEAN -> FieldType.BOOLEAN;
      case STRING, DATETIMEOFFSET -> FieldType.STRING;
      case GUID -> FieldType.logicalType(new UuidLogicalType());
      case DATETIME -> FieldType.logicalType(SqlTypes.DATETIME);
      case TIMESPAN -> FieldType.logicalType(new NanosDuration());
    };
  }

  /** The ADF schema of a Beam schema whose fields have the types {@link #fieldType} gives. */
  public static RowSchema rowSchema(Schema schema, RowSchema declared) {
    List<Field> fields = new ArrayList<>();
    for (Schema.Field f : schema.getFields()) {
      fields.add(declared.indexOf(f.getName()).stream().mapToObj(declared::field).findFirst()
          .orElseGet(() -> Field.of(f.getName(), adfType(f.getType()))));
    }
    return new RowSchema(fields);
  }

  static AdfType adfType(FieldType t) {
    if (t.getTypeName() == Schema.TypeName.LOGICAL_TYPE) {
      String id = t.getLogicalType().getIdentifier();
      if (id.equals(UuidLogicalType.IDENTIFIER)) {
        return AdfType.GUID;
      }
      if (id.equals(NanosDuration.IDENTIFIER)) {
        return AdfType.TIMESPAN;
      }
      return AdfType.DATETIME;
    }
    return switch (t.getTypeName()) {
      case INT16, BYTE -> AdfType.INT16;
      case INT32 -> AdfType.INT32;
      case INT64 -> AdfType.INT64;
      case FLOAT -> AdfType.SINGLE;
      case DOUBLE -> AdfType.DOUBLE;
      case DECIMAL -> AdfType.DECIMAL;
      case BYTES -> AdfType.BYTE_ARRAY;
      case BOOLEAN -> AdfType.BOOLEAN;
      default -> AdfType.STRING;
    };
  }

  /** A Beam row from typed values in {@code schema}'s order. */
  public static Row toRow(Schema beam, RowSchema schema, Object[] values) {
    Row.Builder b = Row.withSchema(beam);
    for (int i = 0; i < values.length; i++) {
      Object v = values[i];
      if (v instanceof OffsetDateTime o && schema.field(i).type() == AdfType.DATETIMEOFFSET) {
        v = o.toString();
      }
      b.addValue(v);
    }
    return b.build();
  }

  /** Typed values, in {@code schema}'s order, from a Beam row. */
  public static Object[] values(Row row, RowSchema schema) {
    Object[] values = new Object[schema.size()];
    for (int i = 0; i < values.length; i++) {
      Object v = row.getValue(schema.field(i).name());
      if (v instanceof String s && schema.field(i).type() == AdfType.DATETIMEOFFSET) {
        v = OffsetDateTime.parse(s);
      }
      values[i] = v;
    }
    return values;
  }

}
