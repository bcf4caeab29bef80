CREATE TABLE `app`.`k` (
    `id` int NOT NULL,
    PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci
PARTITION BY KEY ()
(PARTITION `first`,
 PARTITION `second`);
