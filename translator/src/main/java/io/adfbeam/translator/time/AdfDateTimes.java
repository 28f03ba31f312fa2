package io.adfbeam.translator.time;
/** Temporary stand-in until the time package lands. */
public final class AdfDateTimes { public static java.time.LocalDateTime parse(String s) { try { return java.time.LocalDateTime.parse(s.replace("Z", "")); } catch (java.time.format.DateTimeParseException e) { throw new IllegalArgumentException("malformed date '" + s + "'"); } }
  public static String format(java.time.LocalDateTime t) { return t + "Z"; } }
