package io.adfbeam.formats.columnar;

import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;

/**
 * A file that can be read from any position: what the columnar readers need (Parquet and ORC
 * read their footer first, splits start in the middle). Beam's file systems give one through
 * {@code FileSystems.open(resourceId)}, which returns a {@link SeekableByteChannel} for local
 * files and Azure blobs.
 *
 * <p>Each {@link #open()} returns a new, independent channel positioned at 0; the caller closes
 * it.
 */
public interface SeekableInput {

  /** A name for messages (a path or URI). */
  String name();

  /** The length of the file in bytes. */
  long length() throws IOException;

  /** Opens a new channel on the file. */
  SeekableByteChannel open() throws IOException;

  /** A supplier of channels, for {@link #of(String, long, ChannelOpener)}. */
  @FunctionalInterface
  interface ChannelOpener {
    SeekableByteChannel open() throws IOException;
  }

  /** A local file. */
  static SeekableInput of(Path path) {
    Objects.requireNonNull(path, "path");
    return new SeekableInput() {
      @Override
      public String name() {
        return path.toString();
      }

      @Override
      public long length() throws IOException {
        return Files.size(path);
      }

      @Override
      public SeekableByteChannel open() throws IOException {
        return Files.newByteChannel(path, StandardOpenOption.READ);
      }

      @Override
      public String toString() {
        return name();
      }
    };
  }

  /**
   * A file behind any channel supplier, e.g. {@code () -> (SeekableByteChannel)
   * FileSystems.open(resourceId)} with the length from Beam's match metadata. A negative {@code
   * length} means unknown: the first call to {@link #length()} opens a channel and asks it.
   */
  static SeekableInput of(String name, long length, ChannelOpener opener) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(opener, "opener");
    return new SeekableInput() {
      private long size = length;

      @Override
      public String name() {
        return name;
      }

      @Override
      public synchronized long length() throws IOException {
        if (size < 0) {
          try (SeekableByteChannel ch = opener.open()) {
            size = ch.size();
          }
        }
        return size;
      }

      @Override
      public SeekableByteChannel open() throws IOException {
        return opener.open();
      }

      @Override
      public String toString() {
        return name;
      }
    };
  }
}
