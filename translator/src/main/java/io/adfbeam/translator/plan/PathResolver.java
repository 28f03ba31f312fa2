package io.adfbeam.translator.plan;

import io.adfbeam.translator.model.AdfString;
import io.adfbeam.translator.model.Dataset;
import io.adfbeam.translator.model.Partition;
import io.adfbeam.translator.time.DotNetDateFormat;
import io.adfbeam.translator.time.SliceVariables;
import io.adfbeam.translator.time.V1Expressions;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves a file dataset's folderPath and fileName for one slice: {@code {Name}} placeholders
 * take their partitionedBy value (the slice variable formatted with its .NET format), and a v1
 * function ({@code $$Text.Format(...)}) is evaluated. v2 expressions stay as written.
 */
public final class PathResolver {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]+)}");

  private PathResolver() {}

  /** The dataset's slice with its paths resolved. */
  public static ResolvedDataset resolve(Dataset dataset, SliceWindow slice) {
    if (dataset instanceof Dataset.FileDataset file) {
      SliceVariables vars = SliceVariables.ofSlice(slice.start(), slice.end());
      return new ResolvedDataset(file.name(), slice,
          file.folderPath().map(p -> resolve(file, p, vars)),
          file.fileName().map(p -> resolve(file, p, vars)));
    }
    return new ResolvedDataset(dataset.name(), slice, Optional.empty(), Optional.empty());
  }

  private static String resolve(Dataset.FileDataset dataset, AdfString value, SliceVariables vars) {
    if (value.isExpression()) {
      return value.text();
    }
    String text = value.text();
    if (V1Expressions.isExpression(text)) {
      return V1Expressions.evaluate(text, vars).asText();
    }
    Matcher m = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String name = m.group(1);
      Optional<Partition> partition = dataset.partitionedBy().stream()
          .filter(p -> p.name().equalsIgnoreCase(name)).findFirst();
      String replacement = partition.map(p -> DotNetDateFormat.format(variable(p.date(), vars),
              p.format().isEmpty() ? "G" : p.format()))
          .orElse(m.group()); // undefined names are reported by validation; kept as written
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static LocalDateTime variable(String name, SliceVariables vars) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "sliceend" -> vars.sliceEnd();
      case "windowstart" -> vars.windowStart();
      case "windowend" -> vars.windowEnd();
      default -> vars.sliceStart();
    };
  }
}
