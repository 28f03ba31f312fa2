package io.adfbeam.transforms.stores;

import java.io.IOException;
import java.net.URI;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;

/**
 * The Hadoop configuration of each Hadoop-backed store ({@code adl://}, {@code abfs://}) this
 * worker knows, by {@code scheme://authority}, as {@link StoreOptions#getAdfHadoopStores} gave
 * them. Hadoop caches file systems by scheme and authority, not by configuration: when a store's
 * configuration changes (another key, another run), its cached file system is closed so the next
 * use sees the new one.
 */
public final class HadoopStores {
  /** The schemes adf-beam reaches through Hadoop. */
  public static final Set<String> SCHEMES = Set.of("adl", "abfs", "abfss");

  private static final Map<String, Map<String, String>> STORES = new HashMap<>();

  private HadoopStores() {}

  /** Whether {@code path} is on a Hadoop-backed store. */
  public static boolean isHadoop(String path) {
    int colon = path.indexOf("://");
    return colon > 0 && SCHEMES.contains(path.substring(0, colon).toLowerCase(Locale.ROOT));
  }

  /** Takes the stores of a job's options; returns the schemes they use. */
  public static synchronized Set<String> register(Map<String, Map<String, String>> stores) {
    Set<String> schemes = new java.util.TreeSet<>();
    for (Map.Entry<String, Map<String, String>> e : stores.entrySet()) {
      String key = key(URI.create(e.getKey() + "/"));
      schemes.add(key.substring(0, key.indexOf(':')));
      Map<String, String> before = STORES.get(key);
      if (before != null && !before.equals(e.getValue())) {
        closeCached(key, before);
      }
      STORES.put(key, Map.copyOf(e.getValue()));
    }
    return schemes;
  }

  private static void closeCached(String key, Map<String, String> before) {
    try {
      FileSystem.get(URI.create(key + "/"), configuration(before)).close();
    } catch (IOException | RuntimeException e) {
      // nothing cached, or it cannot start with the old settings: nothing to close
    }
  }

  /** The configuration of the store {@code uri} is on (an empty one for an unknown store). */
  public static synchronized Configuration configuration(URI uri) {
    return configuration(STORES.getOrDefault(key(uri), Map.of()));
  }

  /** The Hadoop file system of the store {@code uri} is on. */
  public static FileSystem fileSystem(URI uri) throws IOException {
    return FileSystem.get(uri, configuration(uri));
  }

  private static Configuration configuration(Map<String, String> properties) {
    Configuration conf = new Configuration();
    properties.forEach(conf::set);
    return conf;
  }

  /**
   * The store a URI is on: {@code scheme://authority}, where a Gen2 authority is the account's
   * host without the file system ({@code abfs://fs@account.dfs.core.windows.net} is on {@code
   * abfs://account.dfs.core.windows.net}: settings are per account).
   */
  static String key(URI uri) {
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    String authority = uri.getRawAuthority() == null ? ""
        : uri.getRawAuthority().toLowerCase(Locale.ROOT);
    if (scheme.startsWith("abfs")) {
      authority = authority.substring(authority.indexOf('@') + 1);
    }
    return scheme + "://" + authority;
  }
}
