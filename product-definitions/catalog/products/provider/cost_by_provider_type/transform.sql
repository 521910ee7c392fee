-- Cost and claim counts per service year, provider canton and provider type.
-- The average is exact: cents divided with integer division, rounded half up as (2n + d) // (2d) for n >= 0,
-- d > 0. AVG over decimals would run in DOUBLE on DuckDB and round half cents differently from an exact engine.
SELECT
    CAST(c.service_year AS INTEGER)                      AS year,
    CAST(COALESCE(c.provider_canton, 'XX') AS VARCHAR)   AS canton,
    CAST(COALESCE(k.region, 'Unknown') AS VARCHAR)       AS region,
    CAST(c.provider_type AS VARCHAR)                     AS provider_type,
    CAST(COUNT(DISTINCT c.provider_id) AS BIGINT)        AS provider_count,
    CAST(COUNT(DISTINCT c.insured_id) AS BIGINT)         AS insured_count,
    CAST(COUNT(*) AS BIGINT)                             AS claim_count,
    CAST(SUM(c.amount_chf) AS DECIMAL(18,2))             AS gross_cost_chf,
    CAST(SUM(c.net_amount_chf) AS DECIMAL(18,2))         AS net_cost_chf,
    CAST((2 * CAST(SUM(c.amount_chf) * 100 AS BIGINT) + COUNT(*)) // (2 * COUNT(*)) * 0.01 AS DECIMAL(18,2))
                                                         AS avg_amount_per_claim_chf
FROM claims_clean c
LEFT JOIN cantons k
       ON k.canton = c.provider_canton
GROUP BY
    c.service_year,
    COALESCE(c.provider_canton, 'XX'),
    COALESCE(k.region, 'Unknown'),
    c.provider_type
