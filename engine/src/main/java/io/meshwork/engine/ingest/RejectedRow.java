package io.meshwork.engine.ingest;

/**
 * A delivered row that could not be read as the contract says: the file, its line (1 is the header of a CSV file
 * with one), the column if one is to blame, the offending value and why.
 */
public record RejectedRow(String file, long row, String column, String value, String reason) {

  @Override
  public String toString() {
    return file + " line " + row + (column == null ? "" : ", column " + column)
        + (value == null ? "" : ", value '" + value + "'") + ": " + reason;
  }
}
