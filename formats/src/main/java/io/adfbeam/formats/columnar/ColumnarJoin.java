package io.adfbeam.formats.columnar;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.channels.Channels;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.file.CodecFactory;
import org.apache.avro.file.DataFileConstants;
import org.apache.avro.file.DataFileStream;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.util.Progressable;
import org.apache.orc.OrcFile;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.metadata.FileMetaData;
import org.apache.parquet.io.InputFile;

/**
 * Joins files of one schema, written one after the other from the splits of one source, into one
 * file with the rows in order, copying their storage units as they are (no decoding, no
 * re-encoding): Parquet row groups as {@link ParquetFileWriter#appendFile} appends them, ORC stripes with
 * {@link OrcFile#mergeFiles}, Avro blocks with {@link DataFileWriter#appendAllFrom}. The joined
 * file keeps the first part's key-value metadata ({@code adf.types}) and codec.
 */
final class ColumnarJoin {
  private ColumnarJoin() {}

  static void parquet(List<SeekableInput> parts, OutputStream out, String name) throws IOException {
    List<InputFile> inputs = parts.stream().map(ParquetFiles::input).toList();
    FileMetaData first;
    try (ParquetFileReader reader = ParquetFileReader.open(inputs.get(0))) {
      first = reader.getFooter().getFileMetaData();
    }
    ParquetFileWriter writer = new ParquetFileWriter(ParquetFiles.output(out, name),
        first.getSchema(), ParquetFileWriter.Mode.CREATE, ParquetRowWriter.DEFAULT_ROW_GROUP_BYTES,
        0);
    writer.start();
    for (InputFile part : inputs) {
      // ParquetFileWriter.appendFile, with the schema checked first: appending drops columns the
      // writer's schema lacks without a word
      try (ParquetFileReader reader = ParquetFileReader.open(part)) {
        if (!reader.getFooter().getFileMetaData().getSchema().equals(first.getSchema())) {
          throw new IOException("cannot join " + part + " into " + name + ": its Parquet schema"
              + " differs from the first part's");
        }
        reader.appendTo(writer);
      }
    }
    writer.end(first.getKeyValueMetaData());
  }

  static void avro(List<SeekableInput> parts, OutputStream out) throws IOException {
    try (DataFileWriter<Object> writer = new DataFileWriter<>(new GenericDatumWriter<>())) {
      boolean created = false;
      for (SeekableInput part : parts) {
        try (InputStream in = Channels.newInputStream(part.open());
            DataFileStream<Object> reader = new DataFileStream<>(in, new GenericDatumReader<>())) {
          if (!created) {
            String codec = reader.getMetaString(DataFileConstants.CODEC);
            writer.setCodec(CodecFactory.fromString(codec == null ? DataFileConstants.NULL_CODEC : codec));
            for (String key : reader.getMetaKeys()) {
              if (!key.startsWith("avro.")) { // Avro's own keys (schema, codec) it writes itself
                writer.setMeta(key, reader.getMeta(key));
              }
            }
            writer.create(reader.getSchema(), out);
            created = true;
          }
          writer.appendAllFrom(reader, false);
        }
      }
    }
  }

  /**
   * ORC's merge reads and writes through Hadoop paths only: the parts and the output are lent to
   * it as the files of a file system of our own ({@link LentFileSystem}) for the time of the call.
   */
  static void orc(List<SeekableInput> parts, OutputStream out, String name) throws IOException {
    List<String> lent = new ArrayList<>();
    try {
      List<Path> inputs = new ArrayList<>();
      for (SeekableInput part : parts) {
        inputs.add(LentFileSystem.lend(part, lent));
      }
      Path output = LentFileSystem.lend(out, lent);
      Configuration conf = new Configuration(false);
      conf.setClass("fs." + LentFileSystem.SCHEME + ".impl", LentFileSystem.class, FileSystem.class);
      conf.setBoolean("fs." + LentFileSystem.SCHEME + ".impl.disable.cache", true);
      List<Path> merged;
      try {
        merged = OrcFile.mergeFiles(output, OrcFile.writerOptions(conf)
            .useUTCTimestamp(true).setProlepticGregorian(true), inputs);
      } catch (IOException e) {
        // ORC says only "Problem merging files into <path>": name the cause
        Throwable cause = e.getCause() == null ? e : e.getCause();
        throw new IOException("cannot join the ORC parts of " + name + ": " + cause, e);
      }
      if (merged.size() != inputs.size()) {
        // mergeFiles leaves out, with a log line only, a file whose schema or codec differs
        throw new IOException("ORC could join only " + merged.size() + " of " + inputs.size()
            + " parts: their schemas or codecs differ");
      }
    } finally {
      lent.forEach(LentFileSystem.LENT::remove);
    }
  }

  /**
   * A Hadoop file system whose files are lent to it: each {@code adfbeam-lent://<id>/file} is one
   * {@link SeekableInput} to read or one {@link OutputStream} to create. Hadoop makes file systems
   * from a class name, so what they serve has to be found by name: {@link #LENT}.
   */
  static final class LentFileSystem extends FixedFileSystem {
    static final String SCHEME = "adfbeam-lent";
    static final Map<String, Object> LENT = new ConcurrentHashMap<>();

    private URI uri = URI.create(SCHEME + ":///");

    static Path lend(Object file, List<String> ids) {
      String id = UUID.randomUUID().toString();
      LENT.put(id, file);
      ids.add(id);
      return new Path(SCHEME + "://" + id + "/file");
    }

    private static Object lent(Path f) throws FileNotFoundException {
      Object file = LENT.get(String.valueOf(f.toUri().getAuthority()));
      if (file == null) {
        throw new FileNotFoundException(f.toString());
      }
      return file;
    }

    private InputFileSystem input(Path f) throws IOException {
      if (lent(f) instanceof SeekableInput in) {
        return new InputFileSystem(in, getConf());
      }
      throw new FileNotFoundException(f + " is an output");
    }

    @Override
    public void initialize(URI name, Configuration conf) throws IOException {
      super.initialize(name, conf);
      this.uri = name;
      setConf(conf);
    }

    @Override
    public URI getUri() {
      return uri;
    }

    @Override
    public String getScheme() {
      return SCHEME;
    }

    @Override
    public FSDataInputStream open(Path f, int bufferSize) throws IOException {
      return input(f).open(InputFileSystem.PATH, bufferSize);
    }

    @Override
    public FileStatus getFileStatus(Path f) throws IOException {
      FileStatus s = input(f).getFileStatus(InputFileSystem.PATH);
      return new FileStatus(s.getLen(), false, 1, s.getBlockSize(), 0, f);
    }

    @Override
    public FSDataOutputStream create(Path f, FsPermission permission, boolean overwrite,
        int bufferSize, short replication, long blockSize, Progressable progress)
        throws IOException {
      if (lent(f) instanceof OutputStream out) {
        return new FSDataOutputStream(out, null);
      }
      throw new IOException(f + " is an input");
    }

    @Override
    public Path getWorkingDirectory() {
      return new Path(uri);
    }

    @Override
    public boolean mkdirs(Path f, FsPermission permission) {
      return true;
    }
  }
}
