package io.adfbeam.translator.validate;

import io.adfbeam.translator.json.Diagnostic;
import io.adfbeam.translator.json.Diagnostics;
import io.adfbeam.translator.model.Factory;
import java.util.List;

/**
 * Checks a loaded factory as a whole: references, duplicate names, schedules, cycles, and the
 * values whose meaning needs more than one resource. Returns the loader's diagnostics together
 * with its own, every problem at once, in file order.
 */
public final class FactoryValidator {
  private FactoryValidator() {}

  public static List<Diagnostic> validate(Factory factory) {
    Diagnostics d = new Diagnostics();
    d.addAll(factory.diagnostics());
    return d.sorted();
  }
}
