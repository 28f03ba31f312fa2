package io.adfbeam.transforms.copy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LineCounterTest {
  @Test
  void countsNonEmptyLinesWithEveryLineEnd() throws IOException {
    assertThat(rows("a\nb\r\nc\rd", false, 3)).isEqualTo(4);
    assertThat(rows("\n\r\n\nonly\n\n", false, 1)).isEqualTo(1);
    assertThat(rows("header\nrow\n", true, 64)).isEqualTo(1);
    assertThat(rows("", true, 8)).isZero();
    assertThat(rows("0123456789abcdef0123456789abcdef", false, 100)).isEqualTo(1);
  }

  @Test
  void wordAtATimeCountAgreesWithByteByByteOnRandomText() throws IOException {
    Random random = new Random(42);
    byte[] alphabet = "ab,\n\r\"x".getBytes(StandardCharsets.US_ASCII);
    for (int round = 0; round < 200; round++) {
      byte[] text = new byte[random.nextInt(600)];
      for (int i = 0; i < text.length; i++) {
        // mostly long lines, like real rows, sometimes runs of line ends
        text[i] = random.nextInt(20) == 0 ? alphabet[3 + random.nextInt(2)]
            : alphabet[random.nextInt(alphabet.length)];
      }
      long expected = naiveRows(text);
      int chunk = 1 + random.nextInt(40);
      LineCounter counter = new LineCounter(new ByteArrayInputStream(text));
      byte[] buf = new byte[64];
      int off = random.nextInt(8); // unaligned offsets in the caller's buffer
      while (counter.read(buf, off, Math.min(chunk, buf.length - off)) > 0) {
        // the bytes pass through; only the count matters here
      }
      assertThat(counter.rows(false)).as("round %d", round).isEqualTo(expected);
    }
  }

  @Test
  void bytesPassThroughUnchanged() throws IOException {
    byte[] text = "x,y\r\nz\n".repeat(100).getBytes(StandardCharsets.US_ASCII);
    LineCounter counter = new LineCounter(new ByteArrayInputStream(text));
    assertThat(counter.readAllBytes()).isEqualTo(text);
    assertThat(counter.rows(false)).isEqualTo(200);
  }

  private static long rows(String text, boolean header, int chunk) throws IOException {
    InputStream counter = new LineCounter(
        new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII)));
    byte[] buf = new byte[chunk];
    while (counter.read(buf, 0, chunk) > 0) {
      // drain
    }
    return ((LineCounter) counter).rows(header);
  }

  private static long naiveRows(byte[] text) {
    long rows = 0;
    boolean inLine = false;
    for (byte b : text) {
      if (b == '\n' || b == '\r') {
        rows += inLine ? 1 : 0;
        inLine = false;
      } else {
        inLine = true;
      }
    }
    return rows + (inLine ? 1 : 0);
  }
}
