-- Paid development triangle: service year x development year, incremental and cumulative net paid.
WITH booked AS (
    SELECT
        service_year,
        LEAST(GREATEST(booking_year - service_year, 0), ${max_development_years}) AS development_year,
        COUNT(*)            AS claim_count,
        SUM(net_amount_chf) AS paid
    FROM claims_clean
    GROUP BY 1, 2
),
evaluation AS (
    SELECT MAX(booking_year) AS evaluation_year
    FROM claims_clean
),
grid AS (
    SELECT
        y.service_year,
        CAST(d.development_year AS INTEGER) AS development_year
    FROM (SELECT DISTINCT service_year FROM claims_clean) y
    CROSS JOIN range(0, ${max_development_years} + 1) AS d(development_year)
    CROSS JOIN evaluation v
    WHERE y.service_year + d.development_year <= v.evaluation_year
)
SELECT
    CAST(g.service_year AS INTEGER)                   AS service_year,
    CAST(g.development_year AS INTEGER)               AS development_year,
    CAST(COALESCE(b.claim_count, 0) AS BIGINT)        AS claim_count,
    CAST(COALESCE(b.paid, 0) AS DECIMAL(18,2))        AS incremental_paid_chf,
    CAST(SUM(COALESCE(b.paid, 0)) OVER (
        PARTITION BY g.service_year
        ORDER BY g.development_year
        ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
    ) AS DECIMAL(18,2))                               AS cumulative_paid_chf
FROM grid g
LEFT JOIN booked b
       ON b.service_year = g.service_year
      AND b.development_year = g.development_year
