SELECT claim_id, canton, amount_chf
FROM claims
WHERE amount_chf > ${min_amount_chf}
