-- Total, average claim and share of all claims per canton; a '/' in a comment is only text.
WITH totals AS (
  SELECT canton, SUM(amount_chf) AS total_chf, AVG(amount_chf) AS average_chf, COUNT(*) AS claims
  FROM claims_clean
  GROUP BY canton
)
SELECT
  CAST(canton AS VARCHAR)                                            AS canton,
  CAST(total_chf AS DECIMAL(18,2))                                   AS total_chf,
  CAST(average_chf AS DECIMAL(18,2))                                 AS average_chf,
  CAST(total_chf / SUM(total_chf) OVER () AS DECIMAL(18,4))          AS share_of_all
FROM totals
