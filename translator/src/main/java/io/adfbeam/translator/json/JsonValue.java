package io.adfbeam.translator.json;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A JSON value that remembers where it was read. ADF matches property names without regard to
 * letter case, so {@link JsonObject#get(String)} does too. This tree is the only untyped form of
 * a definition; the loader turns it into model records and nothing past the loader sees it.
 */
public sealed interface JsonValue {

  SourceLocation location();

  /** A short name of the value's JSON type, for messages: "an object", "a string", ... */
  String kind();

  /** Member of an object: the name as written, where the name stands, and the value. */
  record Member(String name, SourceLocation nameLocation, JsonValue value) {}

  record JsonObject(List<Member> members, SourceLocation location) implements JsonValue {
    public JsonObject {
      members = List.copyOf(members);
    }

    /** The value of the first member whose name equals {@code name} ignoring case. */
    public Optional<JsonValue> get(String name) {
      for (Member m : members) {
        if (m.name().equalsIgnoreCase(name)) {
          return Optional.of(m.value());
        }
      }
      return Optional.empty();
    }

    /** The member itself (with its name as written), ignoring case. */
    public Optional<Member> member(String name) {
      return members.stream().filter(m -> m.name().equalsIgnoreCase(name)).findFirst();
    }

    public boolean has(String name) {
      return get(name).isPresent();
    }

    /** The location a child member would have: the pointer of this object plus the name. */
    public SourceLocation childLocation(String name) {
      return member(name)
          .map(m -> m.value().location())
          .orElse(location);
    }

    public List<String> names() {
      return members.stream().map(Member::name).collect(Collectors.toUnmodifiableList());
    }

    @Override
    public String kind() {
      return "an object";
    }
  }

  record JsonArray(List<JsonValue> items, SourceLocation location) implements JsonValue {
    public JsonArray {
      items = Collections.unmodifiableList(new ArrayList<>(items));
    }

    @Override
    public String kind() {
      return "an array";
    }
  }

  record JsonString(String value, SourceLocation location) implements JsonValue {
    @Override
    public String kind() {
      return "a string";
    }
  }

  record JsonNumber(BigDecimal value, SourceLocation location) implements JsonValue {
    @Override
    public String kind() {
      return "a number";
    }
  }

  record JsonBoolean(boolean value, SourceLocation location) implements JsonValue {
    @Override
    public String kind() {
      return "a boolean";
    }
  }

  record JsonNull(SourceLocation location) implements JsonValue {
    @Override
    public String kind() {
      return "null";
    }
  }

  /** The value as text when it is a scalar: strings as they are, numbers and booleans printed. */
  default Optional<String> asText() {
    if (this instanceof JsonString s) {
      return Optional.of(s.value());
    }
    if (this instanceof JsonNumber n) {
      return Optional.of(n.value().toPlainString());
    }
    if (this instanceof JsonBoolean b) {
      return Optional.of(Boolean.toString(b.value()));
    }
    return Optional.empty();
  }

  /** Escapes one reference token of a JSON pointer (RFC 6901). */
  static String escapePointerToken(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }

  /** Lower-cases for case-insensitive comparisons of ADF names and enum values. */
  static String fold(String s) {
    return s.trim().toLowerCase(Locale.ROOT);
  }
}
