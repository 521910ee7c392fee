-- Earned premium vs incurred net claims per year and canton; loss and combined ratio.
-- Ratios are exact: integer units (cents, months, 0.0001) divided with integer division and rounded half up
-- (away from zero) as sign(n) * sign(d) * ((2|n| + |d|) // (2|d|)); premiums may be negative. Decimal `/`
-- would run in DOUBLE on DuckDB and round half units differently from an exact engine.
WITH first_exposure AS (
    SELECT MIN(month_start) AS first_month
    FROM insured_months
),
premium AS (
    SELECT
        CAST(year(p.premium_month) AS INTEGER) AS year,
        p.canton,
        SUM(p.premium_chf) AS earned_premium
    FROM premiums p
    CROSS JOIN first_exposure f
    WHERE p.premium_month >= f.first_month
    GROUP BY 1, 2
),
exposure AS (
    SELECT year, canton, COUNT(*) AS covered_months
    FROM insured_months
    GROUP BY year, canton
),
claim_cost AS (
    SELECT
        m.year,
        m.canton,
        SUM(c.net_amount_chf) AS net_claims
    FROM claims_clean c
    JOIN insured_months m
      ON m.insured_id = c.insured_id
     AND m.month_start = CAST(date_trunc('month', c.service_date) AS DATE)
    GROUP BY m.year, m.canton
),
cells AS (
    SELECT year, canton FROM premium
    UNION
    SELECT year, canton FROM exposure
    UNION
    SELECT year, canton FROM claim_cost
),
combined AS (
    SELECT
        x.year,
        x.canton,
        COALESCE(e.covered_months, 0) AS covered_months,
        COALESCE(p.earned_premium, 0) AS earned_premium,
        COALESCE(k.net_claims, 0)     AS net_claims,
        CAST(COALESCE(k.net_claims, 0) * 100 AS BIGINT) AS net_claims_cents,
        CAST(NULLIF(p.earned_premium, 0) * 100 AS BIGINT) AS premium_cents
    FROM cells x
    LEFT JOIN premium  p ON p.year = x.year AND p.canton = x.canton
    LEFT JOIN exposure e ON e.year = x.year AND e.canton = x.canton
    LEFT JOIN claim_cost k ON k.year = x.year AND k.canton = x.canton
)
SELECT
    CAST(year AS INTEGER)                                   AS year,
    CAST(canton AS VARCHAR)                                 AS canton,
    CAST((2 * covered_months * 10000 + 12) // 24 * 0.0001 AS DECIMAL(18,4))
                                                            AS insured_years,
    CAST(earned_premium AS DECIMAL(18,2))                   AS earned_premium_chf,
    CAST(net_claims AS DECIMAL(18,2))                       AS net_claims_chf,
    -- net claims / premium, in units of 0.0001
    CAST(sign(net_claims_cents) * sign(premium_cents)
         * ((2 * abs(net_claims_cents) * 10000 + abs(premium_cents)) // (2 * abs(premium_cents))) * 0.0001
         AS DECIMAL(18,4))                                  AS loss_ratio,
    CAST(${expense_ratio} AS DECIMAL(5,4))                  AS expense_ratio,
    -- (net claims + expense ratio * premium) / premium, in units of 0.0001
    CAST(sign(combined_units) * sign(premium_cents)
         * ((2 * abs(combined_units) + abs(premium_cents)) // (2 * abs(premium_cents))) * 0.0001
         AS DECIMAL(18,4))                                  AS combined_ratio
FROM (
    SELECT
        *,
        net_claims_cents * 10000 + CAST(${expense_ratio} * 10000 AS BIGINT) * premium_cents AS combined_units
    FROM combined
)
