package io.adfbeam.formats.columnar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.adfbeam.formats.AdfType;
import io.adfbeam.formats.rows.Field;
import io.adfbeam.formats.rows.RowReader;
import io.adfbeam.formats.rows.RowSchema;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Joining parts written from the splits of one file gives one file with every row in order, the
 * schema and ADF types kept, and several units still there for later splits.
 */
class ColumnarJoinTest {
  @TempDir Path dir;

  private Path write(ColumnarFormat format, String name, List<Object[]> rows, long unitBytes)
      throws IOException {
    Path file = dir.resolve(name + format.extension());
    OutputStream out = Files.newOutputStream(file);
    TestRows.writeAll(format.writer(out, TestRows.SCHEMA, file.toString(), unitBytes), rows);
    return file;
  }

  /** A channel-backed input, as Beam's file systems hand files over. */
  private static SeekableInput channel(Path file) {
    return SeekableInput.of("channel:" + file, -1,
        () -> Files.newByteChannel(file, StandardOpenOption.READ));
  }

  @ParameterizedTest
  @EnumSource(ColumnarFormat.class)
  void partsJoinInOrderWithEveryTypeAndAnEmptyPart(ColumnarFormat format) throws Exception {
    List<Object[]> rows = TestRows.rows(30_000, 3);
    Path source = write(format, "source", rows, 64 << 10);
    List<Split> splits = Split.coalesce(format.splits(SeekableInput.of(source)),
        Files.size(source) / 3);
    assertThat(splits).hasSizeGreaterThanOrEqualTo(3);
    // each split rewritten as a part, as a copy's workers do; an empty part in the middle
    List<SeekableInput> parts = new ArrayList<>();
    for (int i = 0; i < splits.size(); i++) {
      List<Object[]> partRows = TestRows.readAll(
          format.reader(SeekableInput.of(source), splits.get(i)));
      parts.add(channel(write(format, "part" + i, partRows, 64 << 10)));
      if (i == 0) {
        parts.add(channel(write(format, "empty", List.of(), 64 << 10)));
      }
    }
    Path joined = dir.resolve("joined" + format.extension());
    format.join(parts, Files.newOutputStream(joined), joined.toString());

    RowReader r = format.reader(SeekableInput.of(joined));
    assertThat(r.schema()).isEqualTo(TestRows.SCHEMA);
    TestRows.assertSameRows(TestRows.readAll(r), rows);
    List<Split> joinedSplits = format.splits(SeekableInput.of(joined));
    assertThat(joinedSplits.size()).isGreaterThanOrEqualTo(splits.size());
    assertThat(joinedSplits.stream().mapToLong(Split::rows).sum()).isEqualTo(rows.size());
  }

  @ParameterizedTest
  @EnumSource(ColumnarFormat.class)
  void partsOfAnotherSchemaAreRefused(ColumnarFormat format) throws Exception {
    Path a = write(format, "a", TestRows.rows(10, 1), 1 << 20);
    Path b = dir.resolve("b" + format.extension());
    RowSchema other = RowSchema.of(Field.of("x", AdfType.INT32));
    TestRows.writeAll(format.writer(Files.newOutputStream(b), other, b.toString()),
        List.<Object[]>of(new Object[] {1}));
    Path joined = dir.resolve("joined" + format.extension());
    assertThatThrownBy(() -> format.join(List.of(SeekableInput.of(a), SeekableInput.of(b)),
        Files.newOutputStream(joined), joined.toString()))
        .isInstanceOf(IOException.class);
  }
}
