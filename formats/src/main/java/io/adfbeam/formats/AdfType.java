package io.adfbeam.formats;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The interim data types of ADF's {@code structure} section. */
public enum AdfType {
  INT16("Int16"),
  INT32("Int32", "Int", "Integer"),
  INT64("Int64", "Long"),
  SINGLE("Single"),
  DOUBLE("Double"),
  DECIMAL("Decimal"),
  BYTE_ARRAY("Byte[]"),
  BOOLEAN("Boolean", "Bool"),
  STRING("String"),
  GUID("Guid"),
  DATETIME("Datetime"),
  DATETIMEOFFSET("Datetimeoffset"),
  TIMESPAN("Timespan");

  private final String adfName;
  private final List<String> aliases;

  AdfType(String adfName, String... aliases) {
    this.adfName = adfName;
    this.aliases = List.of(aliases);
  }

  public String adfName() {
    return adfName;
  }

  /** Whether {@code culture} and {@code format} apply to this type. */
  public boolean isDateTime() {
    return this == DATETIME || this == DATETIMEOFFSET;
  }

  /**
   * Looks a type up by its ADF name ignoring case and spaces; also accepts the .NET names
   * ({@code System.Int32}, {@code DateTime}, {@code Byte[]}) that real definitions use.
   */
  public static Optional<AdfType> fromAdfName(String name) {
    String n = name.trim();
    if (n.regionMatches(true, 0, "System.", 0, 7)) {
      n = n.substring(7);
    }
    String key = n;
    return Arrays.stream(values())
        .filter(
            t ->
                t.adfName.equalsIgnoreCase(key)
                    || t.aliases.stream().anyMatch(a -> a.equalsIgnoreCase(key)))
        .findFirst();
  }

  /** The names accepted, for messages. */
  public static String allowedNames() {
    StringBuilder sb = new StringBuilder();
    AdfType[] all = values();
    for (int i = 0; i < all.length; i++) {
      sb.append(i == 0 ? "" : i == all.length - 1 ? " or " : ", ").append(all[i].adfName);
    }
    return sb.toString();
  }
}
