package io.adfbeam.formats.compression;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;

/**
 * Reads a ZipDeflate archive as the files it holds, one entry after another, in one pass over the
 * stream (no seeking, so it works on any store).
 *
 * <p>Entry naming: {@link Entry#name()} is the entry's path inside the archive with {@code /}
 * separators (backslashes, which old Windows tools wrote, become {@code /}; a leading {@code ./} is
 * dropped). Directory entries are skipped. Names are decoded as UTF-8 unless the archive says
 * otherwise (Info-ZIP Unicode path fields are honoured). A name that is absolute ({@code /x},
 * {@code C:x}) or climbs out of the archive ({@code ../x}) fails the read, so that nobody writes
 * outside the target folder from a hostile archive.
 *
 * <pre>{@code
 * try (ZipArchiveReader zip = new ZipArchiveReader(in)) {
 *   for (ZipArchiveReader.Entry e = zip.next(); e != null; e = zip.next()) {
 *     copy(e.name(), e.content());
 *   }
 * }
 * }</pre>
 */
public final class ZipArchiveReader implements Closeable {
  private final ZipArchiveInputStream zip;
  private EntryStream current;

  /**
   * One file of the archive; {@link #content()} is valid until the next call to {@link #next()}.
   */
  public record Entry(String name, InputStream content) {}

  /** Reads the archive in {@code in}; closing the reader closes {@code in}. */
  public ZipArchiveReader(InputStream in) {
    Objects.requireNonNull(in, "in");
    this.zip =
        new ZipArchiveInputStream(
            new BufferedInputStream(in, Codecs.BUFFER_SIZE),
            StandardCharsets.UTF_8.name(),
            true,
            true);
  }

  /**
   * The next file entry, or null after the last one. The previous entry's content stream stops
   * working.
   *
   * @throws IOException if the archive is corrupt, an entry uses a method or encryption this reader
   *     cannot read, or a name is unsafe
   */
  public Entry next() throws IOException {
    if (current != null) {
      current.valid = false;
      current = null;
    }
    ZipArchiveEntry e;
    while ((e = zip.getNextEntry()) != null) {
      if (e.isDirectory()) {
        continue;
      }
      String name = normalize(e.getName());
      if (!zip.canReadEntryData(e)) {
        throw new IOException(
            "zip entry '" + name + "' uses a compression method or encryption that cannot be read");
      }
      current = new EntryStream(zip, name);
      return new Entry(name, current);
    }
    return null;
  }

  static String normalize(String raw) throws IOException {
    String name = raw.replace('\\', '/');
    while (name.startsWith("./")) {
      name = name.substring(2);
    }
    boolean absolute = name.startsWith("/") || (name.length() >= 2 && name.charAt(1) == ':');
    boolean climbs = false;
    for (String part : name.split("/", -1)) {
      climbs |= part.equals("..");
    }
    if (absolute || climbs || name.isEmpty()) {
      throw new IOException("unsafe zip entry name '" + raw + "'");
    }
    return name;
  }

  @Override
  public void close() throws IOException {
    zip.close();
  }

  /** The current entry's bytes; closing it does not close the archive. */
  private static final class EntryStream extends InputStream {
    private final InputStream zip;
    private final String name;
    private boolean valid = true;

    EntryStream(InputStream zip, String name) {
      this.zip = zip;
      this.name = name;
    }

    private void check() throws IOException {
      if (!valid) {
        throw new IOException("zip entry '" + name + "' was left for the next entry");
      }
    }

    @Override
    public int read() throws IOException {
      check();
      return zip.read();
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      check();
      return zip.read(b, off, len);
    }

    @Override
    public void close() {
      valid = false;
    }
  }
}
