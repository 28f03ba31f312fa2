package io.adfbeam.formats.columnar;

import java.io.IOException;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.util.Progressable;

/**
 * The part shared by the small Hadoop file systems that hand ORC's reader and merger the files
 * adf-beam already has open: their files are fixed (nothing is appended, renamed or deleted), and
 * a path lists as the one file it names.
 */
abstract class FixedFileSystem extends FileSystem {
  @Override
  public FSDataOutputStream append(Path f, int bufferSize, Progressable progress)
      throws IOException {
    throw new IOException(f + ": append is not supported here");
  }

  @Override
  public boolean rename(Path src, Path dst) throws IOException {
    throw new IOException(src + ": rename is not supported here");
  }

  @Override
  public boolean delete(Path f, boolean recursive) throws IOException {
    throw new IOException(f + ": delete is not supported here");
  }

  @Override
  public FileStatus[] listStatus(Path f) throws IOException {
    return new FileStatus[] {getFileStatus(f)};
  }

  @Override
  public void setWorkingDirectory(Path newDir) {}
}
