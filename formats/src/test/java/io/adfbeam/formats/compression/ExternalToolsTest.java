package io.adfbeam.formats.compression;

import static org.assertj.core.api.Assertions.assertThat;

import io.adfbeam.formats.CompressionLevel;
import io.adfbeam.formats.CompressionType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Files written here are read by the standard tools, and files the tools write are read here. The
 * tools ({@code gzip}, {@code bzip2}, {@code zip}, {@code unzip}, {@code python3}) must be on the
 * PATH: a missing one fails the test.
 */
class ExternalToolsTest {
  @TempDir Path dir;

  static byte[] run(byte[] stdin, String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    CompletableFuture<byte[]> out =
        CompletableFuture.supplyAsync(
            () -> {
              try (InputStream in = p.getInputStream()) {
                return in.readAllBytes();
              } catch (IOException e) {
                throw new RuntimeException(e);
              }
            });
    try (OutputStream in = p.getOutputStream()) {
      in.write(stdin);
    }
    byte[] result = out.join();
    assertThat(p.waitFor()).as(String.join(" ", command)).isZero();
    return result;
  }

  static byte[] ours(byte[] data, CompressionType type, CompressionLevel level) throws IOException {
    return CodecsTest.compress(data, type, level);
  }

  @ParameterizedTest
  @EnumSource(CompressionLevel.class)
  void gzipReadsOurGzip(CompressionLevel level) throws Exception {
    byte[] packed = ours(CodecsTest.LARGE, CompressionType.GZIP, level);
    assertThat(run(packed, "gzip", "-dc")).isEqualTo(CodecsTest.LARGE);
  }

  @ParameterizedTest
  @EnumSource(CompressionLevel.class)
  void bzip2ReadsOurBzip2(CompressionLevel level) throws Exception {
    byte[] packed = ours(CodecsTest.LARGE, CompressionType.BZIP2, level);
    assertThat(run(packed, "bzip2", "-dc")).isEqualTo(CodecsTest.LARGE);
  }

  @ParameterizedTest
  @EnumSource(CompressionLevel.class)
  void pythonZlibReadsOurRawDeflate(CompressionLevel level) throws Exception {
    byte[] packed = ours(CodecsTest.LARGE, CompressionType.DEFLATE, level);
    String script =
        "import sys, zlib; sys.stdout.buffer.write(zlib.decompress(sys.stdin.buffer.read(), -15))";
    assertThat(run(packed, "python3", "-c", script)).isEqualTo(CodecsTest.LARGE);
  }

  @ParameterizedTest
  @EnumSource(CompressionLevel.class)
  void unzipReadsOurArchive(CompressionLevel level) throws Exception {
    Path archive = dir.resolve("out.zip");
    try (ZipArchiveWriter zip = new ZipArchiveWriter(Files.newOutputStream(archive), level)) {
      try (OutputStream e = zip.nextEntry("large.csv")) {
        e.write(CodecsTest.LARGE);
      }
      try (OutputStream e = zip.nextEntry("sub/tiny.csv")) {
        e.write(CodecsTest.TINY);
      }
    }
    String path = archive.toString();
    assertThat(run(new byte[0], "unzip", "-p", path, "large.csv")).isEqualTo(CodecsTest.LARGE);
    assertThat(run(new byte[0], "unzip", "-p", path, "sub/tiny.csv")).isEqualTo(CodecsTest.TINY);
    assertThat(new String(run(new byte[0], "unzip", "-tq", path))).startsWith("No errors");
  }

  @Test
  void weReadGzipOutputIncludingConcatenatedMembers() throws Exception {
    ByteArrayOutputStream cat = new ByteArrayOutputStream();
    cat.write(run(CodecsTest.LARGE, "gzip", "-c", "-9"));
    cat.write(run(CodecsTest.TINY, "gzip", "-c", "-1"));
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    expected.write(CodecsTest.LARGE);
    expected.write(CodecsTest.TINY);
    try (InputStream in =
        Codecs.decompress(new ByteArrayInputStream(cat.toByteArray()), CompressionType.GZIP)) {
      assertThat(in.readAllBytes()).isEqualTo(expected.toByteArray());
    }
  }

  @Test
  void weReadGzipHeadersWithFileNames() throws Exception {
    Path file = dir.resolve("named.csv");
    Files.write(file, CodecsTest.TINY);
    byte[] packed = run(new byte[0], "gzip", "-c", "--name", file.toString());
    assertThat(packed[3] & 0x08).as("FNAME flag").isNotZero();
    assertThat(CodecsTest.decompress(packed, CompressionType.GZIP)).isEqualTo(CodecsTest.TINY);
  }

  @Test
  void weReadBzip2Output() throws Exception {
    byte[] packed = run(CodecsTest.LARGE, "bzip2", "-c");
    assertThat(CodecsTest.decompress(packed, CompressionType.BZIP2)).isEqualTo(CodecsTest.LARGE);
  }

  @Test
  void weReadZipArchives() throws Exception {
    Files.createDirectories(dir.resolve("in/sub"));
    Files.write(dir.resolve("in/large.csv"), CodecsTest.LARGE);
    Files.write(dir.resolve("in/sub/tiny.csv"), CodecsTest.TINY);
    Path archive = dir.resolve("tool.zip");
    Process p =
        new ProcessBuilder("zip", "-q", "-r", archive.toString(), ".")
            .directory(dir.resolve("in").toFile())
            .inheritIO()
            .start();
    assertThat(p.waitFor()).isZero();
    Map<String, byte[]> entries = ZipArchiveTest.readAll(Files.readAllBytes(archive));
    List<String> names = new ArrayList<>(entries.keySet());
    assertThat(names).containsExactlyInAnyOrder("large.csv", "sub/tiny.csv");
    assertThat(entries.get("large.csv")).isEqualTo(CodecsTest.LARGE);
    assertThat(entries.get("sub/tiny.csv")).isEqualTo(CodecsTest.TINY);
  }

  @Test
  void weReadStreamedZipArchivesWithDataDescriptors() throws Exception {
    // zip reading stdin writes an entry named "-" with a data descriptor
    byte[] archive = run(CodecsTest.LARGE, "zip", "-q", "-", "-");
    Map<String, byte[]> entries = ZipArchiveTest.readAll(archive);
    assertThat(entries).containsOnlyKeys("-");
    assertThat(entries.get("-")).isEqualTo(CodecsTest.LARGE);
  }
}
