package io.adfbeam.translator.model;

import io.adfbeam.translator.json.SourceLocation;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** A v2 parameter declaration: its type and default value, kept as written (unevaluated). */
public record Parameter(
    String name, String type, Optional<String> defaultValue, SourceLocation location) {

  /** An unmodifiable copy that keeps declaration order. */
  static Map<String, Parameter> copyOf(Map<String, Parameter> parameters) {
    return Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
  }
}
