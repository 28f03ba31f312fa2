package io.adfbeam.runners.cli;

import static io.adfbeam.runners.cli.Cli.factory;
import static org.assertj.core.api.Assertions.assertThat;

import io.adfbeam.runners.cli.Cli.Result;
import org.junit.jupiter.api.Test;

class ValidateCommandTest {

  /** {@code file:line:col /json/pointer: message}, the message maybe after {@code warning: }. */
  private static final String DIAGNOSTIC_LINE = "^\\S+\\.json:\\d+:\\d+ /\\S*: .+$";

  @Test
  void validFactoryExitsZeroWithASummary() {
    Result r = Cli.run("validate", factory("valid"));

    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).isEqualTo("valid: 2 linked services, 2 datasets, 1 pipeline\n");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void invalidFactoryPrintsEveryErrorWithItsLocationAndExitsTwo() {
    Result r = Cli.run("validate", factory("invalid"));

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.errLines()).containsExactly(
        "src/test/resources/factories/invalid/Tables/HourlyInput.json:16:32"
            + " /properties/typeProperties/compression/type: unknown compression 'Gzp';"
            + " expected GZip, Deflate, BZip2 or ZipDeflate",
        "src/test/resources/factories/invalid/Tables/HourlyOutput.json:11:27"
            + " /properties/typeProperties/format/type: unknown format type 'CsvFormat';"
            + " expected TextFormat, JsonFormat, AvroFormat, OrcFormat or ParquetFormat");
    assertThat(r.out()).isEqualTo("2 errors, 0 warnings in 2 files\n");
  }

  @Test
  void missingLinkedServiceIsReportedAtTheReference() {
    Result r = Cli.run("validate", factory("missing-linked-service"));

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.errLines()).isNotEmpty().allMatch(line -> line.matches(DIAGNOSTIC_LINE));
    assertThat(r.errLines()).containsExactly(
        "src/test/resources/factories/missing-linked-service/Tables/HourlyOutput.json:5:26"
            + " /properties/linkedServiceName: dataset 'HourlyOutput' refers to linked service"
            + " 'NoSuchStore', which is not defined; defined: BlobStore, LakeStore");
    assertThat(r.out()).endsWith(" in 1 file\n");
  }

  @Test
  void malformedJsonIsReportedAtItsPosition() {
    Result r = Cli.run("validate", factory("malformed"));

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.errLines()).hasSize(1);
    assertThat(r.errLines().get(0)).isEqualTo(
        "src/test/resources/factories/malformed/Broken.json:5:5 /properties/type: malformed JSON:"
            + " Unexpected character ('\"' (code 34)): was expecting comma to separate Object entries");
    assertThat(r.out()).isEqualTo("1 error, 0 warnings in 1 file\n");
  }

  @Test
  void missingPathIsInvalidInput() {
    Result r = Cli.run("validate", factory("no-such-folder"));

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.errLines()).singleElement().asString()
        .startsWith("src/test/resources/factories/no-such-folder:1:1 /: ");
    assertThat(r.out()).isEqualTo("1 error, 0 warnings in 1 file\n");
  }

  @Test
  void validateWithoutPathIsAUsageError() {
    Result r = Cli.run("validate");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("Missing required parameter: 'PATH'\n"
        + "Try 'adf-beam validate --help' for more information.\n");
    assertThat(r.out()).isEmpty();
  }
}
