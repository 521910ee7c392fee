package io.meshwork.demodata;

/**
 * The insured population every person-level source is generated from: who is insured, where, from when to when, and
 * on which terms in each year. Its CTEs end in {@code person_terms}, one row per insured person and covered calendar
 * year, which insured_persons groups into coverage periods, premiums expands into months and claims into claim lines.
 *
 * <p>The shapes follow Swiss basic insurance: the age pyramid of the resident population (ages 0 to 94 in the second
 * year generated, so birth years 1930 to 2024 for 2023-2025); cantons in proportion to their population; about 90%
 * of persons insured since up to 11 years before the first year, the others joining on 1 January (switching insurer),
 * at birth or at the start of any month (moving to Switzerland); about 6% leaving on 31 December or at the end of a
 * month, 16% of those over 80; deductibles of 300 for about 45% of adults and 2,500 for about 25% (fewer among the
 * elderly), 0 for most children; and about 6% a year changing model, and possibly deductible, on 1 January. Children
 * get a new period, with an adult deductible, in the year they turn 19.
 */
final class Population {

  /** Share of persons per year who change model, and with it possibly their deductible, on 1 January. */
  private static final double YEARLY_TERMS_CHANGE = 0.06;

  private Population() {
  }

  /** The SQL expression of the insured id of a person number: I and nine digits, the first person I000000001. */
  static String insuredId(String personNumber) {
    return "'I' || lpad(CAST(" + personNumber + " + 1 AS VARCHAR), 9, '0')";
  }

  /** The canton CTEs and the population CTEs, without the leading {@code WITH}. */
  static String ctes() {
    return Cantons.ctes() + ",\n" + """
        person_draws AS (
          SELECT
            person_number,
            uniform(person_number, 1) AS age_draw,
            uniform(person_number, 2) AS birth_month_draw,
            uniform(person_number, 3) AS sex_draw,
            uniform(person_number, 4) AS canton_draw,
            uniform(person_number, 5) AS postal_draw,
            uniform(person_number, 6) AS membership_draw,
            uniform(person_number, 7) AS membership_year_draw,
            uniform(person_number, 8) AS membership_month_draw,
            uniform(person_number, 9) AS switching_draw,
            uniform(person_number, 10) AS leaving_draw,
            uniform(person_number, 11) AS leaving_year_draw,
            uniform(person_number, 12) AS leaving_month_draw,
            uniform(person_number, 13) AS leaving_kind_draw,
            uniform(person_number, 14) AS model_draw,
            normal(person_number, 15) AS health
          FROM range(0, {scale}) AS persons(person_number)
        ),
        person_births AS (
          -- age in the second year generated, piecewise linear through the Swiss age pyramid: 20% under 20, 26% 20-39,
          -- 35% 40-64, 13.5% 65-79, 5.5% 80-94
          SELECT
            d.*,
            CAST(least({first_year} + 1, {last_year}) - floor(CASE
              WHEN d.age_draw < 0.20 THEN d.age_draw / 0.20 * 20
              WHEN d.age_draw < 0.46 THEN 20 + (d.age_draw - 0.20) / 0.26 * 20
              WHEN d.age_draw < 0.81 THEN 40 + (d.age_draw - 0.46) / 0.35 * 25
              WHEN d.age_draw < 0.945 THEN 65 + (d.age_draw - 0.81) / 0.135 * 15
              ELSE 80 + (d.age_draw - 0.945) / 0.055 * 15
            END) AS INTEGER) AS birth_year,
            CAST(1 + floor(d.birth_month_draw * 12) AS INTEGER) AS birth_month
          FROM person_draws d
        ),
        persons AS (
          SELECT
            b.person_number,
            {insured_id} AS insured_id,
            b.birth_year,
            CASE WHEN b.sex_draw < 0.503 THEN 'F' ELSE 'M' END AS sex,
            c.canton,
            lpad(CAST(c.postal_low + floor(b.postal_draw * (c.postal_high - c.postal_low + 1)) AS VARCHAR), 4, '0')
              AS postal_code,
            CAST(1 + floor(b.postal_draw * c.premium_region_count) AS INTEGER) AS premium_region,
            c.premium_chf AS canton_premium_chf,
            {first_year} - b.birth_year >= 66 AS senior,
            b.health,
            CASE
              -- born during the years generated: insured from birth
              WHEN b.birth_year >= {first_year} THEN make_date(b.birth_year, b.birth_month, 1)
              -- insured since up to 11 years before the first year
              WHEN b.membership_draw < 0.90 THEN greatest(
                make_date({first_year} - CAST(floor(b.membership_year_draw * 12) AS INTEGER), 1, 1),
                make_date(b.birth_year, b.birth_month, 1))
              -- switched from another insurer on 1 January
              WHEN b.switching_draw < 0.7 AND {last_year} > {first_year} THEN make_date(
                {first_year} + 1 + CAST(floor(b.membership_year_draw * ({last_year} - {first_year})) AS INTEGER), 1, 1)
              -- moved to Switzerland
              ELSE make_date(
                {first_year} + CAST(floor(b.membership_year_draw * ({last_year} - {first_year} + 1)) AS INTEGER),
                1 + CAST(floor(b.membership_month_draw * 12) AS INTEGER), 1)
            END AS join_date,
            CASE
              WHEN b.leaving_draw >= 0.06 + CASE WHEN {first_year} - b.birth_year >= 80 THEN 0.10 ELSE 0 END THEN NULL
              -- switches to another insurer on 31 December
              WHEN b.leaving_kind_draw < 0.6 AND {last_year} > {first_year} THEN make_date(
                {first_year} + CAST(floor(b.leaving_year_draw * ({last_year} - {first_year})) AS INTEGER), 12, 31)
              -- dies or moves abroad at the end of a month
              ELSE last_day(make_date(
                {first_year} + CAST(floor(b.leaving_year_draw * ({last_year} - {first_year} + 1)) AS INTEGER),
                1 + CAST(floor(b.leaving_month_draw * 12) AS INTEGER), 1))
            END AS planned_leaving_date,
            CAST(floor(b.model_draw * 100) AS INTEGER) AS model_percentile
          FROM person_births b
          JOIN canton_buckets k
            ON k.bucket = CAST(floor(b.canton_draw * {buckets}) AS BIGINT)
          JOIN canton_reference c
            ON c.canton = k.canton
        ),
        members AS (
          SELECT
            p.*,
            CASE WHEN p.planned_leaving_date >= p.join_date THEN p.planned_leaving_date END AS leaving_date,
            greatest(year(p.join_date), {first_year}) AS first_covered_year
          FROM persons p
        ),
        person_years AS (
          SELECT
            m.*,
            CAST(y.year AS INTEGER) AS year,
            CAST(y.year - m.birth_year AS INTEGER) AS age,
            coalesce(year(m.leaving_date), {last_year}) AS last_covered_year,
            greatest(m.join_date, make_date(CAST(y.year AS INTEGER), 1, 1)) AS covered_from,
            least(coalesce(m.leaving_date, make_date(CAST(y.year AS INTEGER), 12, 31)),
              make_date(CAST(y.year AS INTEGER), 12, 31)) AS covered_to,
            uniform(m.person_number, y.year, 20) < {terms_change} AS changes_terms,
            CAST(1 + floor(uniform(m.person_number, y.year, 21) * 3) AS INTEGER) AS model_step
          FROM members m
          CROSS JOIN range({first_year}, {last_year} + 1) AS y(year)
          WHERE y.year >= m.first_covered_year
            AND y.year <= coalesce(year(m.leaving_date), {last_year})
        ),
        term_versions AS (
          -- a new version of the terms on 1 January of a voluntary change, and in the year a child turns 19
          SELECT
            y.*,
            CAST(SUM(CASE WHEN y.year > y.first_covered_year AND (y.changes_terms OR y.age = 19) THEN 1 ELSE 0 END)
              OVER person_history AS INTEGER) AS terms_version,
            CAST(SUM(CASE WHEN y.year > y.first_covered_year AND y.changes_terms THEN y.model_step ELSE 0 END)
              OVER person_history AS INTEGER) AS model_shift
          FROM person_years y
          WINDOW person_history AS (PARTITION BY y.person_number ORDER BY y.year ROWS UNBOUNDED PRECEDING)
        ),
        person_terms AS (
          -- models: 26% standard, 14% hmo, 36% family_doctor, 24% telmed; a voluntary change always changes model
          SELECT
            v.*,
            CASE
              WHEN v.age <= 18 THEN CASE
                WHEN v.deductible_draw < 0.80 THEN 0
                WHEN v.deductible_draw < 0.83 THEN 100
                WHEN v.deductible_draw < 0.86 THEN 200
                WHEN v.deductible_draw < 0.89 THEN 300
                WHEN v.deductible_draw < 0.93 THEN 400
                WHEN v.deductible_draw < 0.95 THEN 500
                ELSE 600 END
              WHEN v.senior THEN CASE
                WHEN v.deductible_draw < 0.68 THEN 300
                WHEN v.deductible_draw < 0.78 THEN 500
                WHEN v.deductible_draw < 0.83 THEN 1000
                WHEN v.deductible_draw < 0.91 THEN 1500
                WHEN v.deductible_draw < 0.93 THEN 2000
                ELSE 2500 END
              ELSE CASE
                WHEN v.deductible_draw < 0.40 THEN 300
                WHEN v.deductible_draw < 0.47 THEN 500
                WHEN v.deductible_draw < 0.52 THEN 1000
                WHEN v.deductible_draw < 0.65 THEN 1500
                WHEN v.deductible_draw < 0.71 THEN 2000
                ELSE 2500 END
            END AS deductible_chf,
            ['standard', 'hmo', 'family_doctor', 'telmed'][1 + (CASE
              WHEN v.model_percentile < 26 THEN 0
              WHEN v.model_percentile < 40 THEN 1
              WHEN v.model_percentile < 76 THEN 2
              ELSE 3 END + v.model_shift) % 4] AS insurance_model
          FROM (
            SELECT t.*, uniform(t.person_number, t.terms_version, 22) AS deductible_draw
            FROM term_versions t
          ) v
        )""".replace("{insured_id}", insuredId("b.person_number"))
        .replace("{buckets}", Integer.toString(Cantons.BUCKETS))
        .replace("{terms_change}", Double.toString(YEARLY_TERMS_CHANGE));
  }
}
