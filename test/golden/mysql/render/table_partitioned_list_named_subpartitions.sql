CREATE TABLE `app`.`regions` (
    `id` int NOT NULL,
    `r` int NOT NULL,
    PRIMARY KEY (`id`, `r`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci
PARTITION BY LIST (`r`)
(PARTITION `e` VALUES IN (NULL,1,2),
 PARTITION `rest` DEFAULT);
