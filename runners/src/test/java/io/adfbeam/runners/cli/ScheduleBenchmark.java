package io.adfbeam.runners.cli;

import io.adfbeam.translator.load.FactoryLoader;
import io.adfbeam.translator.model.Factory;
import io.adfbeam.translator.plan.Plan;
import io.adfbeam.translator.plan.PlanRequest;
import io.adfbeam.translator.plan.Planner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scheduling benchmarks behind the README's figures; off unless {@code -Dadfbeam.bench=true}:
 * {@code mvn -B -o -q test -pl runners -am -Dtest=ScheduleBenchmark -Dadfbeam.bench=true
 * -Dsurefire.failIfNoSpecifiedTests=false}. Prints its figures to standard output.
 */
@EnabledIfSystemProperty(named = "adfbeam.bench", matches = "true")
class ScheduleBenchmark {
  private static final DateTimeFormatter SLICE = DateTimeFormatter.ofPattern("yyyyMMddHH");

  @TempDir Path temp;

  /**
   * Plans 25,000, 50,000 and 100,000 hourly slices of one Copy activity, each size three times:
   * the time of each planning, and the heap the plan retains after a collection (with the bytes
   * per run, which stay the same when memory grows linearly).
   */
  @Test
  void planningHourlySlices() throws Exception {
    for (int n : new int[] {25_000, 50_000, 100_000}) {
      Factories f = new Factories(temp.resolve("plan-" + n))
          .dataset("Raw", "raw", "Hour", true, "")
          .dataset("Out", "out", "Hour", false, "");
      LocalDateTime start = LocalDateTime.parse("2010-01-01T00:00:00");
      f.pipeline("P", start + ":00Z", start.plusHours(n) + ":00Z", "",
          Factories.copy("C", "Raw", "Out", "Hour", ""));
      Factory factory = FactoryLoader.load(f.factory);
      Planner.plan(factory, new PlanRequest(Optional.empty(), Optional.empty())); // warm up
      List<Long> millis = new ArrayList<>();
      long retained = 0;
      for (int i = 0; i < 3; i++) {
        long before = usedAfterGc();
        long t0 = System.nanoTime();
        Plan plan = Planner.plan(factory, new PlanRequest(Optional.empty(), Optional.empty()));
        millis.add((System.nanoTime() - t0) / 1_000_000);
        retained = usedAfterGc() - before;
        if (plan.runs().size() != n) {
          throw new AssertionError(plan.runs().size() + " runs planned, not " + n);
        }
      }
      System.out.printf(Locale.ROOT, "BENCH planning %,d hourly slices: %s ms; the plan retains"
          + " %.1f MB (%d bytes per run)%n", n, millis, retained / 1048576.0, retained / n);
    }
  }

  /** The heap in use after a full collection. */
  private static long usedAfterGc() {
    Runtime rt = Runtime.getRuntime();
    System.gc();
    System.gc();
    return rt.totalMemory() - rt.freeMemory();
  }

  /**
   * A backfill of 1,000 hourly slices of a small copy (one 17-byte file per slice), at the default
   * concurrency 1 and at concurrency 10, against one activity run copying the same 1,000 files.
   * Three rounds (or {@code -Dadfbeam.bench.rounds=N}), each in fresh folders, one measurement
   * of each kind per round, each ratio against its own round's one run: on a shared machine the
   * rounds differ more than the kinds within a round.
   */
  @Test
  void backfillOf1000HourlySlicesAgainstOneRunOfTheSameFiles() throws Exception {
    int n = 1000;
    LocalDateTime start = LocalDateTime.parse("2016-01-01T00:00:00");
    // warm-up: one run of the 1,000 files, and a backfill of 100 slices at each concurrency
    Cli.run(oneRun(temp.resolve("warm"), start, n).run("--state", temp.resolve("warm-state").toString()));
    for (String policy : POLICIES) {
      Factories f = backfill(temp.resolve("warm-" + policy.length()), start, 100, policy);
      Cli.run(f.run("--state", temp.resolve("warm-state-" + policy.length()).toString()));
    }
    int rounds = Integer.getInteger("adfbeam.bench.rounds", 3);
    for (int round = 1; round <= rounds; round++) {
      Path dir = temp.resolve("round-" + round);
      Factories one = oneRun(dir.resolve("one"), start, n);
      long oneRun = timed(one, dir.resolve("one-state"), one.in.resolve("flat-out"), n);
      for (String policy : POLICIES) {
        Factories f = backfill(dir.resolve(policy.isEmpty() ? "default" : "ten"), start, n, policy);
        long slices = timed(f, dir.resolve("state-" + policy.length()), f.in.resolve("out"), n);
        System.out.printf(Locale.ROOT, "BENCH round %d backfill (concurrency %s): %d ms;"
            + " one run of the 1,000 files: %d ms; ratio %.2f%n", round,
            policy.isEmpty() ? "1, the default" : "10", slices, oneRun, slices / (double) oneRun);
      }
    }
  }

  /** The default concurrency (1), and 10. */
  private static final String[] POLICIES = {"", "{\"concurrency\": 10}"};

  /** A factory with {@code n} hourly slices of a copy of one small file each, inputs written. */
  private static Factories backfill(Path root, LocalDateTime start, int n, String policy)
      throws Exception {
    Factories f = new Factories(root)
        .dataset("Raw", "raw", "Hour", true, "")
        .dataset("Out", "out", "Hour", false, "");
    f.pipeline("P", start + ":00Z", start.plusHours(n) + ":00Z", "",
        Factories.copy("C", "Raw", "Out", "Hour", policy));
    for (int h = 0; h < n; h++) {
      String slice = SLICE.format(start.plusHours(h));
      Path in = Files.createDirectories(f.in.resolve("raw").resolve(slice));
      Files.writeString(in.resolve("part.csv"), "slice," + slice + "\n");
    }
    return f;
  }

  /** A factory whose one activity run copies {@code n} files of one folder. */
  private static Factories oneRun(Path root, LocalDateTime start, int n) throws Exception {
    Factories one = new Factories(root);
    Path flat = Files.createDirectories(one.in.resolve("flat"));
    for (int h = 0; h < n; h++) {
      String slice = SLICE.format(start.plusHours(h));
      Files.writeString(flat.resolve(slice + ".csv"), "slice," + slice + "\n");
    }
    one.write("Tables/Flat.json", "{ \"name\": \"Flat\", \"properties\": { \"type\": \"AzureBlob\","
        + " \"linkedServiceName\": \"Store\", \"typeProperties\": { \"folderPath\": \"flat\" },"
        + " \"external\": true, \"availability\": { \"frequency\": \"Day\", \"interval\": 1 } } }");
    one.write("Tables/FlatOut.json", "{ \"name\": \"FlatOut\", \"properties\": { \"type\": \"AzureBlob\","
        + " \"linkedServiceName\": \"Store\", \"typeProperties\": { \"folderPath\": \"flat-out\" },"
        + " \"availability\": { \"frequency\": \"Day\", \"interval\": 1 } } }");
    one.pipeline("One", "2016-01-01T00:00:00Z", "2016-01-02T00:00:00Z", "",
        Factories.copy("C", "Flat", "FlatOut", "Day", ""));
    return one;
  }

  /**
   * Runs the factory and returns its wall time in ms; fails unless it succeeded and wrote {@code
   * files} visible files under {@code out}.
   */
  private static long timed(Factories f, Path state, Path out, int files) throws Exception {
    long t0 = System.nanoTime();
    Cli.Result result = Cli.run(f.run("--state", state.toString()));
    long millis = (System.nanoTime() - t0) / 1_000_000;
    long written;
    try (var walk = Files.walk(out)) {
      written = walk.filter(Files::isRegularFile)
          .filter(p -> !out.relativize(p).toString().contains(".adf-beam")).count();
    }
    if (result.exitCode() != 0 || written != files) {
      throw new AssertionError("exit " + result.exitCode() + ", " + written + " files written: "
          + result.out() + result.err());
    }
    return millis;
  }
}
