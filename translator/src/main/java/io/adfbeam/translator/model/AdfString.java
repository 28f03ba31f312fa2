package io.adfbeam.translator.model;

/**
 * A string property that may be a v2 expression ({@code "@concat(...)"} or {@code {"value": "...",
 * "type": "Expression"}}). Expressions are kept as written until they are evaluated.
 */
public sealed interface AdfString {

  /** The text as written in the definition. */
  String text();

  /** A plain value; v1 {@code {Name}} placeholders in paths are filled from partitionedBy. */
  record Literal(String text) implements AdfString {}

  /** A v2 expression, kept unevaluated, e.g. {@code @dataset().folder}. */
  record Expression(String text) implements AdfString {}

  static AdfString of(String text) {
    // In v2 a string that starts with '@' is an expression; '@@' escapes a literal '@'.
    if (text.startsWith("@@")) {
      return new Literal(text.substring(1));
    }
    // '@{...}' interpolates an expression into text: the whole value is then an expression.
    return text.startsWith("@") || text.contains("@{") ? new Expression(text) : new Literal(text);
  }

  default boolean isExpression() {
    return this instanceof Expression;
  }
}
