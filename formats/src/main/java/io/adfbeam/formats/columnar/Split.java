package io.adfbeam.formats.columnar;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * A byte range of a columnar file that a reader reads on its own, so that one large file spreads
 * over several workers.
 *
 * <p>A split owns the storage units (Parquet row groups, ORC stripes, Avro blocks) that
 * <em>start</em> inside {@code [offset, offset + length)}. So any partition of {@code [0, file
 * length)} into ranges, not only the ones {@code splits(...)} returns, reads every row exactly
 * once; a range in which no unit starts reads no rows.
 *
 * @param offset the first byte of the range
 * @param length the number of bytes in the range
 * @param rows the number of rows in the units the range owns, or -1 when unknown
 */
public record Split(long offset, long length, long rows) implements Serializable {

  public Split {
    if (offset < 0 || length < 0) {
      throw new IllegalArgumentException("bad split: offset " + offset + ", length " + length);
    }
  }

  /** The byte after the range. */
  public long end() {
    return offset + length;
  }

  /** Whether a unit starting at {@code position} belongs to this split. */
  public boolean owns(long position) {
    return position >= offset && position < end();
  }

  /**
   * Joins neighbouring splits until each holds about {@code targetBytes} (a split is never cut,
   * so one larger than the target stays as it is).
   */
  public static List<Split> coalesce(List<Split> splits, long targetBytes) {
    List<Split> out = new ArrayList<>();
    Split cur = null;
    for (Split s : splits) {
      if (cur == null) {
        cur = s;
      } else if (cur.length() + s.length() <= targetBytes && cur.end() == s.offset()) {
        long rows = cur.rows() < 0 || s.rows() < 0 ? -1 : cur.rows() + s.rows();
        cur = new Split(cur.offset(), cur.length() + s.length(), rows);
      } else {
        out.add(cur);
        cur = s;
      }
    }
    if (cur != null) {
      out.add(cur);
    }
    return out;
  }

  /**
   * Splits for units starting at {@code starts} (ascending) in a file of {@code length} bytes; a
   * file without units (no rows) gets one split of 0 rows, so every file has a split.
   */
  static List<Split> fromStarts(long[] starts, long[] rows, long length) {
    if (starts.length == 0) {
      return List.of(new Split(0, length, 0));
    }
    List<Split> out = new ArrayList<>(starts.length);
    for (int i = 0; i < starts.length; i++) {
      long from = i == 0 ? 0 : starts[i];
      long to = i + 1 < starts.length ? starts[i + 1] : length;
      out.add(new Split(from, to - from, rows[i]));
    }
    return out;
  }
}
