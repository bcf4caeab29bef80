CREATE TABLE `app`.`archive` (
    `id` int NOT NULL,
    `v` int NULL,
    PRIMARY KEY (`id`) COMMENT 'surrogate key',
    KEY `ix_v` (`v`) COMMENT 'lookups'
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci ROW_FORMAT=COMPRESSED KEY_BLOCK_SIZE=8;
