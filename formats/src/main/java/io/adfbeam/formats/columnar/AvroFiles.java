package io.adfbeam.formats.columnar;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;

/** Avro's {@link org.apache.avro.file.SeekableInput} over a channel. */
final class AvroFiles {
  private AvroFiles() {}

  static org.apache.avro.file.SeekableInput input(SeekableInput in) throws IOException {
    SeekableByteChannel ch = in.open();
    long length;
    try {
      length = in.length();
    } catch (IOException | RuntimeException e) {
      ch.close();
      throw e;
    }
    return new org.apache.avro.file.SeekableInput() {
      @Override
      public void seek(long p) throws IOException {
        ch.position(p);
      }

      @Override
      public long tell() throws IOException {
        return ch.position();
      }

      @Override
      public long length() {
        return length;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        return ch.read(ByteBuffer.wrap(b, off, len));
      }

      @Override
      public void close() throws IOException {
        ch.close();
      }
    };
  }
}
