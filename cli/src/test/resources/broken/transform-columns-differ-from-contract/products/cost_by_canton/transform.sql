WITH totals AS (
  SELECT canton, SUM(amount_chf) AS total_chf
  FROM claims_clean
  GROUP BY canton
)
SELECT canton, total_chf FROM totals
