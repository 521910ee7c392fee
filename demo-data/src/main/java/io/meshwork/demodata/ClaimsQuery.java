package io.meshwork.demodata;

/**
 * The claims source: claim lines of every covered person-year of the {@link Population}, as booked by 31 December of
 * the last year.
 *
 * <ul>
 *   <li>Lines per person-year: none for a share of persons who send no invoice (22% with a deductible of 2,000 or
 *       more, 7% of other adults, 4% of children), otherwise exponentially distributed around a mean that rises with
 *       age (about 10 for young adults, 50 over 75), a lasting personal health factor, a low deductible and the
 *       standard model, pro rata of the days covered: about 20 per person-year overall, with a long tail.
 *   <li>Service dates: spread over the covered part of the year, with about 15% more claims in midwinter than the
 *       average and 15% fewer in midsummer; line numbers follow service dates, so a running sum gives cost sharing.
 *   <li>Providers and tariffs: pharmacy PHARMA, laboratory LAB, physiotherapy PHYSIO, hospital_inpatient SWISSDRG,
 *       hospital_outpatient mostly TARDOC, physician mostly TARDOC with some LAB and self-dispensed PHARMA; 85% of
 *       lines from a provider in the person's canton.
 *   <li>Amounts: lognormal per tariff, e.g. medians CHF 70 (PHARMA), 150 (TARDOC at a physician), 6,000
 *       (SWISSDRG, the insurer's share of an inpatient case), scaled by the canton's premium level and a cost growth
 *       of 4.5% a year, so loss ratios come out between 80% and 90% in every canton.
 *   <li>Booking date: service date plus a lognormal lag, median two weeks for medicines, a month for ambulatory care
 *       and seven weeks for inpatient cases, a long tail of many months. Lines booked after the last year are left
 *       out, as they would be missing from a delivery at that date.
 *   <li>Cost share: deductible first, then 10% retention up to CHF 700 a year (350 for children), in service-date
 *       order within the calendar year, plus CHF 15 per hospital day from age 26; never more than the amount.
 * </ul>
 *
 * Provider types and tariffs travel as numbers (provider_types' type_order, and {@link #TARIFFS}) and become text
 * only in the final projection, which keeps the ten million rows of a large scale narrow through the window that
 * sums the year's earlier amounts.
 */
final class ClaimsQuery {

  /** Claim line numbers within a person-year have three digits in the claim id. */
  static final int MAXIMUM_LINES_PER_YEAR = 999;
  /** The tariffs by number: a DuckDB list literal, indexed from 1. */
  private static final String TARIFFS = "['SWISSDRG', 'TARDOC', 'LAB', 'PHARMA', 'PHYSIO']";

  private ClaimsQuery() {
  }

  static String sql(SeedOptions options) {
    ClaimDefects defects = new ClaimDefects(options.defects());
    String template = "WITH " + Population.ctes() + ",\n" + ProviderDirectory.ctes() + ",\n" + """
        claim_expectations AS (
          SELECT
            t.person_number,
            t.year,
            t.age,
            t.canton,
            t.deductible_chf,
            t.covered_from,
            CAST(date_diff('day', t.covered_from, t.covered_to) + 1 AS INTEGER) AS covered_days,
            -- costs are higher where premiums are, and grow about 4.5% a year
            t.canton_premium_chf / (SELECT sum(premium_chf * population) / sum(population) FROM canton_reference)
              * power(1.045, t.year - 2024) AS cost_level,
            CASE
              WHEN t.age <= 5 THEN 15 WHEN t.age <= 18 THEN 9.5 WHEN t.age <= 30 THEN 10.5 WHEN t.age <= 50 THEN 15.5
              WHEN t.age <= 65 THEN 23 WHEN t.age <= 75 THEN 36 ELSE 50 END
            * exp(0.55 * t.health - 0.55 * 0.55 / 2)
            * CASE WHEN t.age <= 18 THEN 1.0 ELSE CASE t.deductible_chf
                WHEN 300 THEN 1.15 WHEN 500 THEN 1.0 WHEN 1000 THEN 0.95 WHEN 1500 THEN 0.85 WHEN 2000 THEN 0.8
                ELSE 0.7 END END
            * CASE t.insurance_model WHEN 'standard' THEN 1.08 WHEN 'hmo' THEN 0.9 WHEN 'family_doctor' THEN 0.97
                ELSE 0.95 END
            * (date_diff('day', t.covered_from, t.covered_to) + 1) / 365.25 AS expected_lines,
            -- persons who send no invoice in the year, most of all those with a high deductible
            CASE WHEN t.age <= 18 THEN 0.04 WHEN t.deductible_chf >= 2000 THEN 0.22 ELSE 0.07 END AS silent_share
          FROM person_terms t
        ),
        claim_counts AS (
          SELECT
            e.*,
            CAST(CASE
              WHEN uniform(e.person_number, e.year, 29) < e.silent_share THEN 0
              ELSE least({maximum_lines},
                floor(-ln(uniform(e.person_number, e.year, 30)) * e.expected_lines / (1 - e.silent_share) + 0.5))
            END AS BIGINT) AS line_count
          FROM claim_expectations e
        ),
        {claim_years},
        claim_lines AS (
          SELECT
            y.person_number,
            y.year,
            y.age,
            y.canton,
            y.deductible_chf,
            y.covered_from,
            y.covered_days,
            y.cost_level,
            y.line_count,
            y.defect_rank,
            l.line,
            l.line >= y.line_count AS redelivery,
            CASE WHEN l.line >= y.line_count THEN 0 ELSE l.line END AS source_line
          FROM claim_years y,
               unnest(range(0, y.delivered_lines)) AS l(line)
        ),
        claim_draws AS (
          -- keyed by source_line, so that a redelivered line repeats the line it redelivers
          SELECT
            c.*,
            uniform(c.person_number, c.year, c.source_line, 32) AS type_draw,
            uniform(c.person_number, c.year, c.source_line, 33) AS tariff_draw,
            normal(c.person_number, c.year, c.source_line, 34) AS amount_normal
          FROM claim_lines c
        ),
        claim_kinds AS (
          -- type_order as in provider_types
          SELECT
            d.*,
            CASE
              WHEN d.type_draw < 0.0065 THEN 1
              WHEN d.type_draw < 0.13 THEN 2
              WHEN d.type_draw < 0.53 THEN 3
              WHEN d.type_draw < 0.80 THEN 4
              WHEN d.type_draw < 0.91 THEN 5
              ELSE 6
            END AS type_order,
            CASE
              WHEN d.type_draw < 0.0065 THEN 1
              WHEN d.type_draw < 0.13 THEN CASE WHEN d.tariff_draw < 0.90 THEN 2 ELSE 3 END
              WHEN d.type_draw < 0.53 THEN CASE
                WHEN d.tariff_draw < 0.75 THEN 2 WHEN d.tariff_draw < 0.88 THEN 3 ELSE 4 END
              WHEN d.type_draw < 0.80 THEN 4
              WHEN d.type_draw < 0.91 THEN 3
              ELSE 5
            END AS tariff_number
          FROM claim_draws d
        ),
        claim_amounts AS (
          SELECT
            k.*,
            round(greatest(3.0, k.cost_level * exp(CASE
              WHEN k.tariff_number = 1 THEN ln(6000) + 0.85 * k.amount_normal
              WHEN k.tariff_number = 2 AND k.type_order = 2 THEN ln(270) + 1.0 * k.amount_normal
              WHEN k.tariff_number = 2 THEN ln(150) + 0.75 * k.amount_normal
              WHEN k.tariff_number = 3 THEN ln(40) + 0.7 * k.amount_normal
              WHEN k.tariff_number = 4 THEN ln(70) + 1.1 * k.amount_normal
              ELSE ln(95) + 0.45 * k.amount_normal
            END)), 2) AS amount
          FROM claim_kinds k
        ),
        claim_history AS (
          -- amounts of the person's earlier lines in the year; a redelivered line is costed as it was first booked
          SELECT
            a.*,
            CASE WHEN a.redelivery THEN 0 ELSE SUM(a.amount) OVER (
              PARTITION BY a.person_number, a.year
              ORDER BY a.line
              ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) - a.amount END AS amount_before
          FROM claim_amounts a
        ),
        claim_positions AS (
          -- the position in the covered part of the year, stratified by line so that dates follow line numbers
          SELECT
            h.*,
            (h.source_line + uniform(h.person_number, h.year, h.source_line, 31)) / h.line_count AS year_position
          FROM claim_history h
        ),
        claim_dates AS (
          -- the position warped to the density 1 + 0.15 cos(2 pi s) by one Newton step, which keeps the order
          SELECT
            p.*,
            p.covered_from + CAST(floor((p.year_position - 0.15 * sin(2 * pi() * p.year_position) / (2 * pi())
              / (1 + 0.15 * cos(2 * pi() * p.year_position))) * p.covered_days) AS INTEGER) AS service_date
          FROM claim_positions p
        ),
        claim_providers AS (
          SELECT
            d.*,
            d.service_date + CAST(floor(exp(CASE d.tariff_number WHEN 1 THEN ln(50) WHEN 4 THEN ln(14) ELSE ln(30) END
              + 0.9 * normal(d.person_number, d.year, d.source_line, 35))) AS INTEGER) AS booking_date,
            CASE WHEN uniform(d.person_number, d.year, d.source_line, 36) < 0.85 THEN d.canton ELSE k.canton END
              AS provider_canton,
            CASE WHEN d.tariff_number = 1 AND d.age >= 26
              THEN 15.0 * (1 + floor(exp(ln(4) + 0.7 * normal(d.person_number, d.year, d.source_line, 39))))
              ELSE 0 END AS hospital_contribution,
            CASE WHEN d.age <= 18 THEN 350 ELSE 700 END AS retention_cap
          FROM claim_dates d
          JOIN canton_buckets k
            ON k.bucket = CAST(floor(uniform(d.person_number, d.year, d.source_line, 37) * {buckets}) AS BIGINT)
        ),
        claims AS (
          SELECT
            c.*,
            p.first_provider_number
              + CAST(floor(uniform(c.person_number, c.year, c.source_line, 38) * p.provider_count) AS BIGINT)
              AS provider_number,
            p.provider_total,
            least(c.amount, round(
              greatest(0, least(c.amount, c.deductible_chf - c.amount_before))
              + least(c.retention_cap, 0.1 * greatest(0, c.amount_before + c.amount - c.deductible_chf))
              - least(c.retention_cap, 0.1 * greatest(0, c.amount_before - c.deductible_chf))
              + c.hospital_contribution, 2)) AS cost_share
          FROM claim_providers c
          JOIN provider_directory p
            ON p.type_order = c.type_order
           AND p.canton = c.provider_canton
        )
        SELECT
          CAST('C' || CAST((CAST(year AS BIGINT) * 1000000000 + person_number) * 1000 + source_line AS VARCHAR)
            AS VARCHAR)                           AS claim_id,
          CAST({insured_id} AS VARCHAR)           AS insured_id,
          CAST({provider_id} AS VARCHAR)          AS provider_id,
          CAST(service_date AS DATE)              AS service_date,
          CAST({booking_date} AS DATE)            AS booking_date,
          CAST({tariffs}[tariff_number] AS VARCHAR)
                                                  AS tariff,
          CAST({amount} AS DECIMAL(12,2))         AS amount_chf,
          CAST({cost_share} AS DECIMAL(12,2))     AS cost_share_chf
        FROM claims
        WHERE booking_date <= make_date({last_year}, 12, 31){delivered_anyway}""";
    return GeneratorSql.render(template
        .replace("{claim_years}", defects.claimYears())
        .replace("{insured_id}", defects.insuredId(Population.insuredId("person_number")))
        .replace("{provider_id}", defects.providerId(ProviderDirectory.providerId("provider_number")))
        .replace("{booking_date}", defects.bookingDate("booking_date"))
        .replace("{amount}", defects.amount("amount"))
        .replace("{cost_share}", defects.costShare("cost_share", "amount"))
        .replace("{delivered_anyway}", defects.deliveredAfterTheLastYear())
        .replace("{tariffs}", TARIFFS)
        .replace("{maximum_lines}", Integer.toString(MAXIMUM_LINES_PER_YEAR))
        .replace("{buckets}", Integer.toString(Cantons.BUCKETS)), options);
  }
}
