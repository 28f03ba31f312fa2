package io.adfbeam.transforms.copy;

import io.adfbeam.formats.columnar.SeekableInput;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.MoveOptions.StandardMoveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.util.MimeTypes;

/**
 * File operations on any Beam file system (local, azfs, adl, abfs, hdfs), with the meaning a copy
 * needs: listing a folder (recursively or not), opening, creating, renaming into place, and
 * deleting trees. Paths under a {@value #HIDDEN} folder belong to adf-beam and are never listed
 * as data.
 */
public final class StoreFiles {
  /** The folder, inside a sink folder, where a run stages its files and keeps its manifest. */
  public static final String HIDDEN = ".adf-beam";

  private StoreFiles() {}

  /** A file found in a source folder, with its path relative to that folder. */
  public record Listed(String path, String relativePath, long size) implements java.io.Serializable {}

  /** Whether {@code path} (a file or a folder) exists. */
  public static boolean exists(String path) throws IOException {
    MatchResult m = FileSystems.match(List.of(strip(path))).get(0);
    return m.status() == MatchResult.Status.OK && !m.metadata().isEmpty();
  }

  /**
   * The files under {@code folder} (ending in '/'), recursively or only at its first level, in
   * path order; folders and adf-beam's own files are left out.
   */
  public static List<Listed> list(String folder, boolean recursive) throws IOException {
    String base = resource(folder).toString();
    MatchResult m = FileSystems.match(List.of(base + (recursive ? "**" : "*"))).get(0);
    List<Listed> files = new ArrayList<>();
    if (m.status() == MatchResult.Status.NOT_FOUND) {
      return files;
    }
    for (MatchResult.Metadata md : m.metadata()) {
      ResourceId id = md.resourceId();
      String path = id.toString();
      if (id.isDirectory() || !path.startsWith(base)) {
        continue;
      }
      String relative = path.substring(base.length());
      if (relative.isEmpty() || relative.endsWith("/") || isHidden(relative)) {
        continue;
      }
      if (!recursive && relative.contains("/")) {
        continue;
      }
      files.add(new Listed(path, relative, md.sizeBytes()));
    }
    files.sort(Comparator.comparing(Listed::relativePath));
    return files;
  }

  static boolean isHidden(String relative) {
    return relative.equals(HIDDEN) || relative.startsWith(HIDDEN + "/") || relative.contains("/" + HIDDEN + "/");
  }

  public static InputStream open(String path) throws IOException {
    java.nio.file.Path local = localPath(path);
    if (local != null) {
      return java.nio.file.Files.newInputStream(local);
    }
    return Channels.newInputStream(FileSystems.open(resource(path)));
  }

  /** A listed file as a seekable input (the local file, or the store's seekable channel). */
  public static SeekableInput seekable(Listed file) {
    return SeekableInput.of(file.path(), file.size(), () -> {
      var channel = FileSystems.open(resource(file.path()));
      if (channel instanceof java.nio.channels.SeekableByteChannel seekable) {
        return seekable;
      }
      channel.close();
      throw new IOException(file.path() + ": this store gives no seekable channel, which"
          + " Avro, ORC and Parquet files need");
    });
  }

  /**
   * Creates (or replaces) a file, creating its folders. On a local file system, another run of the
   * job may remove an empty {@value #HIDDEN} folder between the creation of the folders and of the
   * file ({@link #deleteIfEmpty}); the creation is then tried again.
   */
  public static OutputStream create(String path) throws IOException {
    java.nio.file.Path local = localPath(path);
    if (local != null) {
      // Locally, straight to the file system: Beam's local create checks the folders every time,
      // which a copy of many small files into few folders pays for on every file.
      for (int attempt = 1; ; attempt++) {
        try {
          makeParents(local);
          return java.nio.file.Files.newOutputStream(local);
        } catch (java.nio.file.NoSuchFileException e) {
          KNOWN_FOLDERS.remove(local.getParent());
          if (attempt == 3) {
            throw e;
          }
        }
      }
    }
    ResourceId id = resource(path);
    for (int attempt = 1; ; attempt++) {
      try {
        return Channels.newOutputStream(FileSystems.create(id, MimeTypes.BINARY));
      } catch (IOException e) {
        if (attempt == 3 || localPath(path) == null) {
          throw e;
        }
      }
    }
  }

  /** Moves files into place, replacing what is there. */
  public static void rename(List<String> from, List<String> to) throws IOException {
    if (from.isEmpty()) {
      return;
    }
    if (from.stream().allMatch(p -> localPath(p) != null) && to.stream().allMatch(p -> localPath(p) != null)) {
      for (int i = 0; i < from.size(); i++) {
        java.nio.file.Path target = localPath(to.get(i));
        makeParents(target);
        java.nio.file.Path source = localPath(from.get(i));
        if (!java.nio.file.Files.exists(source)) {
          continue; // IGNORE_MISSING_FILES, as for other stores
        }
        try {
          move(source, target);
        } catch (java.nio.file.NoSuchFileException e) {
          KNOWN_FOLDERS.remove(target.getParent()); // removed meanwhile: create it again
          makeParents(target);
          move(source, target);
        }
      }
      return;
    }
    FileSystems.rename(
        from.stream().map(StoreFiles::resource).toList(),
        to.stream().map(StoreFiles::resource).toList(),
        StandardMoveOptions.IGNORE_MISSING_FILES);
  }

  public static void delete(List<String> paths) throws IOException {
    if (paths.isEmpty()) {
      return;
    }
    FileSystems.delete(paths.stream().map(StoreFiles::resource).toList(),
        StandardMoveOptions.IGNORE_MISSING_FILES);
  }

  /** Deletes every file under {@code folder} and, where the store has real folders, the folders. */
  public static void deleteTree(String folder) throws IOException {
    MatchResult m = FileSystems.match(List.of(folder + "**")).get(0);
    if (m.status() == MatchResult.Status.OK) {
      List<ResourceId> files = new ArrayList<>();
      for (MatchResult.Metadata md : m.metadata()) {
        if (!md.resourceId().isDirectory()) {
          files.add(md.resourceId());
        }
      }
      FileSystems.delete(files, StandardMoveOptions.IGNORE_MISSING_FILES);
    }
    deleteEmptyFolders(folder);
  }

  private static void deleteEmptyFolders(String folder) {
    // Object stores have no folders to remove; the local file system leaves empty ones behind.
    java.nio.file.Path root = localPath(folder);
    if (root == null || !java.nio.file.Files.isDirectory(root)) {
      return;
    }
    KNOWN_FOLDERS.removeIf(p -> p.startsWith(root));
    try (var walk = java.nio.file.Files.walk(root)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // nothing left to clean but empty folders
    }
  }

  /**
   * Removes {@code folder} if it is an empty folder on a store with real folders; does nothing
   * otherwise (object stores have no empty folders).
   */
  public static void deleteIfEmpty(String folder) {
    java.nio.file.Path dir = localPath(folder);
    if (dir != null) {
      try {
        KNOWN_FOLDERS.remove(dir);
        java.nio.file.Files.deleteIfExists(dir);
      } catch (IOException e) {
        // not empty (another run's files), or already gone
      }
    }
  }

  /** The local path of a {@code file:} URI or an absolute local path; null for other stores. */
  private static void move(java.nio.file.Path source, java.nio.file.Path target) throws IOException {
    java.nio.file.Files.move(source, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }

  /** Local folders known to exist, so that each is created (or checked) once per worker. */
  private static final java.util.Set<java.nio.file.Path> KNOWN_FOLDERS =
      java.util.concurrent.ConcurrentHashMap.newKeySet();

  private static void makeParents(java.nio.file.Path file) throws IOException {
    java.nio.file.Path parent = file.getParent();
    if (parent != null && !KNOWN_FOLDERS.contains(parent)) {
      java.nio.file.Files.createDirectories(parent);
      KNOWN_FOLDERS.add(parent);
    }
  }

  static java.nio.file.Path localPath(String path) {
    if (path.startsWith("file:")) {
      return java.nio.file.Path.of(java.net.URI.create(path));
    }
    return path.startsWith("/") ? java.nio.file.Path.of(path) : null;
  }

  static ResourceId resource(String path) {
    return FileSystems.matchNewResource(path, path.endsWith("/"));
  }

  /** The path as the file system spells it ({@code file:///tmp/x} is {@code /tmp/x} locally). */
  public static String normalize(String path) {
    return resource(path).toString();
  }

  private static String strip(String path) {
    return path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path;
  }
}
