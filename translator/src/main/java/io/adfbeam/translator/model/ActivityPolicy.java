package io.adfbeam.translator.model;

import io.adfbeam.translator.json.SourceLocation;
import java.time.Duration;
import java.util.Optional;

/**
 * A v1 activity {@code policy} (v2 keeps timeout and retry there too). Defaults as ADF documents
 * them: concurrency 1, OldestFirst, retry 0, no timeout, no delay, no long retry. The location
 * is where the policy is written, when it is.
 */
public record ActivityPolicy(
    int concurrency,
    ExecutionPriorityOrder executionPriorityOrder,
    int retry,
    Optional<Duration> timeout,
    Duration delay,
    int longRetry,
    Optional<Duration> longRetryInterval,
    Optional<SourceLocation> location) {

  /** The policy of an activity that has none (no location: nothing was written). */
  public static final ActivityPolicy DEFAULTS =
      new ActivityPolicy(
          1, ExecutionPriorityOrder.OLDEST_FIRST, 0, Optional.empty(), Duration.ZERO, 0,
          Optional.empty(), Optional.empty());

  /** Which ready slices of an activity run first. */
  public enum ExecutionPriorityOrder implements AdfEnum {
    OLDEST_FIRST("OldestFirst"),
    NEWEST_FIRST("NewestFirst");

    private final String adfName;

    ExecutionPriorityOrder(String adfName) {
      this.adfName = adfName;
    }

    @Override
    public String adfName() {
      return adfName;
    }
  }
}
