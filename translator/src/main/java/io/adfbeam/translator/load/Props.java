package io.adfbeam.translator.load;

import io.adfbeam.translator.json.Diagnostics;
import io.adfbeam.translator.json.JsonValue;
import io.adfbeam.translator.json.JsonValue.JsonArray;
import io.adfbeam.translator.json.JsonValue.JsonBoolean;
import io.adfbeam.translator.json.JsonValue.JsonNull;
import io.adfbeam.translator.json.JsonValue.JsonNumber;
import io.adfbeam.translator.json.JsonValue.JsonObject;
import io.adfbeam.translator.json.JsonValue.JsonString;
import io.adfbeam.translator.json.SourceLocation;
import io.adfbeam.translator.model.AdfEnum;
import io.adfbeam.translator.model.AdfString;
import io.adfbeam.translator.model.Secret;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Typed, located access to one JSON object's members. Every wrong value becomes a diagnostic at
 * the value's location and an empty result; nothing throws. Names match ignoring case.
 */
final class Props {
  private final JsonObject object;
  private final Diagnostics diagnostics;

  Props(JsonObject object, Diagnostics diagnostics) {
    this.object = object;
    this.diagnostics = diagnostics;
  }

  /** An empty object standing where {@code location} is, for absent sections. */
  static Props empty(SourceLocation location, Diagnostics diagnostics) {
    return new Props(new JsonObject(List.of(), location), diagnostics);
  }

  JsonObject json() {
    return object;
  }

  SourceLocation location() {
    return object.location();
  }

  Diagnostics diagnostics() {
    return diagnostics;
  }

  boolean has(String name) {
    return object.get(name).filter(v -> !(v instanceof JsonNull)).isPresent();
  }

  Optional<JsonValue> raw(String name) {
    return object.get(name).filter(v -> !(v instanceof JsonNull));
  }

  /** The location of member {@code name} if present, else of this object. */
  SourceLocation at(String name) {
    return object.childLocation(name);
  }

  void error(String name, String message) {
    diagnostics.error(at(name), message);
  }

  Optional<Props> object(String name) {
    Optional<JsonValue> v = raw(name);
    if (v.isEmpty()) {
      return Optional.empty();
    }
    if (v.get() instanceof JsonObject o) {
      return Optional.of(new Props(o, diagnostics));
    }
    diagnostics.error(v.get().location(), "'" + name + "' must be an object, not " + describeKind(v.get()));
    return Optional.empty();
  }

  Optional<JsonArray> array(String name) {
    Optional<JsonValue> v = raw(name);
    if (v.isEmpty()) {
      return Optional.empty();
    }
    if (v.get() instanceof JsonArray a) {
      return Optional.of(a);
    }
    diagnostics.error(v.get().location(), "'" + name + "' must be an array, not " + describeKind(v.get()));
    return Optional.empty();
  }

  /**
   * A string member. Numbers and booleans are accepted as their text; a v2 expression object
   * ({@code {"value": "@...", "type": "Expression"}}) gives its expression text.
   */
  Optional<String> string(String name) {
    return raw(name).flatMap(v -> text(name, v));
  }

  private Optional<String> text(String name, JsonValue v) {
    if (v instanceof JsonObject o && o.get("value").isPresent()) {
      return o.get("value").flatMap(JsonValue::asText);
    }
    Optional<String> t = v.asText();
    if (t.isEmpty()) {
      diagnostics.error(v.location(), "'" + name + "' must be a string, not " + v.kind());
    }
    return t;
  }

  /** A string member that may be a v2 expression. */
  Optional<AdfString> adfString(String name) {
    Optional<JsonValue> v = raw(name);
    if (v.isEmpty()) {
      return Optional.empty();
    }
    if (v.get() instanceof JsonObject o && o.get("value").isPresent()) {
      String type = o.get("type").flatMap(JsonValue::asText).orElse("");
      Optional<String> value = o.get("value").flatMap(JsonValue::asText);
      if (value.isEmpty()) {
        diagnostics.error(o.location(), "'" + name + "/value' must be a string");
        return Optional.empty();
      }
      return Optional.of(
          type.trim().equalsIgnoreCase("Expression")
              ? new AdfString.Expression(value.get())
              : AdfString.of(value.get()));
    }
    return text(name, v.get()).map(AdfString::of);
  }

  /** A required string member; a missing one is reported as {@code what is missing}. */
  Optional<String> requiredString(String name, String why) {
    Optional<String> s = string(name);
    if (!has(name)) {
      diagnostics.error(
          location(), "missing required property '" + name + "'" + (why.isEmpty() ? "" : "; " + why));
    }
    return s;
  }

  Optional<Boolean> bool(String name) {
    Optional<JsonValue> v = raw(name);
    if (v.isEmpty()) {
      return Optional.empty();
    }
    if (v.get() instanceof JsonBoolean b) {
      return Optional.of(b.value());
    }
    if (v.get() instanceof JsonString s) {
      String t = s.value().trim().toLowerCase(Locale.ROOT);
      if (t.equals("true") || t.equals("false")) {
        return Optional.of(Boolean.parseBoolean(t));
      }
    }
    diagnostics.error(
        v.get().location(), "'" + name + "' must be true or false, not " + describe(v.get()));
    return Optional.empty();
  }

  Optional<Long> integer(String name, long min, long max) {
    Optional<JsonValue> v = raw(name);
    if (v.isEmpty()) {
      return Optional.empty();
    }
    BigDecimal number = null;
    if (v.get() instanceof JsonNumber n) {
      number = n.value();
    } else if (v.get() instanceof JsonString s) {
      try {
        number = new BigDecimal(s.value().trim());
      } catch (NumberFormatException e) {
        number = null;
      }
    }
    if (number == null || number.stripTrailingZeros().scale() > 0) {
      diagnostics.error(
          v.get().location(),
          "'" + name + "' must be a whole number from " + min + " to " + max + ", not "
              + describe(v.get()));
      return Optional.empty();
    }
    if (number.compareTo(BigDecimal.valueOf(min)) < 0
        || number.compareTo(BigDecimal.valueOf(max)) > 0) {
      diagnostics.error(
          v.get().location(),
          "'" + name + "' is " + number.toPlainString() + "; allowed: " + min + " to " + max);
      return Optional.empty();
    }
    return Optional.of(number.longValueExact());
  }

  Optional<Double> decimal(String name) {
    Optional<JsonValue> v = raw(name);
    if (v.isEmpty()) {
      return Optional.empty();
    }
    if (v.get() instanceof JsonNumber n) {
      return Optional.of(n.value().doubleValue());
    }
    if (v.get() instanceof JsonString s) {
      try {
        return Optional.of(Double.parseDouble(s.value().trim()));
      } catch (NumberFormatException e) {
        // reported below
      }
    }
    diagnostics.error(v.get().location(), "'" + name + "' must be a number, not " + describe(v.get()));
    return Optional.empty();
  }

  /** An enum member matched by ADF name; an unknown value lists the allowed ones. */
  <E extends Enum<E> & AdfEnum> Optional<E> enumValue(String name, Class<E> type, String what) {
    return string(name)
        .flatMap(
            s -> {
              Optional<E> e = AdfEnum.parse(type, s);
              if (e.isEmpty()) {
                error(name, "unknown " + what + " '" + s + "'; expected " + AdfEnum.allowed(type));
              }
              return e;
            });
  }

  /** A string member converted by {@code parse}, whose exception message becomes the diagnostic. */
  <T> Optional<T> parsed(String name, Function<String, T> parse) {
    return string(name)
        .flatMap(
            s -> {
              try {
                return Optional.of(parse.apply(s.trim()));
              } catch (IllegalArgumentException | java.time.DateTimeException e) {
                error(name, e.getMessage());
                return Optional.empty();
              }
            });
  }

  /**
   * A credential: a plain string, a v2 {@code SecureString} object, or an {@code
   * AzureKeyVaultSecret} reference.
   */
  Optional<Secret> secret(String name) {
    Optional<JsonValue> v = raw(name);
    if (v.isEmpty()) {
      return Optional.empty();
    }
    if (v.get() instanceof JsonObject o) {
      Props p = new Props(o, diagnostics);
      String type = p.string("type").orElse("").trim();
      if (type.equalsIgnoreCase("AzureKeyVaultSecret")) {
        Optional<String> store =
            p.object("store").flatMap(s -> s.string("referenceName"));
        Optional<String> secretName = p.string("secretName");
        if (store.isEmpty() || secretName.isEmpty()) {
          diagnostics.error(
              o.location(),
              "an AzureKeyVaultSecret reference needs 'store.referenceName' and 'secretName'");
          return Optional.empty();
        }
        return Optional.of(new Secret.KeyVaultReference(store.get(), secretName.get(), o.location()));
      }
      return p.string("value").map(s -> new Secret.Inline(s, o.location()));
    }
    return v.get().asText().map(s -> new Secret.Inline(s, v.get().location()));
  }

  /**
   * The kind of a wrong value; an ARM expression left unresolved (a parameter with no
   * defaultValue) says so, since that is the usual cause in exported templates.
   */
  static String describeKind(JsonValue v) {
    if (v instanceof JsonString s && s.value().trim().startsWith("[") && s.value().trim().endsWith("]")) {
      return "the ARM template expression " + s.value().trim() + ", whose value is only known at"
          + " deployment (give the template parameter a defaultValue, or load the factory's Git folder)";
    }
    return v.kind();
  }

  static String describe(JsonValue v) {
    if (v instanceof JsonString s) {
      return "'" + s.value() + "'";
    }
    return v.asText().orElse(v.kind());
  }
}
