-- Athena (Trino) dialect of transform.sql, row for row the same result. Trino's `/` on integers is the integer
-- division DuckDB writes as a double slash (both round toward zero, and every numerator here is non-negative), so
-- the exact half-up quotients (2n + d) / (2d) stay in integers.
WITH banded AS (
    SELECT
        m.insured_id,
        m.month_start,
        m.year,
        m.canton,
        m.insurance_model,
        CAST((m.age / ${age_band_width}) * ${age_band_width} AS VARCHAR) || '-'
            || CAST((m.age / ${age_band_width}) * ${age_band_width} + ${age_band_width} - 1 AS VARCHAR)
            AS age_band
    FROM insured_months m
),
exposure AS (
    SELECT
        year, canton, age_band, insurance_model,
        COUNT(*)                   AS covered_months,
        COUNT(DISTINCT insured_id) AS insured_count
    FROM banded
    GROUP BY year, canton, age_band, insurance_model
),
cost AS (
    SELECT
        b.year, b.canton, b.age_band, b.insurance_model,
        COUNT(*)              AS claim_count,
        SUM(c.amount_chf)     AS gross_cost,
        SUM(c.cost_share_chf) AS cost_share,
        SUM(c.net_amount_chf) AS net_cost,
        CAST(SUM(c.net_amount_chf) * 100 AS BIGINT) AS net_cost_cents
    FROM claims_clean c
    JOIN banded b
      ON b.insured_id = c.insured_id
     AND b.month_start = CAST(date_trunc('month', c.service_date) AS DATE)
    GROUP BY b.year, b.canton, b.age_band, b.insurance_model
)
SELECT
    CAST(e.year AS INTEGER)                                     AS year,
    CAST(e.canton AS VARCHAR)                                   AS canton,
    CAST(e.age_band AS VARCHAR)                                 AS age_band,
    CAST(e.insurance_model AS VARCHAR)                          AS insurance_model,
    CAST(e.insured_count AS BIGINT)                             AS insured_count,
    CAST((2 * e.covered_months * 10000 + 12) / 24 * 0.0001 AS DECIMAL(18,4))
                                                                AS insured_years,
    CAST(COALESCE(k.claim_count, 0) AS BIGINT)                  AS claim_count,
    CAST(COALESCE(k.gross_cost, 0) AS DECIMAL(18,2))            AS gross_cost_chf,
    CAST(COALESCE(k.cost_share, 0) AS DECIMAL(18,2))            AS cost_share_chf,
    CAST(COALESCE(k.net_cost, 0) AS DECIMAL(18,2))              AS net_cost_chf,
    CAST((2 * COALESCE(k.net_cost_cents, 0) * 12 + e.covered_months) / NULLIF(2 * e.covered_months, 0) * 0.01
         AS DECIMAL(18,2))                                      AS net_cost_per_insured_chf
FROM exposure e
LEFT JOIN cost k
       ON k.year = e.year
      AND k.canton = e.canton
      AND k.age_band = e.age_band
      AND k.insurance_model = e.insurance_model
