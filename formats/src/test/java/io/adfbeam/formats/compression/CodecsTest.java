package io.adfbeam.formats.compression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.adfbeam.formats.CompressionLevel;
import io.adfbeam.formats.CompressionType;
import io.adfbeam.formats.TestData;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.ZipException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CodecsTest {
  static final byte[] EMPTY = new byte[0];
  static final byte[] TINY = "1,2,three\r\n".getBytes(StandardCharsets.UTF_8);
  static final byte[] LARGE = TestData.csvBytes(6 << 20, 42);
  static final byte[] CSV_5MB = TestData.csvBytes(5 << 20, 7);

  static Stream<Arguments> codecLevelSize() {
    List<Arguments> all = new ArrayList<>();
    for (CompressionType type :
        List.of(CompressionType.GZIP, CompressionType.DEFLATE, CompressionType.BZIP2)) {
      for (CompressionLevel level :
          Arrays.asList(CompressionLevel.OPTIMAL, CompressionLevel.FASTEST, null)) {
        all.add(Arguments.of(type, level, "empty", EMPTY));
        all.add(Arguments.of(type, level, "tiny", TINY));
        all.add(Arguments.of(type, level, "large", LARGE));
      }
    }
    return all.stream();
  }

  static byte[] compress(byte[] data, CompressionType type, CompressionLevel level)
      throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputStream out = Codecs.compress(bytes, type, level)) {
      out.write(data);
    }
    return bytes.toByteArray();
  }

  static byte[] decompress(byte[] data, CompressionType type) throws IOException {
    try (InputStream in = Codecs.decompress(new ByteArrayInputStream(data), type)) {
      return in.readAllBytes();
    }
  }

  @ParameterizedTest(name = "{0} {1} {2}")
  @MethodSource("codecLevelSize")
  void roundTripsBytesExactly(
      CompressionType type, CompressionLevel level, String size, byte[] data) throws IOException {
    byte[] packed = compress(data, type, level);
    assertThat(decompress(packed, type)).isEqualTo(data);
    if (data.length > 0) {
      assertThat(packed.length).isLessThan(Math.max(data.length, 64));
    }
  }

  @ParameterizedTest(name = "{0} byte by byte")
  @MethodSource("streamCodecs")
  void roundTripsSingleByteWritesAndReads(CompressionType type) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputStream out = Codecs.compress(bytes, type, CompressionLevel.FASTEST)) {
      for (byte b : TINY) {
        out.write(b);
      }
    }
    ByteArrayOutputStream back = new ByteArrayOutputStream();
    try (InputStream in = Codecs.decompress(new ByteArrayInputStream(bytes.toByteArray()), type)) {
      for (int b = in.read(); b >= 0; b = in.read()) {
        back.write(b);
      }
    }
    assertThat(back.toByteArray()).isEqualTo(TINY);
  }

  static Stream<CompressionType> streamCodecs() {
    return Stream.of(CompressionType.GZIP, CompressionType.DEFLATE, CompressionType.BZIP2);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("streamCodecs")
  void optimalIsSmallerThanFastest(CompressionType type) throws IOException {
    int optimal = compress(CSV_5MB, type, CompressionLevel.OPTIMAL).length;
    int fastest = compress(CSV_5MB, type, CompressionLevel.FASTEST).length;
    assertThat(optimal).isLessThan(fastest);
    assertThat(compress(CSV_5MB, type, null)).hasSize(optimal);
  }

  @Test
  void zipOptimalIsSmallerThanFastest() throws IOException {
    assertThat(zip(CompressionLevel.OPTIMAL, "a.csv", CSV_5MB).length)
        .isLessThan(zip(CompressionLevel.FASTEST, "a.csv", CSV_5MB).length);
  }

  static byte[] zip(CompressionLevel level, String name, byte[] data) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipArchiveWriter zip = new ZipArchiveWriter(bytes, level);
        OutputStream e = zip.nextEntry(name)) {
      e.write(data);
    }
    return bytes.toByteArray();
  }

  @Test
  void deflateWritesRawData() throws IOException {
    byte[] packed = compress(TINY, CompressionType.DEFLATE, CompressionLevel.OPTIMAL);
    assertThat(Codecs.isZlibHeader(packed[0] & 0xff, packed[1] & 0xff)).isFalse();
    java.util.zip.Inflater raw = new java.util.zip.Inflater(true);
    raw.setInput(packed);
    byte[] out = new byte[100];
    try {
      assertThat(Arrays.copyOf(out, raw.inflate(out))).isEqualTo(TINY);
    } catch (java.util.zip.DataFormatException e) {
      throw new AssertionError(e);
    } finally {
      raw.end();
    }
  }

  @Test
  void deflateReadsZlibAndRawData() throws IOException {
    for (int level = 0; level <= 9; level++) {
      for (byte[] data : List.of(TINY, LARGE)) {
        ByteArrayOutputStream zlib = new ByteArrayOutputStream();
        Deflater zd = new Deflater(level);
        try (OutputStream out = new DeflaterOutputStream(zlib, zd)) {
          out.write(data);
        }
        zd.end();
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        Deflater rd = new Deflater(level, true);
        try (OutputStream out = new DeflaterOutputStream(raw, rd)) {
          out.write(data);
        }
        rd.end();
        byte[] z = zlib.toByteArray();
        byte[] r = raw.toByteArray();
        assertThat(Codecs.isZlibHeader(z[0] & 0xff, z[1] & 0xff))
            .as("zlib level %d", level)
            .isTrue();
        assertThat(Codecs.isZlibHeader(r[0] & 0xff, r[1] & 0xff))
            .as("raw level %d", level)
            .isFalse();
        assertThat(decompress(z, CompressionType.DEFLATE)).isEqualTo(data);
        assertThat(decompress(r, CompressionType.DEFLATE)).isEqualTo(data);
      }
    }
  }

  @Test
  void gzipReadsEveryMember() throws IOException {
    byte[] a = "first member\n".getBytes(StandardCharsets.UTF_8);
    byte[] b = "second member\n".getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream cat = new ByteArrayOutputStream();
    cat.write(compress(a, CompressionType.GZIP, CompressionLevel.FASTEST));
    cat.write(compress(LARGE, CompressionType.GZIP, CompressionLevel.OPTIMAL));
    cat.write(compress(EMPTY, CompressionType.GZIP, CompressionLevel.OPTIMAL));
    cat.write(compress(b, CompressionType.GZIP, CompressionLevel.FASTEST));
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    expected.write(a);
    expected.write(LARGE);
    expected.write(b);

    // available() is 0 on network streams; the JDK reader stops after one member there.
    InputStream noAvailable =
        new FilterInputStream(new ByteArrayInputStream(cat.toByteArray())) {
          @Override
          public int available() {
            return 0;
          }

          @Override
          public int read(byte[] buf, int off, int len) throws IOException {
            return super.read(buf, off, Math.min(len, 1000));
          }
        };
    try (InputStream in = Codecs.decompress(noAvailable, CompressionType.GZIP)) {
      assertThat(in.readAllBytes()).isEqualTo(expected.toByteArray());
    }
  }

  @Test
  void gzipIgnoresZeroPaddingButNotGarbage() throws IOException {
    byte[] packed = compress(TINY, CompressionType.GZIP, null);
    byte[] padded = Arrays.copyOf(packed, packed.length + 512);
    assertThat(decompress(padded, CompressionType.GZIP)).isEqualTo(TINY);

    byte[] garbage = Arrays.copyOf(packed, packed.length + 3);
    garbage[packed.length] = 'x';
    assertThatThrownBy(() -> decompress(garbage, CompressionType.GZIP))
        .isInstanceOf(ZipException.class)
        .hasMessage("Trailing garbage after the last GZip member");
  }

  @Test
  void gzipChecksTheTrailer() throws IOException {
    byte[] packed = compress(TINY, CompressionType.GZIP, null);
    packed[packed.length - 8] ^= 1;
    assertThatThrownBy(() -> decompress(packed, CompressionType.GZIP))
        .isInstanceOf(ZipException.class)
        .hasMessage("Corrupt GZip trailer: CRC-32 mismatch");
  }

  @Test
  void truncatedInputFails() throws IOException {
    for (CompressionType type : streamCodecs().toList()) {
      byte[] packed = compress(LARGE, type, null);
      byte[] cut = Arrays.copyOf(packed, packed.length / 2);
      assertThatThrownBy(() -> decompress(cut, type))
          .as(type.adfName())
          .isInstanceOf(IOException.class);
    }
  }

  @Test
  void notCompressedInputFails() {
    assertThatThrownBy(() -> decompress(TINY, CompressionType.GZIP))
        .isInstanceOf(ZipException.class)
        .hasMessage("Not in GZip format");
    assertThatThrownBy(() -> decompress(TINY, CompressionType.BZIP2))
        .isInstanceOf(IOException.class);
  }

  @Test
  void zipDeflateIsAnArchiveNotAStream() {
    assertThatThrownBy(
            () -> Codecs.compress(new ByteArrayOutputStream(), CompressionType.ZIP_DEFLATE, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("ZipDeflate holds named entries; write it with ZipArchiveWriter");
    assertThatThrownBy(
            () -> Codecs.decompress(new ByteArrayInputStream(EMPTY), CompressionType.ZIP_DEFLATE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("ZipDeflate holds named entries; read it with ZipArchiveReader");
  }

  @Test
  void levelsMapToTheCodecsBestAndFastest() {
    assertThat(Codecs.zlibLevel(CompressionLevel.OPTIMAL)).isEqualTo(6);
    assertThat(Codecs.zlibLevel(null)).isEqualTo(6);
    assertThat(Codecs.zlibLevel(CompressionLevel.FASTEST)).isEqualTo(1);
    assertThat(Codecs.bzip2BlockSize(CompressionLevel.OPTIMAL)).isEqualTo(9);
    assertThat(Codecs.bzip2BlockSize(CompressionLevel.FASTEST)).isEqualTo(1);
  }
}
