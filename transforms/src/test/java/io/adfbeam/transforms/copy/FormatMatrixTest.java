package io.adfbeam.transforms.copy;

import static io.adfbeam.transforms.AllTypes.SCHEMA;
import static io.adfbeam.transforms.copy.CopyHarness.folder;
import static io.adfbeam.transforms.copy.CopyHarness.task;
import static org.assertj.core.api.Assertions.assertThat;

import io.adfbeam.formats.columnar.ColumnarFormat;
import io.adfbeam.formats.columnar.SeekableInput;
import io.adfbeam.formats.json.JsonFormatOptions;
import io.adfbeam.formats.json.JsonRowReader;
import io.adfbeam.formats.json.JsonRowWriter;
import io.adfbeam.formats.rows.Field;
import io.adfbeam.formats.rows.RowReader;
import io.adfbeam.formats.rows.RowWriter;
import io.adfbeam.formats.text.TextFormatOptions;
import io.adfbeam.formats.text.TypedTextReader;
import io.adfbeam.formats.text.TypedTextWriter;
import io.adfbeam.transforms.AllTypes;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every format to every format (Text, Json, Avro, Orc, Parquet: 25 pairs) over one dataset that
 * holds every ADF type with its edge values and a row of nulls. Each source file is written with
 * the formats' own writers, all 25 copies run as the runs of one Beam job, and each sink file is
 * read back with its format's reader and compared value by value.
 *
 * <p>Values compare with {@code equals} ({@code Arrays.equals} for Byte[]) and must be of the same
 * class, so {@code -0.0} is not {@code 0.0}, a Datetime keeps its 100 ns ticks and a
 * Datetimeoffset its offset. Decimal is the one exception, compared by {@code compareTo}: Avro,
 * ORC and Parquet store Decimal columns as DECIMAL(38, 18) (see the {@code columnar} package
 * documentation), so {@code 12345.6789} written to one of them reads back as {@code
 * 12345.678900000000000000}: the same number at another scale, which {@code BigDecimal.equals}
 * tells apart. Text and JSON keep the scale they are given, so between those two Decimal must be
 * equal by {@code equals} as well; nothing is rounded anywhere.
 *
 * <p>The data is {@link AllTypes}.
 */
class FormatMatrixTest {
  private static final TextFormatOptions CSV =
      TextFormatOptions.defaults().withQuoteChar('"').withFirstRowAsHeader(true);
  private static final JsonFormatOptions JSON_LINES = JsonFormatOptions.defaults();

  /** The five formats, as a copy names them, with their file extensions. */
  enum Format {
    TEXT(new DataFormat.Text(CSV), ".csv"),
    JSON(new DataFormat.Json(JSON_LINES), ".json"),
    AVRO(new DataFormat.Avro(), ".avro"),
    ORC(new DataFormat.Orc(), ".orc"),
    PARQUET(new DataFormat.Parquet(), ".parquet");

    final DataFormat format;
    final String extension;

    Format(DataFormat format, String extension) {
      this.format = format;
      this.extension = extension;
    }

    String fileName() {
      return "data" + extension;
    }
  }

  @TempDir Path root;

  @Test
  void everyFormatCopiesEveryTypeToEveryFormatExactly() throws IOException {
    List<Object[]> rows = AllTypes.rows();
    for (Format from : Format.values()) {
      Path file = root.resolve("src").resolve(from.name()).resolve(from.fileName());
      Files.createDirectories(file.getParent());
      try (RowWriter w = writer(from, Files.newOutputStream(file), from.fileName())) {
        for (Object[] row : rows) {
          w.write(row);
        }
      }
      assertThat(read(from, file)).as("source " + from).hasSize(rows.size());
    }
    List<CopyTask> tasks = new ArrayList<>();
    for (Format from : Format.values()) {
      for (Format to : Format.values()) {
        tasks.add(task(pair(from, to),
            FileSource.of(from.name(), folder(root.resolve("src").resolve(from.name())))
                .withFileName(from.fileName()).withFormat(from.format).withStructure(SCHEMA),
            FileSink.of(to.name(), folder(root.resolve("dst").resolve(pair(from, to))))
                .withFileName(to.fileName()).withFormat(to.format).withStructure(SCHEMA)));
      }
    }

    CopyHarness.Job job = CopyHarness.run(tasks.toArray(CopyTask[]::new));

    List<String> problems = new ArrayList<>();
    for (Format from : Format.values()) {
      for (Format to : Format.values()) {
        String pair = pair(from, to);
        RunOutcome outcome = job.outcome(pair);
        if (!outcome.succeeded()) {
          problems.add(pair + ": failed: " + outcome.errors());
          continue;
        }
        Path out = root.resolve("dst").resolve(pair).resolve(to.fileName());
        boolean scaleKept = !from.format.columnar() && !to.format.columnar();
        compare(pair, read(to, out), rows, scaleKept, problems);
        assertThat(job.counter(pair, CopyMetrics.ROWS_COPIED)).as(pair).isEqualTo(rows.size());
      }
    }
    assertThat(problems).as("mismatches over the 25 pairs").isEmpty();
  }

  private static String pair(Format from, Format to) {
    return from + "-to-" + to;
  }

  /**
   * Compares rows value by value; with {@code scaleKept} (no columnar file on the way) Decimal
   * values must be equal by {@code equals} too.
   */
  private static void compare(String pair, List<Object[]> actual, List<Object[]> expected,
      boolean scaleKept, List<String> problems) {
    if (actual.size() != expected.size()) {
      problems.add(pair + ": " + actual.size() + " rows, expected " + expected.size());
      return;
    }
    for (int r = 0; r < expected.size(); r++) {
      for (int c = 0; c < SCHEMA.size(); c++) {
        Object e = expected.get(r)[c];
        Object a = actual.get(r)[c];
        if (!same(e, a) || (scaleKept && !Objects.deepEquals(e, a))) {
          problems.add(pair + ": row " + (r + 1) + " column '" + SCHEMA.field(c).name()
              + "': expected " + show(e) + ", got " + show(a));
        }
      }
    }
  }

  /** Equal and of the same class; Decimal by value (the columnar scale is 18, see above). */
  static boolean same(Object expected, Object actual) {
    if (expected == null || actual == null) {
      return expected == actual;
    }
    if (expected.getClass() != actual.getClass()) {
      return false;
    }
    if (expected instanceof BigDecimal e) {
      return e.compareTo((BigDecimal) actual) == 0;
    }
    return Objects.deepEquals(expected, actual);
  }

  private static String show(Object v) {
    if (v == null) {
      return "null";
    }
    String s = v instanceof byte[] b ? Arrays.toString(b) : String.valueOf(v);
    return "'" + s.replace("\r", "\\r").replace("\n", "\\n") + "' (" + v.getClass().getSimpleName()
        + ")";
  }

  private static RowWriter writer(Format format, OutputStream out, String name)
      throws IOException {
    return switch (format) {
      case TEXT -> new TypedTextWriter(out, CSV, SCHEMA);
      case JSON -> new JsonRowWriter(out, JSON_LINES, SCHEMA);
      case AVRO -> ColumnarFormat.AVRO.writer(out, SCHEMA, name);
      case ORC -> ColumnarFormat.ORC.writer(out, SCHEMA, name);
      case PARQUET -> ColumnarFormat.PARQUET.writer(out, SCHEMA, name);
    };
  }

  static List<Object[]> read(Format format, Path file) throws IOException {
    RowReader reader = switch (format) {
      case TEXT -> new TypedTextReader(stream(file), CSV, SCHEMA, file.toString());
      case JSON -> new JsonRowReader(stream(file), JSON_LINES, SCHEMA, file.toString());
      case AVRO -> ColumnarFormat.AVRO.reader(SeekableInput.of(file));
      case ORC -> ColumnarFormat.ORC.reader(SeekableInput.of(file));
      case PARQUET -> ColumnarFormat.PARQUET.reader(SeekableInput.of(file));
    };
    List<Object[]> rows = new ArrayList<>();
    try (reader) {
      if (!format.format.columnar()) {
        assertThat(reader.schema()).isEqualTo(SCHEMA);
      } else {
        assertThat(reader.schema().names()).isEqualTo(SCHEMA.names());
        assertThat(reader.schema().fields().stream().map(Field::type).toList())
            .isEqualTo(SCHEMA.fields().stream().map(Field::type).toList());
      }
      for (Object[] row = reader.next(); row != null; row = reader.next()) {
        rows.add(row);
      }
    }
    return rows;
  }

  private static InputStream stream(Path file) throws IOException {
    return Files.newInputStream(file);
  }
}
