package io.adfbeam.runners.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.adfbeam.runners.ledger.Ledger;
import io.adfbeam.runners.ledger.LedgerEntry;
import io.adfbeam.runners.ledger.RunState;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The run ledger through {@code run}: every run recorded, Ready runs skipped unless --rerun, a
 * second process refused, and a run process killed with SIGKILL in the middle of a backfill
 * resumed to exactly what an uninterrupted run gives.
 */
class LedgerRunTest {
  /**
   * Enough slices that the one job of the backfill is still going when the ledger first shows a
   * few of them Ready (the ledger gets the runs' ends in batches of a fifth of a second, and a
   * slice of this backfill can take less than a millisecond); within one month, as the inputs'
   * folder names are.
   */
  private static final int HOURS = 720;

  @TempDir Path temp;

  private Factories backfill(Path root) throws IOException {
    return new Factories(root)
        .dataset("Raw", "raw", "Hour", true, "")
        .dataset("Out", "out", "Hour", false, "")
        .pipeline("P", "2016-01-01T00:00:00Z",
            LocalDateTime.parse("2016-01-01T00:00:00").plusHours(HOURS) + ":00Z", "",
            Factories.copy("C", "Raw", "Out", "Hour", ""))
        .inputs("raw", HOURS);
  }

  @Test
  void recordsEveryRunAndSkipsReadyRunsUnlessAskedToRerun() throws IOException {
    Factories f = new Factories(temp)
        .dataset("Raw", "raw", "Hour", true, "")
        .dataset("Out", "out", "Hour", false, "")
        .pipeline("P", "2016-01-01T00:00:00Z", "2016-01-01T03:00:00Z", "",
            Factories.copy("C", "Raw", "Out", "Hour", "{\"concurrency\": 3}"))
        .inputs("raw", 2);
    Path state = temp.resolve("state");

    Cli.Result first = Cli.run(f.run("--state", state.toString()));

    assertThat(first.exitCode()).as(first.out() + first.err()).isEqualTo(1);
    Map<String, LedgerEntry> ledger = Ledger.read(state);
    assertThat(ledger).hasSize(3);
    LedgerEntry ok = ledger.get("P/C@2016-01-01T00:00:00Z");
    assertThat(ok.state()).isEqualTo(RunState.READY);
    assertThat(ok.attempts()).isEqualTo(1);
    assertThat(ok.start()).isNotNull();
    assertThat(ok.end()).isNotNull();
    assertThat(ok.output().filesWritten()).isEqualTo(1);
    LedgerEntry failed = ledger.get("P/C@2016-01-01T02:00:00Z");
    assertThat(failed.state()).isEqualTo(RunState.FAILED);
    assertThat(failed.errors()).singleElement().asString().contains("does not exist");

    Cli.Result again = Cli.run(f.run("--state", state.toString()));
    assertThat(again.exitCode()).isEqualTo(1);
    assertThat(again.err()).contains("2 activity runs not run: Ready in the ledger");
    assertThat(again.out()).contains("0 of 1 activity runs succeeded");

    f.input("raw", 2);
    Cli.Result failedOnly = Cli.run(f.run("--state", state.toString(), "--rerun", "failed"));
    assertThat(failedOnly.exitCode()).as(failedOnly.out()).isZero();
    assertThat(failedOnly.out()).contains("1 of 1 activity runs succeeded");
    assertThat(Ledger.read(state).get("P/C@2016-01-01T02:00:00Z").state()).isEqualTo(RunState.READY);

    Cli.Result all = Cli.run(f.run("--state", state.toString(), "--rerun", "all",
        "--window", "2016-01-01T00:00:00Z/2016-01-01T02:00:00Z"));
    assertThat(all.out()).contains("2 of 2 activity runs succeeded");
  }

  @Test
  void aSecondRunOnTheSameStateFolderIsRefused() throws IOException {
    Factories f = backfill(temp);
    Path state = temp.resolve("state");
    try (Ledger held = Ledger.open(state)) {
      Cli.Result r = Cli.run(f.run("--state", state.toString()));
      assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
      assertThat(r.err()).contains("the state folder " + state.toAbsolutePath()
          + " is in use by another adf-beam run (pid " + ProcessHandle.current().pid());
    }
  }

  @Test
  void aRunKilledMidBackfillIsResumedToWhatAnUninterruptedRunGives() throws Exception {
    Factories whole = backfill(temp.resolve("whole"));
    Process uninterrupted = start(whole, temp.resolve("whole/state"));
    assertThat(uninterrupted.waitFor(180, TimeUnit.SECONDS)).isTrue();
    assertThat(uninterrupted.exitValue()).isZero();

    Factories killed = backfill(temp.resolve("killed"));
    Path state = temp.resolve("killed/state");
    Process victim = start(killed, state);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (readyCount(state) < 3 && victim.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    victim.destroyForcibly().waitFor();
    int readyAtKill = readyCount(state);
    assertThat(readyAtKill).as("killed mid-way").isBetween(3, HOURS - 1);

    Process resumed = start(killed, state);
    assertThat(resumed.waitFor(180, TimeUnit.SECONDS)).isTrue();
    String err = new String(resumed.getErrorStream().readAllBytes());
    assertThat(resumed.exitValue()).as(err).isZero();
    assertThat(err).contains(readyAtKill + " activity runs not run: Ready in the ledger");

    assertThat(killed.outputs()).hasSize(HOURS).isEqualTo(whole.outputs());
    assertThat(comparable(Ledger.read(state)))
        .isEqualTo(comparable(Ledger.read(temp.resolve("whole/state"))));
  }

  private static int readyCount(Path state) throws IOException {
    return (int) Ledger.read(state).values().stream().filter(e -> e.state() == RunState.READY).count();
  }

  /** The ledger without what differs from run to run: times, the process, the copy's duration. */
  private static List<String> comparable(Map<String, LedgerEntry> ledger) {
    List<String> rows = new ArrayList<>();
    ledger.values().stream().sorted(java.util.Comparator.comparing(LedgerEntry::id)).forEach(e -> rows.add(
        e.id() + " " + e.state() + " " + e.substate() + " attempts=" + e.attempts() + " " + e.errors()
            + " " + e.output().status() + " files=" + e.output().filesRead() + ">" + e.output().filesWritten()
            + " bytes=" + e.output().dataRead() + ">" + e.output().dataWritten()
            + " rows=" + e.output().rowsCopied() + " " + e.output().outputs().stream()
                .map(o -> o.substring(o.indexOf("/out/"))).toList()));
    return rows;
  }

  private static Process start(Factories f, Path state) throws IOException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), AdfBeamCommand.class.getName()));
    command.addAll(List.of(f.run("--state", state.toString())));
    return new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(ProcessBuilder.Redirect.PIPE).directory(new File(".")).start();
  }
}
