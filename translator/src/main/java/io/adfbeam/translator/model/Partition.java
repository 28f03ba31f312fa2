package io.adfbeam.translator.model;

import io.adfbeam.translator.json.SourceLocation;

/**
 * One {@code partitionedBy} entry: {@code {Name}} in folderPath or fileName is replaced by the
 * slice variable {@code date} (SliceStart, SliceEnd) formatted with the .NET format {@code format}.
 */
public record Partition(String name, String date, String format, SourceLocation location) {}
