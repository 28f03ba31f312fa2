package io.adfbeam.translator.bind;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where linked services really are for this run: {@code --store NAME=URI} maps a linked service
 * to another store root (a local folder {@code file:///tmp/blob}, an emulator, another account),
 * so an unmodified factory runs against it. A dataset's folderPath resolves under that root; for
 * Blob storage the container is the first segment of folderPath.
 */
public final class StoreMapping {
  private final Map<String, String> roots;

  private StoreMapping(Map<String, String> roots) {
    this.roots = Collections.unmodifiableMap(roots);
  }

  public static StoreMapping none() {
    return new StoreMapping(Map.of());
  }

  /**
   * Parses {@code NAME=URI} entries.
   *
   * @throws IllegalArgumentException naming the malformed entry
   */
  public static StoreMapping parse(List<String> entries) {
    Map<String, String> roots = new LinkedHashMap<>();
    for (String entry : entries) {
      int eq = entry.indexOf('=');
      if (eq <= 0 || eq == entry.length() - 1) {
        throw new IllegalArgumentException("malformed store mapping '" + entry
            + "'; expected LINKEDSERVICE=URI such as AzureStorageLinkedService=file:///tmp/blob");
      }
      roots.put(entry.substring(0, eq).trim().toLowerCase(Locale.ROOT), toRoot(entry.substring(eq + 1).trim()));
    }
    return new StoreMapping(roots);
  }

  /**
   * Reads an overrides file: one {@code NAME=URI} per line; blank lines and lines starting with
   * {@code #} are ignored. A relative local path is relative to the file's folder, so a factory
   * can ship its mapping beside it.
   */
  public static List<String> readFile(Path file) throws IOException {
    List<String> entries = new ArrayList<>();
    Path base = file.toAbsolutePath().getParent();
    for (String line : Files.readAllLines(file)) {
      String t = line.strip();
      if (t.isEmpty() || t.startsWith("#")) {
        continue;
      }
      int eq = t.indexOf('=');
      String uri = eq < 0 ? "" : t.substring(eq + 1).strip();
      if (eq > 0 && !uri.isEmpty() && !uri.contains(":") && !uri.startsWith("/")) {
        t = t.substring(0, eq).strip() + "=" + base.resolve(uri).normalize();
      }
      entries.add(t);
    }
    return entries;
  }

  /** This mapping with {@code other}'s entries added (they win). */
  public StoreMapping with(StoreMapping other) {
    Map<String, String> all = new LinkedHashMap<>(roots);
    all.putAll(other.roots);
    return new StoreMapping(all);
  }

  public Optional<String> root(String linkedService) {
    return Optional.ofNullable(roots.get(linkedService.toLowerCase(Locale.ROOT)));
  }

  /** A root as a Beam path ending in '/': local paths and file: URIs become absolute paths. */
  static String toRoot(String uri) {
    String r = uri;
    if (r.startsWith("file:")) {
      r = Path.of(java.net.URI.create(r)).toString();
    } else if (!r.contains("://")) {
      r = Path.of(r).toAbsolutePath().normalize().toString();
    }
    int query = r.indexOf('?');
    if (query >= 0 && r.contains("://")) {
      // store options after the root (?aadAuthority=...): the root gets its '/', the query stays
      String base = r.substring(0, query);
      return (base.endsWith("/") ? base : base + "/") + r.substring(query);
    }
    return r.endsWith("/") ? r : r + "/";
  }
}
