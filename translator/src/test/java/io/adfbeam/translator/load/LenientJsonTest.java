package io.adfbeam.translator.load;

import static io.adfbeam.translator.Fixtures.file;
import static io.adfbeam.translator.Fixtures.load;
import static org.assertj.core.api.Assertions.assertThat;

import io.adfbeam.formats.CompressionLevel;
import io.adfbeam.formats.CompressionType;
import io.adfbeam.translator.json.SourceLocation;
import io.adfbeam.translator.model.AdfString;
import io.adfbeam.translator.model.Availability;
import io.adfbeam.translator.model.Availability.Frequency;
import io.adfbeam.translator.model.Availability.Style;
import io.adfbeam.translator.model.Dataset.FileDataset;
import io.adfbeam.translator.model.Factory;
import io.adfbeam.translator.model.Format;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What real ADF files contain and ADF itself accepts: each fixture loads with no diagnostics and
 * with the values written in it.
 */
class LenientJsonTest {

  @Test
  void trailingCommas() {
    FileDataset dataset = onlyDataset("lenient-trailing-comma");

    assertThat(dataset.name()).isEqualTo("TrailingComma");
    assertThat(dataset.folderPath()).contains(new AdfString.Literal("mycontainer/input/"));
    assertThat(schedule(dataset)).isEqualTo("Hour x 1");
  }

  @Test
  void javaAndYamlComments() {
    FileDataset dataset = onlyDataset("lenient-comments");

    assertThat(dataset.name()).isEqualTo("Commented");
    assertThat(dataset.linkedService().name()).isEqualTo("StorageLinkedService");
    assertThat(schedule(dataset)).isEqualTo("Day x 1");
  }

  @Test
  void utf8ByteOrderMarkDoesNotShiftColumns() {
    FileDataset dataset = onlyDataset("lenient-bom");

    assertThat(dataset.name()).isEqualTo("WithBom");
    assertThat(dataset.folderPath()).contains(new AdfString.Literal("mycontainer/bom/"));
    assertThat(dataset.location())
        .isEqualTo(new SourceLocation(file("lenient-bom", "dataset.json"), 3, 17, "/properties"));
  }

  @Test
  void crlfLineEndsCountAsOneLineBreak() {
    FileDataset dataset = onlyDataset("lenient-crlf");

    assertThat(dataset.name()).isEqualTo("WithCrlf");
    assertThat(dataset.format()).get().isInstanceOfSatisfying(Format.TextFormat.class,
        text -> assertThat(text.columnDelimiter()).contains("\t"));
    assertThat(dataset.availability().orElseThrow().location())
        .isEqualTo(new SourceLocation(file("lenient-crlf", "dataset.json"), 13, 21,
            "/properties/availability"));
  }

  @Test
  void propertyNamesAndEnumValuesInOtherLetterCase() {
    FileDataset dataset = onlyDataset("lenient-letter-case");

    assertThat(dataset.name()).isEqualTo("LetterCase");
    assertThat(dataset.type()).isEqualTo("AzureBlob");
    assertThat(dataset.linkedService().name()).isEqualTo("StorageLinkedService");
    assertThat(dataset.folderPath()).contains(new AdfString.Literal("mycontainer/case/"));
    assertThat(dataset.external()).isTrue();
    Format.TextFormat text = (Format.TextFormat) dataset.format().orElseThrow();
    assertThat(text.columnDelimiter()).contains(";");
    assertThat(text.nullValue()).contains("NULL");
    assertThat(text.firstRowAsHeader()).isTrue();
    assertThat(dataset.compression().orElseThrow().type()).isEqualTo(CompressionType.GZIP);
    assertThat(dataset.compression().orElseThrow().level()).contains(CompressionLevel.FASTEST);
    Availability availability = dataset.availability().orElseThrow();
    assertThat(availability.frequency()).isEqualTo(Frequency.HOUR);
    assertThat(availability.interval()).isEqualTo(2);
    assertThat(availability.style()).isEqualTo(Style.START_OF_INTERVAL);
  }

  @Test
  void typesWithStraySpaces() {
    FileDataset dataset = onlyDataset("lenient-type-spaces");

    assertThat(dataset.type()).isEqualTo("AzureBlob");
    assertThat(dataset.linkedService().name()).isEqualTo("StorageLinkedService");
    assertThat(dataset.format()).get().isInstanceOf(Format.JsonFormat.class);
    assertThat(dataset.compression().orElseThrow().type()).isEqualTo(CompressionType.BZIP2);
    assertThat(dataset.compression().orElseThrow().level()).isEqualTo(Optional.empty());
    assertThat(schedule(dataset)).isEqualTo("Day x 1");
  }

  private static FileDataset onlyDataset(String fixture) {
    Factory factory = load(fixture + "/dataset.json");
    assertThat(factory.diagnostics()).isEmpty();
    assertThat(factory.datasets()).hasSize(1);
    assertThat(factory.datasets().get(0)).isInstanceOf(FileDataset.class);
    return (FileDataset) factory.datasets().get(0);
  }

  private static String schedule(FileDataset dataset) {
    return dataset.availability().orElseThrow().describe();
  }
}
