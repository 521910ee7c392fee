SELECT claim_id, canton, amount_chf
FROM claims
WHERE canton IS NOT NULL AND amount_chf > ${min_amount_chf}
