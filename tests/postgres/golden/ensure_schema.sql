CREATE SCHEMA IF NOT EXISTS "audit";
CREATE TABLE "audit"."events" (
    "id" bigint NOT NULL,
    PRIMARY KEY ("id")
);
