package io.adfbeam.translator.model;

import io.adfbeam.formats.CompressionLevel;
import io.adfbeam.formats.CompressionType;
import io.adfbeam.translator.json.SourceLocation;
import java.util.Optional;

/** A dataset's {@code compression}: the codec and, optionally, the level. */
public record Compression(
    CompressionType type, Optional<CompressionLevel> level, SourceLocation location) {}
