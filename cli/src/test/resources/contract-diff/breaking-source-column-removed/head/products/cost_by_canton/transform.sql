WITH totals AS (
  SELECT canton, COUNT(*) AS claim_count, SUM(amount_chf) AS total_chf
  FROM claims_clean
  GROUP BY canton
)
SELECT canton, CAST(claim_count AS INTEGER) AS claim_count, CAST(total_chf AS DECIMAL(18,2)) AS total_chf,
  CAST(total_chf / SUM(total_chf) OVER () AS FLOAT) AS cost_share
FROM totals
