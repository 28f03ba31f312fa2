package io.adfbeam.translator.bind;

import io.adfbeam.translator.model.Factory;
import io.adfbeam.translator.model.LinkedService;
import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds the Beam path a dataset's folderPath is relative to: the root a {@link StoreMapping}
 * gives its linked service, else the store the linked service itself names: a file server whose
 * host is a local folder, a Blob account ({@code azfs://ACCOUNT/}, the container being the first
 * segment of folderPath), a Data Lake Store Gen1 account ({@code
 * adl://ACCOUNT.azuredatalakestore.net/}) or a Gen2 account ({@code abfs://...}, the file system
 * being the first segment of folderPath).
 *
 * <p>A mapping may name a local folder, a store root ({@code azfs://ACCOUNT/}, {@code adl://HOST/},
 * {@code abfs://ACCOUNT.dfs.core.windows.net/}) or, for the Azure linked services, a service
 * endpoint over http or https ({@code http://127.0.0.1:10000/devstoreaccount1} for an emulator's
 * Blob account, {@code http://127.0.0.1:9870} for a WebHDFS-compatible Gen1 server).
 */
public final class StoreLocator {
  private final StoreMapping mapping;

  public StoreLocator(StoreMapping mapping) {
    this.mapping = mapping;
  }

  /** A linked service with no store to run against, and how to give it one. */
  public static final class UnmappedStoreException extends Exception {
    UnmappedStoreException(String message) {
      super(message);
    }
  }

  /** The store root of linked service {@code name}, as a Beam path ending in '/'. */
  public String locate(String name, Factory factory) throws UnmappedStoreException {
    Optional<LinkedService> ls = factory.linkedService(name);
    Optional<String> mapped = mapping.root(name);
    try {
      if (mapped.isPresent()) {
        return ls.isPresent() ? mappedRoot(ls.get(), mapped.get()) : mapped.get();
      }
      if (ls.isPresent()) {
        Optional<String> own = ownRoot(ls.get());
        if (own.isPresent()) {
          return own.get();
        }
      }
    } catch (IllegalArgumentException e) {
      throw new UnmappedStoreException("linked service '" + name + "': " + e.getMessage());
    }
    throw new UnmappedStoreException("linked service '" + name + "'"
        + ls.map(l -> " (" + l.type() + ")").orElse("") + " has no store to run against: map it"
        + " to a folder or store root with --store " + name + "=file:///path (a FileServer linked"
        + " service whose host is an absolute local path needs no mapping)");
  }

  /**
   * A folder path (a dataset's resolved folderPath, separated by backslashes or slashes, leading
   * slashes ignored) under a store root, as a Beam path ending in '/'.
   */
  public static String folder(String root, String folderPath) {
    String path = folderPath == null ? "" : folderPath.replace('\\', '/');
    while (path.startsWith("/")) {
      path = path.substring(1);
    }
    if (!path.isEmpty() && !path.endsWith("/")) {
      path += "/";
    }
    return join(root, path);
  }

  /**
   * A folder under a root: {@code root + folderPath}, except on a Gen2 root naming no file system
   * ({@code abfs://ACCOUNT.dfs.core.windows.net/}), where the first segment of folderPath is the
   * file system: {@code abfs://FILESYSTEM@ACCOUNT.dfs.core.windows.net/REST}.
   */
  static String join(String root, String folderPath) {
    String scheme = scheme(root);
    if ((scheme.equals("abfs") || scheme.equals("abfss")) && !authority(root).contains("@")) {
      int slash = folderPath.indexOf('/');
      String fileSystem = slash < 0 ? folderPath : folderPath.substring(0, slash);
      String rest = slash < 0 ? "" : folderPath.substring(slash + 1);
      if (fileSystem.isEmpty()) {
        return root + folderPath;
      }
      return scheme + "://" + fileSystem + "@" + authority(root) + "/" + rest;
    }
    return root + folderPath;
  }

  /** The root of a linked service mapped to {@code target} (a root, possibly with a query). */
  static String mappedRoot(LinkedService ls, String target) {
    String base = StoreEndpoint.withoutQuery(target);
    String scheme = scheme(base);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      return base;
    }
    if (ls instanceof LinkedService.AzureBlobStorage) {
      return "azfs://" + StoreEndpoint.blobAccount(URI.create(base)) + "/";
    }
    if (ls instanceof LinkedService.AzureDataLakeStore) {
      return "adl://" + URI.create(base).getRawAuthority() + "/";
    }
    if (ls instanceof LinkedService.AzureBlobFs) {
      return "abfs://" + StoreEndpoint.blobAccount(URI.create(base)) + ".dfs.core.windows.net/";
    }
    throw new IllegalArgumentException("an http endpoint (" + base + ") can stand only for an"
        + " Azure Blob, Data Lake Store or AzureBlobFS linked service, not " + ls.type());
  }

  /** The root the linked service names itself, if it names one adf-beam can reach. */
  static Optional<String> ownRoot(LinkedService ls) {
    if (ls instanceof LinkedService.FileServer fs) {
      Optional<String> host = fs.host().map(String::trim).filter(h -> h.startsWith("/"));
      return host.map(h -> StoreMapping.toRoot(Path.of(h).toString()));
    }
    if (ls instanceof LinkedService.AzureBlobStorage blob) {
      return StoreEndpoint.ownBlobAccount(blob).map(a -> "azfs://" + a + "/");
    }
    if (ls instanceof LinkedService.AzureDataLakeStore adl) {
      return StoreEndpoint.dataLakeHost(adl).map(h -> "adl://" + h + "/");
    }
    if (ls instanceof LinkedService.AzureBlobFs abfs) {
      return abfs.url().map(u -> "abfs://" + URI.create(u.trim()).getHost() + "/");
    }
    return Optional.empty();
  }

  static String scheme(String uri) {
    int colon = uri.indexOf("://");
    return colon < 0 ? "" : uri.substring(0, colon).toLowerCase(Locale.ROOT);
  }

  static String authority(String uri) {
    int start = uri.indexOf("://") + 3;
    int end = uri.indexOf('/', start);
    return end < 0 ? uri.substring(start) : uri.substring(start, end);
  }
}
