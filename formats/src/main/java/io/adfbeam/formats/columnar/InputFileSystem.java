package io.adfbeam.formats.columnar;

import java.io.EOFException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FSInputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.util.Progressable;

/**
 * A read-only Hadoop file system holding one file, {@link #PATH}, whose bytes come from a {@link
 * SeekableInput}: what ORC's reader needs (a FileSystem and a Path) without copying the input to
 * a local file first. Each {@code open} opens a new channel.
 */
final class InputFileSystem extends FixedFileSystem {
  static final Path PATH = new Path("/input");
  private static final URI URI_ = URI.create("adfbeam-input:///");

  private final SeekableInput in;
  private final long length;

  InputFileSystem(SeekableInput in, Configuration conf) throws IOException {
    this.in = in;
    this.length = in.length();
    setConf(conf);
  }

  @Override
  public URI getUri() {
    return URI_;
  }

  @Override
  public String getScheme() {
    return URI_.getScheme();
  }

  @Override
  public FSDataInputStream open(Path f, int bufferSize) throws IOException {
    check(f);
    return new FSDataInputStream(new ChannelInputStream(in.open(), length));
  }

  @Override
  public FileStatus getFileStatus(Path f) throws IOException {
    check(f);
    return new FileStatus(length, false, 1, length, 0, PATH);
  }

  private void check(Path f) throws FileNotFoundException {
    if (!PATH.toUri().getPath().equals(f.toUri().getPath())) {
      throw new FileNotFoundException(f + " (only " + PATH + " is here: " + in.name() + ")");
    }
  }

  @Override
  public FSDataOutputStream create(Path f, FsPermission permission, boolean overwrite,
      int bufferSize, short replication, long blockSize, Progressable progress)
      throws IOException {
    throw new IOException("read-only");
  }

  @Override
  public Path getWorkingDirectory() {
    return new Path("/");
  }

  @Override
  public boolean mkdirs(Path f, FsPermission permission) throws IOException {
    throw new IOException("read-only");
  }

  /** A seekable stream over a channel. */
  private static final class ChannelInputStream extends FSInputStream {
    private final SeekableByteChannel ch;
    private final long length;
    private final byte[] one = new byte[1];

    ChannelInputStream(SeekableByteChannel ch, long length) {
      this.ch = ch;
      this.length = length;
    }

    @Override
    public void seek(long pos) throws IOException {
      if (pos < 0 || pos > length) {
        throw new EOFException("seek to " + pos + " outside 0.." + length);
      }
      ch.position(pos);
    }

    @Override
    public long getPos() throws IOException {
      return ch.position();
    }

    @Override
    public boolean seekToNewSource(long targetPos) {
      return false;
    }

    @Override
    public int read() throws IOException {
      int n = read(one, 0, 1);
      return n <= 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (len == 0) {
        return 0;
      }
      return ch.read(ByteBuffer.wrap(b, off, len));
    }

    @Override
    public int available() throws IOException {
      return (int) Math.min(Integer.MAX_VALUE, Math.max(0, length - ch.position()));
    }

    @Override
    public void close() throws IOException {
      ch.close();
    }
  }
}
