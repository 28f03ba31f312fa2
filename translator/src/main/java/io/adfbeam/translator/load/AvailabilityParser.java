package io.adfbeam.translator.load;

import io.adfbeam.translator.model.Availability;
import io.adfbeam.translator.time.AdfDateTimes;
import io.adfbeam.translator.time.TimeSpans;
import java.util.Optional;

/** Parses a v1 {@code availability} or {@code scheduler} section. */
final class AvailabilityParser {
  private AvailabilityParser() {}

  static Optional<Availability> parse(Props a) {
    Optional<Availability.Frequency> frequency =
        a.enumValue("frequency", Availability.Frequency.class, "frequency");
    if (!a.has("frequency")) {
      a.diagnostics().error(a.location(),
          "missing required property 'frequency'; expected Minute, Hour, Day, Week or Month");
    }
    Optional<Long> interval = a.integer("interval", 1, 100_000);
    if (!a.has("interval")) {
      a.diagnostics().error(a.location(),
          "missing required property 'interval'; how many frequency units a slice spans, e.g. 1");
    }
    Availability.Style style =
        a.enumValue("style", Availability.Style.class, "style").orElse(Availability.Style.END_OF_INTERVAL);
    var anchor = a.parsed("anchorDateTime", AdfDateTimes::parse);
    var offset = a.parsed("offset", TimeSpans::parse);
    if (frequency.isEmpty() || interval.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Availability(
        frequency.get(), interval.get().intValue(), style, anchor, offset, a.location()));
  }
}
