package io.adfbeam.translator.model;

import io.adfbeam.translator.json.SourceLocation;

/** A reference by name to another resource, with where the reference is written. */
public record Reference(String name, SourceLocation location) {}
