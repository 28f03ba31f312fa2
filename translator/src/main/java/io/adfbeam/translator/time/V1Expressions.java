package io.adfbeam.translator.time;

import io.adfbeam.translator.time.Value.DateTimeValue;
import io.adfbeam.translator.time.Value.IntegerValue;
import io.adfbeam.translator.time.Value.StringValue;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * ADF v1 functions and system variables ("Data Factory functions and system variables"), such as
 * {@code $$Text.Format('{0:yyyyMMdd-HH}', WindowStart)} in a query or {@code
 * Date.AddDays(SliceStart, -1)} in an activity input's {@code startTime}.
 *
 * <p>Syntax: an optional {@code $$} prefix, then one expression, which is a function call {@code
 * Name.Name(arg, ...)}, a system variable ({@code SliceStart}, {@code SliceEnd}, {@code
 * WindowStart}, {@code WindowEnd}), a single-quoted string or a (possibly negative) integer. In a
 * string, {@code \'} and {@code ''} stand for one quote; any other backslash is kept as is (so a
 * string cannot end in a backslash). Inner calls take no {@code $$}. Function and variable names
 * are case-insensitive. The text is parsed by recursive descent into a small syntax tree, which is
 * type-checked (date-time, integer, string) before it is evaluated, so {@link #problem} finds
 * unknown names, wrong argument counts, wrong argument types and, when the format of {@code
 * Text.Format} is a literal, bad format items, without evaluating anything.
 *
 * <p>Functions ({@code X} a date-time, {@code Y} an integer; all date-times UTC):
 *
 * <ul>
 *   <li>{@code Time.AddHours(X,Y)}, {@code Time.AddMinutes(X,Y)}, {@code Time.AddSeconds(X,Y)},
 *       {@code Time.StartOfHour(X)};
 *   <li>{@code Date.AddDays}, {@code Date.AddHours}, {@code Date.AddMinutes}, {@code
 *       Date.AddWeeks}, {@code Date.AddMonths}, {@code Date.AddQuarters}, {@code Date.AddYears}
 *       {@code (X,Y)}; adding months, quarters or years clamps the day to the end of a shorter
 *       month as .NET does (31 Jan + 1 month = 28 or 29 Feb);
 *   <li>{@code Date.Day(X)}, {@code Date.DayOfWeek(X)} (0 = Sunday to 6 = Saturday, the .NET
 *       {@code DayOfWeek} numbers), {@code Date.DayOfYear(X)}, {@code Date.DaysInMonth(X)}:
 *       integers;
 *   <li>{@code Date.StartOfDay(X)} (00:00:00), {@code Date.EndOfDay(X)} (23:59:59 of the same day),
 *       {@code Date.StartOfMonth(X)} (the 1st, 00:00:00), {@code Date.EndOfMonth(X)} (the last day,
 *       23:59:59). The ends are whole seconds, as in Microsoft's examples ("EndOfDay of 9/15/2013
 *       05:10:23 PM is 9/15/2013 11:59:59 PM"), not the last tick of the day;
 *   <li>{@code DateTime.From(X)}: a string is parsed as ISO 8601 ({@link AdfDateTimes#parse}); a
 *       date-time gives its date part (midnight);
 *   <li>{@code DateTime.Ticks(X)}: .NET ticks, 100 ns units since 0001-01-01T00:00:00;
 *   <li>{@code Text.Format(format, args...)}: .NET composite formatting, with items {@code
 *       {index[,alignment][:format]}} and <code>&#123;&#123;</code> / <code>&#125;&#125;</code>
 *       for literal braces. A date-time argument is formatted with {@link DotNetDateFormat};
 *       without a format it uses the invariant general form {@code MM/dd/yyyy HH:mm:ss} (ADF's
 *       service culture is not documented; the invariant culture is the reproducible choice). An
 *       integer argument takes {@code D}n, {@code N}n, {@code F}n, {@code X}n (64-bit), {@code G}
 *       or a pattern of {@code 0} and {@code #} such as {@code 00}; without a format it is plain
 *       decimal. A string argument ignores any format, as in .NET. As in .NET, the text after
 *       {@code :} is the format verbatim, so {@code {0: yyyy}} keeps the space. A format part
 *       cannot contain braces.
 * </ul>
 *
 * <p>Every date-time result must lie in the .NET {@code DateTime} range (years 1 to 9999).
 *
 * <p>Where Microsoft's page is wrong or silent: its examples "Day of 9/15/2013 is 9" and "9/15/2013
 * - 1 week = 9/7/2013" are arithmetic slips, so {@code Date.Day} is the day of the month (15) and
 * {@code Date.AddWeeks(X, -1)} is 9/8; {@code Date.DayOfWeek} is documented as "Sunday" but is an
 * integer here, the .NET enum value; {@code Time.AddSeconds}, {@code Date.AddHours} and {@code
 * Date.AddMinutes} are not listed there but are accepted; variable names are case-insensitive
 * like function names; an expression's value as text ({@link Value#asText}) is ISO 8601 for a
 * date-time.
 */
public final class V1Expressions {

  private static final long TICKS_PER_DAY = 864_000_000_000L;
  private static final long EPOCH_DAY_OF_YEAR_ONE = LocalDate.of(1, 1, 1).toEpochDay();

  private static final Map<String, Fn> FUNCTIONS = new LinkedHashMap<>();
  private static final Map<String, String> VARIABLES = new LinkedHashMap<>();

  static {
    for (String name : List.of("SliceStart", "SliceEnd", "WindowStart", "WindowEnd")) {
      VARIABLES.put(name.toLowerCase(Locale.ROOT), name);
    }
    addShift("Time.AddHours", (t, n) -> t.plusHours(n));
    addShift("Time.AddMinutes", (t, n) -> t.plusMinutes(n));
    addShift("Time.AddSeconds", (t, n) -> t.plusSeconds(n));
    addDateTime("Time.StartOfHour", t -> t.truncatedTo(ChronoUnit.HOURS));
    addShift("Date.AddDays", (t, n) -> t.plusDays(n));
    addShift("Date.AddHours", (t, n) -> t.plusHours(n));
    addShift("Date.AddMinutes", (t, n) -> t.plusMinutes(n));
    addShift("Date.AddMonths", (t, n) -> t.plusMonths(n));
    addShift("Date.AddQuarters", (t, n) -> t.plusMonths(Math.multiplyExact(n, 3L)));
    addShift("Date.AddWeeks", (t, n) -> t.plusWeeks(n));
    addShift("Date.AddYears", (t, n) -> t.plusYears(n));
    addInteger("Date.Day", t -> (long) t.getDayOfMonth());
    addInteger("Date.DayOfWeek", t -> (long) (t.getDayOfWeek().getValue() % 7));
    addInteger("Date.DayOfYear", t -> (long) t.getDayOfYear());
    addInteger("Date.DaysInMonth", t -> (long) t.toLocalDate().lengthOfMonth());
    addInteger("DateTime.Ticks", V1Expressions::ticks);
    addDateTime("Date.StartOfDay", t -> t.truncatedTo(ChronoUnit.DAYS));
    addDateTime("Date.EndOfDay", t -> t.toLocalDate().atTime(23, 59, 59));
    addDateTime("Date.StartOfMonth", t -> t.toLocalDate().withDayOfMonth(1).atStartOfDay());
    addDateTime("Date.EndOfMonth", t -> t.toLocalDate()
        .withDayOfMonth(t.toLocalDate().lengthOfMonth()).atTime(23, 59, 59));
    add(new Fn("DateTime.From", List.of(EnumSet.of(Type.STRING, Type.DATETIME)), false,
        Type.DATETIME, "X: string or DateTime", args -> {
          if (args.get(0) instanceof StringValue s) {
            return new DateTimeValue(AdfDateTimes.parse(s.value()));
          }
          return new DateTimeValue(dateTime(args.get(0)).truncatedTo(ChronoUnit.DAYS));
        }));
    add(new Fn("Text.Format", List.of(EnumSet.of(Type.STRING), EnumSet.allOf(Type.class)), true,
        Type.STRING, "format: string, args...", args -> new StringValue(
            composite(((StringValue) args.get(0)).value(), args.subList(1, args.size()), null))));
  }

  private V1Expressions() {}

  /**
   * Tells whether a property value is an ADF v1 expression: whether it starts, after white space,
   * with {@code $$}.
   *
   * @param text a property value, may be null
   * @return true for {@code $$...}
   */
  public static boolean isExpression(String text) {
    return text != null && text.strip().startsWith("$$");
  }

  /**
   * Evaluates an expression.
   *
   * @param expression for example {@code $$Text.Format('{0:yyyyMMdd-HH}', WindowStart)}; the
   *     {@code $$} is optional
   * @param vars the values of the system variables
   * @return the value
   * @throws IllegalArgumentException naming the problem and its column (1-based, in {@code
   *     expression} as given) if the expression is invalid or cannot be evaluated
   */
  public static Value evaluate(String expression, SliceVariables vars) {
    Node node = new Parser(expression).parseAll();
    check(node);
    return eval(node, vars);
  }

  /**
   * Checks an expression without evaluating it: syntax, names of functions and variables, numbers
   * and types of arguments, and literal {@code Text.Format} formats.
   *
   * @param expression the expression, with or without {@code $$}
   * @return the problem, with its column, or empty when the expression is valid
   */
  public static Optional<String> problem(String expression) {
    try {
      check(new Parser(expression).parseAll());
      return Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.of(e.getMessage());
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Syntax tree

  private enum Type {
    DATETIME("a date-time"),
    INTEGER("an integer"),
    STRING("a string");

    private final String description;

    Type(String description) {
      this.description = description;
    }
  }

  private sealed interface Node permits Call, Variable, Literal {
    int column();
  }

  private record Call(String name, List<Node> args, int column) implements Node {}

  private record Variable(String name, int column) implements Node {}

  private record Literal(Value value, int column) implements Node {}

  // ---------------------------------------------------------------------------------------------
  // Functions

  @FunctionalInterface
  private interface Impl {
    Value apply(List<Value> args);
  }

  @FunctionalInterface
  private interface DateTimeShift {
    LocalDateTime apply(LocalDateTime t, long n);
  }

  /** A function: its canonical name, parameter types, result type and implementation. */
  private record Fn(String name, List<Set<Type>> params, boolean variadic, Type result,
      String signature, Impl impl) {}

  private static void add(Fn fn) {
    FUNCTIONS.put(fn.name().toLowerCase(Locale.ROOT), fn);
  }

  private static void addShift(String name, DateTimeShift shift) {
    add(new Fn(name, List.of(EnumSet.of(Type.DATETIME), EnumSet.of(Type.INTEGER)), false,
        Type.DATETIME, "X: DateTime, Y: int",
        args -> new DateTimeValue(
            shift.apply(dateTime(args.get(0)), ((IntegerValue) args.get(1)).value()))));
  }

  private static void addDateTime(String name, Function<LocalDateTime, LocalDateTime> f) {
    add(new Fn(name, List.of(EnumSet.of(Type.DATETIME)), false, Type.DATETIME, "X: DateTime",
        args -> new DateTimeValue(f.apply(dateTime(args.get(0))))));
  }

  private static void addInteger(String name, Function<LocalDateTime, Long> f) {
    add(new Fn(name, List.of(EnumSet.of(Type.DATETIME)), false, Type.INTEGER, "X: DateTime",
        args -> new IntegerValue(f.apply(dateTime(args.get(0))))));
  }

  private static LocalDateTime dateTime(Value v) {
    return ((DateTimeValue) v).value();
  }

  private static long ticks(LocalDateTime t) {
    long days = t.toLocalDate().toEpochDay() - EPOCH_DAY_OF_YEAR_ONE;
    return days * TICKS_PER_DAY + t.toLocalTime().toNanoOfDay() / 100;
  }

  // ---------------------------------------------------------------------------------------------
  // Type checking

  private static Type check(Node node) {
    if (node instanceof Literal literal) {
      return typeOf(literal.value());
    }
    if (node instanceof Variable variable) {
      if (!VARIABLES.containsKey(variable.name().toLowerCase(Locale.ROOT))) {
        throw new IllegalArgumentException("unknown variable '" + variable.name() + "' at column "
            + variable.column() + "; known: " + String.join(", ", VARIABLES.values())
            + " (a function needs parentheses, as in Date.StartOfDay(SliceStart))");
      }
      return Type.DATETIME;
    }
    Call call = (Call) node;
    Fn fn = FUNCTIONS.get(call.name().toLowerCase(Locale.ROOT));
    if (fn == null) {
      throw new IllegalArgumentException("unknown function '" + call.name() + "' at column "
          + call.column() + "; known: " + FUNCTIONS.values().stream().map(Fn::name).sorted()
          .collect(Collectors.joining(", ")));
    }
    int n = call.args().size();
    if (fn.variadic() ? n < fn.params().size() - 1 : n != fn.params().size()) {
      int wanted = fn.variadic() ? fn.params().size() - 1 : fn.params().size();
      throw new IllegalArgumentException(fn.name() + " at column " + call.column() + " takes "
          + (fn.variadic() ? "at least " : "") + wanted + " argument" + (wanted == 1 ? "" : "s")
          + " (" + fn.signature() + ") but was given " + n);
    }
    List<Type> types = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Node arg = call.args().get(i);
      Type type = check(arg);
      Set<Type> allowed = fn.params().get(Math.min(i, fn.params().size() - 1));
      if (!allowed.contains(type)) {
        throw new IllegalArgumentException("argument " + (i + 1) + " of " + fn.name()
            + " at column " + arg.column() + " must be " + allowed.stream()
            .map(t -> t.description).collect(Collectors.joining(" or ")) + " but is "
            + type.description + " (" + fn.name() + "(" + fn.signature() + "))");
      }
      types.add(type);
    }
    if (fn.name().equals("Text.Format")
        && call.args().get(0) instanceof Literal literal
        && literal.value() instanceof StringValue format) {
      try {
        composite(format.value(), null, types.subList(1, types.size()));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(e.getMessage() + " (Text.Format at column "
            + call.column() + ")", e);
      }
    }
    return fn.result();
  }

  private static Type typeOf(Value v) {
    if (v instanceof DateTimeValue) {
      return Type.DATETIME;
    }
    return v instanceof IntegerValue ? Type.INTEGER : Type.STRING;
  }

  // ---------------------------------------------------------------------------------------------
  // Evaluation

  private static Value eval(Node node, SliceVariables vars) {
    if (node instanceof Literal literal) {
      return literal.value();
    }
    if (node instanceof Variable variable) {
      String name = VARIABLES.get(variable.name().toLowerCase(Locale.ROOT));
      LocalDateTime value = vars == null ? null : switch (name) {
        case "SliceStart" -> vars.sliceStart();
        case "SliceEnd" -> vars.sliceEnd();
        case "WindowStart" -> vars.windowStart();
        default -> vars.windowEnd();
      };
      if (value == null) {
        throw new IllegalArgumentException("variable " + name + " at column " + variable.column()
            + " has no value here");
      }
      return new DateTimeValue(value);
    }
    Call call = (Call) node;
    Fn fn = FUNCTIONS.get(call.name().toLowerCase(Locale.ROOT));
    List<Value> args = new ArrayList<>();
    for (Node arg : call.args()) {
      args.add(eval(arg, vars));
    }
    Value result;
    try {
      result = fn.impl().apply(args);
    } catch (DateTimeException | ArithmeticException e) {
      throw outOfRange(fn, call, e);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(e.getMessage() + " (" + fn.name() + " at column "
          + call.column() + ")", e);
    }
    if (result instanceof DateTimeValue t
        && (t.value().getYear() < 1 || t.value().getYear() > 9999)) {
      throw outOfRange(fn, call, null);
    }
    return result;
  }

  private static IllegalArgumentException outOfRange(Fn fn, Call call, RuntimeException cause) {
    return new IllegalArgumentException(fn.name() + " at column " + call.column()
        + " gives a date-time outside the .NET DateTime range 0001-01-01 to 9999-12-31", cause);
  }

  // ---------------------------------------------------------------------------------------------
  // .NET composite formatting

  /**
   * Formats (when {@code args} is given) or checks against argument types (when {@code types} is
   * given) a .NET composite format string.
   */
  private static String composite(String format, List<Value> args, List<Type> types) {
    int count = args != null ? args.size() : types.size();
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < format.length()) {
      char c = format.charAt(i);
      if (c == '}') {
        if (i + 1 < format.length() && format.charAt(i + 1) == '}') {
          out.append('}');
          i += 2;
          continue;
        }
        throw badComposite(format, "'}' at position " + (i + 1) + " closes no item; write }}"
            + " for a literal brace");
      }
      if (c != '{') {
        out.append(c);
        i++;
        continue;
      }
      if (i + 1 < format.length() && format.charAt(i + 1) == '{') {
        out.append('{');
        i += 2;
        continue;
      }
      int open = i++;
      int start = i;
      while (i < format.length() && Character.isDigit(format.charAt(i))) {
        i++;
      }
      if (i == start || i - start > 6) {
        throw badComposite(format, "the item at position " + (open + 1) + " must start with an"
            + " argument index such as {0}");
      }
      int index = Integer.parseInt(format.substring(start, i));
      i = skipSpaces(format, i);
      int alignment = 0;
      if (i < format.length() && format.charAt(i) == ',') {
        i = skipSpaces(format, i + 1);
        int alignStart = i;
        if (i < format.length() && format.charAt(i) == '-') {
          i++;
        }
        int digits = i;
        while (i < format.length() && Character.isDigit(format.charAt(i))) {
          i++;
        }
        if (i == digits || i - digits > 6) {
          throw badComposite(format, "the item at position " + (open + 1) + " needs an"
              + " alignment width after ',' such as {0,10} or {0,-10}");
        }
        alignment = Integer.parseInt(format.substring(alignStart, i));
        i = skipSpaces(format, i);
      }
      String itemFormat = null;
      if (i < format.length() && format.charAt(i) == ':') {
        int fmtStart = ++i;
        while (i < format.length() && format.charAt(i) != '}' && format.charAt(i) != '{') {
          i++;
        }
        itemFormat = format.substring(fmtStart, i);
      }
      if (i >= format.length() || format.charAt(i) != '}') {
        throw badComposite(format, "the item at position " + (open + 1) + " is not closed by '}';"
            + " items are {index[,alignment][:format]}");
      }
      i++;
      if (index >= count) {
        throw badComposite(format, "{" + index + "} at position " + (open + 1) + " refers to"
            + " argument " + index + " but there " + (count == 1 ? "is " : "are ") + count
            + " argument" + (count == 1 ? "" : "s") + " after the format (indexes start at 0)");
      }
      String text;
      if (args != null) {
        text = formatArgument(args.get(index), itemFormat);
      } else {
        Value sample = switch (types.get(index)) {
          case DATETIME -> new DateTimeValue(LocalDateTime.of(2000, 1, 1, 0, 0));
          case INTEGER -> new IntegerValue(0);
          case STRING -> new StringValue("");
        };
        text = formatArgument(sample, itemFormat);
      }
      String padding = " ".repeat(Math.max(0, Math.abs(alignment) - text.length()));
      out.append(alignment < 0 ? text + padding : padding + text);
    }
    return out.toString();
  }

  private static int skipSpaces(String s, int i) {
    while (i < s.length() && s.charAt(i) == ' ') {
      i++;
    }
    return i;
  }

  private static String formatArgument(Value value, String format) {
    if (value instanceof DateTimeValue t) {
      return DotNetDateFormat.format(t.value(), format == null || format.isEmpty() ? "G" : format);
    }
    if (value instanceof IntegerValue n) {
      return formatInteger(n.value(), format);
    }
    return ((StringValue) value).value();
  }

  /** .NET standard numeric formats D, N, F, X, G and custom 0/# patterns, for integers. */
  private static String formatInteger(long value, String format) {
    if (format == null || format.isEmpty()) {
      return Long.toString(value);
    }
    if (format.matches("[0#]+")) {
      int zero = format.indexOf('0');
      int minDigits = zero < 0 ? 0 : format.length() - zero;
      if (value == 0 && minDigits == 0) {
        return "";
      }
      return pad(value, minDigits);
    }
    if (!format.matches("[DdNnFfXxGg]\\d{0,2}")) {
      throw new IllegalArgumentException("unsupported integer format '" + format + "'; use D or"
          + " D2 (digits), N0 (thousands separators), F2 (decimals), X (hex), G, or a pattern of 0"
          + " and # such as 00");
    }
    char kind = format.charAt(0);
    int precision = format.length() > 1 ? Integer.parseInt(format.substring(1)) : -1;
    return switch (Character.toUpperCase(kind)) {
      case 'D' -> pad(value, Math.max(precision, 0));
      case 'N' -> String.format(Locale.ROOT, "%,." + (precision < 0 ? 2 : precision) + "f",
          new BigDecimal(value));
      case 'F' -> String.format(Locale.ROOT, "%." + (precision < 0 ? 2 : precision) + "f",
          new BigDecimal(value));
      case 'X' -> {
        String hex = Long.toHexString(value);
        hex = "0".repeat(Math.max(0, precision - hex.length())) + hex;
        yield kind == 'X' ? hex.toUpperCase(Locale.ROOT) : hex;
      }
      default -> Long.toString(value);
    };
  }

  private static String pad(long value, int minDigits) {
    String digits = value == Long.MIN_VALUE ? Long.toString(value).substring(1)
        : Long.toString(Math.abs(value));
    String padded = "0".repeat(Math.max(0, minDigits - digits.length())) + digits;
    return value < 0 ? "-" + padded : padded;
  }

  private static IllegalArgumentException badComposite(String format, String what) {
    return new IllegalArgumentException("invalid Text.Format format '" + format + "': " + what);
  }

  // ---------------------------------------------------------------------------------------------
  // Lexer and recursive-descent parser

  private enum Kind {
    NAME("a name"),
    STRING("a string"),
    INTEGER("an integer"),
    OPEN("'('"),
    CLOSE("')'"),
    COMMA("','"),
    END("the end of the expression");

    private final String description;

    Kind(String description) {
      this.description = description;
    }
  }

  private record Token(Kind kind, String text, Value value, int column) {
    String describe() {
      return kind == Kind.END ? kind.description : "'" + text + "'";
    }
  }

  /** Grammar: {@code ['$$'] expr END}; {@code expr := NAME ['(' [expr {',' expr}] ')'] |
   * STRING | INTEGER}. */
  private static final class Parser {
    private static final String EXPECTED_EXPRESSION = "a function such as"
        + " Date.AddDays(SliceStart, -1), a variable (SliceStart, SliceEnd, WindowStart,"
        + " WindowEnd), a 'string' or an integer";

    private final String src;
    private int pos;
    private Token lookahead;

    Parser(String expression) {
      if (expression == null) {
        throw new IllegalArgumentException("missing expression; expected " + EXPECTED_EXPRESSION);
      }
      src = expression;
      pos = skipWhitespace(0);
      if (src.startsWith("$$", pos)) {
        pos += 2;
      }
    }

    Node parseAll() {
      Node node = parseExpression();
      Token end = next();
      if (end.kind() != Kind.END) {
        throw new IllegalArgumentException("unexpected " + end.describe() + " at column "
            + end.column() + " after the complete expression; expected the end");
      }
      return node;
    }

    private Node parseExpression() {
      Token t = next();
      switch (t.kind()) {
        case STRING, INTEGER -> {
          return new Literal(t.value(), t.column());
        }
        case NAME -> {
          if (peek().kind() != Kind.OPEN) {
            return new Variable(t.text(), t.column());
          }
          next();
          List<Node> args = new ArrayList<>();
          if (peek().kind() == Kind.CLOSE) {
            next();
            return new Call(t.text(), args, t.column());
          }
          while (true) {
            args.add(parseExpression());
            Token sep = next();
            if (sep.kind() == Kind.CLOSE) {
              return new Call(t.text(), args, t.column());
            }
            if (sep.kind() != Kind.COMMA) {
              throw new IllegalArgumentException("expected ',' or ')' at column " + sep.column()
                  + " in the arguments of " + t.text() + " (column " + t.column()
                  + ") but found " + sep.describe());
            }
          }
        }
        default -> throw new IllegalArgumentException("expected " + EXPECTED_EXPRESSION
            + " at column " + t.column() + " but found " + t.describe());
      }
    }

    private Token peek() {
      if (lookahead == null) {
        lookahead = lex();
      }
      return lookahead;
    }

    private Token next() {
      Token t = peek();
      lookahead = null;
      return t;
    }

    private int skipWhitespace(int i) {
      while (i < src.length() && Character.isWhitespace(src.charAt(i))) {
        i++;
      }
      return i;
    }

    private Token lex() {
      pos = skipWhitespace(pos);
      int start = pos;
      int column = start + 1;
      if (pos >= src.length()) {
        return new Token(Kind.END, "", null, column);
      }
      char c = src.charAt(pos);
      switch (c) {
        case '(' -> {
          pos++;
          return new Token(Kind.OPEN, "(", null, column);
        }
        case ')' -> {
          pos++;
          return new Token(Kind.CLOSE, ")", null, column);
        }
        case ',' -> {
          pos++;
          return new Token(Kind.COMMA, ",", null, column);
        }
        case '\'' -> {
          return lexString(column);
        }
        default -> {
          // fall through to names and numbers below
        }
      }
      if (c == '-' || isDigit(c)) {
        pos++;
        while (pos < src.length() && isDigit(src.charAt(pos))) {
          pos++;
        }
        String text = src.substring(start, pos);
        if (text.equals("-")) {
          throw new IllegalArgumentException("'-' at column " + column + " must be followed by"
              + " digits, as in -1");
        }
        try {
          return new Token(Kind.INTEGER, text, new IntegerValue(Long.parseLong(text)), column);
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("integer " + text + " at column " + column
              + " is too large", e);
        }
      }
      if (isNameStart(c)) {
        while (true) {
          while (pos < src.length() && isNamePart(src.charAt(pos))) {
            pos++;
          }
          if (pos < src.length() && src.charAt(pos) == '.') {
            if (pos + 1 >= src.length() || !isNameStart(src.charAt(pos + 1))) {
              throw new IllegalArgumentException("expected a name after '.' at column "
                  + (pos + 2) + ", as in Date.AddDays");
            }
            pos++;
            continue;
          }
          break;
        }
        return new Token(Kind.NAME, src.substring(start, pos), null, column);
      }
      throw new IllegalArgumentException("unexpected character '" + c + "' at column " + column
          + "; expected " + EXPECTED_EXPRESSION);
    }

    private Token lexString(int column) {
      StringBuilder value = new StringBuilder();
      int i = pos + 1;
      while (i < src.length()) {
        char c = src.charAt(i);
        if (c == '\\' && i + 1 < src.length() && src.charAt(i + 1) == '\'') {
          value.append('\'');
          i += 2;
        } else if (c == '\'') {
          if (i + 1 < src.length() && src.charAt(i + 1) == '\'') {
            value.append('\'');
            i += 2;
          } else {
            String text = src.substring(pos, i + 1);
            pos = i + 1;
            return new Token(Kind.STRING, text, new StringValue(value.toString()), column);
          }
        } else {
          value.append(c);
          i++;
        }
      }
      throw new IllegalArgumentException("unterminated string starting at column " + column
          + "; close it with ' (write \\' or '' for a quote inside)");
    }

    private static boolean isDigit(char c) {
      return c >= '0' && c <= '9';
    }

    private static boolean isNameStart(char c) {
      return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
    }

    private static boolean isNamePart(char c) {
      return isNameStart(c) || isDigit(c);
    }
  }
}
