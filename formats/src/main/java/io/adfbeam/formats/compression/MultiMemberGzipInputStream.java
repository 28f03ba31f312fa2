package io.adfbeam.formats.compression;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import java.util.zip.ZipException;

/**
 * Reads every member of a GZip stream (RFC 1952), checking each member's CRC-32 and length.
 *
 * <p>The JDK's {@code GZIPInputStream} decides whether another member follows from {@code
 * available()}, which is 0 on many network and pipe streams, so it can stop after the first member
 * (JDK-7036144). This reader looks at the bytes themselves. Zero bytes after the last member are
 * ignored as padding, as {@code gzip -d} does; any other trailing bytes are an error.
 */
final class MultiMemberGzipInputStream extends InputStream {
  private static final int FTEXT_MASK = 0xe0;
  private static final int FHCRC = 2;
  private static final int FEXTRA = 4;
  private static final int FNAME = 8;
  private static final int FCOMMENT = 16;

  private final InputStream in;
  private final byte[] buf;
  private final Inflater inflater = new Inflater(true);
  private final CRC32 crc = new CRC32();
  private int pos;
  private int lim;
  private boolean inMember;
  private boolean firstMember = true;
  private boolean eof;
  private boolean closed;
  private long memberSize;
  private final byte[] single = new byte[1];

  MultiMemberGzipInputStream(InputStream in, int bufferSize) {
    this.in = in;
    this.buf = new byte[bufferSize];
  }

  @Override
  public int read() throws IOException {
    int n = read(single, 0, 1);
    return n < 0 ? -1 : single[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (closed) {
      throw new IOException("Stream closed");
    }
    Objects.checkFromIndexSize(off, len, b.length);
    if (len == 0) {
      return 0;
    }
    while (!eof) {
      if (!inMember) {
        if (!readHeader()) {
          eof = true;
          break;
        }
        continue;
      }
      if (inflater.finished()) {
        pos = lim - inflater.getRemaining();
        readTrailer();
        inMember = false;
        continue;
      }
      if (inflater.needsInput()) {
        if (pos == lim && !refill()) {
          throw new EOFException("Unexpected end of GZip input");
        }
        inflater.setInput(buf, pos, lim - pos);
        pos = lim;
      }
      int n;
      try {
        n = inflater.inflate(b, off, len);
      } catch (DataFormatException e) {
        throw new ZipException("Corrupt GZip data: " + e.getMessage());
      }
      if (n > 0) {
        crc.update(b, off, n);
        memberSize += n;
        return n;
      }
      if (inflater.needsDictionary()) {
        throw new ZipException("Corrupt GZip data: a preset dictionary is requested");
      }
    }
    return -1;
  }

  private boolean refill() throws IOException {
    int n = in.read(buf, 0, buf.length);
    while (n == 0) {
      n = in.read(buf, 0, buf.length);
    }
    if (n < 0) {
      pos = lim = 0;
      return false;
    }
    pos = 0;
    lim = n;
    return true;
  }

  private int readByte() throws IOException {
    if (pos == lim && !refill()) {
      return -1;
    }
    return buf[pos++] & 0xff;
  }

  private int needByte(String what) throws IOException {
    int b = readByte();
    if (b < 0) {
      throw new EOFException("Unexpected end of GZip input in the " + what);
    }
    return b;
  }

  /** Reads a member header; false at a clean end of input. */
  private boolean readHeader() throws IOException {
    int id1 = readByte();
    if (id1 < 0) {
      return false;
    }
    if (!firstMember && id1 == 0) {
      for (int b = readByte(); b >= 0; b = readByte()) {
        if (b != 0) {
          throw new ZipException("Trailing garbage after the last GZip member");
        }
      }
      return false;
    }
    int id2 = readByte();
    if (id1 != 0x1f || id2 != 0x8b) {
      throw new ZipException(
          firstMember ? "Not in GZip format" : "Trailing garbage after the last GZip member");
    }
    int method = needByte("header");
    if (method != 8) {
      throw new ZipException("Unsupported GZip compression method " + method);
    }
    int flags = needByte("header");
    if ((flags & FTEXT_MASK) != 0) {
      throw new ZipException("Reserved GZip header flags set");
    }
    for (int i = 0; i < 6; i++) {
      needByte("header"); // MTIME, XFL, OS
    }
    if ((flags & FEXTRA) != 0) {
      int xlen = needByte("header") | (needByte("header") << 8);
      for (int i = 0; i < xlen; i++) {
        needByte("header extra field");
      }
    }
    if ((flags & FNAME) != 0) {
      while (needByte("header file name") != 0) {
        // skip
      }
    }
    if ((flags & FCOMMENT) != 0) {
      while (needByte("header comment") != 0) {
        // skip
      }
    }
    if ((flags & FHCRC) != 0) {
      needByte("header");
      needByte("header");
    }
    inflater.reset();
    crc.reset();
    memberSize = 0;
    inMember = true;
    firstMember = false;
    return true;
  }

  private void readTrailer() throws IOException {
    long expectedCrc = readUInt32();
    long expectedSize = readUInt32();
    if (expectedCrc != crc.getValue()) {
      throw new ZipException("Corrupt GZip trailer: CRC-32 mismatch");
    }
    if (expectedSize != (memberSize & 0xffffffffL)) {
      throw new ZipException("Corrupt GZip trailer: length mismatch");
    }
  }

  private long readUInt32() throws IOException {
    long v = 0;
    for (int i = 0; i < 4; i++) {
      v |= ((long) needByte("trailer")) << (8 * i);
    }
    return v;
  }

  @Override
  public void close() throws IOException {
    if (!closed) {
      closed = true;
      inflater.end();
      in.close();
    }
  }
}
