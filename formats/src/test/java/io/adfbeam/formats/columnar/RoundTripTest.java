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
    List<Split> splits = format.splits(SeekableInput.of(file));
    assertThat(splits).containsExactly(new Split(0, Files.size(file), 0));
    assertThat(TestRows.readAll(format.reader(SeekableInput.of(file), splits.get(0)))).isEmpty();
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

  /** Shared by the three formats: 200,000 rows of every type, generated once. */
  private static List<Object[]> large;

  private static synchronized List<Object[]> large() {
    if (large == null) {
      large = TestRows.rows(200_000, 11);
    }
    return large;
  }

  /** A large file in several units, read whole and split by split (through a channel). */
  @ParameterizedTest
  @EnumSource(ColumnarFormat.class)
  void largeFileRoundTripsAndItsSplitsCoverIt(ColumnarFormat format) throws Exception {
    List<Object[]> rows = large();
    Path file = write(format, rows, 3 << 20);
    TestRows.assertSameRows(TestRows.readAll(format.reader(SeekableInput.of(file))), rows);

    // through the channel adapter, as Beam's file systems hand a file over
    SeekableInput channel = SeekableInput.of("channel:" + file, -1,
        () -> Files.newByteChannel(file, StandardOpenOption.READ));
    List<Split> splits = format.splits(channel);
    assertThat(splits).hasSizeGreaterThan(2);
    assertThat(splits.get(0).offset()).isZero();
    assertThat(splits.get(splits.size() - 1).end()).isEqualTo(Files.size(file));
    for (int i = 1; i < splits.size(); i++) {
      assertThat(splits.get(i).offset()).isEqualTo(splits.get(i - 1).end());
    }
    assertThat(splits.stream().mapToLong(Split::rows).sum()).isEqualTo(rows.size());
    List<Object[]> union = new ArrayList<>();
    for (Split s : splits) {
      List<Object[]> part = TestRows.readAll(format.reader(channel, s));
      assertThat(part).as("rows of %s", s).hasSize((int) s.rows());
      union.addAll(part);
    }
    TestRows.assertSameRows(union, rows);
  }

  /** Any partition of the file into byte ranges reads every row once, in order. */
  @ParameterizedTest
  @EnumSource(ColumnarFormat.class)
  void arbitraryRangesPartitionTheRows(ColumnarFormat format) throws Exception {
    List<Object[]> rows = TestRows.rows(20_000, 5);
    Path file = write(format, rows, 128 << 10);
    SeekableInput in = SeekableInput.of(file);
    assertThat(format.splits(in)).hasSizeGreaterThan(3);
    long length = Files.size(file);
    for (int pieces : new int[] {2, 7}) {
      List<Object[]> union = new ArrayList<>();
      long step = length / pieces + 1;
      for (long off = 0; off < length; off += step) {
        union.addAll(TestRows.readAll(
            format.reader(in, new Split(off, Math.min(step, length - off), -1))));
      }
      TestRows.assertSameRows(union, rows);
    }
    List<Split> coalesced = Split.coalesce(format.splits(in), length / 2);
    assertThat(coalesced).hasSizeBetween(2, 3);
    List<Object[]> union = new ArrayList<>();
    for (Split s : coalesced) {
      union.addAll(TestRows.readAll(format.reader(in, s)));
    }
    TestRows.assertSameRows(union, rows);
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
