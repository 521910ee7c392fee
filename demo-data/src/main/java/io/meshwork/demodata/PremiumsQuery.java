package io.meshwork.demodata;

/**
 * The premiums source: one row per insured person and covered month, at the tariff of the person's canton and
 * premium region, KVG age group (children about a quarter, young adults 19-25 about 70% of the adult premium) and
 * year (about +6.5% a year from the 2024 level), less the deductible discount (70% of the extra risk, at most half the
 * premium) and the model discount (hmo 18%, family_doctor 12%, telmed 14%), rounded to 5 centimes as tariffs are.
 */
final class PremiumsQuery {

  private PremiumsQuery() {
  }

  static String sql(SeedOptions options) {
    String canton = options.defects()
        ? "CASE WHEN person_number IN (" + Defect.PREMIUM_WITHOUT_CANTON.personNumbers(options.scale())
            + ") AND year = first_covered_year AND month = month(covered_from) THEN NULL ELSE canton END"
        : "canton";
    return GeneratorSql.render("WITH " + Population.ctes() + ",\n" + """
        premium_months AS (
          SELECT
            t.*,
            CAST(m.month AS INTEGER) AS month,
            t.canton_premium_chf
              * CASE t.premium_region WHEN 1 THEN 1.0 WHEN 2 THEN 0.88 ELSE 0.82 END
              * CASE WHEN t.age <= 18 THEN 0.24 WHEN t.age <= 25 THEN 0.72 ELSE 1.0 END
              * power(1.065, t.year - 2024) AS tariff_chf,
            CASE WHEN t.age <= 18 THEN t.deductible_chf ELSE t.deductible_chf - 300 END * 0.7 / 12 AS discount_chf,
            CASE t.insurance_model WHEN 'hmo' THEN 0.82 WHEN 'family_doctor' THEN 0.88 WHEN 'telmed' THEN 0.86
              ELSE 1.0 END AS model_factor
          FROM person_terms t,
               unnest(range(month(t.covered_from), month(t.covered_to) + 1)) AS m(month)
        )
        SELECT
          CAST(insured_id AS VARCHAR)                                   AS insured_id,
          CAST(make_date(year, month, 1) AS DATE)                       AS premium_month,
          CAST(round(greatest(tariff_chf - discount_chf, tariff_chf / 2) * model_factor * 20) / 20 AS DECIMAL(10,2))
                                                                        AS premium_chf,
          CAST({canton} AS VARCHAR)                                     AS canton
        FROM premium_months""".replace("{canton}", canton), options);
  }
}
