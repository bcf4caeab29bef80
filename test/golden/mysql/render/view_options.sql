CREATE ALGORITHM=MERGE SQL SECURITY INVOKER VIEW `app`.`v_orders` AS select `orders`.`id` AS `id` from `orders` WITH CASCADED CHECK OPTION;
