package io.adfbeam.formats.columnar;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import org.apache.parquet.io.DelegatingSeekableInputStream;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;
import org.apache.parquet.io.SeekableInputStream;

/** Parquet's file interfaces over a {@link SeekableInput} and a plain stream: no Hadoop FS. */
final class ParquetFiles {
  private ParquetFiles() {}

  static InputFile input(SeekableInput in) {
    return new InputFile() {
      @Override
      public long getLength() throws IOException {
        return in.length();
      }

      @Override
      public SeekableInputStream newStream() throws IOException {
        SeekableByteChannel ch = in.open();
        return new DelegatingSeekableInputStream(Channels.newInputStream(ch)) {
          @Override
          public long getPos() throws IOException {
            return ch.position();
          }

          @Override
          public void seek(long newPos) throws IOException {
            ch.position(newPos);
          }
        };
      }

      @Override
      public String toString() {
        return in.name();
      }
    };
  }

  /** Writes the file to {@code out} from its first byte on; closing the writer closes it. */
  static OutputFile output(OutputStream out, String name) {
    return new OutputFile() {
      @Override
      public PositionOutputStream create(long blockSizeHint) {
        return new CountingStream(out);
      }

      @Override
      public PositionOutputStream createOrOverwrite(long blockSizeHint) {
        return create(blockSizeHint);
      }

      @Override
      public boolean supportsBlockSize() {
        return false;
      }

      @Override
      public long defaultBlockSize() {
        return 0;
      }

      @Override
      public String getPath() {
        return name;
      }
    };
  }

  private static final class CountingStream extends PositionOutputStream {
    private final OutputStream out;
    private long pos;

    CountingStream(OutputStream out) {
      this.out = new BufferedOutputStream(out, 1 << 16);
    }

    @Override
    public long getPos() {
      return pos;
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      pos++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      pos += len;
    }

    @Override
    public void flush() throws IOException {
      out.flush();
    }

    @Override
    public void close() throws IOException {
      out.close();
    }
  }
}
