SELECT claim_id, canton, amount_chf FROM claims;
COPY claims TO '/tmp/stolen.csv'
