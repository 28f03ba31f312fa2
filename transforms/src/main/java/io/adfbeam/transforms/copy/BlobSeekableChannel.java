package io.adfbeam.transforms.copy;

import io.adfbeam.formats.columnar.SeekableInput;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;

/**
 * A seekable channel on an {@code azfs://} blob whose seeks land where they should. Beam 2.62's
 * {@code AzureReadableSeekableByteChannel} does not advance its position as it reads, and after a
 * backward seek adds the target to the old position, so {@code position()} and any seek after a
 * read are off: an {@code IndexOutOfBoundsException} from the blob stream, or bytes from the
 * wrong place (ORC's positional reads and Parquet's footer-then-row-group reads both do that).
 * This channel keeps the position itself and reads through a fresh Beam channel after each seek,
 * which Beam's channel positions correctly once, from 0.
 */
final class BlobSeekableChannel implements SeekableByteChannel {
  private final SeekableInput.ChannelOpener opener;
  private final long size;
  private SeekableByteChannel channel;
  private long position;
  private boolean open = true;

  BlobSeekableChannel(SeekableInput.ChannelOpener opener) throws IOException {
    this.opener = opener;
    this.channel = opener.open();
    this.size = channel.size();
  }

  @Override
  public int read(ByteBuffer dst) throws IOException {
    if (!open) {
      throw new ClosedChannelException();
    }
    if (position >= size) {
      return -1;
    }
    if (channel == null) {
      channel = opener.open();
      if (position > 0) {
        channel.position(position);
      }
    }
    int n = channel.read(dst);
    if (n > 0) {
      position += n;
    }
    return n;
  }

  @Override
  public long position() throws IOException {
    if (!open) {
      throw new ClosedChannelException();
    }
    return position;
  }

  @Override
  public SeekableByteChannel position(long newPosition) throws IOException {
    if (!open) {
      throw new ClosedChannelException();
    }
    if (newPosition < 0) {
      throw new IllegalArgumentException("negative position " + newPosition);
    }
    if (newPosition != position) {
      closeChannel(); // the next read opens one at the new position
      position = newPosition;
    }
    return this;
  }

  @Override
  public long size() throws IOException {
    if (!open) {
      throw new ClosedChannelException();
    }
    return size;
  }

  @Override
  public int write(ByteBuffer src) {
    throw new NonWritableChannelException();
  }

  @Override
  public SeekableByteChannel truncate(long newSize) {
    throw new NonWritableChannelException();
  }

  @Override
  public boolean isOpen() {
    return open;
  }

  @Override
  public void close() throws IOException {
    open = false;
    closeChannel();
  }

  private void closeChannel() throws IOException {
    if (channel != null) {
      SeekableByteChannel c = channel;
      channel = null;
      c.close();
    }
  }
}
