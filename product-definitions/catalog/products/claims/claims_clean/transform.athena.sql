-- Athena (Trino) dialect of transform.sql, row for row the same result: Trino has no QUALIFY, so the latest
-- booked version of every claim line is picked by its rank in a subquery.
WITH ranked AS (
    SELECT
        c.*,
        row_number() OVER (
            PARTITION BY claim_id
            ORDER BY booking_date DESC, amount_chf DESC
        ) AS version_rank
    FROM claims c
),
latest AS (
    SELECT *
    FROM ranked
    WHERE version_rank = 1
),
bounded AS (
    SELECT
        l.*,
        LEAST(GREATEST(COALESCE(l.cost_share_chf, 0), 0), l.amount_chf) AS bounded_cost_share
    FROM latest l
    WHERE l.amount_chf > 0
      AND l.amount_chf >= ${min_amount_chf}
)
SELECT
    CAST(b.claim_id AS VARCHAR)                                 AS claim_id,
    CAST(b.insured_id AS VARCHAR)                               AS insured_id,
    CAST(b.provider_id AS VARCHAR)                              AS provider_id,
    CAST(COALESCE(p.provider_type, 'unknown') AS VARCHAR)       AS provider_type,
    CAST(p.canton AS VARCHAR)                                   AS provider_canton,
    CAST(b.service_date AS DATE)                                AS service_date,
    CAST(year(b.service_date) AS INTEGER)                       AS service_year,
    CAST(b.booking_date AS DATE)                                AS booking_date,
    CAST(year(b.booking_date) AS INTEGER)                       AS booking_year,
    CAST(upper(trim(b.tariff)) AS VARCHAR)                      AS tariff,
    CAST(b.amount_chf AS DECIMAL(12,2))                         AS amount_chf,
    CAST(b.bounded_cost_share AS DECIMAL(12,2))                 AS cost_share_chf,
    CAST(b.amount_chf - b.bounded_cost_share AS DECIMAL(12,2))  AS net_amount_chf
FROM bounded b
LEFT JOIN providers p
       ON p.provider_id = b.provider_id
