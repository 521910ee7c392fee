package io.meshwork.demodata;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The 26 cantons in their official order, and the SQL that draws a canton in proportion to its population.
 */
final class Cantons {

  private static final String ZURICH = "Zurich";
  private static final String MITTELLAND = "Espace Mittelland";
  private static final String NORTHWEST = "Northwestern Switzerland";
  private static final String CENTRAL = "Central Switzerland";
  private static final String EAST = "Eastern Switzerland";
  private static final String TICINO = "Ticino";
  private static final String LAKE_GENEVA = "Lake Geneva Region";

  static final List<Canton> ALL = List.of(
      new Canton("ZH", "Zürich", ZURICH, 3, 1605, 562, 8000, 8199, "de", "Zürich"),
      new Canton("BE", "Bern / Berne", MITTELLAND, 3, 1071, 583, 3000, 3799, "de", "Bern"),
      new Canton("LU", "Luzern", CENTRAL, 3, 428, 500, 6100, 6299, "de", "Luzern"),
      new Canton("UR", "Uri", CENTRAL, 1, 38, 451, 6460, 6499, "de", "Altdorf"),
      new Canton("SZ", "Schwyz", CENTRAL, 1, 166, 484, 6410, 6443, "de", "Schwyz"),
      new Canton("OW", "Obwalden", CENTRAL, 1, 39, 461, 6060, 6078, "de", "Sarnen"),
      new Canton("NW", "Nidwalden", CENTRAL, 1, 45, 454, 6370, 6390, "de", "Stans"),
      new Canton("GL", "Glarus", EAST, 1, 42, 513, 8750, 8784, "de", "Glarus"),
      new Canton("ZG", "Zug", CENTRAL, 1, 132, 439, 6300, 6349, "de", "Zug"),
      new Canton("FR", "Fribourg / Freiburg", MITTELLAND, 2, 341, 559, 1700, 1799, "fr", "Fribourg"),
      new Canton("SO", "Solothurn", MITTELLAND, 1, 283, 550, 4500, 4599, "de", "Solothurn"),
      new Canton("BS", "Basel-Stadt", NORTHWEST, 1, 201, 714, 4000, 4059, "de", "Basel"),
      new Canton("BL", "Basel-Landschaft", NORTHWEST, 2, 297, 634, 4100, 4499, "de", "Liestal"),
      new Canton("SH", "Schaffhausen", EAST, 2, 85, 554, 8200, 8262, "de", "Schaffhausen"),
      new Canton("AR", "Appenzell Ausserrhoden", EAST, 1, 56, 491, 9100, 9112, "de", "Herisau"),
      new Canton("AI", "Appenzell Innerrhoden", EAST, 1, 16, 432, 9050, 9058, "de", "Appenzell"),
      new Canton("SG", "St. Gallen", EAST, 3, 532, 520, 9200, 9499, "de", "St. Gallen"),
      new Canton("GR", "Graubünden / Grischun / Grigioni", EAST, 3, 203, 513, 7000, 7799, "de", "Chur"),
      new Canton("AG", "Aargau", NORTHWEST, 1, 725, 539, 5000, 5799, "de", "Aarau"),
      new Canton("TG", "Thurgau", EAST, 1, 295, 511, 8500, 8599, "de", "Frauenfeld"),
      new Canton("TI", "Ticino", TICINO, 2, 358, 677, 6500, 6999, "it", "Bellinzona"),
      new Canton("VD", "Vaud", LAKE_GENEVA, 2, 855, 653, 1000, 1199, "fr", "Lausanne"),
      new Canton("VS", "Valais / Wallis", LAKE_GENEVA, 2, 364, 532, 1900, 1999, "fr", "Sion"),
      new Canton("NE", "Neuchâtel", MITTELLAND, 1, 177, 649, 2000, 2416, "fr", "Neuchâtel"),
      new Canton("GE", "Genève", LAKE_GENEVA, 1, 518, 760, 1200, 1299, "fr", "Genève"),
      new Canton("JU", "Jura", MITTELLAND, 1, 74, 628, 2800, 2954, "fr", "Delémont"));

  /** Buckets of the canton lookup: fine enough that Appenzell Innerrhoden (0.2%) gets 18 of them. */
  static final int BUCKETS = 10_000;

  private Cantons() {
  }

  /**
   * Two CTEs: {@code canton_reference}, one row per canton with every field of {@link Canton} and its position
   * {@code canton_order}; and {@code canton_buckets}, which maps {@code floor(u * BUCKETS)} of a uniform number u to a
   * canton with probability proportional to its population. The lookup is an equi-join, which DuckDB hashes, where a
   * join on cumulative ranges would compare every row with every canton.
   */
  static String ctes() {
    String rows = IntStream.range(0, ALL.size()).mapToObj(index -> row(index + 1, ALL.get(index)))
        .collect(Collectors.joining(",\n    "));
    return """
        canton_reference AS (
          SELECT *
          FROM (VALUES
            %s
          ) AS reference(canton_order, canton, name, region, premium_region_count, population, premium_chf,
                         postal_low, postal_high, language, town)
        ),
        canton_ranges AS (
          SELECT
            canton,
            SUM(population) OVER (ORDER BY canton_order ROWS UNBOUNDED PRECEDING) - population AS low,
            SUM(population) OVER (ORDER BY canton_order ROWS UNBOUNDED PRECEDING) AS high,
            SUM(population) OVER () AS total
          FROM canton_reference
        ),
        canton_buckets AS (
          SELECT b.bucket, r.canton
          FROM range(0, %d) AS b(bucket)
          JOIN canton_ranges r
            ON (b.bucket + 0.5) * r.total / %d >= r.low
           AND (b.bucket + 0.5) * r.total / %d < r.high
        )""".formatted(rows, BUCKETS, BUCKETS, BUCKETS);
  }

  private static String row(int order, Canton canton) {
    return "(" + order + ", " + literal(canton.code()) + ", " + literal(canton.name()) + ", "
        + literal(canton.region()) + ", " + canton.premiumRegions() + ", " + canton.populationThousands() + ", "
        + canton.premiumChf() + ", " + canton.postalLow() + ", " + canton.postalHigh() + ", "
        + literal(canton.language()) + ", " + literal(canton.town()) + ")";
  }

  private static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }
}
