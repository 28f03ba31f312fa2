package io.adfbeam.translator.model;

import io.adfbeam.translator.json.SourceLocation;
import java.util.Map;
import java.util.Optional;

/**
 * An activity's input or output: the dataset's name, the v1 {@code startTime}/{@code endTime}
 * that shift the dependency window (e.g. {@code $$Date.AddDays(SliceStart, -1)}), and v2
 * parameter values (unevaluated).
 */
public record DatasetRef(
    String name,
    Optional<String> startTime,
    Optional<String> endTime,
    Map<String, String> parameters,
    SourceLocation location) {

  public DatasetRef {
    parameters = Map.copyOf(parameters);
  }

  public Reference reference() {
    return new Reference(name, location);
  }
}
