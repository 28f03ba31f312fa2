package io.adfbeam.translator.model;

import io.adfbeam.translator.json.SourceLocation;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/** A dataset's {@code policy}: waiting for external data and validating slices. */
public record DatasetPolicy(Optional<ExternalData> externalData, Optional<Validation> validation) {

  public static final DatasetPolicy NONE = new DatasetPolicy(Optional.empty(), Optional.empty());

  /**
   * {@code policy.externalData}. Defaults as ADF documents them: retryInterval 00:01:00,
   * retryTimeout 00:10:00, maximumRetry 3, dataDelay 0.
   */
  public record ExternalData(
      Duration dataDelay, Duration retryInterval, Duration retryTimeout, int maximumRetry,
      SourceLocation location) {}

  /** ADF's defaults for the values policy.externalData leaves out. */
  public static final Duration DEFAULT_RETRY_INTERVAL = Duration.ofMinutes(1);
  public static final Duration DEFAULT_RETRY_TIMEOUT = Duration.ofMinutes(10);
  public static final int DEFAULT_MAXIMUM_RETRY = 3;

  /** {@code policy.validation}: minimumSizeMB (file stores), minimumRows (tables). */
  public record Validation(
      OptionalDouble minimumSizeMB, OptionalLong minimumRows, SourceLocation location) {}
}
