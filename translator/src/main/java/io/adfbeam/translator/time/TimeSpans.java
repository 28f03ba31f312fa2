package io.adfbeam.translator.time;
public final class TimeSpans { public static java.time.Duration parse(String s) { String[] p = s.split(":"); if (p.length != 3) throw new IllegalArgumentException("malformed TimeSpan '" + s + "'"); return java.time.Duration.ofHours(Long.parseLong(p[0])).plusMinutes(Long.parseLong(p[1])).plusSeconds(Long.parseLong(p[2])); } }
