-- Earned premium vs incurred net claims per year and canton; loss and combined ratio.
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
        COALESCE(k.net_claims, 0) / NULLIF(p.earned_premium, 0) AS loss_ratio
    FROM cells x
    LEFT JOIN premium  p ON p.year = x.year AND p.canton = x.canton
    LEFT JOIN exposure e ON e.year = x.year AND e.canton = x.canton
    LEFT JOIN claim_cost k ON k.year = x.year AND k.canton = x.canton
)
SELECT
    CAST(year AS INTEGER)                                   AS year,
    CAST(canton AS VARCHAR)                                 AS canton,
    CAST(covered_months / 12.0 AS DECIMAL(18,4))            AS insured_years,
    CAST(earned_premium AS DECIMAL(18,2))                   AS earned_premium_chf,
    CAST(net_claims AS DECIMAL(18,2))                       AS net_claims_chf,
    CAST(loss_ratio AS DECIMAL(18,4))                       AS loss_ratio,
    CAST(${expense_ratio} AS DECIMAL(5,4))                  AS expense_ratio,
    CAST(loss_ratio + ${expense_ratio} AS DECIMAL(18,4))    AS combined_ratio
FROM combined
