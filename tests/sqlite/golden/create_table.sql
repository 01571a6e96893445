CREATE TABLE "documents" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_documents" PRIMARY KEY AUTOINCREMENT,
    "owner_id" BIGINT,
    "parent_id" BIGINT,
    "title" VARCHAR(200) NOT NULL,
    "slug" VARCHAR(200) NOT NULL,
    "body" TEXT,
    CONSTRAINT "uq_documents_slug" UNIQUE ("slug"),
    CONSTRAINT "ck_documents_title" CHECK (title <> ''),
    CONSTRAINT "fk_documents_owner" FOREIGN KEY ("owner_id") REFERENCES "users" ("id") ON DELETE SET NULL,
    CONSTRAINT "fk_documents_parent" FOREIGN KEY ("parent_id") REFERENCES "documents" ("id") ON DELETE CASCADE
);
CREATE INDEX "ix_documents_owner_title" ON "documents" ("owner_id", "title" DESC);
