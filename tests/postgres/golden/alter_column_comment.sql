COMMENT ON COLUMN "users"."email" IS 'the address people sign in with';
