package io.adfbeam.runners.cli;

import io.adfbeam.translator.model.Factory;
import io.adfbeam.translator.model.LinkedService;
import io.adfbeam.translator.model.Secret;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces credentials in text about to be printed with {@value Secret#MASK}. Immutable and
 * thread-safe.
 *
 * <p>It masks, case-insensitively:
 *
 * <ul>
 *   <li>the values of {@code AccountKey=}, {@code SharedAccessKey=}, {@code
 *       SharedAccessSignature=}, {@code Password=}, {@code Pwd=}, {@code ClientSecret=} and {@code
 *       servicePrincipalKey=} pairs, as in connection strings (up to the next {@code ;}, quote,
 *       backslash or white space);
 *   <li>the {@code sig=} value of a SAS URI or token (up to the next {@code &} or {@code ;});
 *   <li>the string value of a JSON member whose name ends in {@code password}, {@code pwd},
 *       {@code key}, {@code secret}, {@code token}, {@code signature} or {@code credential}
 *       ({@code "password": "..."}, {@code "servicePrincipalKey": "..."}), and the {@code value} of
 *       a v2 {@code SecureString};
 *   <li>with {@link #forFactory}, every inline secret the factory holds, wherever it appears,
 *       together with the key and signature values inside its connection strings and SAS URIs.
 * </ul>
 *
 * <p>Masking an already masked text changes nothing.
 */
public final class SecretMasker {

  /** What a secret is replaced with. */
  public static final String MASK = Secret.MASK;

  /** Known values shorter than this are not replaced literally, or every "1" would vanish. */
  static final int MIN_LITERAL_LENGTH = 4;

  private static final String PAIR_NAMES =
      "AccountKey|SharedAccessKey|SharedAccessSignature|Password|Pwd|ClientSecret"
          + "|servicePrincipalKey";

  /** {@code AccountKey=value} pairs in connection strings and similar text. */
  private static final Pattern PAIR =
      Pattern.compile(
          "(?i)(?<![A-Za-z0-9_])((?:" + PAIR_NAMES + ")\\s*=\\s*)([^;\"'\\\\\\s]+)");

  /** The signature of a SAS URI or token. */
  private static final Pattern SAS_SIGNATURE =
      Pattern.compile("(?i)(?<![A-Za-z0-9_-])(sig=)([^&;\"'\\\\\\s]+)");

  /** A JSON member with a credential-like name and a non-empty string value. */
  private static final Pattern JSON_MEMBER =
      Pattern.compile(
          "(?i)(\"[A-Za-z0-9_]*(?:password|pwd|key|secret|token|signature|credential)[0-9]*\""
              + "\\s*:\\s*\")((?:[^\"\\\\]|\\\\.)+)(\")");

  /** A v2 SecureString: {@code {"type": "SecureString", "value": "..."}}. */
  private static final Pattern SECURE_STRING =
      Pattern.compile(
          "(?i)(\"type\"\\s*:\\s*\"SecureString\"\\s*,\\s*\"value\"\\s*:\\s*\")"
              + "((?:[^\"\\\\]|\\\\.)+)(\")");

  /** The same, value first: {@code {"value": "...", "type": "SecureString"}}. */
  private static final Pattern SECURE_STRING_VALUE_FIRST =
      Pattern.compile(
          "(?i)(\"value\"\\s*:\\s*\")((?:[^\"\\\\]|\\\\.)+)(\"\\s*,\\s*\"type\"\\s*:\\s*"
              + "\"SecureString\")");

  private static final SecretMasker STANDARD = new SecretMasker(List.of());

  /** Known secret values, longest first, so a value inside another is not replaced first. */
  private final List<String> literals;

  private SecretMasker(List<String> literals) {
    this.literals = literals;
  }

  /** A masker that knows no particular values: it masks by the patterns above only. */
  public static SecretMasker standard() {
    return STANDARD;
  }

  /** A masker that also masks every inline secret of {@code factory}'s linked services. */
  public static SecretMasker forFactory(Factory factory) {
    List<String> values = new ArrayList<>();
    for (LinkedService linkedService : factory.linkedServices()) {
      values.addAll(inlineSecrets(linkedService));
    }
    return standard().withSecrets(values);
  }

  /**
   * A masker that also replaces each of {@code values} wherever it appears, and the key and
   * signature values inside it (a connection string's {@code AccountKey}, a SAS URI's {@code
   * sig}). Values shorter than four characters are masked only by the patterns.
   */
  public SecretMasker withSecrets(Collection<String> values) {
    Set<String> all = new LinkedHashSet<>(literals);
    for (String value : values) {
      addLiteral(all, value);
      for (Pattern pattern : List.of(PAIR, SAS_SIGNATURE)) {
        Matcher m = pattern.matcher(value);
        while (m.find()) {
          addLiteral(all, m.group(2));
        }
      }
    }
    List<String> sorted = new ArrayList<>(all);
    sorted.sort(Comparator.comparingInt(String::length).reversed().thenComparing(s -> s));
    return new SecretMasker(List.copyOf(sorted));
  }

  private static void addLiteral(Set<String> literals, String value) {
    String v = value.strip();
    if (v.length() >= MIN_LITERAL_LENGTH && !v.chars().allMatch(c -> c == '*')) {
      literals.add(v);
    }
  }

  /** {@code text} with every credential it holds replaced by {@value Secret#MASK}. */
  public String mask(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String masked = text;
    for (String literal : literals) {
      masked = masked.replace(literal, MASK);
    }
    masked = replaceGroup(PAIR, masked, 2);
    masked = replaceGroup(SAS_SIGNATURE, masked, 2);
    masked = replaceGroup(JSON_MEMBER, masked, 2);
    masked = replaceGroup(SECURE_STRING, masked, 2);
    masked = replaceGroup(SECURE_STRING_VALUE_FIRST, masked, 2);
    return masked;
  }

  private static String replaceGroup(Pattern pattern, String text, int group) {
    Matcher m = pattern.matcher(text);
    if (!m.find()) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    int last = 0;
    do {
      out.append(text, last, m.start(group)).append(MASK);
      last = m.end(group);
    } while (m.find());
    return out.append(text, last, text.length()).toString();
  }

  /**
   * The inline secret values of a linked service: every record component that is a {@link
   * Secret.Inline} or an {@code Optional} of one. Read through the record's components so a
   * linked service kind added later is covered without a change here.
   */
  static List<String> inlineSecrets(LinkedService linkedService) {
    List<String> values = new ArrayList<>();
    RecordComponent[] components = linkedService.getClass().getRecordComponents();
    if (components == null) {
      return values;
    }
    for (RecordComponent component : components) {
      Object value;
      try {
        value = component.getAccessor().invoke(linkedService);
      } catch (IllegalAccessException | InvocationTargetException e) {
        continue;
      }
      if (value instanceof Optional<?> optional) {
        value = optional.orElse(null);
      }
      if (value instanceof Secret.Inline inline) {
        values.add(inline.value());
      }
    }
    return values;
  }
}
