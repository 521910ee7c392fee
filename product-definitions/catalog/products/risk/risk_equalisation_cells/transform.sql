-- Exposure and net cost per risk-equalisation cell (adults only), relative to the canton average.
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
        COALESCE(k.net_cost, 0) * 12.0 / NULLIF(e.covered_months, 0) AS cost_per_insured,
        SUM(COALESCE(k.net_cost, 0)) OVER (PARTITION BY e.year, e.canton) * 12.0
            / NULLIF(SUM(e.covered_months) OVER (PARTITION BY e.year, e.canton), 0) AS canton_cost_per_insured
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
    CAST(covered_months / 12.0 AS DECIMAL(18,4))                 AS insured_years,
    CAST(net_cost AS DECIMAL(18,2))                              AS net_cost_chf,
    CAST(cost_per_insured AS DECIMAL(18,2))                      AS net_cost_per_insured_chf,
    CAST(cost_per_insured / NULLIF(canton_cost_per_insured, 0) AS DECIMAL(18,4))
                                                                 AS relative_cost_index
FROM cells
