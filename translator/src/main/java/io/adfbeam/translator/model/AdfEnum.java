package io.adfbeam.translator.model;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** An enum whose constants carry the spelling ADF uses for them. */
public interface AdfEnum {

  /** The value as ADF writes it, e.g. {@code PreserveHierarchy}. */
  String adfName();

  /** The constant whose ADF name equals {@code text}, ignoring letter case and surrounding spaces. */
  static <E extends Enum<E> & AdfEnum> Optional<E> parse(Class<E> type, String text) {
    String t = text.trim();
    return Arrays.stream(type.getEnumConstants())
        .filter(e -> e.adfName().equalsIgnoreCase(t))
        .findFirst();
  }

  /** "A, B or C", for messages that list the allowed values. */
  static <E extends Enum<E> & AdfEnum> String allowed(Class<E> type) {
    E[] all = type.getEnumConstants();
    String head =
        Arrays.stream(all, 0, all.length - 1).map(AdfEnum::adfName).collect(Collectors.joining(", "));
    return all.length == 1 ? all[0].adfName() : head + " or " + all[all.length - 1].adfName();
  }
}
