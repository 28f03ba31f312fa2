package io.adfbeam.translator.load;

import io.adfbeam.translator.json.JsonValue;
import io.adfbeam.translator.json.JsonValue.JsonObject;
import io.adfbeam.translator.model.Parameter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Parses v2 {@code parameters} declarations, keeping defaults unevaluated. */
final class ParameterParser {
  private ParameterParser() {}

  static Map<String, Parameter> parameters(Props properties) {
    Map<String, Parameter> parameters = new LinkedHashMap<>();
    properties.object("parameters").ifPresent(ps -> {
      for (JsonValue.Member m : ps.json().members()) {
        if (m.value() instanceof JsonObject o) {
          Props p = new Props(o, properties.diagnostics());
          Optional<String> defaultValue = p.raw("defaultValue").map(ParameterParser::text);
          parameters.put(m.name(), new Parameter(
              m.name(), p.string("type").orElse("String").trim(), defaultValue, o.location()));
        } else {
          properties.diagnostics().error(m.value().location(),
              "parameter '" + m.name() + "' must be an object such as {\"type\": \"String\"}");
        }
      }
    });
    return parameters;
  }

  /** A default value as text; arrays and objects keep a compact JSON-like rendering. */
  static String text(JsonValue v) {
    Optional<String> scalar = v.asText();
    if (scalar.isPresent()) {
      return scalar.get();
    }
    if (v instanceof JsonValue.JsonArray a) {
      return a.items().stream().map(ParameterParser::text).collect(Collectors.joining(", ", "[", "]"));
    }
    if (v instanceof JsonObject o) {
      return o.members().stream().map(m -> m.name() + ": " + text(m.value()))
          .collect(Collectors.joining(", ", "{", "}"));
    }
    return "null";
  }
}
