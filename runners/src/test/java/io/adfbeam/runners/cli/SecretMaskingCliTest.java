package io.adfbeam.runners.cli;

import static io.adfbeam.runners.cli.Cli.factory;
import static org.assertj.core.api.Assertions.assertThat;

import io.adfbeam.runners.cli.Cli.Result;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The test factories hold {@code AccountKey=SuperSecretKey123==} in a connection string and
 * {@code LakePrincipalKey456} as a service principal key; no command may print either.
 */
class SecretMaskingCliTest {
  private static final String WINDOW = "2014-06-01T18:00:00Z/2014-06-01T21:00:00Z";

  static List<List<String>> commands() {
    return List.of(
        List.of("validate", factory("valid")),
        List.of("validate", factory("secret-in-error")),
        List.of("validate", factory("malformed")),
        List.of("plan", factory("valid"), "--window", WINDOW),
        List.of("plan", factory("valid"), "--window", WINDOW, "--json"),
        List.of("plan", factory("valid"), "--pipeline", "Nope"),
        List.of("plan", factory("secret-in-error"), "--window", WINDOW),
        List.of("plan", factory("secret-in-error"), "--json"),
        List.of("plan", factory("valid"), "--window", "AccountKey=SuperSecretKey123=="));
  }

  @ParameterizedTest
  @MethodSource("commands")
  void secretsNeverReachTheOutput(List<String> args) {
    Result r = Cli.run(args.toArray(String[]::new));

    assertThat(r.out() + r.err())
        .doesNotContain("SuperSecretKey123")
        .doesNotContain("LakePrincipalKey456");
  }

  @Test
  void theDiagnosticQuotingTheKeyIsPrintedMasked() {
    Result r = Cli.run("validate", factory("secret-in-error"));

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.errLines()).containsExactly(
        "src/test/resources/factories/secret-in-error/Tables/HourlyInput.json:16:32"
            + " /properties/typeProperties/compression/type: unknown compression"
            + " 'GZip;AccountKey=******'; expected GZip, Deflate, BZip2 or ZipDeflate");
  }
}
