package io.adfbeam.runners.ledger;

import com.fasterxml.jackson.annotation.JsonProperty;

/** An activity run's (slice's) state, with ADF's names. */
public enum RunState {
  @JsonProperty("Waiting") WAITING("Waiting"),
  @JsonProperty("InProgress") IN_PROGRESS("InProgress"),
  @JsonProperty("Ready") READY("Ready"),
  @JsonProperty("Failed") FAILED("Failed"),
  @JsonProperty("TimedOut") TIMED_OUT("TimedOut"),
  @JsonProperty("Skipped") SKIPPED("Skipped");

  private final String adfName;

  RunState(String adfName) {
    this.adfName = adfName;
  }

  public String adfName() {
    return adfName;
  }

  /** Ready, Failed, TimedOut or Skipped: the run ended. */
  public boolean finished() {
    return this != WAITING && this != IN_PROGRESS;
  }

  /** Failed, TimedOut or Skipped: what {@code --rerun failed} redoes. */
  public boolean unsuccessful() {
    return this == FAILED || this == TIMED_OUT || this == SKIPPED;
  }
}
