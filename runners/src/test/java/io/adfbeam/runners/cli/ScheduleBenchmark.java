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

  @Test
  void backfillOf1000HourlySlicesAgainstOneRunOfTheSameFiles() throws Exception {
    int n = 1000;
    LocalDateTime start = LocalDateTime.parse("2016-01-01T00:00:00");
    Factories one = new Factories(temp.resolve("one"));
    // the same 1,000 files, in one folder, for one activity run
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

    // warm-up: one small job
    Cli.run(one.run("--state", temp.resolve("warm").toString()));
    long t0 = System.nanoTime();
    Cli.Result single = Cli.run(one.run("--state", temp.resolve("s1").toString()));
    long oneRun = (System.nanoTime() - t0) / 1_000_000;
    for (String policy : new String[] {"", "{\"concurrency\": 10}"}) {
      Factories f = new Factories(temp.resolve(policy.isEmpty() ? "default" : "ten"))
          .dataset("Raw", "raw", "Hour", true, "")
          .dataset("Out", "out", "Hour", false, "");
      f.pipeline("P", start + ":00Z", start.plusHours(n) + ":00Z", "",
          Factories.copy("C", "Raw", "Out", "Hour", policy));
      for (int h = 0; h < n; h++) {
        String slice = SLICE.format(start.plusHours(h));
        Path dir = Files.createDirectories(f.in.resolve("raw").resolve(slice));
        Files.writeString(dir.resolve("part.csv"), "slice," + slice + "\n");
      }
      long t1 = System.nanoTime();
      Cli.Result backfill = Cli.run(f.run("--state", temp.resolve("s-" + policy.length()).toString()));
      long slices = (System.nanoTime() - t1) / 1_000_000;
      System.out.printf(Locale.ROOT, "BENCH backfill (concurrency %s): exit %d in %d ms;"
          + " one run of the 1,000 files: exit %d in %d ms; ratio %.2f%n",
          policy.isEmpty() ? "1, the default" : "10", backfill.exitCode(), slices,
          single.exitCode(), oneRun, slices / (double) oneRun);
    }
  }
}
