package io.adfbeam.examples.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Measures a timed step: wall clock, and the CPU time of the child processes waited for meanwhile
 * (Linux: the cutime and cstime fields of /proc/self/stat, which grow when a child is reaped).
 * CPU time tells how much work a step did even when other jobs share the machine; where /proc is
 * missing it is NaN.
 */
final class ChildCpu {
  private static final double TICKS_PER_SECOND = 100.0; // USER_HZ, 100 on every Linux ABI

  private final long startedNanos;
  private final long startedTicks;

  private ChildCpu(long startedNanos, long startedTicks) {
    this.startedNanos = startedNanos;
    this.startedTicks = startedTicks;
  }

  static ChildCpu start() {
    return new ChildCpu(System.nanoTime(), childTicks());
  }

  Timing stop() {
    double seconds = (System.nanoTime() - startedNanos) / 1e9;
    long ticks = childTicks();
    double cpu = ticks < 0 || startedTicks < 0 ? Double.NaN : (ticks - startedTicks) / TICKS_PER_SECOND;
    return new Timing(seconds, cpu);
  }

  /** User plus system ticks of this process's reaped children; -1 if unknown. */
  private static long childTicks() {
    try {
      String stat = Files.readString(Path.of("/proc/self/stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      // f[0] is field 3 (state); cutime and cstime are fields 16 and 17.
      return Long.parseLong(f[13]) + Long.parseLong(f[14]);
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /** The 1-minute load average, or NaN. */
  static double loadAverage() {
    try {
      return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
    } catch (IOException | RuntimeException e) {
      return Double.NaN;
    }
  }
}
