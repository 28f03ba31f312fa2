package io.adfbeam.transforms.copy;

import static io.adfbeam.transforms.copy.CopyHarness.dataFiles;
import static io.adfbeam.transforms.copy.CopyHarness.digests;
import static io.adfbeam.transforms.copy.CopyHarness.entries;
import static io.adfbeam.transforms.copy.CopyHarness.folder;
import static io.adfbeam.transforms.copy.CopyHarness.readUtf8;
import static io.adfbeam.transforms.copy.CopyHarness.task;
import static io.adfbeam.transforms.copy.CopyHarness.tree;
import static io.adfbeam.transforms.copy.CopyHarness.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.adfbeam.formats.CompressionType;
import io.adfbeam.formats.text.TextFormatOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Copy behaviours, sink file names and source selection, checked as the exact set of paths and
 * contents a sink folder ends up with. The source tree holds adf-beam's hidden folders with junk in
 * them, which must never be read.
 */
class CopyFilesBehaviorTest {
  private static final TextFormatOptions CSV =
      TextFormatOptions.defaults().withFirstRowAsHeader(true);
  private static final Map<String, String> TREE = new LinkedHashMap<>();

  static {
    TREE.put("a.csv", "h,v\r\n1,a\r\n");
    TREE.put("b.csv", "h,v\r\n2,b\r\n");
    TREE.put("sub/c.csv", "h,v\r\n3,c\r\n");
    TREE.put("sub/deeper/d.csv", "h,v\r\n4,d\r\n");
  }

  @TempDir Path root;
  private Path src;
  private Map<String, String> sources;

  @BeforeEach
  void layOutSources() {
    src = root.resolve("src");
    TREE.forEach((path, content) -> write(src.resolve(path), content));
    write(src.resolve(".adf-beam/manifests/old"), "junk,junk,junk\n");
    write(src.resolve("sub/.adf-beam/staging/x/e.csv"), "junk\n");
    sources = digests(root);
  }

  @AfterEach
  void sourcesAreNeverModified() {
    Map<String, String> now = digests(root);
    now.keySet().retainAll(sources.keySet());
    assertThat(now).isEqualTo(sources);
  }

  private static Map<String, String> utf8(Map<String, byte[]> files) {
    Map<String, String> text = new LinkedHashMap<>();
    files.forEach((k, v) -> text.put(k, new String(v, StandardCharsets.UTF_8)));
    return text;
  }

  @Test
  void preserveHierarchyKeepsRelativePaths() {
    Path dst = root.resolve("dst");
    CopyTask task =
        task("preserve", FileSource.of("Src", folder(src)), FileSink.of("Dst", folder(dst)));

    CopyHarness.Job job = CopyHarness.runOk(task);

    assertThat(utf8(dataFiles(dst))).isEqualTo(TREE);
    assertThat(job.outcome("preserve").outputs())
        .containsExactly(
            folder(dst) + "a.csv", folder(dst) + "b.csv",
            folder(dst) + "sub/c.csv", folder(dst) + "sub/deeper/d.csv");
    assertThat(entries(dst))
        .as("staging removed, the manifest kept")
        .containsExactly(
            ".adf-beam/",
            ".adf-beam/" + OutputNames.token("preserve") + ".manifest",
            "a.csv",
            "b.csv",
            "sub/",
            "sub/c.csv",
            "sub/deeper/",
            "sub/deeper/d.csv");
    assertThat(job.counter("preserve", CopyMetrics.FILES_READ)).isEqualTo(4);
    assertThat(job.counter("preserve", CopyMetrics.FILES_WRITTEN)).isEqualTo(4);
    assertThat(job.slots("preserve")).isEqualTo(4);
  }

  @Test
  void preserveHierarchyAddsTheSinkCompressionExtension() {
    Path dst = root.resolve("dst");
    CopyHarness.runOk(
        task(
            "gz",
            FileSource.of("Src", folder(src)),
            FileSink.of("Dst", folder(dst)).withCompression(CompressionType.GZIP, null)));

    Map<String, byte[]> out = dataFiles(dst);
    assertThat(out.keySet())
        .containsExactly("a.csv.gz", "b.csv.gz", "sub/c.csv.gz", "sub/deeper/d.csv.gz");
    TREE.forEach(
        (path, content) ->
            assertThat(
                    new String(
                        CopyFilesCompressionTest.decode(
                            CompressionType.GZIP, out.get(path + ".gz")),
                        StandardCharsets.UTF_8))
                .isEqualTo(content));
  }

  @Test
  void flattenHierarchyWritesGeneratedNamesAtTheFirstLevelTheSameOnEveryRun() {
    Path dst = root.resolve("dst");
    CopyTask task =
        task(
            "flatten",
            FileSource.of("Src", folder(src)),
            FileSink.of("Dst", folder(dst)).withBehavior(CopyBehavior.FLATTEN_HIERARCHY));

    CopyHarness.runOk(task);
    Map<String, String> first = utf8(dataFiles(dst));
    CopyHarness.runOk(task);
    Map<String, String> second = utf8(dataFiles(dst));

    assertThat(first).hasSize(4);
    assertThat(first.keySet())
        .allMatch(
            n ->
                n.matches(
                    "Data\\.[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\.txt"));
    assertThat(first.values()).containsExactlyInAnyOrderElementsOf(TREE.values());
    assertThat(second).as("the same names and contents, no duplicates").isEqualTo(first);
  }

  @Test
  void flattenHierarchyWithCompressionEndsTheGeneratedNamesWithTheExtension() {
    Path dst = root.resolve("dst");
    CopyHarness.runOk(
        task(
            "flatten-gz",
            FileSource.of("Src", folder(src)),
            FileSink.of("Dst", folder(dst))
                .withBehavior(CopyBehavior.FLATTEN_HIERARCHY)
                .withCompression(CompressionType.GZIP, null)));

    List<String> contents = new ArrayList<>();
    dataFiles(dst)
        .forEach(
            (name, bytes) -> {
              assertThat(name).matches("Data\\.[0-9a-f-]{36}\\.txt\\.gz");
              contents.add(
                  new String(
                      CopyFilesCompressionTest.decode(CompressionType.GZIP, bytes),
                      StandardCharsets.UTF_8));
            });
    assertThat(contents).containsExactlyInAnyOrderElementsOf(TREE.values());
  }

  @Test
  void mergeFilesWritesOneFileWithOneHeaderUnderTheSinkFileName() {
    Path dst = root.resolve("dst");
    CopyTask task =
        new CopyTask(
            "merge",
            FileSource.of("Src", folder(src)).withText(CSV),
            FileSink.of("Dst", folder(dst))
                .withText(CSV)
                .withFileName("all.csv")
                .withBehavior(CopyBehavior.MERGE_FILES),
            8);

    CopyHarness.Job job = CopyHarness.runOk(task);

    assertThat(utf8(dataFiles(dst)))
        .containsExactly(Map.entry("all.csv", "h,v\r\n1,a\r\n2,b\r\n3,c\r\n4,d\r\n"));
    assertThat(job.outcome("merge").outputs()).containsExactly(folder(dst) + "all.csv");
    assertThat(job.counter("merge", CopyMetrics.FILES_READ)).isEqualTo(4);
    assertThat(job.counter("merge", CopyMetrics.FILES_WRITTEN)).isEqualTo(1);
    assertThat(job.counter("merge", CopyMetrics.ROWS_COPIED)).isEqualTo(4);
    assertThat(job.slots("merge")).as("MergeFiles disables parallel copies").isEqualTo(1);
  }

  @Test
  void mergeFilesWithoutFileNameGeneratesOneName() {
    Path dst = root.resolve("dst");
    CopyHarness.runOk(
        task(
            "merge-bin",
            FileSource.of("Src", folder(src)),
            FileSink.of("Dst", folder(dst))
                .withBehavior(CopyBehavior.MERGE_FILES)
                .withCompression(CompressionType.GZIP, null)));

    Map<String, byte[]> out = dataFiles(dst);
    assertThat(out).hasSize(1);
    String name = out.keySet().iterator().next();
    assertThat(name).matches("Data\\.[0-9a-f-]{36}\\.txt\\.gz");
    assertThat(
            new String(
                CopyFilesCompressionTest.decode(CompressionType.GZIP, out.get(name)),
                StandardCharsets.UTF_8))
        .isEqualTo(String.join("", TREE.values()));
  }

  @Test
  void oneSourceFileTakesTheSinkFileName() {
    Path dst = root.resolve("dst");
    CopyHarness.runOk(
        task(
            "one",
            FileSource.of("Src", folder(src)).withFileName("sub/c.csv"),
            FileSink.of("Dst", folder(dst)).withFileName("renamed.csv")));
    Path kept = root.resolve("kept");
    CopyHarness.runOk(
        task(
            "kept",
            FileSource.of("Src", folder(src)).withFileName("b.csv"),
            FileSink.of("Kept", folder(kept))));

    assertThat(utf8(dataFiles(dst)))
        .containsExactly(Map.entry("renamed.csv", TREE.get("sub/c.csv")));
    assertThat(utf8(dataFiles(kept))).containsExactly(Map.entry("b.csv", TREE.get("b.csv")));
  }

  @Test
  void fileFilterAndRecursiveSelectTheSourceFiles() {
    Path in = root.resolve("filter");
    for (String name :
        List.of(
            "data_01.txt",
            "data_02.txt",
            "data_1.txt",
            "data_100.txt",
            "data_01.csv",
            "notes.txt",
            "sub/data_03.txt",
            "sub/x.csv",
            ".adf-beam/data_99.txt",
            "sub/.adf-beam/data_98.csv")) {
      write(in.resolve(name), name);
    }
    FileSource source = FileSource.of("Filtered", folder(in));
    Map<String, FileSource> cases = new LinkedHashMap<>();
    cases.put("star", source.withFileFilter("*.csv"));
    cases.put("question", source.withFileFilter("data_??.txt"));
    cases.put("question-flat", source.withFileFilter("data_??.txt").withRecursive(false));
    cases.put("flat", source.withRecursive(false));
    List<CopyTask> tasks = new ArrayList<>();
    cases.forEach((id, s) -> tasks.add(task(id, s, FileSink.of(id, folder(root.resolve(id))))));

    CopyHarness.run(tasks.toArray(CopyTask[]::new));

    assertThat(dataFiles(root.resolve("star")).keySet())
        .containsExactly("data_01.csv", "sub/x.csv");
    assertThat(dataFiles(root.resolve("question")).keySet())
        .containsExactly("data_01.txt", "data_02.txt", "sub/data_03.txt");
    assertThat(dataFiles(root.resolve("question-flat")).keySet())
        .containsExactly("data_01.txt", "data_02.txt");
    assertThat(dataFiles(root.resolve("flat")).keySet())
        .containsExactly(
            "data_01.csv", "data_01.txt", "data_02.txt", "data_1.txt", "data_100.txt", "notes.txt");
    dataFiles(root.resolve("question"))
        .forEach(
            (name, bytes) -> assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo(name));
  }

  @Test
  void zipInputExpandsEachEntryUnderTheArchiveName() {
    Path in = root.resolve("zips");
    byte[] zip =
        zip(
            Map.of(
                "one.csv",
                "h,v\r\n1,x\r\n",
                "two.csv",
                "h,v\r\n2,y\r\n",
                "dir/three.csv",
                "h,v\r\n3,z\r\n"));
    write(in.resolve("2024/pack.zip"), zip);
    Path dst = root.resolve("dst");

    CopyHarness.Job job =
        CopyHarness.runOk(
            task(
                "unzip",
                FileSource.of("Zips", folder(in)).withCompression(CompressionType.ZIP_DEFLATE),
                FileSink.of("Dst", folder(dst))));

    assertThat(utf8(dataFiles(dst)))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "2024/pack/one.csv", "h,v\r\n1,x\r\n",
                "2024/pack/two.csv", "h,v\r\n2,y\r\n",
                "2024/pack/dir/three.csv", "h,v\r\n3,z\r\n"));
    assertThat(job.counter("unzip", CopyMetrics.FILES_READ)).isEqualTo(1);
    assertThat(job.counter("unzip", CopyMetrics.FILES_WRITTEN)).isEqualTo(3);
    assertThat(job.counter("unzip", CopyMetrics.DATA_READ)).isEqualTo(zip.length);
  }

  @Test
  void mergeFilesOfAZipConcatenatesItsEntriesInArchiveOrder() {
    Path in = root.resolve("zips");
    Map<String, String> entries = new LinkedHashMap<>();
    entries.put("one.csv", "h,v\r\n1,x\r\n");
    entries.put("dir/three.csv", "h,v\r\n3,z\r\n");
    entries.put("two.csv", "h,v\r\n2,y\r\n");
    byte[] zip = zip(entries);
    write(in.resolve("pack.zip"), zip);
    Path dst = root.resolve("dst");

    CopyHarness.Job job =
        CopyHarness.runOk(
            task(
                "merge-zip",
                FileSource.of("Zips", folder(in))
                    .withCompression(CompressionType.ZIP_DEFLATE)
                    .withText(CSV),
                FileSink.of("Dst", folder(dst))
                    .withText(CSV)
                    .withFileName("merged.csv")
                    .withBehavior(CopyBehavior.MERGE_FILES)));

    assertThat(utf8(dataFiles(dst)))
        .containsExactly(Map.entry("merged.csv", "h,v\r\n1,x\r\n3,z\r\n2,y\r\n"));
    assertThat(job.counter("merge-zip", CopyMetrics.ROWS_COPIED)).isEqualTo(3);
    assertThat(job.counter("merge-zip", CopyMetrics.DATA_READ)).isEqualTo(zip.length);
  }

  @Test
  void foldersAndFilesWithSpaces() {
    Path in = root.resolve("in put");
    write(in.resolve("x y.csv"), "1,2\r\n");
    Path dst = root.resolve("out put");

    CopyHarness.runOk(
        task("spaces", FileSource.of("Src", folder(in)), FileSink.of("Dst", folder(dst))));

    assertThat(utf8(dataFiles(dst))).containsExactly(Map.entry("x y.csv", "1,2\r\n"));
    assertThat(tree(dst).keySet())
        .filteredOn(StoreFiles::isHidden)
        .containsExactly(".adf-beam/" + OutputNames.token("spaces") + ".manifest");
    assertThat(readUtf8(in.resolve("x y.csv"))).isEqualTo("1,2\r\n");
  }

  static byte[] zip(Map<String, String> entries) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.putNextEntry(new ZipEntry("dir/"));
      zip.closeEntry();
      for (Map.Entry<String, String> e : entries.entrySet()) {
        zip.putNextEntry(new ZipEntry(e.getKey()));
        zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }
}
