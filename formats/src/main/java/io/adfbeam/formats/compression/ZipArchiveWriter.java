package io.adfbeam.formats.compression;

import io.adfbeam.formats.CompressionLevel;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a ZipDeflate archive: one or more named entries, each deflated at the archive's level
 * (Optimal, the default, is zlib level 6; Fastest is level 1; see {@link Codecs}).
 *
 * <p>Entry naming: names are written as given, with {@code /} separators and UTF-8 encoding (the
 * archive flags them as UTF-8, as .NET's {@code ZipArchive} does), so {@link ZipArchiveReader}
 * gives the same names back. Absolute names, {@code ..} segments and duplicates are refused. A sink
 * that writes one file {@code X.zip} names its single entry {@link #entryNameFor
 * entryNameFor("X.zip")}, that is {@code X}, the name the file would have had uncompressed.
 * Archives over 4 GB or with more than 65,535 entries are written as ZIP64.
 *
 * <pre>{@code
 * try (ZipArchiveWriter zip = new ZipArchiveWriter(out, CompressionLevel.FASTEST)) {
 *   try (OutputStream e = zip.nextEntry("data.csv")) {
 *     e.write(bytes);
 *   }
 * }
 * }</pre>
 */
public final class ZipArchiveWriter implements Closeable {
  private final ZipOutputStream zip;
  private final Set<String> names = new HashSet<>();
  private EntryStream current;
  private boolean closed;

  /**
   * Writes an archive into {@code out}; closing the writer finishes the archive and closes {@code
   * out}.
   *
   * @param level null means {@link CompressionLevel#OPTIMAL}
   */
  public ZipArchiveWriter(OutputStream out, CompressionLevel level) {
    Objects.requireNonNull(out, "out");
    this.zip =
        new ZipOutputStream(
            new BufferedOutputStream(out, Codecs.BUFFER_SIZE), StandardCharsets.UTF_8);
    zip.setMethod(ZipOutputStream.DEFLATED);
    zip.setLevel(Codecs.zlibLevel(level));
  }

  /**
   * The entry name a single-file archive named {@code archiveFileName} holds: the name without
   * {@code .zip}.
   */
  public static String entryNameFor(String archiveFileName) {
    String base = archiveFileName.substring(archiveFileName.lastIndexOf('/') + 1);
    return base.regionMatches(true, Math.max(0, base.length() - 4), ".zip", 0, 4)
            && base.length() > 4
        ? base.substring(0, base.length() - 4)
        : base;
  }

  /**
   * Starts an entry and returns the stream its bytes are written to. Closing that stream ends the
   * entry (and leaves the archive open); starting another entry ends the current one too.
   *
   * @throws IllegalArgumentException if the name is empty, absolute, has a {@code ..} segment, or
   *     was used before
   */
  public OutputStream nextEntry(String name) throws IOException {
    if (closed) {
      throw new IOException("archive closed");
    }
    Objects.requireNonNull(name, "name");
    String normalized;
    try {
      normalized = ZipArchiveReader.normalize(name);
    } catch (IOException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    if (normalized.endsWith("/")) {
      throw new IllegalArgumentException("zip entry name '" + name + "' names a directory");
    }
    if (!names.add(normalized)) {
      throw new IllegalArgumentException("duplicate zip entry name '" + name + "'");
    }
    endEntry();
    zip.putNextEntry(new ZipEntry(normalized));
    current = new EntryStream();
    return current;
  }

  private void endEntry() throws IOException {
    if (current != null) {
      current.flushBuffer();
      current.open = false;
      current = null;
      zip.closeEntry();
    }
  }

  /** Ends the last entry, writes the archive's directory and closes the underlying stream. */
  @Override
  public void close() throws IOException {
    if (!closed) {
      try {
        endEntry();
      } finally {
        closed = true;
        zip.close();
      }
    }
  }

  /** Buffers writes so that the deflater sees large chunks. */
  private final class EntryStream extends OutputStream {
    private final byte[] buf = new byte[1 << 16];
    private int count;
    private boolean open = true;

    private void check() throws IOException {
      if (!open) {
        throw new IOException("zip entry already ended");
      }
    }

    void flushBuffer() throws IOException {
      if (count > 0) {
        zip.write(buf, 0, count);
        count = 0;
      }
    }

    @Override
    public void write(int b) throws IOException {
      check();
      if (count == buf.length) {
        flushBuffer();
      }
      buf[count++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      check();
      Objects.checkFromIndexSize(off, len, b.length);
      if (len >= buf.length) {
        flushBuffer();
        zip.write(b, off, len);
      } else {
        if (len > buf.length - count) {
          flushBuffer();
        }
        System.arraycopy(b, off, buf, count, len);
        count += len;
      }
    }

    @Override
    public void close() throws IOException {
      if (open && current == this) {
        endEntry();
      }
    }
  }
}
