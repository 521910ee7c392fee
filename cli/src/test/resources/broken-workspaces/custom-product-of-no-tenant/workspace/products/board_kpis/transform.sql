SELECT year, CAST(SUM(net_claims_chf) / SUM(earned_premium_chf) AS DECIMAL(9,4)) AS loss_ratio
FROM loss_ratio
GROUP BY year
