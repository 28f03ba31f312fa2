package io.adfbeam.formats.columnar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.adfbeam.formats.AdfType;
import io.adfbeam.formats.rows.BadRowException;
import io.adfbeam.formats.rows.Field;
import io.adfbeam.formats.rows.RowReader;
import io.adfbeam.formats.rows.RowSchema;
import io.adfbeam.formats.rows.RowWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RoundTripTest {
  @TempDir Path dir;

  private Path write(ColumnarFormat format, List<Object[]> rows, long unitBytes)
      throws IOException {
    Path file = dir.resolve("data" + format.extension());
    OutputStream out = Files.newOutputStream(file);
    TestRows.writeAll(format.writer(out, TestRows.SCHEMA, file.toString(), unitBytes), rows);
    return file;
  }

  @ParameterizedTest
  @EnumSource(ColumnarFormat.class)
  void emptyFileKeepsTheSchema(ColumnarFormat format) throws Exception {
    Path file = write(format, List.of(), 1 << 20);
    RowReader r = format.reader(SeekableInput.of(file));
    assertThat(r.schema()).isEqualTo(TestRows.SCHEMA);
    assertThat(TestRows.readAll(r)).isEmpty();
    assertThat(format.splits(SeekableInput.of(file))).allSatisfy(s -> assertThat(s.rows()).isZero());
  }

  @ParameterizedTest
  @EnumSource(ColumnarFormat.class)
  void tinyFileRoundTripsEveryTypeAndNull(ColumnarFormat format) throws Exception {
    List<Object[]> rows = TestRows.rows(4, 7);
    Path file = write(format, rows, 1 << 20);
    RowReader r = format.reader(SeekableInput.of(file));
    assertThat(r.schema()).isEqualTo(TestRows.SCHEMA);
    TestRows.assertSameRows(TestRows.readAll(r), rows);
  }

  /** A few hundred thousand rows in several units, read whole and split by split. */
  @ParameterizedTest
  @EnumSource(ColumnarFormat.class)
  void largeFileRoundTripsAndSplitsCoverIt(ColumnarFormat format) throws Exception {
    List<Object[]> rows = TestRows.rows(300_000, 11);
    Path file = write(format, rows, 4 << 20);
    TestRows.assertSameRows(TestRows.readAll(format.reader(SeekableInput.of(file))), rows);

    // through the channel adapter, as Beam's file systems hand it over
    SeekableInput channel = SeekableInput.of("channel:" + file, -1,
        () -> Files.newByteChannel(file, StandardOpenOption.READ));
    List<Split> splits = format.splits(channel);
    assertThat(splits).hasSizeGreaterThan(2);
    assertThat(splits.get(0).offset()).isZero();
    assertThat(splits.get(splits.size() - 1).end()).isEqualTo(Files.size(file));
    assertThat(splits.stream().mapToLong(Split::rows).sum()).isEqualTo(rows.size());
    List<Object[]> union = new ArrayList<>();
    for (Split s : splits) {
      List<Object[]> part = TestRows.readAll(format.reader(channel, s));
      assertThat(part).as("rows of %s", s).hasSize((int) s.rows());
      union.addAll(part);
    }
    TestRows.assertSameRows(union, rows);

    // arbitrary byte ranges that partition the file read every row once too
    List<Object[]> coarse = new ArrayList<>();
    long length = Files.size(file);
    long step = length / 3 + 1;
    for (long off = 0; off < length; off += step) {
      coarse.addAll(TestRows.readAll(
          format.reader(channel, new Split(off, Math.min(step, length - off), -1))));
    }
    TestRows.assertSameRows(coarse, rows);
  }

  @ParameterizedTest
  @EnumSource(ColumnarFormat.class)
  void valuesThatDoNotFitAreSkippableBadRows(ColumnarFormat format) throws Exception {
    RowSchema schema = RowSchema.of(Field.of("d", AdfType.DECIMAL),
        Field.of("t", AdfType.TIMESPAN), Field.of("w", AdfType.DATETIME));
    Path file = dir.resolve("bad" + format.extension());
    try (RowWriter w = format.writer(Files.newOutputStream(file), schema, "bad")) {
      w.write(new Object[] {new BigDecimal("1.5"), Duration.ofNanos(200), null});
      assertThatThrownBy(() -> w.write(new Object[] {new BigDecimal("1E-19"), null, null}))
          .isInstanceOf(BadRowException.class)
          .hasMessage("bad:row 2: column 'd': Decimal 0.0000000000000000001 has more than 18"
              + " fraction digits (columns are DECIMAL(38,18))");
      assertThatThrownBy(() -> w.write(new Object[] {new BigDecimal("1E+20"), null, null}))
          .hasMessageContaining("more than 20 integer digits");
      assertThatThrownBy(() -> w.write(new Object[] {null, Duration.ofNanos(1), null}))
          .hasMessage("bad:row 2: column 't': Timespan PT0.000000001S is not a whole number of"
              + " 100 ns ticks");
      assertThatThrownBy(() -> w.write(new Object[] {null, null, LocalDateTime.of(0, 12, 31, 0, 0)}))
          .hasMessageContaining("outside 0001-01-01 to 9999-12-31");
      assertThatThrownBy(() -> w.write(new Object[] {1, null, null}))
          .hasMessage("bad:row 2: column 'd': Decimal expects BigDecimal, got Integer");
      w.write(new Object[] {null, null, LocalDateTime.of(2020, 1, 1, 0, 0)});
    }
    List<Object[]> back = TestRows.readAll(format.reader(SeekableInput.of(file)));
    // Decimals come back at the column's scale, 18 (equal by compareTo, not by equals)
    assertThat(back).hasSize(2);
    assertThat((BigDecimal) back.get(0)[0]).isEqualTo(new BigDecimal("1.500000000000000000"));
    assertThat(back.get(0)[1]).isEqualTo(Duration.ofNanos(200));
    assertThat(back.get(1)[2]).isEqualTo(LocalDateTime.of(2020, 1, 1, 0, 0));
  }
}
