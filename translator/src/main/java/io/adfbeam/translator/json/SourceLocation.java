package io.adfbeam.translator.json;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a JSON value stands: the file, its 1-based line and column, and its JSON pointer
 * (RFC 6901) from the root of the document the file holds.
 */
public record SourceLocation(String file, int line, int column, String pointer) {

  public SourceLocation {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(pointer, "pointer");
  }

  public static SourceLocation of(Path file, int line, int column, String pointer) {
    return new SourceLocation(file.toString(), line, column, pointer);
  }

  /** The location of a whole file, used when nothing finer is known. */
  public static SourceLocation ofFile(Path file) {
    return new SourceLocation(file.toString(), 1, 1, "");
  }

  /** {@code file:line:col /pointer}, the prefix of every diagnostic. */
  @Override
  public String toString() {
    return file + ":" + line + ":" + column + " " + (pointer.isEmpty() ? "/" : pointer);
  }
}
