# heshu's serve (en)
