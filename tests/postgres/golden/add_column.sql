ALTER TABLE "users" ADD COLUMN "nickname" varchar(50) DEFAULT 'n/a' NOT NULL;
