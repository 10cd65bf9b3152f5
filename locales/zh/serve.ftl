# heshu's serve (zh)
