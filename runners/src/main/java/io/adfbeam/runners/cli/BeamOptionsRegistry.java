package io.adfbeam.runners.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLConnection;
import java.net.URLStreamHandler;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;
import java.util.Set;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.options.PipelineOptionsRegistrar;

/**
 * Beam's registry of pipeline options, limited to what a run can use.
 *
 * <p>The registry checks each options interface it registers against all those registered before
 * it (a proxy class over all of them, their methods sorted by their generic signatures), so its
 * cost grows with the square of what is registered: with the 15 interfaces of this jar's
 * registrars it took 0.8 s of a core at every start, 0.45 s without Flink's, Azure's, Hadoop's and
 * four portable-runner interfaces that a copy on the Direct runner never reads. Those are left out
 * of the first registration ({@link #scopedLoader}); Flink's is kept whenever an argument names
 * Flink. Nothing is lost: {@link #registerAll()} registers the rest when an argument is not
 * found among the first ones, and interfaces a run reads ({@code options.as(...)}) work whether
 * registered or not.
 */
final class BeamOptionsRegistry {
  /** The service file of options registrars, which Beam reads through the context class loader. */
  static final String SERVICE = "META-INF/services/" + PipelineOptionsRegistrar.class.getName();

  /** Flink's options registrar: kept when an argument names Flink. */
  static final String FLINK = "org.apache.beam.runners.flink.FlinkRunnerRegistrar$Options";

  /**
   * Registrars left out of the first registration unless the arguments need them: file systems
   * whose options adf-beam sets itself from the linked services ({@code options.as(...)}), and
   * options of portable runners and of resource hints, which a copy does not use.
   */
  static final Set<String> DEFERRED = Set.of(
      FLINK,
      "org.apache.beam.sdk.io.azure.options.AzurePipelineOptionsRegistrar",
      "org.apache.beam.sdk.io.hdfs.HadoopFileSystemOptionsRegistrar",
      "org.apache.beam.sdk.options.ManualDockerEnvironmentOptions$Options",
      "org.apache.beam.sdk.options.RemoteEnvironmentOptions$Options",
      "org.apache.beam.sdk.transforms.resourcehints.ResourceHintsOptions$Options",
      "org.apache.beam.sdk.util.construction.ExternalTranslationOptionsRegistrar");

  private BeamOptionsRegistry() {}

  /** Whether the first registration includes {@code registrar} for a run with {@code args}. */
  static boolean firstRegistration(String registrar, List<String> args) {
    if (!DEFERRED.contains(registrar)) {
      return true; // Beam's own defaults, the Direct runner's, and any a user adds (Spark's, ...)
    }
    return registrar.equals(FLINK)
        && args.stream().anyMatch(a -> a.toLowerCase(Locale.ROOT).contains("flink"));
  }

  /**
   * A class loader that is {@code parent} except for the registrars' service file, which lists
   * only the registrars of the first registration. Beam builds its registry once, through the
   * context class loader of the thread that first uses it.
   */
  static ClassLoader scopedLoader(ClassLoader parent, List<String> args) {
    List<String> args0 = List.copyOf(args);
    return new ClassLoader(parent) {
      @Override
      public Enumeration<URL> getResources(String name) throws IOException {
        if (!SERVICE.equals(name)) {
          return super.getResources(name);
        }
        Set<String> kept = new LinkedHashSet<>();
        for (URL url : Collections.list(super.getResources(name))) {
          for (String line : read(url)) {
            String registrar = line.replaceAll("#.*", "").strip();
            if (!registrar.isEmpty() && firstRegistration(registrar, args0)) {
              kept.add(registrar);
            }
          }
        }
        return Collections.enumeration(List.of(inMemory(String.join("\n", kept) + "\n")));
      }
    };
  }

  /**
   * Builds the registry on a thread of its own, through {@link #scopedLoader}, and returns that
   * thread. Does nothing to a registry that this JVM has built already.
   */
  static Thread buildInBackground(List<String> args) {
    ClassLoader loader = scopedLoader(BeamOptionsRegistry.class.getClassLoader(), args);
    Thread thread = new Thread(() -> {
      try {
        PipelineOptionsFactory.getRegisteredOptions();
      } catch (RuntimeException | LinkageError e) {
        // the options' parsing meets the same problem and reports it
      }
    }, "adf-beam-options-registry");
    thread.setContextClassLoader(loader);
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  /**
   * Parses Beam options from {@code args}. An argument the registry does not know yet is looked
   * for again after every registrar's interfaces are registered; only then is it an error.
   */
  static PipelineOptions parse(List<String> args) {
    String[] array = args.toArray(String[]::new);
    try {
      return PipelineOptionsFactory.fromArgs(array).withValidation().create();
    } catch (IllegalArgumentException first) {
      if (!registerAll()) {
        throw first;
      }
      return PipelineOptionsFactory.fromArgs(array).withValidation().create();
    }
  }

  /**
   * Registers the interfaces of every registrar on the class path that the registry lacks;
   * whether there were any.
   */
  static boolean registerAll() {
    Set<Class<? extends PipelineOptions>> known = PipelineOptionsFactory.getRegisteredOptions();
    List<Class<? extends PipelineOptions>> added = new ArrayList<>();
    for (PipelineOptionsRegistrar registrar : ServiceLoader.load(PipelineOptionsRegistrar.class,
        BeamOptionsRegistry.class.getClassLoader())) {
      for (Class<? extends PipelineOptions> options : registrar.getPipelineOptions()) {
        if (!known.contains(options)) {
          added.add(options);
        }
      }
    }
    added.forEach(PipelineOptionsFactory::register);
    return !added.isEmpty();
  }

  private static List<String> read(URL url) throws IOException {
    try (InputStream in = url.openStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }
  }

  /** A URL whose content is {@code text}, for the one resource the scoped loader rewrites. */
  private static URL inMemory(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    try {
      return new URL(null, "adf-beam-registrars:" + SERVICE, new URLStreamHandler() {
        @Override
        protected URLConnection openConnection(URL u) {
          return new URLConnection(u) {
            @Override
            public void connect() {}

            @Override
            public InputStream getInputStream() {
              return new ByteArrayInputStream(bytes);
            }
          };
        }
      });
    } catch (MalformedURLException e) {
      throw new UncheckedIOException(e);
    }
  }
}
