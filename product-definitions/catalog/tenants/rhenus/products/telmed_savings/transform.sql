-- Cost of each insurance model vs the standard model, standardised by canton and age band.
-- Arithmetic is exact: integer units (cents, 0.0001 insured-years) divided with integer division and rounded
-- half up (away from zero) as sign(n) * ((2|n| + d) // (2d)) for d > 0; each cell's expected cost is rounded
-- to the cent. Decimal `/` would run in DOUBLE on DuckDB and round half cents differently from an exact engine.
WITH units AS (
    SELECT
        year, canton, age_band, insurance_model,
        CAST(insured_years * 10000 AS HUGEINT) AS insured_units,
        CAST(net_cost_chf * 100 AS HUGEINT)    AS net_cost_cents
    FROM cost_per_insured
),
standard_cells AS (
    SELECT year, canton, age_band, net_cost_cents AS standard_cost_cents, insured_units AS standard_units
    FROM units
    WHERE insurance_model = 'standard'
      AND insured_units > 0
),
matched AS (
    SELECT
        c.year,
        c.insurance_model,
        c.insured_units,
        c.net_cost_cents,
        -- standard cost per insured-year * the cell's insured-years, in cents
        (2 * s.standard_cost_cents * c.insured_units + s.standard_units) // (2 * s.standard_units)
            AS expected_cost_cents
    FROM units c
    JOIN standard_cells s
      ON s.year = c.year
     AND s.canton = c.canton
     AND s.age_band = c.age_band
),
by_model AS (
    SELECT
        year,
        insurance_model,
        SUM(insured_units)       AS insured_units,
        SUM(net_cost_cents)      AS actual_cents,
        SUM(expected_cost_cents) AS expected_cents
    FROM matched
    GROUP BY year, insurance_model
)
SELECT
    CAST(year AS INTEGER)                                                AS year,
    CAST(insurance_model AS VARCHAR)                                     AS insurance_model,
    CAST(insured_units * 0.0001 AS DECIMAL(18,4))                        AS insured_years,
    CAST((2 * actual_cents * 10000 + insured_units) // NULLIF(2 * insured_units, 0) * 0.01 AS DECIMAL(18,2))
                                                                         AS net_cost_per_insured_chf,
    CAST((2 * expected_cents * 10000 + insured_units) // NULLIF(2 * insured_units, 0) * 0.01 AS DECIMAL(18,2))
                                                                         AS expected_cost_per_insured_chf,
    -- (expected - actual) / expected, in units of 0.0001
    CAST(sign(expected_cents - actual_cents)
         * ((2 * abs(expected_cents - actual_cents) * 10000 + expected_cents) // NULLIF(2 * expected_cents, 0))
         * 0.0001 AS DECIMAL(18,4))                                      AS savings_rate,
    CAST((expected_cents - actual_cents) * 0.01 AS DECIMAL(18,2))        AS savings_chf
FROM by_model
