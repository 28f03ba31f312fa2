package io.adfbeam.formats.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON paths ADF's jsonPathDefinition and jsonNodeReference take: an optional {@code $} root,
 * then {@code .name}, {@code ['name']} or {@code ["name"]}, {@code [n]} and {@code [*]} steps (the
 * first name may go without a dot: {@code orders[0].id}). A path with {@code $} starts at the root
 * object; one without starts at the cross-applied element, or the root when there is none.
 */
final class JsonPath {
  private static final Object WILDCARD = new Object();

  private final String text;
  private final boolean rooted;
  /** String names, Integer indexes, or WILDCARD. */
  private final List<Object> steps;

  private JsonPath(String text, boolean rooted, List<Object> steps) {
    this.text = text;
    this.rooted = rooted;
    this.steps = steps;
  }

  /** A path of object keys (a column name split at the nesting separator), from the start node. */
  static JsonPath keys(List<String> names) {
    return new JsonPath(String.join(".", names), false, List.copyOf(names));
  }

  /**
   * Parses a path.
   *
   * @throws IllegalArgumentException saying what is wrong where
   */
  static JsonPath parse(String path) {
    String p = path.trim();
    List<Object> steps = new ArrayList<>();
    int i = 0;
    boolean rooted = false;
    if (p.startsWith("$")) {
      rooted = true;
      i = 1;
    } else if (!p.isEmpty() && p.charAt(0) != '[' && p.charAt(0) != '.') {
      i = name(p, 0, steps);
    }
    while (i < p.length()) {
      char c = p.charAt(i);
      if (c == '.') {
        if (i + 1 < p.length() && p.charAt(i + 1) == '*') {
          steps.add(WILDCARD);
          i += 2;
        } else {
          i = name(p, i + 1, steps);
        }
      } else if (c == '[') {
        int close = p.indexOf(']', i);
        if (close < 0) {
          throw bad(path, "[ at position " + (i + 1) + " is not closed");
        }
        String inside = p.substring(i + 1, close).trim();
        if (inside.equals("*")) {
          steps.add(WILDCARD);
        } else if (inside.length() >= 2
            && (inside.charAt(0) == '\'' || inside.charAt(0) == '"')
            && inside.charAt(inside.length() - 1) == inside.charAt(0)) {
          steps.add(inside.substring(1, inside.length() - 1));
        } else if (!inside.isEmpty() && inside.chars().allMatch(Character::isDigit)) {
          try {
            steps.add(Integer.parseInt(inside));
          } catch (NumberFormatException e) {
            throw bad(path, "index " + inside + " is too large");
          }
        } else {
          throw bad(path, "expected a number, * or a quoted name inside [ ] at position "
              + (i + 1));
        }
        i = close + 1;
      } else {
        throw bad(path, "expected . or [ at position " + (i + 1));
      }
    }
    if (!rooted && steps.isEmpty()) {
      throw bad(path, "the path is empty");
    }
    return new JsonPath(path, rooted, List.copyOf(steps));
  }

  private static int name(String p, int start, List<Object> steps) {
    int end = start;
    while (end < p.length() && p.charAt(end) != '.' && p.charAt(end) != '[') {
      end++;
    }
    if (end == start) {
      throw bad(p, "expected a name at position " + (start + 1));
    }
    steps.add(p.substring(start, end));
    return end;
  }

  private static IllegalArgumentException bad(String path, String what) {
    return new IllegalArgumentException("invalid JSON path '" + path + "': " + what);
  }

  boolean hasWildcard() {
    return steps.contains(WILDCARD);
  }

  /** Whether the path starts at the root ({@code $}) rather than at the cross-applied element. */
  boolean rooted() {
    return rooted;
  }

  /**
   * The node the path leads to, or null when it leads nowhere. {@code [*]} collects what the rest
   * of the path finds in each element into an array (elements where it finds nothing left out).
   */
  JsonNode find(JsonNode root, JsonNode element) {
    return find(rooted || element == null ? root : element, 0);
  }

  private JsonNode find(JsonNode node, int from) {
    for (int i = from; i < steps.size(); i++) {
      if (node == null) {
        return null;
      }
      Object step = steps.get(i);
      if (step == WILDCARD) {
        if (!node.isArray()) {
          return null;
        }
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        for (JsonNode e : node) {
          JsonNode found = find(e, i + 1);
          if (found != null && !found.isMissingNode()) {
            out.add(found);
          }
        }
        return out;
      }
      node = step instanceof Integer index ? (node.isArray() ? node.get(index) : null)
          : (node.isObject() ? node.get((String) step) : null);
    }
    return node;
  }

  @Override
  public String toString() {
    return text;
  }
}
