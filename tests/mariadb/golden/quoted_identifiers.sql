CREATE TABLE `we"ird``ta]ble` (
    `co'l"um``n]` INT,
    `semi;--` LONGTEXT
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
INSERT INTO `we"ird``ta]ble` (`co'l"um``n]`, `semi;--`) VALUES (1, '''); DROP TABLE users; --');
