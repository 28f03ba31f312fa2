package io.adfbeam.translator.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import io.adfbeam.translator.json.JsonValue.JsonArray;
import io.adfbeam.translator.json.JsonValue.JsonBoolean;
import io.adfbeam.translator.json.JsonValue.JsonNull;
import io.adfbeam.translator.json.JsonValue.JsonNumber;
import io.adfbeam.translator.json.JsonValue.JsonObject;
import io.adfbeam.translator.json.JsonValue.JsonString;
import io.adfbeam.translator.json.JsonValue.Member;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a JSON file into a located {@link JsonValue} tree with Jackson's streaming parser, lenient
 * where real ADF files are: comments, trailing commas, single quotes, control characters inside
 * strings, a UTF-8 byte order mark and CRLF line ends. Jackson's tree model keeps no positions,
 * hence this small tree builder over its token stream.
 */
public final class JsonReader {

  private static final JsonFactory FACTORY =
      new JsonFactoryBuilder()
          .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
          .enable(JsonReadFeature.ALLOW_YAML_COMMENTS)
          .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
          .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
          .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
          .enable(JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER)
          .build();

  /** A parsed document, or the reason it could not be parsed, with its position. */
  public record Result(Optional<JsonValue> value, List<Diagnostic> diagnostics) {}

  private final String file;

  private JsonReader(String file) {
    this.file = file;
  }

  /** Reads {@code path}; a read or syntax error becomes a located diagnostic, never an exception. */
  public static Result read(Path path) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(path);
    } catch (IOException e) {
      return new Result(
          Optional.empty(),
          List.of(Diagnostic.error(SourceLocation.ofFile(path), "cannot read the file: " + e)));
    }
    return parse(path.toString(), bytes);
  }

  /** Parses {@code bytes} as the content of a file named {@code file}. */
  public static Result parse(String file, byte[] bytes) {
    JsonReader reader = new JsonReader(file);
    try (JsonParser parser = FACTORY.createParser(bytes)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        return new Result(
            Optional.empty(),
            List.of(
                Diagnostic.error(
                    new SourceLocation(file, 1, 1, ""),
                    "the file holds no JSON value; expected an ADF resource object")));
      }
      JsonValue root = reader.value(parser, "");
      JsonToken extra = parser.nextToken();
      if (extra != null) {
        JsonLocation at = parser.currentTokenLocation();
        return new Result(
            Optional.empty(),
            List.of(
                Diagnostic.error(
                    new SourceLocation(file, at.getLineNr(), at.getColumnNr(), ""),
                    "more than one JSON value in the file; expected a single resource object")));
      }
      return new Result(Optional.of(root), List.of());
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      int line = at == null ? 1 : Math.max(1, at.getLineNr());
      int col = at == null ? 1 : Math.max(1, at.getColumnNr() - pastOffendingChar(e, bytes));
      return new Result(
          Optional.empty(),
          List.of(
              Diagnostic.error(
                  new SourceLocation(file, line, col, reader.lastPointer),
                  "malformed JSON: " + firstLine(e.getOriginalMessage()))));
    } catch (IOException e) {
      return new Result(
          Optional.empty(),
          List.of(
              Diagnostic.error(new SourceLocation(file, 1, 1, ""), "cannot read the file: " + e)));
    }
  }

  private String lastPointer = "";

  private SourceLocation here(JsonParser parser, String pointer) {
    JsonLocation at = parser.currentTokenLocation();
    return new SourceLocation(file, at.getLineNr(), at.getColumnNr(), pointer);
  }

  private JsonValue value(JsonParser parser, String pointer) throws IOException {
    lastPointer = pointer;
    SourceLocation location = here(parser, pointer);
    JsonToken token = parser.currentToken();
    switch (token) {
      case START_OBJECT -> {
        List<Member> members = new ArrayList<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String name = parser.currentName();
          String childPointer = pointer + "/" + JsonValue.escapePointerToken(name);
          SourceLocation nameLocation = here(parser, childPointer);
          lastPointer = childPointer;
          parser.nextToken();
          members.add(new Member(name, nameLocation, value(parser, childPointer)));
        }
        return new JsonObject(members, location);
      }
      case START_ARRAY -> {
        List<JsonValue> items = new ArrayList<>();
        int index = 0;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          items.add(value(parser, pointer + "/" + index++));
        }
        return new JsonArray(items, location);
      }
      case VALUE_STRING -> {
        return new JsonString(parser.getText(), location);
      }
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
        return new JsonNumber(parser.getDecimalValue(), location);
      }
      case VALUE_TRUE -> {
        return new JsonBoolean(true, location);
      }
      case VALUE_FALSE -> {
        return new JsonBoolean(false, location);
      }
      case VALUE_NULL -> {
        return new JsonNull(location);
      }
      default -> throw new IllegalStateException("unexpected JSON token " + token);
    }
  }

  private static final Pattern UNEXPECTED_CHAR =
      Pattern.compile("^Unexpected character \\('.*' \\(code (\\d+)\\)\\)");

  /**
   * 1 when Jackson's location of an "Unexpected character" error stands just past that character
   * (as Jackson 2.15 reports it) rather than on it (as later versions do), else 0; so the column
   * is the offending character's, whichever Jackson is on the class path.
   */
  private static int pastOffendingChar(JsonProcessingException e, byte[] bytes) {
    JsonLocation at = e.getLocation();
    String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
    Matcher m = UNEXPECTED_CHAR.matcher(message);
    if (at == null || !m.find() || at.getColumnNr() <= 1) {
      return 0;
    }
    long offset = at.getByteOffset();
    int code = Integer.parseInt(m.group(1));
    if (code > 0x7f || offset < 1 || offset > bytes.length) {
      return 0;
    }
    boolean onIt = offset < bytes.length && bytes[(int) offset] == code;
    return !onIt && bytes[(int) offset - 1] == code ? 1 : 0;
  }

  /** Jackson's messages may quote source text over several lines; the first line says it. */
  private static String firstLine(String message) {
    String m = message == null ? "" : message.strip();
    int nl = m.indexOf('\n');
    String first = nl < 0 ? m : m.substring(0, nl);
    int source = first.indexOf(" (start marker at");
    return (source < 0 ? first : first.substring(0, source)).strip();
  }
}
