SELECT canton, total_chf FROM cost_by_canton
