package io.meshwork.engine.ingest;

import io.meshwork.model.definition.CsvFormat;
import java.io.BufferedReader;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * The first lines of a delivered CSV file, read here rather than by DuckDB's sniffer, which guesses a header from a
 * ragged file instead of reporting it: the header's column names and whether any data line follows.
 */
record CsvHeader(List<String> columns, boolean hasData) {

  CsvHeader {
    columns = List.copyOf(columns);
  }

  static CsvHeader read(DeliveredFile file, CsvFormat format) {
    try (InputStream raw = Files.newInputStream(file.path());
        InputStream bytes = file.compressed() ? new GZIPInputStream(raw) : raw;
        BufferedReader reader = new BufferedReader(new InputStreamReader(bytes, decoder(format)))) {
      String first = reader.readLine();
      if (first == null) {
        return new CsvHeader(List.of(), false);
      }
      first = first.startsWith("\uFEFF") ? first.substring(1) : first;
      String second = reader.readLine();
      while (second != null && second.isBlank()) {
        second = reader.readLine();
      }
      List<String> columns = format.header() ? split(first, format) : List.of();
      boolean data = format.header() ? second != null : !first.isBlank();
      return new CsvHeader(columns, data);
    } catch (ZipException | EOFException e) {
      throw new DeliveryException("Cannot read " + file.name() + ": it is not a complete gzip file (" + e.getMessage()
          + "). Deliver it again, compressed with gzip, or uncompressed as .csv.", e);
    } catch (IOException e) {
      throw new DeliveryException("Cannot read " + file.name() + ": " + e.getMessage(), e);
    }
  }

  private static java.nio.charset.CharsetDecoder decoder(CsvFormat format) {
    Charset charset = switch (format.encoding()) {
      case "latin-1" -> StandardCharsets.ISO_8859_1;
      case "utf-16" -> StandardCharsets.UTF_16;
      default -> StandardCharsets.UTF_8;
    };
    // Only the header's names matter here; DuckDB reports each line in a wrong encoding with its number.
    return charset.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
        .onUnmappableCharacter(CodingErrorAction.REPLACE);
  }

  /** The fields of one line: split at the delimiter outside quotes, a doubled quote standing for itself. */
  static List<String> split(String line, CsvFormat format) {
    char delimiter = format.delimiter().charAt(0);
    char quote = format.quote().charAt(0);
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == quote && i + 1 < line.length() && line.charAt(i + 1) == quote) {
          field.append(quote);
          i++;
        } else if (c == quote) {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == quote) {
        quoted = true;
      } else if (c == delimiter) {
        fields.add(field.toString().trim());
        field.setLength(0);
      } else {
        field.append(c);
      }
    }
    fields.add(field.toString().trim());
    return fields;
  }

  Optional<Integer> indexOf(String column) {
    int index = columns.indexOf(column);
    return index < 0 ? Optional.empty() : Optional.of(index);
  }
}
