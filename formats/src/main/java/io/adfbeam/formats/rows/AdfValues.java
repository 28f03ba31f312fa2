package io.adfbeam.formats.rows;

import io.adfbeam.formats.AdfType;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The Java class that carries each ADF interim type through every codec: a reader returns these,
 * a writer accepts these, and converting one format to another goes through them.
 *
 * <table>
 *   <caption>ADF types and their Java classes</caption>
 *   <tr><th>ADF</th><th>Java</th></tr>
 *   <tr><td>Int16</td><td>Short</td></tr>
 *   <tr><td>Int32</td><td>Integer</td></tr>
 *   <tr><td>Int64</td><td>Long</td></tr>
 *   <tr><td>Single</td><td>Float</td></tr>
 *   <tr><td>Double</td><td>Double</td></tr>
 *   <tr><td>Decimal</td><td>BigDecimal</td></tr>
 *   <tr><td>Byte[]</td><td>byte[]</td></tr>
 *   <tr><td>Boolean</td><td>Boolean</td></tr>
 *   <tr><td>String</td><td>String</td></tr>
 *   <tr><td>Guid</td><td>UUID</td></tr>
 *   <tr><td>Datetime</td><td>LocalDateTime (UTC)</td></tr>
 *   <tr><td>Datetimeoffset</td><td>OffsetDateTime</td></tr>
 *   <tr><td>Timespan</td><td>Duration</td></tr>
 * </table>
 */
public final class AdfValues {
  private AdfValues() {}

  public static Class<?> javaClass(AdfType type) {
    return switch (type) {
      case INT16 -> Short.class;
      case INT32 -> Integer.class;
      case INT64 -> Long.class;
      case SINGLE -> Float.class;
      case DOUBLE -> Double.class;
      case DECIMAL -> BigDecimal.class;
      case BYTE_ARRAY -> byte[].class;
      case BOOLEAN -> Boolean.class;
      case STRING -> String.class;
      case GUID -> UUID.class;
      case DATETIME -> LocalDateTime.class;
      case DATETIMEOFFSET -> OffsetDateTime.class;
      case TIMESPAN -> Duration.class;
    };
  }
}
