package io.meshwork.trino.local;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Reads a tar stream entry by entry: POSIX ustar headers (with their name prefix), GNU long names and links, and
 * pax {@code path}/{@code linkpath} records, which is what Trino's tarball uses. Kept here rather than taken from a
 * compression library, whose newer releases need a newer commons-lang3 than Iceberg's and Hadoop's test class paths
 * carry.
 */
final class TarEntries {

  private static final int BLOCK = 512;

  /** One entry: a regular file ({@code '0'}), a hard link ({@code '1'}, to {@code linkName}), or something else. */
  record Entry(String name, char type, long size, String linkName) {

    boolean isFile() {
      return type == '0' || type == '\0';
    }

    boolean isHardLink() {
      return type == '1';
    }
  }

  private final InputStream in;
  /** Unread bytes of the current entry's content, and the padding to its block boundary after them. */
  private long remaining;
  private long padding;

  TarEntries(InputStream in) {
    this.in = in;
  }

  /** The next entry, its content readable from {@link #content()} until the next call; empty at the end. */
  Optional<Entry> next() throws IOException {
    skip(remaining + padding);
    remaining = 0;
    padding = 0;
    String longName = null;
    String longLink = null;
    while (true) {
      byte[] header = new byte[BLOCK];
      if (!readFully(header)) {
        return Optional.empty();
      }
      if (allZero(header)) {
        return Optional.empty();
      }
      char type = (char) header[156];
      long size = octal(header, 124, 12);
      if (type == 'L' || type == 'K' || type == 'x') {
        byte[] data = new byte[(int) size];
        if (!readFully(data)) {
          throw new EOFException("The tar stream ends inside an extended header");
        }
        skip(padding(size));
        if (type == 'L') {
          longName = cString(data, 0, data.length);
        } else if (type == 'K') {
          longLink = cString(data, 0, data.length);
        } else {
          String path = paxValue(data, "path");
          longName = path != null ? path : longName;
          String link = paxValue(data, "linkpath");
          longLink = link != null ? link : longLink;
        }
        continue;
      }
      String name = cString(header, 0, 100);
      String prefix = new String(header, 257, 5, StandardCharsets.US_ASCII).equals("ustar")
          ? cString(header, 345, 155) : "";
      if (!prefix.isEmpty()) {
        name = prefix + "/" + name;
      }
      remaining = type == '1' || type == '2' || type == '5' ? 0 : size;
      padding = padding(remaining);
      return Optional.of(new Entry(longName != null ? longName : name, type, size,
          longLink != null ? longLink : cString(header, 157, 100)));
    }
  }

  /** The current entry's content; reading past it returns end of stream. */
  InputStream content() {
    return new InputStream() {
      @Override
      public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
      }

      @Override
      public int read(byte[] buffer, int offset, int length) throws IOException {
        if (remaining <= 0) {
          return -1;
        }
        int read = in.read(buffer, offset, (int) Math.min(length, remaining));
        if (read < 0) {
          throw new EOFException("The tar stream ends inside an entry");
        }
        remaining -= read;
        return read;
      }
    };
  }

  private static long padding(long size) {
    return (BLOCK - size % BLOCK) % BLOCK;
  }

  private void skip(long bytes) throws IOException {
    long left = bytes;
    while (left > 0) {
      long skipped = in.skip(left);
      if (skipped <= 0) {
        if (in.read() < 0) {
          throw new EOFException("The tar stream ends inside an entry");
        }
        skipped = 1;
      }
      left -= skipped;
    }
  }

  private boolean readFully(byte[] buffer) throws IOException {
    int offset = 0;
    while (offset < buffer.length) {
      int read = in.read(buffer, offset, buffer.length - offset);
      if (read < 0) {
        if (offset == 0) {
          return false;
        }
        throw new EOFException("The tar stream ends inside a header");
      }
      offset += read;
    }
    return true;
  }

  private static boolean allZero(byte[] block) {
    for (byte b : block) {
      if (b != 0) {
        return false;
      }
    }
    return true;
  }

  private static long octal(byte[] header, int offset, int length) {
    long value = 0;
    for (int i = offset; i < offset + length; i++) {
      byte b = header[i];
      if (b == 0 || b == ' ') {
        if (value > 0) {
          break;
        }
        continue;
      }
      value = value * 8 + (b - '0');
    }
    return value;
  }

  private static String cString(byte[] bytes, int offset, int length) {
    int end = offset;
    while (end < offset + length && bytes[end] != 0) {
      end++;
    }
    return new String(bytes, offset, end - offset, StandardCharsets.UTF_8);
  }

  /** The value of {@code key} in pax records ({@code "<length> key=value\n"} each). */
  private static String paxValue(byte[] data, String key) {
    String text = new String(data, StandardCharsets.UTF_8);
    for (String record : text.split("\n")) {
      int space = record.indexOf(' ');
      int equals = record.indexOf('=');
      if (space > 0 && equals > space && record.substring(space + 1, equals).equals(key)) {
        return record.substring(equals + 1);
      }
    }
    return null;
  }
}
