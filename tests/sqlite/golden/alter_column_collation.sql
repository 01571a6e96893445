-- before the transaction
PRAGMA foreign_keys = OFF;
CREATE TABLE "__migcmd_new_users" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_users" PRIMARY KEY AUTOINCREMENT,
    "email" VARCHAR(255) NOT NULL,
    "name" TEXT COLLATE "C",
    "score" INT DEFAULT 0 NOT NULL,
    "created_at" TIMESTAMPTZ DEFAULT CURRENT_TIMESTAMP NOT NULL,
    CONSTRAINT "uq_users_email" UNIQUE ("email"),
    CONSTRAINT "ck_users_score" CHECK (score >= 0)
);
INSERT INTO "__migcmd_new_users" ("id", "email", "name", "score", "created_at") SELECT "id", "email", "name", "score", "created_at" FROM "users";
DELETE FROM sqlite_sequence WHERE name = '__migcmd_new_users';
INSERT INTO sqlite_sequence (name, seq) SELECT '__migcmd_new_users', seq FROM sqlite_sequence WHERE name = 'users';
DROP TABLE "users";
PRAGMA legacy_alter_table = ON;
ALTER TABLE "__migcmd_new_users" RENAME TO "users";
PRAGMA legacy_alter_table = OFF;
CREATE INDEX "ix_users_name" ON "users" ("name");
-- check, fails on any row: rebuilding table users (alter_column users.name) left rows in table orders that violate its foreign key to users; the migration was rolled back
PRAGMA foreign_key_check("orders");
-- after the transaction
PRAGMA foreign_keys = ON;
-- after the transaction
PRAGMA legacy_alter_table = OFF;
