package io.adfbeam.runners.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code status} (text grid and JSON) and {@code lineage} (Mermaid, dot, and HTML in Chromium). */
class StatusLineageTest {
  @TempDir Path temp;

  private Factories factory() throws IOException {
    return new Factories(temp)
        .dataset("Raw", "raw", "Hour", true, "")
        .dataset("Out", "out", "Hour", false, "")
        .dataset("Final", "final", "Hour", false, "")
        .pipeline("P", "2016-01-01T00:00:00Z", "2016-01-01T03:00:00Z", "",
            Factories.copy("C", "Raw", "Out", "Hour", "{\"concurrency\": 3}"),
            Factories.copy("D", "Out", "Final", "Hour", "{\"concurrency\": 3}"))
        .inputs("raw", 2);
  }

  @Test
  void statusShowsEachActivitysSlicesWithTheirStatesAndTheErrors() throws IOException {
    Factories f = factory();
    Path state = temp.resolve("state");
    assertThat(Cli.run(f.run("--state", state.toString())).exitCode()).isEqualTo(1);

    Cli.Result text = Cli.run("status", f.factory.toString(), "--state", state.toString());

    assertThat(text.exitCode()).as(text.err()).isZero();
    List<String> lines = text.outLines();
    assertThat(lines.get(0)).isEqualTo("pipeline P");
    assertThat(lines.get(1)).isEqualTo("  activity C: 2 Ready, 1 Failed");
    assertThat(lines.get(2)).matches("    slice start +state +substate +attempts +started +ended");
    assertThat(lines.get(3)).matches("    2016-01-01T00:00:00Z  Ready +1  \\d{4}-.*Z  \\d{4}-.*Z");
    assertThat(lines.get(5)).matches("    2016-01-01T02:00:00Z  Failed +1  .*");
    assertThat(lines.get(6)).isEqualTo("  activity D: 2 Ready, 1 Skipped");
    assertThat(text.out()).contains("errors:\n  P/C@2016-01-01T02:00:00Z Failed: dataset 'Raw': the input folder")
        .contains("  P/D@2016-01-01T02:00:00Z Skipped: not run: the runs producing its input failed:"
            + " P/C@2016-01-01T02:00:00Z")
        .contains("ledger: " + state.toAbsolutePath());

    Cli.Result json = Cli.run("status", f.factory.toString(), "--state", state.toString(), "--json",
        "--window", "2016-01-01T01:00:00Z/2016-01-01T03:00:00Z", "--pipeline", "P");
    JsonNode c = new ObjectMapper().readTree(json.out()).get("pipelines").get(0).get("activities").get(0);
    assertThat(c.get("name").asText()).isEqualTo("C");
    assertThat(c.get("slices")).hasSize(2);
    assertThat(c.get("slices").get(0).get("state").asText()).isEqualTo("Ready");
    assertThat(c.get("slices").get(0).get("output").get("filesWritten").asInt()).isEqualTo(1);
    assertThat(c.get("slices").get(1).get("state").asText()).isEqualTo("Failed");
    assertThat(c.get("slices").get(1).get("errors").get(0).asText()).contains("does not exist");
  }

  @Test
  void statusWithoutALedgerShowsEverySliceWaiting() throws IOException {
    Cli.Result r = Cli.run("status", factory().factory.toString(), "--state", temp.resolve("none").toString());

    assertThat(r.outLines().get(1)).isEqualTo("  activity C: 3 Waiting");
  }

  @Test
  void lineageAsMermaidAndDot() throws IOException {
    Factories f = factory();
    Path state = temp.resolve("none").toString().isEmpty() ? null : temp.resolve("none");

    Cli.Result mermaid = Cli.run("lineage", f.factory.toString(), "--state", state.toString());
    Cli.Result dot = Cli.run("lineage", f.factory.toString(), "--state", state.toString(), "--format", "dot");

    assertThat(mermaid.out()).isEqualTo("""
        flowchart LR
          d_Raw[("Raw")]
          d_Out[("Out")]
          d_Final[("Final")]
          a_P_C["P/C"]
          a_P_D["P/D"]
          d_Raw --> a_P_C
          a_P_C --> d_Out
          d_Out --> a_P_D
          a_P_D --> d_Final
        """);
    assertThat(dot.out()).isEqualTo("""
        digraph lineage {
          rankdir=LR;
          "d_Raw" [label="Raw\\nAzureBlob (external)", shape=cylinder];
          "d_Out" [label="Out\\nAzureBlob", shape=cylinder];
          "d_Final" [label="Final\\nAzureBlob", shape=cylinder];
          "a_P_C" [label="P/C\\nCopy", shape=box];
          "a_P_D" [label="P/D\\nCopy", shape=box];
          "d_Raw" -> "a_P_C";
          "a_P_C" -> "d_Out";
          "d_Out" -> "a_P_D";
          "a_P_D" -> "d_Final";
        }
        """);
  }

  @Test
  void lineageShowsLedgerStates() throws IOException {
    Factories f = factory();
    Path state = temp.resolve("state");
    Cli.run(f.run("--state", state.toString()));

    Cli.Result mermaid = Cli.run("lineage", f.factory.toString(), "--state", state.toString());

    assertThat(mermaid.out()).contains("  a_P_C[\"P/C · Failed\"]\n", "  d_Final[(\"Final · Skipped\")]\n",
        "  classDef Failed fill:#f28b82\n", "  class d_Out,a_P_C Failed\n");
  }

  @Test
  void theLineagePageDrawsEveryNodeInHeadlessChromium() throws Exception {
    Factories f = factory();
    Path state = temp.resolve("state");
    Cli.run(f.run("--state", state.toString()));
    Path html = temp.resolve("lineage.html");

    Cli.Result r = Cli.run("lineage", f.factory.toString(), "--state", state.toString(), "--html", html.toString());

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).isEmpty();
    String page = Files.readString(html);
    // self-contained: nothing loaded from elsewhere (the only URL is the SVG namespace's name)
    assertThat(page).doesNotContain("src=", "<link", "https://").contains("<svg", "<script>");
    Path chromium = chromium();
    Path profile = Files.createTempDirectory(temp, "chromium-profile");
    Process p = new ProcessBuilder(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--no-first-run", "--user-data-dir=" + profile, "--dump-dom", html.toUri().toString())
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    byte[] dom = p.getInputStream().readAllBytes();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    String drawn = new String(dom, java.nio.charset.StandardCharsets.UTF_8);
    // the script ran (it counts the nodes it found) and every node is in the drawn page
    assertThat(drawn).contains("data-nodes=\"5\"");
    assertThat(drawn.split("<g class=\"node ", -1)).hasSize(6);
    assertThat(drawn).contains("id=\"a_P_C\" data-state=\"Failed\"", "id=\"a_P_D\" data-state=\"Skipped\"",
        "id=\"d_Raw\" data-state=\"\"");
  }

  /** Debian's chromium, installed with apt-get when missing (the machine runs as root). */
  private static Path chromium() throws Exception {
    Path bin = Path.of("/usr/bin/chromium");
    if (!Files.isExecutable(bin)) {
      Process install = new ProcessBuilder("apt-get", "install", "-y", "-q", "chromium")
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD)
          .directory(new File("/")).start();
      install.waitFor(600, TimeUnit.SECONDS);
    }
    Assumptions.assumeTrue(Files.isExecutable(bin), "chromium could not be installed");
    return bin;
  }
}
