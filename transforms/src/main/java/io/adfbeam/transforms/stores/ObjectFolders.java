package io.adfbeam.transforms.stores;

import com.azure.storage.blob.BlobClient;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.models.BlobItem;
import com.azure.storage.blob.models.ListBlobsOptions;
import com.azure.storage.blob.sas.BlobSasPermission;
import com.azure.storage.blob.sas.BlobServiceSasSignatureValues;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * Folder operations that Beam's file systems lack or do slowly on Azure stores: on {@code azfs://}
 * a folder is a prefix (it exists when a blob is under it; listing is one prefix listing, not a
 * glob with a properties call per blob; containers are created on first write; a rename is a
 * server-side copy and a delete), and on Hadoop-backed stores ({@code adl://}, {@code abfs://})
 * listing and deleting folders use the Hadoop file system directly.
 */
public final class ObjectFolders {
  private static final Set<String> CONTAINERS = ConcurrentHashMap.newKeySet();

  private ObjectFolders() {}

  /** A file under a folder: its full path, path relative to the folder, and size. */
  public record Entry(String path, String relativePath, long size) {}

  /** Whether {@code path} is on Beam's Azure Blob file system. */
  public static boolean isBlob(String path) {
    return path.toLowerCase(Locale.ROOT).startsWith("azfs://");
  }

  /** {@code azfs://account/container/blob} split. */
  private record BlobPath(String account, String container, String blob) {
    static BlobPath of(String path) {
      String rest = path.substring("azfs://".length());
      String[] parts = rest.split("/", 3);
      return new BlobPath(parts[0], parts.length > 1 ? parts[1] : "",
          parts.length > 2 ? parts[2] : "");
    }

    BlobContainerClient containerClient() {
      if (container.isEmpty()) {
        throw new IllegalArgumentException("azfs://" + account + "/ names no container");
      }
      return BlobStores.client().getBlobContainerClient(container);
    }

    String prefix() {
      return blob.isEmpty() || blob.endsWith("/") ? blob : blob + "/";
    }
  }

  /** Whether a file or folder exists at {@code path} ({@code azfs://} or Hadoop). */
  public static boolean exists(String path) throws IOException {
    if (isBlob(path)) {
      BlobPath p = BlobPath.of(path);
      try {
        BlobContainerClient c = p.containerClient();
        if (!c.exists()) {
          return false;
        }
        String name = p.blob().endsWith("/") ? p.blob().substring(0, p.blob().length() - 1)
            : p.blob();
        if (name.isEmpty() || c.getBlobClient(name).exists()) {
          return true;
        }
        return c.listBlobs(new ListBlobsOptions().setPrefix(name + "/").setMaxResultsPerPage(1),
            null).iterator().hasNext();
      } catch (RuntimeException e) {
        throw StoreErrors.failure("read", path, e);
      }
    }
    try {
      Path p = hadoopPath(path);
      return fileSystem(path).exists(p);
    } catch (IOException | RuntimeException e) {
      throw StoreErrors.failure("read", path, e);
    }
  }

  /** The files under {@code folder}, recursively or not, folder markers left out. */
  public static List<Entry> list(String folder, boolean recursive) throws IOException {
    List<Entry> entries = new ArrayList<>();
    String base = folder.endsWith("/") ? folder : folder + "/";
    if (isBlob(base)) {
      BlobPath p = BlobPath.of(base);
      String prefix = p.prefix();
      String root = "azfs://" + p.account() + "/" + p.container() + "/";
      try {
        for (BlobItem item : p.containerClient().listBlobs(new ListBlobsOptions().setPrefix(prefix),
            null)) {
          String relative = item.getName().substring(prefix.length());
          if (relative.isEmpty() || relative.endsWith("/") || !recursive && relative.contains("/")) {
            continue;
          }
          long size = item.getProperties() == null || item.getProperties().getContentLength() == null
              ? 0 : item.getProperties().getContentLength();
          entries.add(new Entry(root + item.getName(), relative, size));
        }
      } catch (RuntimeException e) {
        throw StoreErrors.failure("list", base, e);
      }
      return entries;
    }
    try {
      FileSystem fs = fileSystem(base);
      Path dir = hadoopPath(base);
      String dirPath = dir.toUri().getPath();
      String prefix = dirPath.endsWith("/") ? dirPath : dirPath + "/";
      RemoteIterator<LocatedFileStatus> it = fs.listFiles(dir, recursive);
      java.util.Set<String> seen = new java.util.HashSet<>();
      while (it.hasNext()) {
        LocatedFileStatus s = it.next();
        String full = s.getPath().toUri().getPath();
        if (!s.isFile() || !full.startsWith(prefix)) {
          continue;
        }
        String relative = full.substring(prefix.length());
        if (seen.add(relative)) {
          entries.add(new Entry(base + relative, relative, s.getLen()));
        }
      }
    } catch (java.io.FileNotFoundException e) {
      return entries;
    } catch (IOException | RuntimeException e) {
      throw StoreErrors.failure("list", base, e);
    }
    return entries;
  }

  /** Makes room to create {@code path}: its container exists and no blob is there. */
  /**
   * Forgets that the container of {@code path} exists, so the next {@link #prepareCreate} checks
   * (and creates) it again: for a container deleted after this worker saw it.
   */
  public static void forgetContainer(String path) {
    if (isBlob(path)) {
      BlobPath p = BlobPath.of(path);
      CONTAINERS.remove(BlobStores.current().get(BlobStores.ENDPOINT) + "/" + p.container());
    }
  }

  public static void prepareCreate(String path) throws IOException {
    if (!isBlob(path)) {
      return;
    }
    BlobPath p = BlobPath.of(path);
    try {
      BlobContainerClient c = p.containerClient();
      String key = BlobStores.current().get(BlobStores.ENDPOINT) + "/" + p.container();
      if (!CONTAINERS.contains(key)) {
        if (!c.exists()) {
          try {
            c.create();
          } catch (com.azure.storage.blob.models.BlobStorageException e) {
            if (e.getStatusCode() != 409) { // created meanwhile by another worker
              throw e;
            }
          }
        }
        CONTAINERS.add(key);
      }
      c.getBlobClient(p.blob()).deleteIfExists();
    } catch (RuntimeException e) {
      throw StoreErrors.failure("write", path, e);
    }
  }

  /**
   * Moves blobs into place on {@code azfs://}, replacing what is there: a server-side copy, then
   * the source is deleted. Sources that are missing are skipped.
   */
  public static void renameBlobs(List<String> from, List<String> to) throws IOException {
    for (int i = 0; i < from.size(); i++) {
      BlobPath s = BlobPath.of(from.get(i));
      BlobPath d = BlobPath.of(to.get(i));
      try {
        BlobClient source = s.containerClient().getBlobClient(s.blob());
        if (!source.exists()) {
          continue;
        }
        BlobClient target = d.containerClient().getBlobClient(d.blob());
        target.beginCopy(source.getBlobUrl() + "?" + readSas(source), Duration.ofMillis(100))
            .waitForCompletion(Duration.ofMinutes(30));
        source.delete();
      } catch (RuntimeException e) {
        throw StoreErrors.failure("move", from.get(i) + " to " + to.get(i), e);
      }
    }
  }

  private static String readSas(BlobClient source) {
    java.util.Map<String, String> settings = BlobStores.current();
    if (settings.get(BlobStores.ACCOUNT_KEY) == null) {
      return settings.getOrDefault(BlobStores.SAS_TOKEN, "");
    }
    return source.generateSas(new BlobServiceSasSignatureValues(
        OffsetDateTime.now().plusHours(2), new BlobSasPermission().setReadPermission(true)));
  }

  /**
   * Moves files into place on a Hadoop-backed store, replacing what is there, creating parent
   * folders; sources that are missing are skipped. Runs writing the same names at once may race:
   * the move is tried again after removing what the other run put there.
   */
  public static void renameHadoop(List<String> from, List<String> to) throws IOException {
    for (int i = 0; i < from.size(); i++) {
      try {
        FileSystem fs = fileSystem(from.get(i));
        Path source = hadoopPath(from.get(i));
        Path target = hadoopPath(to.get(i));
        fs.mkdirs(target.getParent());
        for (int attempt = 1; ; attempt++) {
          if (fs.rename(source, target)) {
            break;
          }
          if (!fs.exists(source)) {
            break;
          }
          if (attempt == 5) {
            throw new IOException("the store refused the move " + attempt + " times");
          }
          fs.delete(target, false);
        }
      } catch (IOException | RuntimeException e) {
        throw StoreErrors.failure("move", from.get(i) + " to " + to.get(i), e);
      }
    }
  }

  /** Deletes every file under {@code folder} and, on stores with real folders, the folders. */
  public static void deleteTree(String folder) throws IOException {
    String base = folder.endsWith("/") ? folder : folder + "/";
    if (isBlob(base)) {
      deleteBlobs(base, "", entry -> true);
      return;
    }
    try {
      FileSystem fs = fileSystem(base);
      Path dir = hadoopPath(base);
      if (fs.exists(dir)) {
        fs.delete(dir, true);
      }
    } catch (IOException | RuntimeException e) {
      throw StoreErrors.failure("delete", base, e);
    }
  }

  /**
   * Deletes the entries right in {@code folder} whose names start with {@code prefix} and pass
   * {@code which}: files, and folders with everything under them. On {@code azfs://} an entry is
   * the first segment of a blob's name under {@code folder}, found by one listing of the blobs
   * whose names start with {@code folder + prefix}.
   */
  public static void deleteEntries(String folder, String prefix,
      java.util.function.Predicate<String> which) throws IOException {
    String base = folder.endsWith("/") ? folder : folder + "/";
    if (isBlob(base)) {
      deleteBlobs(base, prefix, which);
      return;
    }
    try {
      FileSystem fs = fileSystem(base);
      FileStatus[] found;
      try {
        found = fs.listStatus(hadoopPath(base), path -> {
          String name = path.getName();
          return name.startsWith(prefix) && which.test(name);
        });
      } catch (java.io.FileNotFoundException e) {
        return;
      }
      for (FileStatus f : found) {
        fs.delete(f.getPath(), true);
      }
    } catch (IOException | RuntimeException e) {
      throw StoreErrors.failure("delete", base + prefix, e);
    }
  }

  /**
   * Deletes, with one listing, the blobs under {@code base} (a folder ending in {@code /}) whose
   * names there start with {@code prefix} and whose first segment (the entry right in the
   * folder) passes {@code which}.
   */
  private static void deleteBlobs(String base, String prefix,
      java.util.function.Predicate<String> which) throws IOException {
    BlobPath p = BlobPath.of(base);
    try {
      BlobContainerClient c = p.containerClient();
      if (!c.exists()) {
        return;
      }
      for (BlobItem item : c.listBlobs(new ListBlobsOptions().setPrefix(p.prefix() + prefix),
          null)) {
        String relative = item.getName().substring(p.prefix().length());
        int slash = relative.indexOf('/');
        if (which.test(slash < 0 ? relative : relative.substring(0, slash))) {
          c.getBlobClient(item.getName()).deleteIfExists();
        }
      }
    } catch (RuntimeException e) {
      throw StoreErrors.failure("delete", base + prefix, e);
    }
  }

  /** Removes {@code folder} on a Hadoop-backed store when it is an empty folder. */
  public static void deleteIfEmpty(String folder) {
    if (isBlob(folder)) {
      return;
    }
    try {
      FileSystem fs = fileSystem(folder);
      Path dir = hadoopPath(folder);
      FileStatus[] children = fs.listStatus(dir);
      if (children.length == 0) {
        fs.delete(dir, false);
      }
    } catch (IOException | RuntimeException e) {
      // missing, not empty, or the store is unreachable: nothing to clean
    }
  }

  private static FileSystem fileSystem(String path) throws IOException {
    return HadoopStores.fileSystem(hadoopPath(path).toUri());
  }

  private static Path hadoopPath(String path) {
    String p = path;
    int slash = p.indexOf('/', p.indexOf("://") + 3);
    if (slash < 0) {
      p = p + "/";
    } else if (p.length() > slash + 1 && p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    return new Path(p);
  }
}
