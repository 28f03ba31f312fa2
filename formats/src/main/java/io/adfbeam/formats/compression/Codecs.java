package io.adfbeam.formats.compression;

import io.adfbeam.formats.CompressionLevel;
import io.adfbeam.formats.CompressionType;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Objects;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;

/**
 * Stream codecs for ADF's {@code compression} types GZip, Deflate and BZip2. ZipDeflate holds named
 * entries rather than one stream; it is read with {@link ZipArchiveReader} and written with {@link
 * ZipArchiveWriter}.
 *
 * <p>Levels: {@link CompressionLevel#OPTIMAL} maps to zlib level 6 for GZip, Deflate and
 * ZipDeflate, the level .NET's {@code CompressionLevel.Optimal} uses (ADF runs on .NET; level 9
 * gives files a few percent smaller for several times the CPU), and a 900 kB block ({@code -9})
 * for BZip2. {@link CompressionLevel#FASTEST} maps to zlib level 1 ({@link Deflater#BEST_SPEED},
 * what {@code gzip -1} does) and a 100 kB block ({@code -1}) for BZip2. A null level means
 * Optimal, as in ADF. (BZip2's block size changes the ratio and the memory use far more than the
 * speed.)
 *
 * <p>Deflate: ADF writes with .NET's {@code DeflateStream}, which produces raw deflate data (RFC
 * 1951, no header), so that is what {@link #compress} writes. {@link #decompress} also accepts a
 * zlib stream (RFC 1950), which other tools write under the same {@code .deflate} extension: it
 * looks at the first two bytes, and a zlib header (compression method 8, a window of at most 32 kB,
 * a header checksum divisible by 31) can never begin a raw deflate stream a compressor writes,
 * because it would be a stored block with non-zero padding bits.
 *
 * <p>Empty input decompresses to nothing for every codec, so zero-byte placeholder files read as
 * empty files rather than failing. GZip input may hold several members (as {@code cat a.gz b.gz} or
 * parallel compressors produce); all of them are read, and each member's CRC-32 and length are
 * checked. BZip2 input may likewise hold concatenated streams.
 *
 * <p>All streams buffer generously ({@value #BUFFER_SIZE} bytes): they are the hot path of every
 * compressed copy. Closing a returned stream closes the stream it wraps; closing a compressing
 * stream also finishes the compressed data.
 */
public final class Codecs {
  /** Size of the buffers the codecs read and write through. */
  public static final int BUFFER_SIZE = 1 << 18;

  private Codecs() {}

  /**
   * A stream of the decompressed bytes of {@code in}.
   *
   * @throws IllegalArgumentException for {@link CompressionType#ZIP_DEFLATE}: use {@link
   *     ZipArchiveReader}, an archive holds named entries
   * @throws IOException if the first bytes cannot be read or do not start a stream of that type
   */
  public static InputStream decompress(InputStream in, CompressionType type) throws IOException {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(type, "type");
    if (type == CompressionType.ZIP_DEFLATE) {
      throw new IllegalArgumentException(
          "ZipDeflate holds named entries; read it with ZipArchiveReader");
    }
    BufferedInputStream buffered = new BufferedInputStream(in, BUFFER_SIZE);
    buffered.mark(2);
    int b0 = buffered.read();
    int b1 = b0 < 0 ? -1 : buffered.read();
    buffered.reset();
    if (b0 < 0) {
      return buffered;
    }
    switch (type) {
      case GZIP:
        return new MultiMemberGzipInputStream(buffered, BUFFER_SIZE);
      case DEFLATE:
        return new EndingInflaterInputStream(buffered, new Inflater(!isZlibHeader(b0, b1)));
      case BZIP2:
        return new BZip2CompressorInputStream(buffered, true);
      default:
        throw new AssertionError(type);
    }
  }

  /**
   * A stream that compresses what is written to it into {@code out}.
   *
   * @param level the level; null means {@link CompressionLevel#OPTIMAL}
   * @throws IllegalArgumentException for {@link CompressionType#ZIP_DEFLATE}: use {@link
   *     ZipArchiveWriter}, an archive holds named entries
   */
  public static OutputStream compress(
      OutputStream out, CompressionType type, CompressionLevel level) throws IOException {
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(type, "type");
    switch (type) {
      case GZIP:
        return new LevelGzipOutputStream(out, zlibLevel(level));
      case DEFLATE:
        return new EndingDeflaterOutputStream(out, new Deflater(zlibLevel(level), true));
      case BZIP2:
        return new BZip2CompressorOutputStream(
            new BufferedOutputStream(out, BUFFER_SIZE), bzip2BlockSize(level));
      case ZIP_DEFLATE:
        throw new IllegalArgumentException(
            "ZipDeflate holds named entries; write it with ZipArchiveWriter");
      default:
        throw new AssertionError(type);
    }
  }

  /**
   * The zlib level for an ADF level: 1 for Fastest; 6 for Optimal (and null), the level .NET's
   * {@code CompressionLevel.Optimal} uses, which ADF runs on: level 9 costs about six times the
   * CPU of level 1 for output only a few percent smaller than level 6.
   */
  public static int zlibLevel(CompressionLevel level) {
    return level == CompressionLevel.FASTEST ? Deflater.BEST_SPEED : OPTIMAL_ZLIB_LEVEL;
  }

  /** zlib's default level, .NET's Optimal. */
  static final int OPTIMAL_ZLIB_LEVEL = 6;

  /**
   * The BZip2 block size (in 100 kB units) for an ADF level: 9 for Optimal (and null), 1 for
   * Fastest.
   */
  public static int bzip2BlockSize(CompressionLevel level) {
    return level == CompressionLevel.FASTEST
        ? BZip2CompressorOutputStream.MIN_BLOCKSIZE
        : BZip2CompressorOutputStream.MAX_BLOCKSIZE;
  }

  /** Whether two bytes form a zlib (RFC 1950) header that uses deflate. */
  static boolean isZlibHeader(int b0, int b1) {
    return b0 >= 0 && b1 >= 0 && (b0 & 0x0f) == 8 && (b0 >>> 4) <= 7 && ((b0 << 8) | b1) % 31 == 0;
  }

  /** GZip with a chosen level; ends its deflater on close like the JDK class. */
  private static final class LevelGzipOutputStream extends GZIPOutputStream {
    LevelGzipOutputStream(OutputStream out, int level) throws IOException {
      super(out, BUFFER_SIZE);
      def.setLevel(level);
    }
  }

  /** A deflating stream over a deflater of our own, which it ends on close. */
  private static final class EndingDeflaterOutputStream extends DeflaterOutputStream {
    EndingDeflaterOutputStream(OutputStream out, Deflater deflater) {
      super(out, deflater, BUFFER_SIZE);
    }

    @Override
    public void close() throws IOException {
      try {
        super.close();
      } finally {
        def.end();
      }
    }
  }

  /** An inflating stream over an inflater of our own, which it ends on close. */
  private static final class EndingInflaterInputStream extends InflaterInputStream {
    EndingInflaterInputStream(InputStream in, Inflater inflater) {
      super(in, inflater, BUFFER_SIZE);
    }

    @Override
    public void close() throws IOException {
      try {
        super.close();
      } finally {
        inf.end();
      }
    }
  }
}
