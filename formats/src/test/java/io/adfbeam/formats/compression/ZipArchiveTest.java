package io.adfbeam.formats.compression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.adfbeam.formats.CompressionLevel;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ZipArchiveTest {

  static Map<String, byte[]> readAll(byte[] archive) throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    try (ZipArchiveReader zip = new ZipArchiveReader(new ByteArrayInputStream(archive))) {
      for (ZipArchiveReader.Entry e = zip.next(); e != null; e = zip.next()) {
        entries.put(e.name(), e.content().readAllBytes());
      }
    }
    return entries;
  }

  @ParameterizedTest
  @EnumSource(CompressionLevel.class)
  void roundTripsEntriesOfEverySize(CompressionLevel level) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipArchiveWriter zip = new ZipArchiveWriter(bytes, level)) {
      zip.nextEntry("empty.csv").close();
      try (OutputStream e = zip.nextEntry("tiny.csv")) {
        e.write(CodecsTest.TINY);
      }
      OutputStream large = zip.nextEntry("sub/dir/large.csv");
      large.write(CodecsTest.LARGE);
      // left open: the next entry (or close) ends it
      zip.nextEntry("ünïcode näme.csv").write('x');
    }
    Map<String, byte[]> entries = readAll(bytes.toByteArray());
    assertThat(entries.keySet())
        .containsExactly("empty.csv", "tiny.csv", "sub/dir/large.csv", "ünïcode näme.csv");
    assertThat(entries.get("empty.csv")).isEmpty();
    assertThat(entries.get("tiny.csv")).isEqualTo(CodecsTest.TINY);
    assertThat(entries.get("sub/dir/large.csv")).isEqualTo(CodecsTest.LARGE);
    assertThat(entries.get("ünïcode näme.csv")).isEqualTo(new byte[] {'x'});
  }

  @Test
  void emptyArchiveHasNoEntries() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    new ZipArchiveWriter(bytes, null).close();
    assertThat(readAll(bytes.toByteArray())).isEmpty();
  }

  @Test
  void readerSkipsDirectoriesAndNormalizesNames() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.putNextEntry(new ZipEntry("folder/"));
      zip.closeEntry();
      zip.putNextEntry(new ZipEntry("folder\\windows.txt"));
      zip.write("w".getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
      ZipEntry stored = new ZipEntry("./stored.txt");
      stored.setMethod(ZipEntry.STORED);
      stored.setSize(1);
      stored.setCrc(0xe8b7be43L); // CRC-32 of "a"
      zip.putNextEntry(stored);
      zip.write('a');
      zip.closeEntry();
    }
    Map<String, byte[]> entries = readAll(bytes.toByteArray());
    assertThat(entries.keySet()).containsExactly("folder/windows.txt", "stored.txt");
  }

  @Test
  void readerRefusesNamesThatEscape() throws IOException {
    for (String name : new String[] {"../evil.txt", "/etc/passwd", "a/../../b", "C:/x.txt"}) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
        zip.putNextEntry(new ZipEntry(name));
        zip.closeEntry();
      }
      assertThatThrownBy(() -> readAll(bytes.toByteArray()))
          .isInstanceOf(IOException.class)
          .hasMessage("unsafe zip entry name '" + name + "'");
    }
  }

  @Test
  void previousEntryStreamStopsAtNext() throws IOException {
    byte[] archive = CodecsTest.zip(CompressionLevel.FASTEST, "a", CodecsTest.TINY);
    try (ZipArchiveReader zip = new ZipArchiveReader(new ByteArrayInputStream(archive))) {
      ZipArchiveReader.Entry e = zip.next();
      assertThat(zip.next()).isNull();
      assertThatThrownBy(() -> e.content().read())
          .isInstanceOf(IOException.class)
          .hasMessage("zip entry 'a' was left for the next entry");
    }
  }

  @Test
  void writerRefusesBadNames() throws IOException {
    try (ZipArchiveWriter zip = new ZipArchiveWriter(new ByteArrayOutputStream(), null)) {
      zip.nextEntry("a.csv");
      assertThatThrownBy(() -> zip.nextEntry("a.csv"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("duplicate zip entry name 'a.csv'");
      assertThatThrownBy(() -> zip.nextEntry("../a.csv"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("unsafe zip entry name '../a.csv'");
    }
  }

  @Test
  void entryNameDropsTheZipExtension() {
    assertThat(ZipArchiveWriter.entryNameFor("out/Data.1234.txt.zip")).isEqualTo("Data.1234.txt");
    assertThat(ZipArchiveWriter.entryNameFor("REPORT.ZIP")).isEqualTo("REPORT");
    assertThat(ZipArchiveWriter.entryNameFor("plain.csv")).isEqualTo("plain.csv");
    assertThat(ZipArchiveWriter.entryNameFor(".zip")).isEqualTo(".zip");
  }

  @Test
  void writesEntriesLargerThanItsBuffers() throws IOException {
    byte[] chunk = Arrays.copyOf(CodecsTest.LARGE, 1 << 20);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipArchiveWriter zip = new ZipArchiveWriter(bytes, CompressionLevel.FASTEST);
        OutputStream e = zip.nextEntry("big")) {
      for (int i = 0; i < 8; i++) {
        e.write(chunk);
      }
    }
    assertThat(readAll(bytes.toByteArray()).get("big")).hasSize(8 << 20);
  }
}
