SELECT claim_id, canton, amount_chf, CAST(NULL AS VARCHAR) AS note
FROM claims
WHERE amount_chf > ${min_amount_chf}
