package io.adfbeam.runners.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.adfbeam.runners.ledger.Ledger;
import io.adfbeam.runners.ledger.LedgerEntry;
import io.adfbeam.runners.ledger.RunState;
import io.adfbeam.runners.run.ActivityRunReport;
import io.adfbeam.runners.run.Clock;
import io.adfbeam.runners.run.Orchestrator;
import io.adfbeam.runners.run.ScheduledRun;
import io.adfbeam.transforms.copy.RunEvent;
import io.adfbeam.translator.bind.CopyBinder;
import io.adfbeam.translator.bind.StoreMapping;
import io.adfbeam.translator.load.FactoryLoader;
import io.adfbeam.translator.model.Factory;
import io.adfbeam.translator.plan.Plan;
import io.adfbeam.translator.plan.PlanRequest;
import io.adfbeam.translator.plan.Planner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The orchestrator's policies, one test per field: planning and binding are real, time comes from
 * a clock whose sleep moves it on at once, and (except for timeout and the daily dependency, which
 * run real Beam jobs) jobs are stand-ins that succeed or fail as the test says.
 */
class SchedulingTest {
  private static final LocalDateTime DAY = LocalDateTime.parse("2016-01-01T00:00:00");

  @TempDir Path temp;

  /** A clock that sleeps by moving on; {@code onSleep} runs after each sleep. */
  static final class FakeClock implements Clock {
    LocalDateTime now;
    final List<Duration> sleeps = new ArrayList<>();
    Runnable onSleep = () -> { };

    FakeClock(LocalDateTime now) {
      this.now = now;
    }

    @Override
    public synchronized LocalDateTime now() {
      return now;
    }

    @Override
    public synchronized void sleep(Duration d) {
      now = now.plus(d);
      sleeps.add(d);
      onSleep.run();
    }
  }

  /**
   * Jobs that fail the first {@code failures} attempts of each run, logging each job's runs; each
   * run starts and ends, one after the other, at the clock's time.
   */
  static final class FakeJobs implements Orchestrator.Jobs {
    final Map<String, AtomicInteger> calls = new HashMap<>();
    final List<List<String>> jobs = Collections.synchronizedList(new ArrayList<>());
    final int failures;
    final Clock clock;

    FakeJobs(int failures, Clock clock) {
      this.failures = failures;
      this.clock = clock;
    }

    @Override
    public synchronized Map<String, Orchestrator.JobOutcome> run(List<io.adfbeam.transforms.copy.CopyTask> tasks,
        int concurrency, Optional<Duration> timeout, Orchestrator.Events events) {
      jobs.add(tasks.stream().map(t -> t.runId()).toList());
      Map<String, Orchestrator.JobOutcome> out = new HashMap<>();
      for (var t : tasks) {
        events.started(t.runId(), clock.now());
        int n = calls.computeIfAbsent(t.runId(), k -> new AtomicInteger()).incrementAndGet();
        Orchestrator.JobOutcome o = n <= failures
            ? new Orchestrator.JobOutcome("Failed", null, List.of(), List.of("attempt " + n + " failed"))
            : new Orchestrator.JobOutcome("Succeeded", null, List.of(), List.of());
        events.ended(t.runId(), o, clock.now());
        out.put(t.runId(), o);
      }
      return out;
    }
  }

  /** Every batch the orchestrator recorded, in order. */
  static final class Recorded implements Orchestrator.Recorder {
    final List<LedgerEntry> changes = new ArrayList<>();

    @Override
    public synchronized void record(List<LedgerEntry> batch) {
      changes.addAll(batch);
    }

    List<LedgerEntry> of(String id) {
      return changes.stream().filter(e -> e.id().equals(id)).toList();
    }
  }

  private record Outcome(List<ActivityRunReport> reports, Recorded ledger, FakeJobs jobs, FakeClock clock) {}

  private Outcome orchestrate(Factories f, int failures, FakeClock clock) throws Exception {
    Factory factory = FactoryLoader.load(f.factory);
    Plan plan = Planner.plan(factory, new PlanRequest(Optional.empty(), Optional.empty()));
    var bound = CopyBinder.bind(factory, plan.runs(), StoreMapping.parse(List.of("Store=" + f.in.toUri())));
    assertThat(bound.diagnostics()).isEmpty();
    List<ScheduledRun> runs = bound.runs().stream().map(b -> RunSession.scheduled(factory, b)).toList();
    FakeJobs jobs = new FakeJobs(failures, clock);
    Recorded ledger = new Recorded();
    List<ActivityRunReport> reports = new Orchestrator(clock, jobs, ledger, 0).run(runs, Set.of(), c -> { });
    return new Outcome(reports, ledger, jobs, clock);
  }

  private Factories hourly(int hours, String activityPolicy, String datasetPolicy, String pipelineExtra)
      throws IOException {
    return new Factories(temp)
        .dataset("Raw", "raw", "Hour", true, datasetPolicy)
        .dataset("Out", "out", "Hour", false, "")
        .pipeline("P", "2016-01-01T00:00:00Z", String.format("2016-01-01T%02d:00:00Z", hours), pipelineExtra,
            Factories.copy("C", "Raw", "Out", "Hour", activityPolicy));
  }

  private static final String FIRST = "P/C@2016-01-01T00:00:00Z";

  @Test
  void retryRunsAFailedRunAgainAtOnceUntilItSucceeds() throws Exception {
    Outcome o = orchestrate(hourly(1, "{\"retry\": 2}", "", ""), 2, new FakeClock(DAY.plusDays(1)));

    assertThat(o.reports()).singleElement().extracting(ActivityRunReport::status).isEqualTo("Succeeded");
    List<LedgerEntry> history = o.ledger().of(FIRST);
    assertThat(history).extracting(e -> e.state() + "/" + e.substate() + "/" + e.attempts()).containsExactly(
        "WAITING/ScheduledTime/0", "IN_PROGRESS/null/1", "WAITING/Retry/1", "IN_PROGRESS/null/2",
        "WAITING/Retry/2", "IN_PROGRESS/null/3", "READY/null/3");
    assertThat(o.clock().sleeps).isEmpty();
  }

  @Test
  void retriesRunOutAndTheRunFails() throws Exception {
    Outcome o = orchestrate(hourly(1, "{\"retry\": 1}", "", ""), 5, new FakeClock(DAY.plusDays(1)));

    LedgerEntry last = o.ledger().of(FIRST).get(o.ledger().of(FIRST).size() - 1);
    assertThat(last.state()).isEqualTo(RunState.FAILED);
    assertThat(last.attempts()).isEqualTo(2);
    assertThat(last.errors()).containsExactly("attempt 2 failed");
  }

  @Test
  void longRetryWaitsItsIntervalThenTriesAgain() throws Exception {
    Outcome o = orchestrate(hourly(1, "{\"retry\": 1, \"longRetry\": 1, \"longRetryInterval\": \"00:10:00\"}",
        "", ""), 2, new FakeClock(DAY.plusDays(1)));

    assertThat(o.reports().get(0).status()).isEqualTo("Succeeded");
    assertThat(o.ledger().of(FIRST)).extracting(LedgerEntry::substate).contains("Retry", "LongRetry");
    assertThat(o.clock().sleeps).containsExactly(Duration.ofMinutes(10));
    assertThat(o.jobs().calls.get(o.jobs().jobs.get(0).get(0)).get()).isEqualTo(3);
  }

  /** Real Beam jobs on the Direct runner, each job's runs logged; times as in orchestrate. */
  private Outcome orchestrateOnBeam(Factories f, RunEvent.Clock workerClock) throws Exception {
    Factory factory = FactoryLoader.load(f.factory);
    Plan plan = Planner.plan(factory, new PlanRequest(Optional.empty(), Optional.empty()));
    var bound = CopyBinder.bind(factory, plan.runs(), StoreMapping.parse(List.of("Store=" + f.in.toUri())));
    List<ScheduledRun> runs = bound.runs().stream().map(b -> RunSession.scheduled(factory, b)).toList();
    FakeJobs log = new FakeJobs(0, null);
    Orchestrator.Jobs beam = Orchestrator.beam(PipelineOptionsFactory.create(), workerClock);
    Orchestrator.Jobs jobs = (tasks, concurrency, timeout, events) -> {
      log.jobs.add(tasks.stream().map(t -> t.runId()).toList());
      return beam.run(tasks, concurrency, timeout, events);
    };
    Recorded ledger = new Recorded();
    FakeClock clock = new FakeClock(DAY.plusDays(1));
    List<ActivityRunReport> reports = new Orchestrator(clock, jobs, ledger, 0).run(runs, Set.of(), c -> { });
    return new Outcome(reports, ledger, log, clock);
  }

  /** The latest entry of each run. */
  private static Map<String, LedgerEntry> latest(Recorded ledger) {
    Map<String, LedgerEntry> latest = new TreeMap<>();
    ledger.changes.forEach(e -> latest.put(e.id(), e));
    return latest;
  }

  @Test
  void concurrencyCapsTheSlicesInProgressAtOnceInsideOneJob() throws Exception {
    Factories f = hourly(6, "{\"concurrency\": 2}", "", "").inputs("raw", 6);
    // Slices of a few megabytes, so that each run lasts milliseconds on the ledger's clock: runs
    // of one short line took under a millisecond, and two lanes' runs then never overlapped
    // there although the lanes ran side by side.
    for (int h = 0; h < 6; h++) {
      String slice = String.format("20160101%02d", h);
      Files.writeString(f.in.resolve("raw/" + slice + "/part.csv"), rows(slice));
    }

    Outcome o = orchestrateOnBeam(f, System::currentTimeMillis);

    assertThat(o.jobs().jobs).as("one job for the six ready slices").hasSize(1)
        .singleElement().asList().hasSize(6);
    Map<String, LedgerEntry> runs = latest(o.ledger());
    assertThat(runs.values()).hasSize(6).allSatisfy(e -> {
      assertThat(e.state()).isEqualTo(RunState.READY);
      assertThat(e.attempts()).isEqualTo(1);
      assertThat(e.output().filesWritten()).isEqualTo(1);
    });
    // The runs in flight at once, from the ledger's start and end times: a sweep over the
    // intervals [start, end), an end before a start at the same millisecond.
    List<String[]> edges = new ArrayList<>();
    runs.values().forEach(e -> {
      edges.add(new String[] {e.start(), "1"});
      edges.add(new String[] {e.end(), "0"});
    });
    edges.sort(Comparator.comparing((String[] e) -> e[0]).thenComparing(e -> e[1]));
    int inFlight = 0;
    int most = 0;
    for (String[] e : edges) {
      inFlight += e[1].equals("1") ? 1 : -1;
      most = Math.max(most, inFlight);
    }
    assertThat(most).as("most runs in flight at once").isEqualTo(2);
    // the four beyond the first two waited for a place
    assertThat(o.ledger().changes.stream().filter(e -> "ConcurrentRunLimit".equals(e.substate()))
        .map(LedgerEntry::sliceStart)).containsExactly("2016-01-01T02:00:00Z", "2016-01-01T03:00:00Z",
            "2016-01-01T04:00:00Z", "2016-01-01T05:00:00Z");
    List<String> expected = new ArrayList<>();
    for (int h = 0; h < 6; h++) {
      String slice = String.format("20160101%02d", h);
      expected.add("out/" + slice + "/part.csv=" + rows(slice).strip());
    }
    assertThat(f.outputs()).isEqualTo(expected);
  }

  /** 200,000 rows {@code slice,<slice>,<n>}: about 4 MB. */
  private static String rows(String slice) {
    StringBuilder text = new StringBuilder();
    for (int n = 0; n < 200_000; n++) {
      text.append("slice,").append(slice).append(',').append(n).append('\n');
    }
    return text.toString();
  }

  /** Moves on ten minutes at each reading: the workers' clock of the commit-boundary test. */
  private static final AtomicLong TEN_MINUTE_STEPS = new AtomicLong();

  @Test
  void aRunPastItsTimeoutIsAbandonedButOneWhoseCommitBeganCompletes() throws Exception {
    // One lane (concurrency 1), two runs. Each run reads the clock when it starts, before each of
    // its files, before its commit and when it ends, each reading ten minutes later than the one
    // before. With a timeout of 30 minutes, the one-file run checks at +10 and +20 minutes, commits,
    // and ends at +30: past its timeout, but its commit had begun, so it is Succeeded. The
    // three-file run reaches +30 before its third file: abandoned, TimedOut, nothing visible.
    Factories f = hourly(2, "{\"timeout\": \"00:30:00\"}", "", "").inputs("raw", 1);
    Path second = f.in.resolve("raw/2016010101");
    Files.createDirectories(second);
    for (String name : List.of("a.csv", "b.csv", "c.csv")) {
      Files.writeString(second.resolve(name), name + "\n");
    }
    TEN_MINUTE_STEPS.set(Instant.parse("2016-01-02T00:00:00Z").toEpochMilli());

    Outcome o = orchestrateOnBeam(f, () -> TEN_MINUTE_STEPS.getAndAdd(600_000));

    assertThat(o.jobs().jobs).hasSize(1);
    Map<String, LedgerEntry> runs = latest(o.ledger());
    LedgerEntry committed = runs.get(FIRST);
    assertThat(committed.state()).isEqualTo(RunState.READY);
    assertThat(committed.start()).isEqualTo("2016-01-02T00:00:00.000Z");
    assertThat(committed.end()).isEqualTo("2016-01-02T00:30:00.000Z");
    LedgerEntry abandoned = runs.get("P/C@2016-01-01T01:00:00Z");
    assertThat(abandoned.state()).isEqualTo(RunState.TIMED_OUT);
    assertThat(abandoned.start()).isEqualTo("2016-01-02T00:40:00.000Z");
    assertThat(abandoned.errors()).singleElement().asString()
        .contains("took longer than its timeout PT30M and was abandoned");
    assertThat(f.outputs()).containsExactly("out/2016010100/part.csv=slice,2016010100");
    assertThat(f.in.resolve("out/2016010101/.adf-beam")).doesNotExist();
  }

  @Test
  void newestFirstRunsTheLatestSliceFirst() throws Exception {
    Outcome o = orchestrate(hourly(3, "{\"executionPriorityOrder\": \"NewestFirst\"}", "", ""), 0,
        new FakeClock(DAY.plusDays(1)));

    assertThat(o.ledger().changes.stream().filter(e -> e.state() == RunState.IN_PROGRESS)
        .map(LedgerEntry::sliceStart)).containsExactly("2016-01-01T02:00:00Z", "2016-01-01T01:00:00Z",
            "2016-01-01T00:00:00Z");
  }

  @Test
  void delayPostponesTheRunPastItsSliceEnd() throws Exception {
    FakeClock clock = new FakeClock(DAY.plusHours(1));
    Outcome o = orchestrate(hourly(1, "{\"delay\": \"00:30:00\"}", "", ""), 0, clock);

    assertThat(clock.sleeps).containsExactly(Duration.ofMinutes(30));
    assertThat(o.ledger().of(FIRST).stream().filter(e -> e.state() == RunState.IN_PROGRESS)
        .findFirst().orElseThrow().start()).isEqualTo("2016-01-01T01:30:00.000Z");
  }

  @Test
  void aPausedPipelineDoesNotRun() throws Exception {
    Outcome o = orchestrate(hourly(2, "", "", ", \"isPaused\": true"), 0, new FakeClock(DAY.plusDays(1)));

    assertThat(o.jobs().jobs).isEmpty();
    assertThat(o.reports()).extracting(ActivityRunReport::status).containsExactly("Waiting", "Waiting");
    assertThat(o.reports().get(0).errors()).containsExactly("not run: the pipeline is paused");
    assertThat(o.ledger().of(FIRST)).extracting(LedgerEntry::substate).containsExactly("PipelinePaused");
  }

  @Test
  void aOneTimePipelineRunsOnceOverItsPeriod() throws Exception {
    Outcome o = orchestrate(hourly(3, "", "", ", \"pipelineMode\": \"OneTime\""), 0,
        new FakeClock(DAY.plusDays(1)));

    assertThat(o.jobs().jobs).hasSize(1).first().asList().hasSize(1);
    assertThat(o.reports()).singleElement().satisfies(r -> {
      assertThat(r.sliceStart()).isEqualTo("2016-01-01T00:00:00Z");
      assertThat(r.sliceEnd()).isEqualTo("2016-01-01T03:00:00Z");
    });
  }

  @Test
  void externalDataArrivingAfterTwoChecksLetsTheRunStart() throws Exception {
    Factories f = hourly(1, "", "{\"externalData\": {\"retryInterval\": \"00:01:00\", \"maximumRetry\": 3,"
        + " \"dataDelay\": \"00:05:00\"}}", "");
    FakeClock clock = new FakeClock(DAY.plusHours(1));
    AtomicInteger sleeps = new AtomicInteger();
    clock.onSleep = () -> {
      if (sleeps.incrementAndGet() == 3) {   // the data delay, then two retry intervals
        try {
          f.input("raw", 0);
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }
    };
    Outcome o = orchestrate(f, 0, clock);

    assertThat(o.reports().get(0).status()).isEqualTo("Succeeded");
    assertThat(clock.sleeps).containsExactly(Duration.ofMinutes(5), Duration.ofMinutes(1), Duration.ofMinutes(1));
    assertThat(o.ledger().of(FIRST)).extracting(LedgerEntry::substate)
        .containsSubsequence("Validation", "ValidationRetry", "ValidationRetry");
    assertThat(o.ledger().of(FIRST).stream().filter(e -> e.state() == RunState.IN_PROGRESS)
        .findFirst().orElseThrow().start()).isEqualTo("2016-01-01T01:07:00.000Z");
  }

  @Test
  void externalDataThatNeverArrivesFailsTheRunWithTheNumberOfChecks() throws Exception {
    Outcome o = orchestrate(hourly(1, "", "{\"externalData\": {\"retryInterval\": \"00:01:00\","
        + " \"maximumRetry\": 2}}", ""), 0, new FakeClock(DAY.plusHours(1)));

    assertThat(o.jobs().jobs).isEmpty();
    LedgerEntry last = o.ledger().of(FIRST).get(o.ledger().of(FIRST).size() - 1);
    assertThat(last.state()).isEqualTo(RunState.FAILED);
    assertThat(last.errors()).containsExactly("external data of dataset 'Raw' for the slice"
        + " 2016-01-01T00:00:00Z did not arrive after 3 checks");
  }

  @Test
  void aSliceSmallerThanMinimumSizeMBFailsValidation() throws Exception {
    Factories f = hourly(1, "", "{\"validation\": {\"minimumSizeMB\": 1}}", "");
    f.input("raw", 0);
    Outcome o = orchestrate(f, 0, new FakeClock(DAY.plusHours(1)));

    assertThat(o.jobs().jobs).isEmpty();
    assertThat(o.reports().get(0).status()).isEqualTo("Failed");
    assertThat(o.reports().get(0).errors()).singleElement().asString()
        .contains("failed validation: the slice has 17 bytes, less than minimumSizeMB 1.0");
  }

  @Test
  void aTimedOutRunIsAbandonedAndLeavesNothingVisible() throws IOException {
    Factories f = hourly(1, "{\"timeout\": \"00:00:00.001\"}", "", "");
    f.input("raw", 0);
    Path state = temp.resolve("state");

    Cli.Result r = Cli.run(f.run("--state", state.toString()));

    assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(1);
    LedgerEntry e = Ledger.read(state).get(FIRST);
    assertThat(e.state()).isEqualTo(RunState.TIMED_OUT);
    assertThat(e.errors()).singleElement().asString().contains("took longer than its timeout PT0.001S");
    assertThat(f.outputs()).isEmpty();
    assertThat(f.in.resolve("out/2016010100/.adf-beam")).as("staging removed").doesNotExist();
    assertThat(r.out()).contains("TimedOut");
  }

  @Test
  void anHourlyActivityFeedsADailyOneThatStartsWhenAll24SlicesAreReady() throws IOException {
    Factories f = new Factories(temp)
        .dataset("Raw", "raw", "Hour", true, "")
        .dataset("Hourly", "hourly", "Hour", false, "")
        .dataset("Daily", "daily", "Day", false, "")
        .pipeline("P", "2016-01-01T00:00:00Z", "2016-01-02T00:00:00Z", "",
            Factories.copy("ToHourly", "Raw", "Hourly", "Hour", "{\"concurrency\": 10}"),
            Factories.copy("ToDaily", "Hourly", "Daily", "Day", ""))
        .inputs("raw", 24);
    Path state = temp.resolve("state");

    Cli.Result r = Cli.run(f.run("--state", state.toString(), "--slices-per-job", "24"));

    assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
    Map<String, LedgerEntry> ledger = Ledger.read(state);
    assertThat(ledger).hasSize(25);
    LedgerEntry daily = ledger.get("P/ToDaily@2016-01-01T00:00:00Z");
    assertThat(daily.state()).isEqualTo(RunState.READY);
    String lastHourlyEnd = ledger.values().stream().filter(e -> e.activity().equals("ToHourly"))
        .map(LedgerEntry::end).max(String::compareTo).orElseThrow();
    assertThat(daily.start()).isGreaterThanOrEqualTo(lastHourlyEnd);
    assertThat(Files.readString(f.in.resolve("daily/2016010100/part.csv"))).isEqualTo("slice,2016010100\n");
  }
}
