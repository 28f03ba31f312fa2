package io.adfbeam.translator.model;

import io.adfbeam.formats.AdfType;
import io.adfbeam.translator.json.SourceLocation;
import java.util.Optional;

/** One {@code structure} column. A missing type means String. */
public record Column(
    String name,
    Optional<AdfType> type,
    Optional<String> culture,
    Optional<String> format,
    SourceLocation location) {}
