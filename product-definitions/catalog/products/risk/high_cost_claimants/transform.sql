-- Insured persons with a yearly net cost above the threshold.
WITH yearly_cost AS (
    SELECT
        c.insured_id,
        c.service_year AS year,
        COUNT(*)              AS claim_count,
        SUM(c.amount_chf)     AS gross_cost,
        SUM(c.net_amount_chf) AS net_cost,
        COALESCE(SUM(c.net_amount_chf) FILTER (WHERE c.provider_type = 'hospital_inpatient'), 0) AS inpatient_cost,
        COALESCE(SUM(c.net_amount_chf) FILTER (WHERE c.tariff = 'PHARMA'), 0)                    AS pharmacy_cost
    FROM claims_clean c
    GROUP BY c.insured_id, c.service_year
    HAVING SUM(c.net_amount_chf) > ${threshold_chf}
),
profile AS (
    SELECT
        m.insured_id,
        m.year,
        arg_max(m.year - m.age, m.month_start)     AS birth_year,
        arg_max(m.sex, m.month_start)              AS sex,
        arg_max(m.canton, m.month_start)           AS canton,
        arg_max(m.insurance_model, m.month_start)  AS insurance_model,
        COUNT(*)                                   AS months_insured
    FROM insured_months m
    GROUP BY m.insured_id, m.year
)
SELECT
    CAST(y.year AS INTEGER)                     AS year,
    CAST(y.insured_id AS VARCHAR)               AS insured_id,
    CAST(p.birth_year AS INTEGER)               AS birth_year,
    CAST(p.sex AS VARCHAR)                      AS sex,
    CAST(p.canton AS VARCHAR)                   AS canton,
    CAST(p.insurance_model AS VARCHAR)          AS insurance_model,
    CAST(p.months_insured AS INTEGER)           AS months_insured,
    CAST(y.claim_count AS BIGINT)               AS claim_count,
    CAST(y.gross_cost AS DECIMAL(18,2))         AS gross_cost_chf,
    CAST(y.net_cost AS DECIMAL(18,2))           AS net_cost_chf,
    CAST(y.inpatient_cost AS DECIMAL(18,2))     AS inpatient_net_cost_chf,
    CAST(y.pharmacy_cost AS DECIMAL(18,2))      AS pharmacy_net_cost_chf,
    CAST(rank() OVER (PARTITION BY y.year ORDER BY y.net_cost DESC) AS INTEGER) AS cost_rank
FROM yearly_cost y
JOIN profile p
  ON p.insured_id = y.insured_id
 AND p.year = y.year
