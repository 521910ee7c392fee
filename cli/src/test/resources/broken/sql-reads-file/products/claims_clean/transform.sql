SELECT claim_id, canton, amount_chf
FROM read_csv('/etc/passwd')
WHERE amount_chf > ${min_amount_chf}
