-- One row per insured person and covered calendar month (exposure).
WITH delivery AS (
    -- An open period runs to the current month, but not past the delivery's latest reporting year.
    SELECT LEAST(current_date, make_date(CAST(max(year(coverage_start)) AS INTEGER), 12, 1)) AS open_end
    FROM insured_persons
),
periods AS (
    SELECT
        p.insured_id,
        p.birth_year,
        p.sex,
        p.canton,
        p.insurance_model,
        p.deductible_chf,
        p.coverage_start,
        GREATEST(
            CAST(date_trunc('month', p.coverage_start) AS DATE),
            make_date(${exposure_from_year}, 1, 1)
        ) AS first_month,
        CAST(date_trunc('month', COALESCE(p.coverage_end, d.open_end)) AS DATE) AS last_month
    FROM insured_persons p
    CROSS JOIN delivery d
),
expanded AS (
    SELECT
        pe.*,
        unnest(generate_series(
            CAST(pe.first_month AS TIMESTAMP),
            CAST(pe.last_month AS TIMESTAMP),
            INTERVAL 1 MONTH
        )) AS month_ts
    FROM periods pe
    WHERE pe.first_month <= pe.last_month
),
monthly AS (
    SELECT
        e.*,
        CAST(e.month_ts AS DATE) AS month_start,
        CAST(year(e.month_ts) - e.birth_year AS INTEGER) AS age
    FROM expanded e
    QUALIFY row_number() OVER (
        PARTITION BY e.insured_id, CAST(e.month_ts AS DATE)
        ORDER BY e.coverage_start DESC
    ) = 1
)
SELECT
    CAST(m.insured_id AS VARCHAR)           AS insured_id,
    m.month_start                           AS month_start,
    CAST(year(m.month_start) AS INTEGER)    AS year,
    CAST(month(m.month_start) AS INTEGER)   AS month,
    m.age                                   AS age,
    CAST(CASE
        WHEN m.age <= 18 THEN '0-18'
        WHEN m.age <= 25 THEN '19-25'
        WHEN m.age >= 91 THEN '91+'
        ELSE CAST(26 + 5 * ((m.age - 26) // 5) AS VARCHAR) || '-'
             || CAST(30 + 5 * ((m.age - 26) // 5) AS VARCHAR)
    END AS VARCHAR)                         AS age_group,
    CAST(m.sex AS VARCHAR)                  AS sex,
    CAST(m.canton AS VARCHAR)               AS canton,
    CAST(m.insurance_model AS VARCHAR)      AS insurance_model,
    CAST(m.deductible_chf AS INTEGER)       AS deductible_chf
FROM monthly m
