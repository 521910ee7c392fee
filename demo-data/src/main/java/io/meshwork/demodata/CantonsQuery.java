package io.meshwork.demodata;

/** The cantons source: the 26 cantons, whatever the options. */
final class CantonsQuery {

  private CantonsQuery() {
  }

  static String sql(SeedOptions options) {
    return GeneratorSql.render("WITH " + Cantons.ctes() + """

        SELECT
          CAST(canton AS VARCHAR)                   AS canton,
          CAST(name AS VARCHAR)                     AS name,
          CAST(region AS VARCHAR)                   AS region,
          CAST(premium_region_count AS INTEGER)     AS premium_region_count
        FROM canton_reference
        ORDER BY canton_order""", options);
  }
}
