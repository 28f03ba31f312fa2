package io.adfbeam.transforms.copy;

import static io.adfbeam.transforms.copy.CopyHarness.binaryBlob;
import static io.adfbeam.transforms.copy.CopyHarness.digests;
import static io.adfbeam.transforms.copy.CopyHarness.folder;
import static io.adfbeam.transforms.copy.CopyHarness.read;
import static io.adfbeam.transforms.copy.CopyHarness.task;
import static io.adfbeam.transforms.copy.CopyHarness.tree;
import static io.adfbeam.transforms.copy.CopyHarness.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.adfbeam.formats.CompressionLevel;
import io.adfbeam.formats.CompressionType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Binary copies (no format on either side) for each pair of compression settings that matters, each
 * over an empty, a tiny and a large (2 MB) file that is not valid text. Every output is read back
 * and decoded with the JDK's or commons-compress' own decoders, not with the codecs under test.
 */
class CopyFilesCompressionTest {
  /** Input sizes: empty, tiny (every byte value once), large. */
  enum Size {
    EMPTY(0),
    TINY(300),
    LARGE(2 << 20);

    final int bytes;

    Size(int bytes) {
      this.bytes = bytes;
    }

    byte[] content() {
      return binaryBlob(bytes, ordinal() + 1);
    }
  }

  @TempDir Path root;

  @Test
  void noneToNoneMovesTheBytesAsTheyAre() {
    Map<Size, CopyTask> tasks = new LinkedHashMap<>();
    for (Size size : Size.values()) {
      write(root.resolve("src/" + size + "/blob.bin"), size.content());
      tasks.put(
          size,
          task(
              "none-" + size,
              FileSource.of("Src", folder(root.resolve("src/" + size))),
              FileSink.of("Dst", folder(root.resolve("dst/" + size)))));
    }
    Map<String, String> before = digests(root.resolve("src"));

    CopyHarness.Job job = CopyHarness.run(tasks.values().toArray(CopyTask[]::new));

    for (Size size : Size.values()) {
      String runId = tasks.get(size).runId();
      assertThat(job.outcome(runId).outputs())
          .containsExactly(folder(root.resolve("dst/" + size)) + "blob.bin");
      assertThat(tree(root.resolve("dst/" + size)).keySet())
          .as("no staging or manifest left but the manifest")
          .containsExactly(".adf-beam/" + OutputNames.token(runId) + ".manifest", "blob.bin");
      assertThat(read(root.resolve("dst/" + size + "/blob.bin"))).isEqualTo(size.content());
      assertCounts(job, runId, size.bytes, size.bytes);
    }
    assertThat(digests(root.resolve("src"))).isEqualTo(before);
  }

  @Test
  void gzipToGzipMovesTheCompressedBytesWithoutRecompressing() {
    Map<Size, byte[]> sources = new LinkedHashMap<>();
    List<CopyTask> tasks = new ArrayList<>();
    for (Size size : Size.values()) {
      // Two members at levels the sink would not use: recompressing could not give these bytes.
      byte[] content = size.content();
      int half = content.length / 2;
      byte[] gz =
          concat(
              gzip(Arrays.copyOfRange(content, 0, half), Deflater.BEST_COMPRESSION),
              gzip(Arrays.copyOfRange(content, half, content.length), Deflater.NO_COMPRESSION));
      sources.put(size, gz);
      write(root.resolve("src/" + size + "/blob.bin.gz"), gz);
      tasks.add(
          task(
              "gz-" + size,
              FileSource.of("Src", folder(root.resolve("src/" + size)))
                  .withCompression(CompressionType.GZIP),
              FileSink.of("Dst", folder(root.resolve("dst/" + size)))
                  .withCompression(CompressionType.GZIP, CompressionLevel.OPTIMAL)));
    }

    CopyHarness.Job job = CopyHarness.run(tasks.toArray(CopyTask[]::new));

    for (Size size : Size.values()) {
      Map<String, byte[]> out = CopyHarness.dataFiles(root.resolve("dst/" + size));
      assertThat(out.keySet()).containsExactly("blob.bin.gz");
      assertThat(out.get("blob.bin.gz")).isEqualTo(sources.get(size));
      assertThat(decode(CompressionType.GZIP, out.get("blob.bin.gz"))).isEqualTo(size.content());
      assertCounts(job, "gz-" + size, sources.get(size).length, sources.get(size).length);
    }
  }

  /**
   * None to a codec and back: the compressed file carries the codec's extension and decodes (with
   * an independent decoder) to the source; copying it back gives the source bytes.
   */
  @ParameterizedTest
  @EnumSource(CompressionType.class)
  void compressesAndDecompressesEverySize(CompressionType codec) {
    List<CopyTask> there = new ArrayList<>();
    List<CopyTask> back = new ArrayList<>();
    for (Size size : Size.values()) {
      Path src = root.resolve("src/" + size);
      Path packed = root.resolve("packed/" + size);
      Path unpacked = root.resolve("unpacked/" + size);
      write(src.resolve("blob.bin"), size.content());
      there.add(
          task(
              "pack-" + size,
              FileSource.of("Src", folder(src)),
              FileSink.of("Packed", folder(packed)).withCompression(codec, null)));
      back.add(
          task(
              "unpack-" + size,
              FileSource.of("Packed", folder(packed)).withCompression(codec),
              FileSink.of("Unpacked", folder(unpacked))));
    }
    Map<String, String> sources = digests(root.resolve("src"));

    CopyHarness.Job packing = CopyHarness.run(there.toArray(CopyTask[]::new));
    Map<String, String> packedDigests = digests(root.resolve("packed"));
    CopyHarness.Job unpacking = CopyHarness.run(back.toArray(CopyTask[]::new));

    String packedName = "blob.bin" + codec.extension();
    String unpackedName = codec == CompressionType.ZIP_DEFLATE ? "blob.bin/blob.bin" : "blob.bin";
    for (Size size : Size.values()) {
      Map<String, byte[]> packed = CopyHarness.dataFiles(root.resolve("packed/" + size));
      assertThat(packed.keySet()).containsExactly(packedName);
      byte[] compressed = packed.get(packedName);
      if (codec == CompressionType.ZIP_DEFLATE) {
        Map<String, byte[]> entries = unzip(compressed);
        assertThat(entries.keySet()).containsExactly("blob.bin");
        assertThat(entries.get("blob.bin")).isEqualTo(size.content());
      } else {
        assertThat(decode(codec, compressed)).isEqualTo(size.content());
      }
      assertCounts(packing, "pack-" + size, size.bytes, compressed.length);

      Map<String, byte[]> unpacked = CopyHarness.dataFiles(root.resolve("unpacked/" + size));
      assertThat(unpacked.keySet()).containsExactly(unpackedName);
      assertThat(unpacked.get(unpackedName)).isEqualTo(size.content());
      assertCounts(unpacking, "unpack-" + size, compressed.length, size.bytes);
    }
    assertThat(digests(root.resolve("src"))).isEqualTo(sources);
    assertThat(digests(root.resolve("packed"))).isEqualTo(packedDigests);
  }

  @Test
  void gzipToBzip2Recompresses() {
    List<CopyTask> tasks = new ArrayList<>();
    for (Size size : Size.values()) {
      write(root.resolve("src/" + size + "/blob.bin.gz"), gzip(size.content(), 6));
      tasks.add(
          task(
              "gz-bz2-" + size,
              FileSource.of("Src", folder(root.resolve("src/" + size)))
                  .withCompression(CompressionType.GZIP),
              FileSink.of("Dst", folder(root.resolve("dst/" + size)))
                  .withCompression(CompressionType.BZIP2, CompressionLevel.FASTEST)));
    }

    CopyHarness.run(tasks.toArray(CopyTask[]::new));

    for (Size size : Size.values()) {
      Map<String, byte[]> out = CopyHarness.dataFiles(root.resolve("dst/" + size));
      assertThat(out.keySet()).containsExactly("blob.bin.bz2");
      byte[] bz2 = out.get("blob.bin.bz2");
      assertThat(new String(bz2, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("BZh1");
      assertThat(decode(CompressionType.BZIP2, bz2)).isEqualTo(size.content());
    }
  }

  /** Fastest and Optimal both decode to the source; they are different settings of the codec. */
  @ParameterizedTest
  @EnumSource(CompressionType.class)
  void levelsChangeTheCompressedOutput(CompressionType codec) {
    byte[] content = binaryBlob(1 << 20, 7);
    write(root.resolve("src/blob.bin"), content);
    FileSource source = FileSource.of("Src", folder(root.resolve("src")));
    CopyHarness.run(
        task(
            "fastest",
            source,
            FileSink.of("Fast", folder(root.resolve("fastest")))
                .withCompression(codec, CompressionLevel.FASTEST)),
        task(
            "optimal",
            source,
            FileSink.of("Best", folder(root.resolve("optimal")))
                .withCompression(codec, CompressionLevel.OPTIMAL)));

    String name = "blob.bin" + codec.extension();
    byte[] fastest = read(root.resolve("fastest/" + name));
    byte[] optimal = read(root.resolve("optimal/" + name));
    for (byte[] compressed : List.of(fastest, optimal)) {
      byte[] decoded =
          codec == CompressionType.ZIP_DEFLATE
              ? unzip(compressed).get("blob.bin")
              : decode(codec, compressed);
      assertThat(decoded).isEqualTo(content);
    }
    if (codec == CompressionType.BZIP2) {
      assertThat(new String(fastest, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("BZh1");
      assertThat(new String(optimal, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("BZh9");
    } else {
      assertThat(fastest.length).isGreaterThan(optimal.length);
    }
  }

  private static void assertCounts(CopyHarness.Job job, String runId, long read, long written) {
    assertThat(job.counter(runId, CopyMetrics.FILES_TOTAL)).isEqualTo(1);
    assertThat(job.counter(runId, CopyMetrics.FILES_READ)).isEqualTo(1);
    assertThat(job.counter(runId, CopyMetrics.FILES_WRITTEN)).isEqualTo(1);
    assertThat(job.counter(runId, CopyMetrics.BYTES_TOTAL)).isEqualTo(read);
    assertThat(job.counter(runId, CopyMetrics.DATA_READ)).as("dataRead").isEqualTo(read);
    assertThat(job.counter(runId, CopyMetrics.DATA_WRITTEN)).as("dataWritten").isEqualTo(written);
    assertThat(job.counter(runId, CopyMetrics.ROWS_READ)).isZero();
  }

  static byte[] gzip(byte[] content, int level) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream out =
        new GZIPOutputStream(bytes) {
          {
            def.setLevel(level);
          }
        }) {
      out.write(content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  /** Decodes with the JDK (GZip, raw Deflate) or commons-compress (BZip2). */
  static byte[] decode(CompressionType codec, byte[] data) {
    ByteArrayInputStream in = new ByteArrayInputStream(data);
    try (InputStream decoded =
        switch (codec) {
          case GZIP -> new GZIPInputStream(in);
          case DEFLATE -> new InflaterInputStream(in, new Inflater(true));
          case BZIP2 -> new BZip2CompressorInputStream(in, true);
          case ZIP_DEFLATE -> throw new IllegalArgumentException("use unzip");
        }) {
      return decoded.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A zip archive's entries in archive order, read with the JDK. */
  static Map<String, byte[]> unzip(byte[] data) {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(data))) {
      ZipEntry e;
      while ((e = zip.getNextEntry()) != null) {
        assertThat(e.getMethod()).isEqualTo(ZipEntry.DEFLATED);
        entries.put(e.getName(), zip.readAllBytes());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return entries;
  }
}
