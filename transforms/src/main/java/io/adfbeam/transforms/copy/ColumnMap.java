package io.adfbeam.transforms.copy;

import java.io.Serializable;

/** One column mapping of a copy: a source column and the sink column it fills. */
public record ColumnMap(String source, String sink) implements Serializable {}
