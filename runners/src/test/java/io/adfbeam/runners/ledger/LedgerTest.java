package io.adfbeam.runners.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal: latest entry wins, a torn last line is ignored and cut off, one writer at a time. */
class LedgerTest {
  @TempDir Path state;

  private static LedgerEntry entry(String id, RunState s, int attempts) {
    return new LedgerEntry(id, "P", "A", "2016-01-01T00:00:00Z", "2016-01-01T01:00:00Z", s, null,
        attempts, null, null, 1, null, List.of());
  }

  @Test
  void keepsTheLatestEntryAndSurvivesATornWrite() throws Exception {
    try (Ledger ledger = Ledger.open(state)) {
      ledger.record(List.of(entry("a", RunState.WAITING, 0), entry("b", RunState.WAITING, 0)));
      ledger.record(List.of(entry("a", RunState.IN_PROGRESS, 1)));
    }
    // a crash in the middle of appending: half a line
    Files.writeString(state.resolve(Ledger.FILE), "0badc0de {\"id\":\"a\",\"sta", StandardOpenOption.APPEND);

    assertThat(Ledger.read(state).get("a").state()).isEqualTo(RunState.IN_PROGRESS);
    try (Ledger ledger = Ledger.open(state)) {
      assertThat(ledger.entries()).hasSize(2);
      ledger.record(List.of(entry("a", RunState.READY, 1)));
    }
    assertThat(Ledger.read(state).get("a").state()).isEqualTo(RunState.READY);
    assertThat(Files.readAllLines(state.resolve(Ledger.FILE))).allMatch(l -> l.matches("[0-9a-f]{8} \\{.*"));
  }

  @Test
  void aSecondWriterIsRefused() throws Exception {
    try (Ledger first = Ledger.open(state)) {
      assertThatThrownBy(() -> Ledger.open(state)).isInstanceOf(StateBusyException.class)
          .hasMessageContaining("is in use by another adf-beam run (pid");
    }
    Ledger.open(state).close();
  }
}
