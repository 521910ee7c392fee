SELECT canton, total_chf FROM claims_clean
