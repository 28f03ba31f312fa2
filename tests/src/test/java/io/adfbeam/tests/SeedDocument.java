package io.adfbeam.tests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A seed document's fenced JSON code blocks, taken verbatim (the bytes between the fences), so
 * the tests read the samples exactly as the documentation prints them.
 */
final class SeedDocument {
  private static final Pattern BLOCK =
      Pattern.compile("```json[ \\t]*\\r?\\n(.*?)```", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
  private static final Pattern NAME = Pattern.compile("\"name\"\\s*:\\s*\"([^\"]+)\"");

  private final List<String> blocks = new ArrayList<>();

  private SeedDocument(String text) {
    Matcher m = BLOCK.matcher(text);
    while (m.find()) {
      blocks.add(m.group(1));
    }
  }

  /** The seed whose text contains {@code title}. */
  static SeedDocument withTitle(String title) {
    try (var files = Files.list(Shared.seeds())) {
      for (Path p : files.sorted().toList()) {
        String text = Files.readString(p, StandardCharsets.UTF_8);
        if (text.contains(title)) {
          return new SeedDocument(text);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    throw new AssertionError("no seed document titled '" + title + "' in " + Shared.seeds());
  }

  List<String> blocks() {
    return blocks;
  }

  /** The resource name a block defines (its first "name" member). */
  static String nameOf(String block) {
    Matcher m = NAME.matcher(block);
    return m.find() ? m.group(1) : "";
  }

  /**
   * Writes blocks {@code from} (inclusive) to {@code to} (exclusive) into {@code folder}, one
   * file each named after the resource, in the v1 project layout chosen by what each block is.
   */
  Path writeFactory(Path folder, int from, int to) throws IOException {
    for (String block : blocks.subList(from, to)) {
      String sub = block.contains("\"activities\"") ? "Pipelines"
          : block.contains("\"availability\"") ? "Tables" : "LinkedServices";
      Path dir = Files.createDirectories(folder.resolve(sub));
      Files.writeString(dir.resolve(nameOf(block) + ".json"), block, StandardCharsets.UTF_8);
    }
    return folder;
  }
}
