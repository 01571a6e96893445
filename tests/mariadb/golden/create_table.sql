CREATE TABLE `documents` (
    `id` BIGINT NOT NULL AUTO_INCREMENT,
    `owner_id` BIGINT,
    `parent_id` BIGINT,
    `title` VARCHAR(200) NOT NULL COMMENT 'shown in lists',
    `slug` VARCHAR(200) NOT NULL,
    `body` LONGTEXT,
    PRIMARY KEY (`id`),
    CONSTRAINT `uq_documents_slug` UNIQUE (`slug`),
    INDEX `ix_documents_owner_title` (`owner_id`, `title` DESC),
    CONSTRAINT `ck_documents_title` CHECK (title <> ''),
    CONSTRAINT `fk_documents_owner` FOREIGN KEY (`owner_id`) REFERENCES `users` (`id`) ON DELETE SET NULL,
    CONSTRAINT `fk_documents_parent` FOREIGN KEY (`parent_id`) REFERENCES `documents` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
