SELECT claim_id, canton, CAST(amount_chf AS DECIMAL(10,2)) AS amount_chf
FROM claims
WHERE amount_chf > ${min_amount_chf}
