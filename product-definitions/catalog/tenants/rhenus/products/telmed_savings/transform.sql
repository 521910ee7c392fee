-- Cost of each insurance model vs the standard model, standardised by canton and age band.
WITH standard_cells AS (
    SELECT year, canton, age_band, net_cost_chf / insured_years AS standard_cost_per_insured
    FROM cost_per_insured
    WHERE insurance_model = 'standard'
      AND insured_years > 0
),
matched AS (
    SELECT
        c.year,
        c.insurance_model,
        c.insured_years,
        c.net_cost_chf,
        s.standard_cost_per_insured * c.insured_years AS expected_cost
    FROM cost_per_insured c
    JOIN standard_cells s
      ON s.year = c.year
     AND s.canton = c.canton
     AND s.age_band = c.age_band
),
by_model AS (
    SELECT
        year,
        insurance_model,
        SUM(insured_years) AS insured_years,
        SUM(net_cost_chf)  AS actual_cost,
        SUM(expected_cost) AS expected_cost
    FROM matched
    GROUP BY year, insurance_model
)
SELECT
    CAST(year AS INTEGER)                                                AS year,
    CAST(insurance_model AS VARCHAR)                                     AS insurance_model,
    CAST(insured_years AS DECIMAL(18,4))                                 AS insured_years,
    CAST(actual_cost / NULLIF(insured_years, 0) AS DECIMAL(18,2))        AS net_cost_per_insured_chf,
    CAST(expected_cost / NULLIF(insured_years, 0) AS DECIMAL(18,2))      AS expected_cost_per_insured_chf,
    CAST(1 - actual_cost / NULLIF(expected_cost, 0) AS DECIMAL(18,4))    AS savings_rate,
    CAST(expected_cost - actual_cost AS DECIMAL(18,2))                   AS savings_chf
FROM by_model
