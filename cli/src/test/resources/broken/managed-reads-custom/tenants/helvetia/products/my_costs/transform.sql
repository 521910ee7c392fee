SELECT canton, amount_chf AS total_chf FROM claims_clean
