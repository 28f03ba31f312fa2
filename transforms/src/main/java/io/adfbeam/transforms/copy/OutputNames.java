package io.adfbeam.transforms.copy;

import io.adfbeam.formats.CompressionType;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The names a sink gives the files it writes. Generated names follow ADF ({@code
 * Data.<Guid>.txt}) but the GUID is derived from the run and the source path (a name-based UUID),
 * so running a slice again writes the same names and replaces its files instead of adding new
 * ones.
 */
final class OutputNames {
  private OutputNames() {}

  /**
   * The sink-relative name of one source file's output.
   *
   * @param relativePath the source file's path relative to the source folder
   * @param single whether the run copies exactly one file
   */
  static String forFile(CopyTask task, String relativePath, boolean single) {
    FileSink sink = task.sink();
    if (sink.fileName() != null && (single || sink.behavior() == CopyBehavior.MERGE_FILES)) {
      return sink.fileName();
    }
    return switch (sink.behavior()) {
      case PRESERVE_HIERARCHY -> withExtension(stripExtension(relativePath, task.source().compression()),
          sink.compression());
      case FLATTEN_HIERARCHY -> generated(task.runId() + "|" + relativePath, sink.compression());
      case MERGE_FILES -> merged(task);
    };
  }

  /** The name of a MergeFiles output. */
  static String merged(CopyTask task) {
    if (task.sink().fileName() != null) {
      return task.sink().fileName();
    }
    return generated(task.runId(), task.sink().compression());
  }

  static String generated(String seed, CompressionType compression) {
    UUID id = UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8));
    return withExtension("Data." + id + ".txt", compression);
  }

  static String stripExtension(String name, CompressionType compression) {
    if (compression != null && name.toLowerCase(java.util.Locale.ROOT).endsWith(compression.extension())) {
      return name.substring(0, name.length() - compression.extension().length());
    }
    return name;
  }

  static String withExtension(String name, CompressionType compression) {
    if (compression == null || name.toLowerCase(java.util.Locale.ROOT).endsWith(compression.extension())) {
      return name;
    }
    return name + compression.extension();
  }

  private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9._-]");

  /**
   * A file- and URL-safe token naming a run's staged files and manifest; never holds {@code ~}
   * ({@link CopyFiles#STAGED}).
   */
  static String token(String runId) {
    // a compiled pattern: asked several times per run, String.replaceAll compiled it every time
    String safe = UNSAFE.matcher(runId).replaceAll("_");
    if (safe.length() > 80) {
      safe = safe.substring(0, 80);
    }
    return safe + "-" + UUID.nameUUIDFromBytes(runId.getBytes(StandardCharsets.UTF_8)).toString().substring(0, 8);
  }
}
