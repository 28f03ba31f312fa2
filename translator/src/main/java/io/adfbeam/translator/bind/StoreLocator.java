package io.adfbeam.translator.bind;

import io.adfbeam.translator.model.Factory;
import io.adfbeam.translator.model.LinkedService;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the Beam path a dataset's folderPath is relative to: the root a {@link StoreMapping}
 * gives its linked service, else the store the linked service itself names (a file server whose
 * host is a local folder).
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
    Optional<String> mapped = mapping.root(name);
    if (mapped.isPresent()) {
      return mapped.get();
    }
    Optional<LinkedService> ls = factory.linkedService(name);
    if (ls.isPresent() && ls.get() instanceof LinkedService.FileServer fs) {
      Optional<String> host = fs.host().map(String::trim).filter(h -> h.startsWith("/"));
      if (host.isPresent()) {
        return StoreMapping.toRoot(Path.of(host.get()).toString());
      }
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
    return root + path;
  }
}
