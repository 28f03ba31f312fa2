package io.adfbeam.transforms.copy;

import io.adfbeam.formats.columnar.SeekableInput;
import io.adfbeam.transforms.stores.HadoopStores;
import io.adfbeam.transforms.stores.ObjectFolders;
import io.adfbeam.transforms.stores.StoreErrors;
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
 *
 * <p>On Azure stores the meaning is kept where Beam's file systems differ: on {@code azfs://} a
 * folder is a prefix, a container is created on first write, a blob is replaced on create; on
 * {@code adl://} and {@code abfs://} folders are listed and removed with Hadoop's own calls (see
 * {@link ObjectFolders}). Failures name the operation and path, with a short cause.
 */
public final class StoreFiles {
  /** The folder, inside a sink folder, where a run stages its files and keeps its manifest. */
  public static final String HIDDEN = ".adf-beam";

  private StoreFiles() {}

  /** A file found in a source folder, with its path relative to that folder. */
  public record Listed(String path, String relativePath, long size) implements java.io.Serializable {}

  /** Whether {@code path} (a file or a folder) exists. */
  public static boolean exists(String path) throws IOException {
    if (isObjectStore(path)) {
      return ObjectFolders.exists(path);
    }
    java.nio.file.Path local = localPath(path);
    if (local != null) {
      // one stat; Beam's local match goes through its glob handling (and reads * and ? as globs)
      return java.nio.file.Files.exists(local);
    }
    MatchResult m = FileSystems.match(List.of(strip(path))).get(0);
    return m.status() == MatchResult.Status.OK && !m.metadata().isEmpty();
  }

  /**
   * The files under {@code folder} (ending in '/'), recursively or only at its first level, in
   * path order; folders and adf-beam's own files are left out.
   */
  public static List<Listed> list(String folder, boolean recursive) throws IOException {
    String base = resource(folder).toString();
    List<Listed> files = new ArrayList<>();
    if (isObjectStore(base)) {
      for (ObjectFolders.Entry e : ObjectFolders.list(base, recursive)) {
        if (!isHidden(e.relativePath())) {
          files.add(new Listed(e.path(), e.relativePath(), e.size()));
        }
      }
      files.sort(Comparator.comparing(Listed::relativePath));
      return files;
    }
    java.nio.file.Path local = localPath(base);
    if (local != null) {
      return listLocal(local, base, recursive);
    }
    MatchResult m = FileSystems.match(List.of(base + (recursive ? "**" : "*"))).get(0);
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

  /**
   * Lists a local folder by walking it: Beam's local glob matching of {@code **} costs seconds
   * on a folder of 100,000 files.
   */
  private static List<Listed> listLocal(java.nio.file.Path root, String base, boolean recursive)
      throws IOException {
    List<Listed> files = new ArrayList<>();
    if (!java.nio.file.Files.isDirectory(root)) {
      return files;
    }
    java.nio.file.Files.walkFileTree(root, java.util.Set.of(), recursive ? Integer.MAX_VALUE : 1,
        new java.nio.file.SimpleFileVisitor<>() {
          @Override
          public java.nio.file.FileVisitResult preVisitDirectory(java.nio.file.Path dir,
              java.nio.file.attribute.BasicFileAttributes attrs) {
            return dir.getFileName() != null && dir.getFileName().toString().equals(HIDDEN)
                ? java.nio.file.FileVisitResult.SKIP_SUBTREE
                : java.nio.file.FileVisitResult.CONTINUE;
          }

          @Override
          public java.nio.file.FileVisitResult visitFile(java.nio.file.Path file,
              java.nio.file.attribute.BasicFileAttributes attrs) {
            if (attrs.isRegularFile()) {
              String relative = root.relativize(file).toString();
              if (!isHidden(relative)) {
                files.add(new Listed(base + relative, relative, attrs.size()));
              }
            }
            return java.nio.file.FileVisitResult.CONTINUE;
          }
        });
    files.sort(Comparator.comparing(Listed::relativePath));
    return files;
  }

  static boolean isHidden(String relative) {
    return relative.equals(HIDDEN) || relative.startsWith(HIDDEN + "/") || relative.contains("/" + HIDDEN + "/");
  }

  /** The bytes of the file at {@code path}, or null when there is none. */
  public static byte[] readIfExists(String path) throws IOException {
    java.nio.file.Path local = localPath(path);
    if (local != null) {
      try {
        return java.nio.file.Files.readAllBytes(local); // no separate check: one call fewer
      } catch (java.nio.file.NoSuchFileException e) {
        return null;
      }
    }
    if (!exists(path)) {
      return null;
    }
    try (InputStream in = open(path)) {
      return in.readAllBytes();
    }
  }

  public static InputStream open(String path) throws IOException {
    java.nio.file.Path local = localPath(path);
    if (local != null) {
      return java.nio.file.Files.newInputStream(local);
    }
    try {
      return new StoreInputStream(Channels.newInputStream(FileSystems.open(resource(path))), path);
    } catch (IOException | RuntimeException e) {
      throw wrap("read", path, e);
    }
  }

  /** Wraps a store failure with the operation and path; local failures stay as they are. */
  private static IOException wrap(String operation, String path, Exception e) {
    if (e instanceof IOException io && !isObjectStore(path)) {
      return io;
    }
    if (e instanceof RuntimeException r && !isObjectStore(path)) {
      throw r;
    }
    return StoreErrors.failure(operation, path, e);
  }

  /** Whether {@code path} is on an Azure store (Blob, Data Lake Gen1 or Gen2). */
  static boolean isObjectStore(String path) {
    return ObjectFolders.isBlob(path) || HadoopStores.isHadoop(path);
  }

  /** A store's input stream whose failures name the path. */
  private static final class StoreInputStream extends java.io.FilterInputStream {
    private final String path;

    StoreInputStream(InputStream in, String path) {
      super(in);
      this.path = path;
    }

    @Override
    public int read() throws IOException {
      try {
        return super.read();
      } catch (IOException | RuntimeException e) {
        throw wrap("read", path, e);
      }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      try {
        return super.read(b, off, len);
      } catch (IOException | RuntimeException e) {
        throw wrap("read", path, e);
      }
    }
  }

  /** A store's output stream whose failures name the path. */
  private static final class StoreOutputStream extends java.io.FilterOutputStream {
    private final String path;

    StoreOutputStream(OutputStream out, String path) {
      super(out);
      this.path = path;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      try {
        out.write(b, off, len);
      } catch (IOException | RuntimeException e) {
        throw wrap("write", path, e);
      }
    }

    @Override
    public void write(int b) throws IOException {
      try {
        out.write(b);
      } catch (IOException | RuntimeException e) {
        throw wrap("write", path, e);
      }
    }

    @Override
    public void close() throws IOException {
      try {
        out.close();
      } catch (IOException | RuntimeException e) {
        throw wrap("write", path, e);
      }
    }
  }

  /**
   * A listed file as a seekable input: the local file, or the store's seekable channel ({@link
   * BlobSeekableChannel} over Beam's on {@code azfs://}).
   */
  public static SeekableInput seekable(Listed file) {
    SeekableInput.ChannelOpener store = () -> {
      var channel = FileSystems.open(resource(file.path()));
      if (channel instanceof java.nio.channels.SeekableByteChannel seekable) {
        return seekable;
      }
      channel.close();
      throw new IOException(file.path() + ": this store gives no seekable channel, which"
          + " Avro, ORC and Parquet files need");
    };
    return SeekableInput.of(file.path(), file.size(),
        ObjectFolders.isBlob(file.path()) ? () -> new BlobSeekableChannel(store) : store);
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
    if (isObjectStore(path)) {
      for (int attempt = 1; ; attempt++) {
        try {
          ObjectFolders.prepareCreate(path);
          return new StoreOutputStream(
              Channels.newOutputStream(FileSystems.create(id, MimeTypes.BINARY)), path);
        } catch (IOException | RuntimeException e) {
          String m = String.valueOf(e.getMessage());
          if (attempt == 1 && m.contains("container does not exist")) {
            ObjectFolders.forgetContainer(path); // deleted since this worker created it: again
            continue;
          }
          throw wrap("write", path, e);
        }
      }
    }
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
    if (ObjectFolders.isBlob(from.get(0))) {
      ObjectFolders.renameBlobs(from, to);
      return;
    }
    if (isObjectStore(from.get(0))) {
      ObjectFolders.renameHadoop(from, to);
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
    if (isObjectStore(paths.get(0))) {
      try {
        FileSystems.delete(paths.stream().map(StoreFiles::resource).toList(),
            StandardMoveOptions.IGNORE_MISSING_FILES);
      } catch (IOException | RuntimeException e) {
        throw wrap("delete", paths.get(0), e);
      }
      return;
    }
    FileSystems.delete(paths.stream().map(StoreFiles::resource).toList(),
        StandardMoveOptions.IGNORE_MISSING_FILES);
  }

  /** Deletes every file under {@code folder} and, where the store has real folders, the folders. */
  public static void deleteTree(String folder) throws IOException {
    if (isObjectStore(folder)) {
      ObjectFolders.deleteTree(folder);
      return;
    }
    java.nio.file.Path local = localPath(folder);
    if (local != null) {
      deleteLocalTree(local);
      return;
    }
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
  }

  /**
   * Deletes the entries right in {@code folder} whose names start with {@code prefix} and pass
   * {@code which}: files, and folders with everything under them. On {@code azfs://}, where a
   * folder is a prefix, an entry is the first segment of a blob's name under {@code folder}, and
   * one prefix listing finds them; elsewhere the folder is listed (nothing when it is missing).
   */
  public static void deleteEntries(String folder, String prefix,
      java.util.function.Predicate<String> which) throws IOException {
    if (isObjectStore(folder)) {
      ObjectFolders.deleteEntries(folder, prefix, which);
      return;
    }
    java.nio.file.Path dir = localPath(folder);
    if (dir != null) {
      List<java.nio.file.Path> found = new ArrayList<>();
      try (var entries = java.nio.file.Files.newDirectoryStream(dir, p -> {
        String name = p.getFileName().toString();
        return name.startsWith(prefix) && which.test(name);
      })) {
        entries.forEach(found::add);
      } catch (java.nio.file.NoSuchFileException | java.nio.file.NotDirectoryException e) {
        return;
      }
      for (java.nio.file.Path p : found) {
        if (java.nio.file.Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
          deleteLocalTree(p);
        } else {
          java.nio.file.Files.deleteIfExists(p);
        }
      }
      return;
    }
    String base = resource(folder).toString();
    MatchResult m = FileSystems.match(List.of(base + prefix + "**")).get(0);
    if (m.status() != MatchResult.Status.OK) {
      return;
    }
    List<ResourceId> files = new ArrayList<>();
    for (MatchResult.Metadata md : m.metadata()) {
      String path = md.resourceId().toString();
      String relative = path.startsWith(base) ? path.substring(base.length()) : "";
      int slash = relative.indexOf('/');
      if (!md.resourceId().isDirectory() && !relative.isEmpty()
          && which.test(slash < 0 ? relative : relative.substring(0, slash))) {
        files.add(md.resourceId());
      }
    }
    FileSystems.delete(files, StandardMoveOptions.IGNORE_MISSING_FILES);
  }

  /** Deletes a local folder and everything under it, as far as it can; forgets it was made. */
  private static void deleteLocalTree(java.nio.file.Path root) {
    if (!java.nio.file.Files.isDirectory(root)) {
      return;
    }
    forgetFoldersUnder(root);
    try (var walk = java.nio.file.Files.walk(root)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // what could not be deleted stays; callers treat this as best-effort cleanup
    }
  }

  /**
   * Removes {@code folder} if it is an empty folder on a store with real folders; does nothing
   * otherwise (object stores have no empty folders).
   */
  public static void deleteIfEmpty(String folder) {
    if (isObjectStore(folder)) {
      ObjectFolders.deleteIfEmpty(folder);
      return;
    }
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

  /**
   * Local folders known to exist, so that each is created (or checked) once per worker. Sorted,
   * so that forgetting a tree (a removed folder) looks at that tree only: a scan of every folder
   * known would make a backfill that removes folders quadratic in its runs.
   */
  private static final java.util.NavigableSet<java.nio.file.Path> KNOWN_FOLDERS =
      new java.util.concurrent.ConcurrentSkipListSet<>();

  /** Forgets {@code root} and the known folders under it (those sort right after it). */
  private static void forgetFoldersUnder(java.nio.file.Path root) {
    String prefix = root.toString();
    for (var i = KNOWN_FOLDERS.tailSet(root, true).iterator(); i.hasNext(); ) {
      java.nio.file.Path p = i.next();
      if (!p.toString().startsWith(prefix)) {
        break;
      }
      if (p.startsWith(root)) {
        i.remove();
      }
    }
  }

  private static void makeParents(java.nio.file.Path file) throws IOException {
    java.nio.file.Path parent = file.getParent();
    if (parent != null) {
      makeFolder(parent);
    }
  }

  /**
   * Makes {@code dir} and the folders above it that are not known to exist, each with one call
   * (the JDK's createDirectories first tries the folder itself, then asks about each folder above
   * it until one exists: for a slice's {@code out/<slice>/.adf-beam/} three calls more than the
   * two folders made). Known afterwards, with the folders above it.
   */
  private static void makeFolder(java.nio.file.Path dir) throws IOException {
    if (KNOWN_FOLDERS.contains(dir)) {
      return;
    }
    java.nio.file.Path parent = dir.getParent();
    try {
      if (parent != null) {
        makeFolder(parent);
      }
      java.nio.file.Files.createDirectory(dir);
    } catch (java.nio.file.FileAlreadyExistsException e) {
      if (!java.nio.file.Files.isDirectory(dir)) {
        throw e;
      }
    } catch (java.nio.file.NoSuchFileException e) {
      // a folder above, known to exist, was removed meanwhile: make the whole path again
      if (parent != null) {
        forgetFoldersUnder(parent);
      }
      java.nio.file.Files.createDirectories(dir);
    }
    KNOWN_FOLDERS.add(dir);
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
