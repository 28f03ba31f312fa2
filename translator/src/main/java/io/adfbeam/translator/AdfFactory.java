package io.adfbeam.translator;

import io.adfbeam.translator.json.Diagnostic;
import io.adfbeam.translator.load.FactoryLoader;
import io.adfbeam.translator.model.Factory;
import io.adfbeam.translator.validate.FactoryValidator;
import java.nio.file.Path;
import java.util.List;

/**
 * A loaded, validated factory: the entry point for embedding adf-beam in a Beam program.
 *
 * <pre>{@code
 * AdfFactory factory = AdfFactory.load(Path.of("my-factory"));
 * pipeline.apply("CopyHourly", AdfCopy.of(factory, "SamplePipeline", "AzureBlobtoDataLake")
 *     .forWindow(LocalDateTime.parse("2014-06-01T18:00"), LocalDateTime.parse("2014-06-01T21:00"))
 *     .withStores(StoreMapping.parse(List.of("StorageLinkedService=/data/blob", ...))));
 * }</pre>
 */
public final class AdfFactory {
  private final Factory model;
  private final List<Diagnostic> warnings;

  private AdfFactory(Factory model, List<Diagnostic> warnings) {
    this.model = model;
    this.warnings = warnings;
  }

  /**
   * Loads and validates a factory: a resource file, a v1 project folder, a Git-layout folder or
   * an ARM template.
   *
   * @throws InvalidFactoryException with every located error, when there is any
   */
  public static AdfFactory load(Path path) {
    Factory model = FactoryLoader.load(path);
    List<Diagnostic> diagnostics = FactoryValidator.validate(model);
    if (diagnostics.stream().anyMatch(Diagnostic::isError)) {
      throw new InvalidFactoryException(diagnostics);
    }
    return new AdfFactory(model, diagnostics);
  }

  /** The typed model of the factory's definitions. */
  public Factory model() {
    return model;
  }

  /** What validation found that does not stop translation (unsupported activities, ...). */
  public List<Diagnostic> warnings() {
    return warnings;
  }
}
