package io.adfbeam.transforms.copy;

import static org.assertj.core.api.Assertions.assertThat;

import io.adfbeam.formats.columnar.Split;
import io.adfbeam.formats.text.TextFormatOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Text parts cover a file exactly once, cut only where a row starts (never inside a CRLF), the
 * first part holding the prelude, whatever the row delimiter and the number of parts; parts whose
 * range holds no row start are empty.
 */
class TextPartsTest {
  private static final List<String> TEXTS = List.of(
      "",
      "x",
      "\n\n\n",
      "a\r\nb\r\n\r\nccc\rdd\ne",
      "skip me\r\n\r\nheader\r\n1\r\n2\r\n3\r\n",
      "one very long line without any end at all, longer than every range",
      "h\n" + "r".repeat(200) + "\n1\n2\n");

  @TempDir Path dir;

  @Test
  void partsCoverTheFileOnceAndStartRows() throws IOException {
    for (Character delimiter : Arrays.asList(null, '\n', '\r')) {
      for (int skip : new int[] {0, 1}) {
        TextFormatOptions options = TextFormatOptions.defaults().withRowDelimiter(delimiter)
            .withSkipLineCount(skip);
        for (String text : TEXTS) {
          for (int count = 1; count <= 9; count++) {
            check(text, options, count);
          }
        }
      }
    }
  }

  private void check(String text, TextFormatOptions options, int count) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    Path file = dir.resolve("t.csv");
    Files.write(file, bytes);
    String what = "'" + text.replace("\r", "\\r").replace("\n", "\\n") + "' delimiter "
        + options.rowDelimiter() + ", skip " + options.skipLineCount() + ", " + count + " parts";
    long expectedStart = 0;
    byte[] joined = new byte[0];
    for (int i = 0; i < count; i++) {
      long from = bytes.length * (long) i / count;
      Split nominal = new Split(from, bytes.length * (long) (i + 1) / count - from, -1);
      TextParts.Range r;
      byte[] own;
      try (SeekableByteChannel ch = Files.newByteChannel(file)) {
        r = TextParts.range(ch, bytes.length, options, new FileSplits.Part(i, count, nominal));
      }
      try (InputStream in = r.open(Files.newByteChannel(file))) {
        own = in.readAllBytes();
      }
      assertThat(r.start()).as(what + ": start of part " + i).isEqualTo(expectedStart);
      assertThat(r.end()).as(what).isGreaterThanOrEqualTo(r.start());
      assertThat(own).as(what).isEqualTo(Arrays.copyOfRange(bytes, (int) r.start(), (int) r.end()));
      assertThat(r.prelude()).as(what).isEqualTo(Arrays.copyOf(bytes, r.prelude().length));
      if (i > 0 && r.start() < bytes.length) {
        assertThat(r.start()).as(what + ": after the prelude").isGreaterThanOrEqualTo(r.prelude().length);
        byte before = bytes[(int) r.start() - 1];
        assertThat(ends(before, options)).as(what + ": part " + i + " starts a row").isTrue();
        assertThat(before == '\r' && bytes[(int) r.start()] == '\n' && options.rowDelimiter().isEmpty())
            .as(what + ": part " + i + " starts inside a CRLF").isFalse();
      }
      expectedStart = r.end();
      byte[] more = Arrays.copyOf(joined, joined.length + own.length);
      System.arraycopy(own, 0, more, joined.length, own.length);
      joined = more;
    }
    assertThat(expectedStart).as(what).isEqualTo(bytes.length);
    assertThat(joined).as(what).isEqualTo(bytes);
  }

  private static boolean ends(byte b, TextFormatOptions options) {
    return options.rowDelimiter().map(c -> b == c).orElse(b == '\r' || b == '\n');
  }
}
