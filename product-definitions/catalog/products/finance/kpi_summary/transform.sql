-- Headline KPIs per year from loss_ratio and cost_per_insured.
WITH finance AS (
    SELECT
        year,
        COUNT(*)                AS canton_count,
        SUM(insured_years)      AS insured_years,
        SUM(earned_premium_chf) AS earned_premium,
        SUM(net_claims_chf)     AS net_claims,
        MAX(expense_ratio)      AS expense_ratio
    FROM loss_ratio
    GROUP BY year
),
cost AS (
    SELECT
        year,
        SUM(insured_years)  AS insured_years,
        SUM(claim_count)    AS claim_count,
        SUM(gross_cost_chf) AS gross_cost,
        SUM(cost_share_chf) AS cost_share,
        SUM(net_cost_chf)   AS net_cost
    FROM cost_per_insured
    GROUP BY year
),
joined AS (
    SELECT
        COALESCE(f.year, k.year)                            AS year,
        COALESCE(f.canton_count, 0)                         AS canton_count,
        COALESCE(f.insured_years, k.insured_years, 0)       AS insured_years,
        COALESCE(f.earned_premium, 0)                       AS earned_premium,
        COALESCE(f.net_claims, 0)                           AS net_claims,
        f.expense_ratio,
        k.insured_years                                     AS cost_insured_years,
        k.claim_count,
        k.gross_cost,
        k.cost_share,
        k.net_cost
    FROM finance f
    FULL OUTER JOIN cost k
                 ON k.year = f.year
)
SELECT
    CAST(year AS INTEGER)                                                 AS year,
    CAST(canton_count AS INTEGER)                                         AS canton_count,
    CAST(insured_years AS DECIMAL(18,4))                                  AS insured_years,
    CAST(earned_premium AS DECIMAL(18,2))                                 AS earned_premium_chf,
    CAST(net_claims AS DECIMAL(18,2))                                     AS net_claims_chf,
    CAST(earned_premium / NULLIF(insured_years, 0) AS DECIMAL(18,2))      AS premium_per_insured_chf,
    CAST(net_cost / NULLIF(cost_insured_years, 0) AS DECIMAL(18,2))       AS net_cost_per_insured_chf,
    CAST(cost_share / NULLIF(gross_cost, 0) AS DECIMAL(18,4))             AS cost_share_rate,
    CAST(claim_count / NULLIF(cost_insured_years, 0) AS DECIMAL(18,4))    AS claims_per_insured,
    CAST(net_claims / NULLIF(earned_premium, 0) AS DECIMAL(18,4))         AS loss_ratio,
    CAST(net_claims / NULLIF(earned_premium, 0) + expense_ratio AS DECIMAL(18,4))
                                                                          AS combined_ratio
FROM joined
