CREATE TABLE "we""ird`ta]ble" (
    "co'l""um`n]" integer,
    "semi;--" text
);
INSERT INTO "we""ird`ta]ble" ("co'l""um`n]", "semi;--") VALUES (1, '''); DROP TABLE users; --');
