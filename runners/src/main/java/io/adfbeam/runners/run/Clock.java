package io.adfbeam.runners.run;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Where the orchestrator's times come from: now (UTC) and waiting. Tests give a clock whose sleep
 * moves its time on at once.
 */
public interface Clock {
  LocalDateTime now();

  void sleep(Duration duration) throws InterruptedException;

  /** The system's clock. */
  static Clock system() {
    return new Clock() {
      @Override
      public LocalDateTime now() {
        return LocalDateTime.now(ZoneOffset.UTC);
      }

      @Override
      public void sleep(Duration duration) throws InterruptedException {
        if (!duration.isNegative() && !duration.isZero()) {
          Thread.sleep(Math.max(1, duration.toMillis()));
        }
      }
    };
  }
}
