package io.adfbeam.translator.time;

import java.time.LocalDateTime;

/**
 * The values of the ADF v1 system variables for one activity run, all UTC. A component may be
 * null where it is unknown (for example a dataset, which has no activity window); evaluating an
 * expression that reads it is then an error.
 *
 * @param sliceStart {@code SliceStart}, the start of the data slice being produced
 * @param sliceEnd {@code SliceEnd}, the end of that slice
 * @param windowStart {@code WindowStart}, the start of the activity run window
 * @param windowEnd {@code WindowEnd}, the end of the activity run window
 */
public record SliceVariables(
    LocalDateTime sliceStart,
    LocalDateTime sliceEnd,
    LocalDateTime windowStart,
    LocalDateTime windowEnd) {

  /**
   * Variables for a run whose window is its slice, which is what ADF v1 requires today (the
   * activity schedule must match the output dataset's availability).
   *
   * @param start slice and window start
   * @param end slice and window end
   * @return the variables
   */
  public static SliceVariables ofSlice(LocalDateTime start, LocalDateTime end) {
    return new SliceVariables(start, end, start, end);
  }
}
