package io.adfbeam.formats;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Maps the .NET encoding names ADF's {@code encodingName} takes to Java charsets. Most .NET names
 * (windows-1252, shift_jis, iso-8859-1, utf-8) are also IANA names Java knows; the table holds the
 * .NET names that differ.
 */
public final class Encodings {
  private static final Map<String, String> DOTNET_TO_JAVA =
      Map.ofEntries(
          Map.entry("utf-16", "UTF-16LE"), // .NET's "utf-16" (Encoding.Unicode) is little-endian.
          Map.entry("unicode", "UTF-16LE"),
          Map.entry("unicodefffe", "UTF-16BE"),
          Map.entry("utf-16be", "UTF-16BE"),
          Map.entry("utf-32", "UTF-32LE"),
          Map.entry("utf-32be", "UTF-32BE"),
          Map.entry("gb2312", "GB2312"),
          Map.entry("ks_c_5601-1987", "x-windows-949"),
          Map.entry("big5", "Big5"),
          Map.entry("euc-jp", "EUC-JP"),
          Map.entry("iso-2022-jp", "ISO-2022-JP"),
          Map.entry("us-ascii", "US-ASCII"),
          Map.entry("ascii", "US-ASCII"),
          Map.entry("latin1", "ISO-8859-1"));

  private Encodings() {}

  /** The charset for a .NET encoding name, if this JVM has it. */
  public static Optional<Charset> forDotNetName(String name) {
    String key = name.trim().toLowerCase(Locale.ROOT);
    String javaName = DOTNET_TO_JAVA.getOrDefault(key, key);
    try {
      return Optional.of(Charset.forName(javaName));
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      return Optional.empty();
    }
  }
}
