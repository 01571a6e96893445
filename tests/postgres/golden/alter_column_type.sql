ALTER TABLE "users" ALTER COLUMN "name" TYPE varchar(500) USING "name"::varchar;
