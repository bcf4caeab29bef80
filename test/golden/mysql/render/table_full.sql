CREATE TABLE `app`.`orders` (
    `id` bigint unsigned NOT NULL AUTO_INCREMENT,
    `customer_id` int NOT NULL,
    `status` enum('new','paid') NOT NULL DEFAULT 'new',
    `note` varchar(200) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL COMMENT 'free text',
    `doc` json NULL,
    `total` decimal(12,2) GENERATED ALWAYS AS (`qty` * `price`) STORED,
    `qty` int NULL CHECK (`qty` > 0),
    `price` decimal(10,2) NULL,
    `updated_at` timestamp(3) NOT NULL DEFAULT current_timestamp(3) ON UPDATE current_timestamp(3),
    PRIMARY KEY (`id`),
    KEY `fk_orders_customer` (`customer_id`),
    FULLTEXT KEY `ft_note` (`note`),
    KEY `ix_status` (`status`, `updated_at` DESC) COMMENT 'lists' IGNORED,
    UNIQUE KEY `uq_note` (`note`(20)),
    CONSTRAINT `ck_price` CHECK (`price` >= 0),
    CONSTRAINT `fk_orders_customer` FOREIGN KEY (`customer_id`) REFERENCES `app`.`customers` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci ROW_FORMAT=DYNAMIC COMMENT='customer''s orders';

DELIMITER $$
CREATE TRIGGER `app`.`trg_orders_bi` BEFORE INSERT ON `app`.`orders` FOR EACH ROW BEGIN SET NEW.qty = 1; END
$$
DELIMITER ;
