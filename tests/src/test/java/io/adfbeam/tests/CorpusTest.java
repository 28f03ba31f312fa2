package io.adfbeam.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.adfbeam.translator.json.Diagnostic;
import io.adfbeam.translator.load.FactoryLoader;
import io.adfbeam.translator.model.Activity;
import io.adfbeam.translator.model.AdfVersion;
import io.adfbeam.translator.model.Dataset;
import io.adfbeam.translator.model.DatasetRef;
import io.adfbeam.translator.model.Factory;
import io.adfbeam.translator.model.Pipeline;
import io.adfbeam.translator.plan.Plan;
import io.adfbeam.translator.plan.PlanRequest;
import io.adfbeam.translator.plan.Planner;
import io.adfbeam.translator.validate.FactoryValidator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every real public ADF definition in {@code shared/corpus} yields a model or located
 * diagnostics, never a crash; every corpus folder that holds a v1 Copy pipeline with the datasets
 * and linked services it names plans, or says exactly what is unsupported.
 */
class CorpusTest {

  @Test
  void everyFileYieldsAModelOrLocatedDiagnostics() throws IOException {
    List<Path> files = jsonFiles(Shared.corpus());
    assertThat(files).hasSizeGreaterThanOrEqualTo(250);
    Map<String, Integer> outcomes = new TreeMap<>();
    for (Path file : files) {
      Factory factory = FactoryLoader.load(file);
      // One file alone cannot resolve its references to other files: its own diagnostics only.
      List<Diagnostic> diagnostics = factory.diagnostics();
      int resources = factory.linkedServices().size() + factory.datasets().size()
          + factory.pipelines().size() + factory.triggers().size();
      for (Diagnostic d : diagnostics) {
        assertThat(d.location().file()).as("diagnostic file of %s", d).isEqualTo(file.toString());
        assertThat(d.location().line()).as("line of %s", d).isPositive();
        assertThat(d.location().column()).as("column of %s", d).isPositive();
        assertThat(d.message()).as("message of %s", d).isNotBlank().doesNotContain("Exception", "\n");
      }
      // A file in the Git layout's factory/ folder describes the factory itself: nothing to run.
      boolean factoryDefinition = file.getParent().getFileName().toString().equals("factory");
      assertThat(resources > 0 || !diagnostics.isEmpty() || factoryDefinition)
          .as("%s yields a resource or a diagnostic", file).isTrue();
      String outcome = factoryDefinition && resources == 0 && diagnostics.isEmpty()
          ? "factory definition"
          : diagnostics.stream().anyMatch(Diagnostic::isError)
          ? (resources > 0 ? "model with errors" : "errors only")
          : diagnostics.isEmpty() ? "clean model" : "model with warnings";
      outcomes.merge(outcome, 1, Integer::sum);
    }
    System.out.println("corpus: " + files.size() + " files: " + outcomes);
    assertThat(outcomes.getOrDefault("clean model", 0) + outcomes.getOrDefault("model with warnings", 0))
        .as("most real files load cleanly").isGreaterThan(files.size() / 2);
  }

  @Test
  void everyFolderWithAV1CopyPipelineAndItsDefinitionsPlansOrSaysWhatIsUnsupported()
      throws IOException {
    Set<Path> folders = new LinkedHashSet<>();
    for (Path file : jsonFiles(Shared.corpus().resolve("v1"))) {
      Factory single = FactoryLoader.load(file);
      for (Pipeline p : single.pipelines()) {
        if (p.version() == AdfVersion.V1
            && p.activities().stream().anyMatch(a -> a instanceof Activity.CopyActivity)) {
          completeFolder(file, p).ifPresent(folders::add);
        }
      }
    }
    assertThat(folders).as("corpus folders holding a v1 Copy pipeline with its definitions")
        .hasSizeGreaterThanOrEqualTo(5);
    int planned = 0;
    List<String> report = new ArrayList<>();
    for (Path folder : folders) {
      Factory factory = FactoryLoader.load(folder);
      List<Diagnostic> errors = FactoryValidator.validate(factory).stream()
          .filter(Diagnostic::isError).toList();
      if (errors.isEmpty()) {
        Plan plan = Planner.plan(factory, PlanRequest.ALL);
        assertThat(plan.diagnostics()).as("plan of %s", folder).isEmpty();
        for (Pipeline p : factory.pipelines()) {
          for (Activity a : p.activities()) {
            if (a instanceof Activity.CopyActivity) {
              assertThat(plan.runs()).as("runs of %s/%s in %s", p.name(), a.name(), folder)
                  .anyMatch(r -> r.pipeline().equals(p.name()) && r.activity().equals(a.name()));
            }
          }
        }
        planned++;
        report.add("planned " + plan.runs().size() + " runs: " + Shared.corpus().relativize(folder));
      } else {
        for (Diagnostic e : errors) {
          assertThat(e.location().line()).isPositive();
          assertThat(e.location().file()).startsWith(folder.toString());
        }
        assertThat(errors).as("errors of %s name what is unsupported or wrong", folder)
            .allSatisfy(e -> assertThat(e.message()).containsAnyOf(
                "not supported", "does not support", "does not copy", "not defined", "missing",
                "malformed", "unknown", "must", "cannot", "duplicate", "not allowed", "expected"));
        report.add(errors.size() + " located errors, e.g. " + errors.get(0).message() + ": "
            + Shared.corpus().relativize(folder));
      }
    }
    System.out.println("corpus v1 Copy factories: " + folders.size() + ", planned: " + planned);
    report.forEach(System.out::println);
  }

  /**
   * The nearest folder above a pipeline file that holds every dataset the pipeline names and the
   * linked services of those datasets.
   */
  private static java.util.Optional<Path> completeFolder(Path pipelineFile, Pipeline pipeline) {
    Path repoRoot = Shared.corpus().resolve("v1").resolve(
        Shared.corpus().resolve("v1").relativize(pipelineFile).getName(0));
    for (Path dir = pipelineFile.getParent(); dir != null && dir.startsWith(repoRoot);
        dir = dir.getParent()) {
      Factory f = FactoryLoader.load(dir);
      boolean complete = pipeline.activities().stream()
          .flatMap(a -> Stream.concat(a.inputs().stream(), a.outputs().stream()))
          .map(DatasetRef::name)
          .allMatch(n -> f.dataset(n).map(Dataset::linkedService)
              .map(ls -> f.linkedService(ls.name()).isPresent()).orElse(false));
      if (complete) {
        return java.util.Optional.of(dir);
      }
    }
    return java.util.Optional.empty();
  }

  private static List<Path> jsonFiles(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile)
          .filter(p -> p.getFileName().toString().endsWith(".json"))
          .sorted().toList();
    }
  }
}
