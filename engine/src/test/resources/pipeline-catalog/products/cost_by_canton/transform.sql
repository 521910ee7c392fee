WITH totals AS (
  SELECT canton, SUM(amount_chf) AS total_chf
  FROM claims_clean
  GROUP BY canton
)
SELECT canton, CAST(total_chf AS DECIMAL(18,2)) AS total_chf FROM totals
