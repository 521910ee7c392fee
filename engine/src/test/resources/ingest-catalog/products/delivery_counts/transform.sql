SELECT (SELECT count(*) FROM claims) AS claims,
       (SELECT count(*) FROM premiums) AS premiums,
       (SELECT count(*) FROM providers) AS providers
