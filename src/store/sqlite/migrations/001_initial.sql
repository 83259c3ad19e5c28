-- placeholder, replaced by the store's first real schema
SELECT 1;
