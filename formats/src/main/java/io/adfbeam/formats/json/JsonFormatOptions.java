package io.adfbeam.formats.json;

import java.io.Serializable;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The settings of ADF's {@code JsonFormat} (v1) / {@code Json} (v2). Immutable and serializable:
 * each {@code withX} returns a modified copy. {@link #validate()} checks the JSON paths.
 */
public final class JsonFormatOptions implements Serializable {
  private static final long serialVersionUID = 1L;

  /** How the objects of a file are laid out. */
  public enum FilePattern {
    /**
     * One object, objects one per line, or objects one after the other (with or without white
     * space between them); written one object per line.
     */
    SET_OF_OBJECTS("setOfObjects"),
    /** One top-level array of objects. */
    ARRAY_OF_OBJECTS("arrayOfObjects");

    private final String adfName;

    FilePattern(String adfName) {
      this.adfName = adfName;
    }

    /** The name ADF uses: {@code setOfObjects} or {@code arrayOfObjects}. */
    public String adfName() {
      return adfName;
    }

    /** The pattern with this ADF name, ignoring case. */
    public static Optional<FilePattern> fromAdfName(String name) {
      for (FilePattern p : values()) {
        if (p.adfName.equalsIgnoreCase(name.trim())) {
          return Optional.of(p);
        }
      }
      return Optional.empty();
    }
  }

  private static final JsonFormatOptions DEFAULTS =
      new JsonFormatOptions(FilePattern.SET_OF_OBJECTS, "UTF-8", ".", null, Map.of());

  private final FilePattern filePattern;
  private final String charsetName;
  private final String nestingSeparator;
  private final String jsonNodeReference;
  private final Map<String, String> jsonPathDefinition;
  private transient Charset charset;

  private JsonFormatOptions(FilePattern filePattern, String charsetName, String nestingSeparator,
      String jsonNodeReference, Map<String, String> jsonPathDefinition) {
    this.filePattern = filePattern;
    this.charsetName = charsetName;
    this.nestingSeparator = nestingSeparator;
    this.jsonNodeReference = jsonNodeReference;
    this.jsonPathDefinition = jsonPathDefinition;
  }

  /** ADF's defaults: setOfObjects, UTF-8, nesting separator {@code .}, no JSON paths. */
  public static JsonFormatOptions defaults() {
    return DEFAULTS;
  }

  /** The file pattern; default {@link FilePattern#SET_OF_OBJECTS}. */
  public JsonFormatOptions withFilePattern(FilePattern pattern) {
    Objects.requireNonNull(pattern, "filePattern");
    return new JsonFormatOptions(pattern, charsetName, nestingSeparator, jsonNodeReference,
        jsonPathDefinition);
  }

  /** The text encoding; default UTF-8. Resolve .NET names with {@code Encodings.forDotNetName}. */
  public JsonFormatOptions withEncoding(Charset cs) {
    Objects.requireNonNull(cs, "charset");
    return new JsonFormatOptions(filePattern, cs.name(), nestingSeparator, jsonNodeReference,
        jsonPathDefinition);
  }

  /**
   * The separator that nests output columns ({@code order.date} becomes {@code "order": {"date":
   * ...}}) and joins the names of nested properties when a schema is taken from a file; default
   * {@code .}. Null or empty: no nesting (names are kept as they are).
   */
  public JsonFormatOptions withNestingSeparator(String separator) {
    return new JsonFormatOptions(filePattern, charsetName,
        separator == null ? "" : separator, jsonNodeReference, jsonPathDefinition);
  }

  /**
   * The JSON path of an array to cross-apply when reading ({@code $.orders} or {@code orders}):
   * one row per element, with relative paths resolved inside the element. Null for none.
   */
  public JsonFormatOptions withJsonNodeReference(String path) {
    return new JsonFormatOptions(filePattern, charsetName, nestingSeparator,
        path == null || path.isBlank() ? null : path.trim(), jsonPathDefinition);
  }

  /**
   * Column name to JSON path, in column order: {@code $.x} and {@code $.a.b} from the root, {@code
   * arr[0].p} an array element, {@code arr[*].p} every element's {@code p} collected into an
   * array, and paths without {@code $} relative to the element of the {@link
   * #withJsonNodeReference node reference} (to the root when there is none).
   */
  public JsonFormatOptions withJsonPathDefinition(Map<String, String> paths) {
    Map<String, String> copy = new LinkedHashMap<>();
    paths.forEach((k, v) -> copy.put(Objects.requireNonNull(k, "column"),
        Objects.requireNonNull(v, "path of " + k)));
    return new JsonFormatOptions(filePattern, charsetName, nestingSeparator, jsonNodeReference,
        Collections.unmodifiableMap(copy));
  }

  public FilePattern filePattern() {
    return filePattern;
  }

  public Charset encoding() {
    Charset cs = charset;
    if (cs == null) {
      cs = charsetName.equals("UTF-8") ? StandardCharsets.UTF_8 : Charset.forName(charsetName);
      charset = cs;
    }
    return cs;
  }

  /** The nesting separator; empty for none. */
  public String nestingSeparator() {
    return nestingSeparator;
  }

  public Optional<String> jsonNodeReference() {
    return Optional.ofNullable(jsonNodeReference);
  }

  /** Column name to JSON path, in order; empty when not set. */
  public Map<String, String> jsonPathDefinition() {
    return jsonPathDefinition;
  }

  /**
   * Checks the JSON paths: their syntax, and that the node reference has no {@code [*]}.
   *
   * @throws IllegalArgumentException naming the bad path and what is wrong
   */
  public JsonFormatOptions validate() {
    if (jsonNodeReference != null) {
      JsonPath ref = JsonPath.parse(jsonNodeReference);
      if (ref.hasWildcard()) {
        throw new IllegalArgumentException(
            "jsonNodeReference '" + jsonNodeReference + "' may not hold [*]");
      }
    }
    jsonPathDefinition.forEach((column, path) -> {
      try {
        JsonPath.parse(path);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "jsonPathDefinition of column '" + column + "': " + e.getMessage(), e);
      }
    });
    return this;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof JsonFormatOptions j
        && filePattern == j.filePattern
        && charsetName.equals(j.charsetName)
        && nestingSeparator.equals(j.nestingSeparator)
        && Objects.equals(jsonNodeReference, j.jsonNodeReference)
        && jsonPathDefinition.equals(j.jsonPathDefinition);
  }

  @Override
  public int hashCode() {
    return Objects.hash(filePattern, charsetName, nestingSeparator, jsonNodeReference,
        jsonPathDefinition);
  }

  @Override
  public String toString() {
    return "JsonFormatOptions{filePattern=" + filePattern.adfName() + ", encoding=" + charsetName
        + ", nestingSeparator='" + nestingSeparator + "', jsonNodeReference="
        + (jsonNodeReference == null ? "none" : "'" + jsonNodeReference + "'")
        + ", jsonPathDefinition=" + jsonPathDefinition + "}";
  }
}
