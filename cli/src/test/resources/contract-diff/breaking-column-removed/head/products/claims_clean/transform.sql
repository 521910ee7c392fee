SELECT claim_id, canton
FROM claims
WHERE amount_chf > ${min_amount_chf}
