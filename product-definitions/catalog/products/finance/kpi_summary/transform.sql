-- Headline KPIs per year from loss_ratio and cost_per_insured.
-- Ratios are exact: integer units (cents, 0.0001 insured-years) divided with integer division and rounded half
-- up (away from zero) as sign(n) * sign(d) * ((2|n| + |d|) // (2|d|)); premiums may be negative. Decimal `/`
-- would run in DOUBLE on DuckDB and round half units differently from an exact engine.
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
        k.net_cost,
        CAST(COALESCE(f.insured_years, k.insured_years, 0) * 10000 AS BIGINT) AS insured_units,
        CAST(k.insured_years * 10000 AS BIGINT)                              AS cost_insured_units,
        CAST(COALESCE(f.earned_premium, 0) * 100 AS BIGINT)                  AS premium_cents,
        CAST(COALESCE(f.net_claims, 0) * 100 AS BIGINT)                      AS net_claims_cents,
        CAST(k.gross_cost * 100 AS BIGINT)                                   AS gross_cents,
        CAST(k.cost_share * 100 AS BIGINT)                                   AS cost_share_cents,
        CAST(k.net_cost * 100 AS BIGINT)                                     AS net_cost_cents,
        CAST(f.expense_ratio * 10000 AS BIGINT)                              AS expense_units
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
    -- earned premium / insured-years, in cents
    CAST(sign(premium_cents) * ((2 * abs(premium_cents) * 10000 + insured_units) // NULLIF(2 * insured_units, 0))
         * 0.01 AS DECIMAL(18,2))                                         AS premium_per_insured_chf,
    -- net cost / insured-years, in cents
    CAST((2 * net_cost_cents * 10000 + cost_insured_units) // NULLIF(2 * cost_insured_units, 0) * 0.01
         AS DECIMAL(18,2))                                                AS net_cost_per_insured_chf,
    -- cost share / gross cost, in units of 0.0001
    CAST((2 * cost_share_cents * 10000 + gross_cents) // NULLIF(2 * gross_cents, 0) * 0.0001
         AS DECIMAL(18,4))                                                AS cost_share_rate,
    -- claims / insured-years, in units of 0.0001
    CAST((2 * claim_count * 10000 * 10000 + cost_insured_units) // NULLIF(2 * cost_insured_units, 0) * 0.0001
         AS DECIMAL(18,4))                                                AS claims_per_insured,
    -- net claims / premium, in units of 0.0001
    CAST(sign(net_claims_cents) * sign(premium_cents)
         * ((2 * abs(net_claims_cents) * 10000 + abs(premium_cents)) // NULLIF(2 * abs(premium_cents), 0))
         * 0.0001 AS DECIMAL(18,4))                                       AS loss_ratio,
    -- (net claims + expense ratio * premium) / premium, in units of 0.0001
    CAST(sign(combined_units) * sign(premium_cents)
         * ((2 * abs(combined_units) + abs(premium_cents)) // NULLIF(2 * abs(premium_cents), 0))
         * 0.0001 AS DECIMAL(18,4))                                       AS combined_ratio
FROM (
    SELECT *, net_claims_cents * 10000 + expense_units * premium_cents AS combined_units
    FROM joined
)
