package io.adfbeam.translator;

import io.adfbeam.translator.json.Diagnostic;
import io.adfbeam.translator.load.FactoryLoader;
import io.adfbeam.translator.model.Factory;
import io.adfbeam.translator.validate.FactoryValidator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The named fixtures under {@code src/test/resources/fixtures/<case>/}, read from the module's
 * source tree (Maven runs tests in the module folder), so a diagnostic's file is the same path
 * the test passes to the loader.
 */
public final class Fixtures {
  private static final Path ROOT = Path.of("src", "test", "resources", "fixtures");

  private Fixtures() {}

  /** The fixture {@code name}: a folder, or a file inside one ({@code "case/dataset.json"}). */
  public static Path fixture(String name) {
    Path path = ROOT.resolve(name);
    if (!Files.exists(path)) {
      throw new IllegalArgumentException("no fixture " + path.toAbsolutePath());
    }
    return path;
  }

  /** The path a diagnostic prints for {@code file} of fixture {@code name}. */
  public static String file(String name, String file) {
    return fixture(name).resolve(file).toString();
  }

  public static Factory load(String name) {
    return FactoryLoader.load(fixture(name));
  }

  /** The loader's diagnostics, printed. */
  public static List<String> loadDiagnostics(String name) {
    return load(name).diagnostics().stream().map(Diagnostic::toString).toList();
  }

  /** Every diagnostic of the loaded and validated factory, printed, in order. */
  public static List<String> validate(String name) {
    return FactoryValidator.validate(load(name)).stream().map(Diagnostic::toString).toList();
  }
}
