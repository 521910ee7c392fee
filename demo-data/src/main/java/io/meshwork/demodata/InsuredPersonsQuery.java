package io.meshwork.demodata;

/**
 * The insured_persons source: the person-years of the {@link Population} grouped into coverage periods, one per
 * person and version of their terms. The first period starts when the person joined (possibly before the first year);
 * later ones on 1 January. The last period ends when the person left, or is open.
 */
final class InsuredPersonsQuery {

  private InsuredPersonsQuery() {
  }

  static String sql(SeedOptions options) {
    String canton = options.defects()
        ? "CASE WHEN terms_version = 0 AND person_number IN (" + Defect.COVERAGE_WITHOUT_CANTON.personNumbers(
            options.scale()) + ") THEN NULL ELSE canton END"
        : "canton";
    return GeneratorSql.render("WITH " + Population.ctes() + ",\n" + """
        periods AS (
          SELECT
            person_number,
            insured_id,
            birth_year,
            sex,
            canton,
            postal_code,
            join_date,
            leaving_date,
            last_covered_year,
            terms_version,
            deductible_chf,
            insurance_model,
            min(year) AS first_period_year,
            max(year) AS last_period_year
          FROM person_terms
          GROUP BY ALL
        )
        SELECT
          CAST(insured_id AS VARCHAR)       AS insured_id,
          CAST(birth_year AS INTEGER)       AS birth_year,
          CAST(sex AS VARCHAR)              AS sex,
          CAST({canton} AS VARCHAR)         AS canton,
          CAST(deductible_chf AS INTEGER)   AS deductible_chf,
          CAST(insurance_model AS VARCHAR)  AS insurance_model,
          CAST(CASE WHEN terms_version = 0 THEN join_date ELSE make_date(first_period_year, 1, 1) END AS DATE)
                                            AS coverage_start,
          CAST(CASE WHEN last_period_year = last_covered_year THEN leaving_date
               ELSE make_date(last_period_year, 12, 31) END AS DATE)
                                            AS coverage_end,
          CAST(postal_code AS VARCHAR)      AS postal_code
        FROM periods""".replace("{canton}", canton), options);
  }
}
