-- Exposure and net cost per risk-equalisation cell (adults only), relative to the canton average.
-- Quotients are exact: integer units (cents, covered months) divided with integer division, rounded half up
-- as (2n + d) // (2d) for n >= 0, d > 0 (HUGEINT where the products of cents and months outgrow BIGINT).
-- Decimal `/` would run in DOUBLE on DuckDB and round half cents differently from an exact engine.
WITH adult_months AS (
    SELECT insured_id, month_start, year, canton, age_group, sex
    FROM insured_months
    WHERE age >= 19
),
exposure AS (
    SELECT
        year, canton, age_group, sex,
        COUNT(*)                   AS covered_months,
        COUNT(DISTINCT insured_id) AS insured_count
    FROM adult_months
    GROUP BY year, canton, age_group, sex
),
cost AS (
    SELECT
        a.year, a.canton, a.age_group, a.sex,
        SUM(c.net_amount_chf) AS net_cost
    FROM claims_clean c
    JOIN adult_months a
      ON a.insured_id = c.insured_id
     AND a.month_start = CAST(date_trunc('month', c.service_date) AS DATE)
    GROUP BY a.year, a.canton, a.age_group, a.sex
),
cells AS (
    SELECT
        e.year, e.canton, e.age_group, e.sex, e.insured_count, e.covered_months,
        COALESCE(k.net_cost, 0) AS net_cost,
        CAST(COALESCE(k.net_cost, 0) * 100 AS HUGEINT) AS net_cost_cents,
        CAST(SUM(COALESCE(k.net_cost, 0)) OVER (PARTITION BY e.year, e.canton) * 100 AS HUGEINT) AS canton_cost_cents,
        SUM(e.covered_months) OVER (PARTITION BY e.year, e.canton) AS canton_months
    FROM exposure e
    LEFT JOIN cost k
           ON k.year = e.year
          AND k.canton = e.canton
          AND k.age_group = e.age_group
          AND k.sex = e.sex
)
SELECT
    CAST(year AS INTEGER)                                        AS year,
    CAST(canton AS VARCHAR)                                      AS canton,
    CAST(age_group AS VARCHAR)                                   AS age_group,
    CAST(sex AS VARCHAR)                                         AS sex,
    CAST(insured_count AS BIGINT)                                AS insured_count,
    CAST((2 * covered_months * 10000 + 12) // 24 * 0.0001 AS DECIMAL(18,4))
                                                                 AS insured_years,
    CAST(net_cost AS DECIMAL(18,2))                              AS net_cost_chf,
    -- net cost * 12 / covered months, in cents
    CAST((2 * net_cost_cents * 12 + covered_months) // NULLIF(2 * covered_months, 0) * 0.01 AS DECIMAL(18,2))
                                                                 AS net_cost_per_insured_chf,
    -- (net cost / covered months) / (canton cost / canton months), in units of 0.0001
    CAST((2 * net_cost_cents * canton_months * 10000 + covered_months * canton_cost_cents)
         // NULLIF(2 * covered_months * canton_cost_cents, 0) * 0.0001 AS DECIMAL(18,4))
                                                                 AS relative_cost_index
FROM cells
